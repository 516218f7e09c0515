import {
  and,
  asc,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { foldText } from '../../platform/text/normalize.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { agencies } from '../org/schema.ts';
import { listTopics } from './courses.ts';
import { nameKeyOf } from './import-rows.ts';
import { staffOfficials, staffTrainingCourses, staffTrainingRecords } from './schema.ts';
import type { OfficialInput, OfficialsQuery, OfficialView } from './staff.types.ts';
import { manageableAgencies, readableAgencies, requireManages, within } from './staff-access.ts';
import { vietnamDate } from './staff-indicators.ts';
import { ONLINE_SERVICE_TOPIC } from './staff-labels.ts';
import { resolveScope, type StaffScope } from './staff-scope.ts';

// The officials register: list, read, add, edit. An official who leaves gets an end date and stays.

/** Has completed an online-service-software course that ended on or before `asOf`. */
export function trainedOnlineBy(asOf: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${staffTrainingRecords} r join ${staffTrainingCourses} c
    on c.id = r.course_id where r.owner_unit_id = ${staffOfficials.ownerUnitId}
    and r.official_id = ${staffOfficials.id} and r.result = 'completed'
    and c.topic_key = ${ONLINE_SERVICE_TOPIC} and c.end_date <= ${asOf})`;
}

export function scopeFilter(scope: StaffScope): SQL[] {
  const filters: SQL[] = [];
  if (scope.units)
    filters.push(scope.units.length ? inArray(staffOfficials.ownerUnitId, scope.units) : sql`false`);
  if (scope.agencyIds)
    filters.push(scope.agencyIds.length ? inArray(staffOfficials.agencyId, scope.agencyIds) : sql`false`);
  return filters;
}

const servingOn = (asOf: string) =>
  and(
    sql`${staffOfficials.startDate} <= ${asOf}`,
    or(isNull(staffOfficials.endDate), gte(staffOfficials.endDate, asOf)),
  ) as SQL;

function viewColumns(asOf: string) {
  return {
    id: staffOfficials.id,
    ownerUnitId: staffOfficials.ownerUnitId,
    agencyId: staffOfficials.agencyId,
    agencyName: agencies.name,
    fullName: staffOfficials.fullName,
    birthDate: staffOfficials.birthDate,
    position: staffOfficials.position,
    category: staffOfficials.category,
    degreeLevel: staffOfficials.degreeLevel,
    fieldOfStudy: staffOfficials.fieldOfStudy,
    politicalTheory: staffOfficials.politicalTheory,
    startDate: staffOfficials.startDate,
    endDate: staffOfficials.endDate,
    userId: staffOfficials.userId,
    userName: users.fullName,
    trainedOnline: trainedOnlineBy(asOf),
  };
}

type Row = Omit<OfficialView, 'canEdit' | 'trainedOnline'> & { trainedOnline: unknown };
const toView = (principal: Principal) => {
  const manageable = manageableAgencies(principal);
  return (r: Row): OfficialView => ({
    ...r,
    trainedOnline: r.trainedOnline === true || r.trainedOnline === 't',
    canEdit: within(manageable, r.agencyId),
  });
};

export async function listOfficials(
  db: Db,
  principal: Principal,
  query: OfficialsQuery,
  now = new Date(),
): Promise<{ total: number; items: OfficialView[] }> {
  const today = vietnamDate(now);
  const scope = await resolveScope(db, principal, query);
  const filters = scopeFilter(scope);
  if (query.status === 'serving') filters.push(servingOn(today));
  if (query.status === 'left')
    filters.push(and(isNotNull(staffOfficials.endDate), lt(staffOfficials.endDate, today)) as SQL);
  if (query.degreeLevel) filters.push(eq(staffOfficials.degreeLevel, query.degreeLevel));
  if (query.trainedOnline === 'yes') filters.push(trainedOnlineBy(today));
  if (query.trainedOnline === 'no') filters.push(sql`not ${trainedOnlineBy(today)}`);
  const folded = query.q ? foldText(query.q) : '';
  if (folded) filters.push(like(staffOfficials.nameKey, `%${folded.replace(/[%_\\]/g, '')}%`));
  const where = and(...filters);
  const [totalRow] = await db.select({ n: count() }).from(staffOfficials).where(where);
  const rows = await db
    .select(viewColumns(today))
    .from(staffOfficials)
    .innerJoin(agencies, eq(agencies.id, staffOfficials.agencyId))
    .leftJoin(users, eq(users.id, staffOfficials.userId))
    .where(where)
    .orderBy(asc(agencies.name), asc(staffOfficials.nameKey), asc(staffOfficials.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: Number(totalRow?.n ?? 0), items: rows.map(toView(principal)) };
}

async function findRow(db: Db, id: string, today: string) {
  const [row] = await db
    .select(viewColumns(today))
    .from(staffOfficials)
    .innerJoin(agencies, eq(agencies.id, staffOfficials.agencyId))
    .leftJoin(users, eq(users.id, staffOfficials.userId))
    .where(eq(staffOfficials.id, id));
  return row;
}

export async function getOfficial(db: Db, principal: Principal, id: string, now = new Date()) {
  const row = await findRow(db, id, vietnamDate(now));
  if (!row || !within(readableAgencies(principal), row.agencyId)) throw notFound('Không tìm thấy cán bộ.');
  const trainings = await db
    .select({
      courseId: staffTrainingCourses.id,
      courseName: staffTrainingCourses.name,
      topicKey: staffTrainingCourses.topicKey,
      startDate: staffTrainingCourses.startDate,
      endDate: staffTrainingCourses.endDate,
      result: staffTrainingRecords.result,
      certificateNo: staffTrainingRecords.certificateNo,
    })
    .from(staffTrainingRecords)
    .innerJoin(staffTrainingCourses, eq(staffTrainingCourses.id, staffTrainingRecords.courseId))
    .where(
      and(eq(staffTrainingRecords.ownerUnitId, row.ownerUnitId), eq(staffTrainingRecords.officialId, id)),
    )
    .orderBy(asc(staffTrainingCourses.startDate));
  const labels = new Map((await listTopics(db)).map((t) => [t.key, t.label]));
  return {
    official: toView(principal)(row),
    trainings: trainings.map(({ topicKey, ...t }) => ({
      ...t,
      topicLabel: labels.get(topicKey) ?? topicKey,
    })),
  };
}

async function agencyUnit(db: Db, agencyId: string): Promise<string> {
  const [agency] = await db
    .select({ unitId: agencies.unitId })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw invalid('agencyId', 'Không tìm thấy cơ quan, đơn vị.');
  return agency.unitId;
}

async function checkUser(db: Db, userId: string | null | undefined) {
  if (!userId) return;
  const [user] = await db.select({ kind: users.kind }).from(users).where(eq(users.id, userId));
  if (user?.kind !== 'officer') throw invalid('userId', 'Không tìm thấy tài khoản cán bộ này.');
}

const values = (input: OfficialInput) => ({
  agencyId: input.agencyId,
  fullName: input.fullName.normalize('NFC'),
  nameKey: nameKeyOf(input.fullName),
  birthDate: input.birthDate,
  position: input.position ?? null,
  category: input.category,
  degreeLevel: input.degreeLevel,
  fieldOfStudy: input.fieldOfStudy ?? null,
  politicalTheory: input.politicalTheory ?? null,
  startDate: input.startDate,
  endDate: input.endDate ?? null,
  userId: input.userId ?? null,
});

const duplicate = () =>
  conflict('Cơ quan này đã có cán bộ cùng họ tên và ngày sinh; vui lòng sửa hồ sơ đã có.');
const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } }).code === '23505' ||
  (e as { cause?: { code?: string } }).cause?.code === '23505';

export async function createOfficial(db: Db, principal: Principal, input: OfficialInput, now = new Date()) {
  requireManages(principal, input.agencyId);
  const ownerUnitId = await agencyUnit(db, input.agencyId);
  await checkUser(db, input.userId);
  const [row] = await db
    .insert(staffOfficials)
    .values({ ownerUnitId, ...values(input) })
    .onConflictDoNothing()
    .returning({ id: staffOfficials.id });
  if (!row) throw duplicate();
  return (await getOfficial(db, principal, row.id, now)).official;
}

export async function updateOfficial(
  db: Db,
  principal: Principal,
  id: string,
  input: OfficialInput,
  now = new Date(),
) {
  const current = await findRow(db, id, vietnamDate(now));
  if (!current || !within(readableAgencies(principal), current.agencyId))
    throw notFound('Không tìm thấy cán bộ.');
  requireManages(principal, current.agencyId);
  requireManages(principal, input.agencyId);
  const ownerUnitId = await agencyUnit(db, input.agencyId);
  if (ownerUnitId !== current.ownerUnitId)
    // The owner unit is the distribution key and cannot change: a move to another unit is an end + a new row.
    throw invalid(
      'agencyId',
      'Cán bộ chuyển sang cơ quan thuộc đơn vị hành chính khác: hãy nhập ngày thôi việc và thêm mới ở cơ quan mới.',
    );
  await checkUser(db, input.userId);
  try {
    await db
      .update(staffOfficials)
      .set({ ...values(input), updatedAt: now })
      .where(and(eq(staffOfficials.ownerUnitId, ownerUnitId), eq(staffOfficials.id, id)));
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  return (await getOfficial(db, principal, id, now)).official;
}
