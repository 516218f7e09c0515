import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import {
  staffOfficials,
  staffTrainingCourses,
  staffTrainingRecords,
  staffTrainingTopics,
  type TrainingResult,
} from './schema.ts';
import type { CourseInput, CourseView } from './staff.types.ts';
import { manageableAgencies, readableAgencies, requireManagesAll, within } from './staff-access.ts';
import { defaultTrainingTopics } from './staff-labels.ts';

// Training courses (small, city-wide: no owner unit) and who attended them (records keyed by the official's
// owner unit). The reform office records courses; an agency's head records their own officials' attendance.

/** The topic list; the defaults are written on first use so that a fresh deployment has them. */
export async function listTopics(db: Db) {
  const rows = await db.select().from(staffTrainingTopics).orderBy(asc(staffTrainingTopics.sortOrder));
  if (rows.length > 0) return rows.map(({ key, label, active }) => ({ key, label, active }));
  await db
    .insert(staffTrainingTopics)
    .values(defaultTrainingTopics.map((t, i) => ({ ...t, sortOrder: i })))
    .onConflictDoNothing();
  return listTopics(db);
}

export async function saveTopic(
  db: Db,
  principal: Principal,
  key: string,
  input: { label: string; active: boolean },
) {
  requireManagesAll(principal);
  const existing = await listTopics(db);
  await db
    .insert(staffTrainingTopics)
    .values({ key, label: input.label, active: input.active, sortOrder: existing.length })
    .onConflictDoUpdate({
      target: staffTrainingTopics.key,
      set: { label: input.label, active: input.active },
    });
  return listTopics(db);
}

async function topicLabels(db: Db) {
  return new Map((await listTopics(db)).map((t) => [t.key, t.label]));
}

async function checkTopic(db: Db, key: string) {
  const topic = (await listTopics(db)).find((t) => t.key === key);
  if (!topic?.active) throw invalid('topicKey', 'Chủ đề không có trong danh mục.');
}

export async function listCourses(db: Db, year?: number): Promise<CourseView[]> {
  const labels = await topicLabels(db);
  const rows = await db
    .select({
      id: staffTrainingCourses.id,
      name: staffTrainingCourses.name,
      organiser: staffTrainingCourses.organiser,
      topicKey: staffTrainingCourses.topicKey,
      startDate: staffTrainingCourses.startDate,
      endDate: staffTrainingCourses.endDate,
      location: staffTrainingCourses.location,
      participants: sql<number>`(select count(*) from ${staffTrainingRecords} r where r.course_id = ${staffTrainingCourses.id})`,
      completed: sql<number>`(select count(*) from ${staffTrainingRecords} r where r.course_id = ${staffTrainingCourses.id} and r.result = 'completed')`,
    })
    .from(staffTrainingCourses)
    .where(year ? sql`extract(year from ${staffTrainingCourses.startDate}) = ${year}` : undefined)
    .orderBy(desc(staffTrainingCourses.startDate), asc(staffTrainingCourses.name));
  return rows.map((r) => ({
    ...r,
    participants: Number(r.participants),
    completed: Number(r.completed),
    topicLabel: labels.get(r.topicKey) ?? r.topicKey,
  }));
}

async function courseById(db: Db, id: string) {
  const course = (await listCourses(db)).find((c) => c.id === id);
  if (!course) throw notFound('Không tìm thấy lớp đào tạo, bồi dưỡng.');
  return course;
}

export async function createCourse(db: Db, principal: Principal, input: CourseInput) {
  requireManagesAll(principal);
  await checkTopic(db, input.topicKey);
  const [row] = await db
    .insert(staffTrainingCourses)
    .values({ ...input, location: input.location ?? null, createdBy: principal.userId })
    .returning({ id: staffTrainingCourses.id });
  if (!row) throw new Error('insert returned nothing');
  return courseById(db, row.id);
}

export async function updateCourse(db: Db, principal: Principal, id: string, input: CourseInput) {
  requireManagesAll(principal);
  await courseById(db, id);
  await checkTopic(db, input.topicKey);
  await db
    .update(staffTrainingCourses)
    .set({ ...input, location: input.location ?? null })
    .where(eq(staffTrainingCourses.id, id));
  return courseById(db, id);
}

/** The course and the participants the reader may see (their own agency's, or all for the reform office). */
export async function getCourse(db: Db, principal: Principal, id: string) {
  const course = await courseById(db, id);
  const readable = readableAgencies(principal);
  const manageable = manageableAgencies(principal);
  const rows = await db
    .select({
      officialId: staffOfficials.id,
      fullName: staffOfficials.fullName,
      agencyId: staffOfficials.agencyId,
      agencyName: agencies.name,
      position: staffOfficials.position,
      result: staffTrainingRecords.result,
      certificateNo: staffTrainingRecords.certificateNo,
    })
    .from(staffTrainingRecords)
    .innerJoin(
      staffOfficials,
      and(
        eq(staffOfficials.ownerUnitId, staffTrainingRecords.ownerUnitId),
        eq(staffOfficials.id, staffTrainingRecords.officialId),
      ),
    )
    .innerJoin(agencies, eq(agencies.id, staffOfficials.agencyId))
    .where(
      and(
        eq(staffTrainingRecords.courseId, id),
        readable === 'all'
          ? undefined
          : readable.size > 0
            ? inArray(staffOfficials.agencyId, [...readable])
            : sql`false`,
      ),
    )
    .orderBy(asc(agencies.name), asc(staffOfficials.nameKey));
  return { course, participants: rows.map((r) => ({ ...r, canEdit: within(manageable, r.agencyId) })) };
}

/** Adds participants or changes their result; each official must be one the recorder manages. */
export async function saveParticipants(
  db: Db,
  principal: Principal,
  courseId: string,
  participants: { officialId: string; result: TrainingResult; certificateNo: string | null }[],
) {
  await courseById(db, courseId);
  const ids = [...new Set(participants.map((p) => p.officialId))];
  const officials = await db
    .select({
      id: staffOfficials.id,
      ownerUnitId: staffOfficials.ownerUnitId,
      agencyId: staffOfficials.agencyId,
    })
    .from(staffOfficials)
    .where(inArray(staffOfficials.id, ids));
  const byId = new Map(officials.map((o) => [o.id, o]));
  const manageable = manageableAgencies(principal);
  participants.forEach((p, i) => {
    const official = byId.get(p.officialId);
    if (!official) throw invalid(`participants.${i}.officialId`, 'Không tìm thấy cán bộ.');
    if (!within(manageable, official.agencyId))
      throw forbidden('Bạn chỉ được ghi kết quả học tập của cán bộ cơ quan mình.');
  });
  await db.transaction(async (tx) => {
    for (const p of participants) {
      const official = byId.get(p.officialId) as (typeof officials)[number];
      await tx
        .insert(staffTrainingRecords)
        .values({
          ownerUnitId: official.ownerUnitId,
          officialId: p.officialId,
          courseId,
          result: p.result,
          certificateNo: p.certificateNo,
        })
        .onConflictDoUpdate({
          target: [
            staffTrainingRecords.ownerUnitId,
            staffTrainingRecords.officialId,
            staffTrainingRecords.courseId,
          ],
          set: { result: p.result, certificateNo: p.certificateNo, recordedAt: new Date() },
        });
    }
  });
  return getCourse(db, principal, courseId);
}

export async function removeParticipant(db: Db, principal: Principal, courseId: string, officialId: string) {
  const [official] = await db
    .select({ ownerUnitId: staffOfficials.ownerUnitId, agencyId: staffOfficials.agencyId })
    .from(staffOfficials)
    .where(eq(staffOfficials.id, officialId));
  if (!official) throw notFound('Không tìm thấy cán bộ.');
  if (!within(manageableAgencies(principal), official.agencyId))
    throw forbidden('Bạn chỉ được ghi kết quả học tập của cán bộ cơ quan mình.');
  await db
    .delete(staffTrainingRecords)
    .where(
      and(
        eq(staffTrainingRecords.ownerUnitId, official.ownerUnitId),
        eq(staffTrainingRecords.officialId, officialId),
        eq(staffTrainingRecords.courseId, courseId),
      ),
    );
  return getCourse(db, principal, courseId);
}
