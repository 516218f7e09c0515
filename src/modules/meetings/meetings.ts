import { and, asc, desc, eq, gte, inArray, lt, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { ReceivedUpload } from '../../platform/files/receive-upload.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { listOfficers } from '../auth/accounts.ts';
import { agencyScope, canSeeAgency, type Principal } from '../auth/permissions.ts';
import { getAgency, listAgencies } from '../org/units.ts';
import { loadTask } from '../reform-plan/tasks.ts';
import { meetingAccess, requireManage, requireView } from './meeting-access.ts';
import type { MeetingInput, TaskInput, UpdateMeetingInput } from './meetings.types.ts';
import {
  type Attendance,
  meetingAgendaItems,
  meetingDocumentReads,
  meetingDocuments,
  meetingDocumentVersions,
  meetingParticipants,
  meetings,
  meetingTasks,
} from './schema.ts';

type MeetingRow = typeof meetings.$inferSelect;

const stale = () => new AppError('CONFLICT', 'Cuộc họp vừa được người khác cập nhật; vui lòng tải lại.');

async function loadMeeting(db: Db, id: string): Promise<MeetingRow> {
  const [m] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  if (!m) throw notFound('Không tìm thấy cuộc họp.');
  return m;
}

async function participantRows(db: Db, m: MeetingRow) {
  return db
    .select()
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.ownerUnitId, m.ownerUnitId), eq(meetingParticipants.meetingId, m.id)));
}

/** The meeting and what the principal may do with it; 403 outside both roles. */
async function accessTo(db: Db, principal: Principal, id: string) {
  const meeting = await loadMeeting(db, id);
  const participants = await participantRows(db, meeting);
  const access = requireView(meetingAccess(principal, meeting, new Set(participants.map((p) => p.userId))));
  return { meeting, participants, access };
}

async function managed(db: Db, principal: Principal, id: string) {
  const found = await accessTo(db, principal, id);
  requireManage(found.access);
  return found;
}

/** 403 unless the principal organises the meeting (checked before an upload is received). */
export async function checkManager(db: Db, principal: Principal, id: string): Promise<void> {
  await managed(db, principal, id);
}

/** Officers who can be invited: every active officer account, with the agencies they work in. */
export async function invitableOfficers(db: Db) {
  return (await listOfficers(db))
    .filter((o) => o.active)
    .map((o) => ({
      id: o.id,
      fullName: o.fullName,
      agencies: [...new Set(o.roles.flatMap((r) => (r.agencyName ? [r.agencyName] : [])))].join('; '),
    }));
}

async function checkParticipants(db: Db, ids: string[]) {
  const officers = new Set((await invitableOfficers(db)).map((o) => o.id));
  if (ids.some((id) => !officers.has(id)))
    throw invalid('participantIds', 'Chỉ mời được tài khoản cán bộ đang hoạt động.');
  return [...new Set(ids)];
}

async function organisingAgency(db: Db, principal: Principal, agencyId: string) {
  const agency = await getAgency(db, agencyId);
  if (!agency) throw invalid('agencyId', 'Cơ quan tổ chức không tồn tại.');
  if (!canSeeAgency(principal, agencyId)) throw forbidden('Bạn chỉ tổ chức được cuộc họp của cơ quan mình.');
  return agency;
}

export async function createMeeting(db: Db, principal: Principal, input: MeetingInput) {
  const agency = await organisingAgency(db, principal, input.agencyId);
  const participantIds = await checkParticipants(db, input.participantIds);
  if (input.agenda.some((a) => a.id)) throw invalid('agenda', 'Nội dung mới không được mang mã.');
  return db.transaction(async (tx) => {
    const [m] = await tx
      .insert(meetings)
      .values({
        ownerUnitId: agency.unitId,
        agencyId: agency.id,
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        place: input.place,
        onlineLink: input.onlineLink ?? null,
        createdBy: principal.userId,
      })
      .returning();
    if (!m) throw new Error('meeting not inserted');
    await tx.insert(meetingAgendaItems).values(
      input.agenda.map((a, i) => ({
        ownerUnitId: m.ownerUnitId,
        meetingId: m.id,
        ordinal: i + 1,
        title: a.title,
        presenter: a.presenter ?? null,
      })),
    );
    if (participantIds.length)
      await tx
        .insert(meetingParticipants)
        .values(participantIds.map((userId) => ({ ownerUnitId: m.ownerUnitId, meetingId: m.id, userId })));
    return m;
  });
}

/** Bumps the meeting's version if it is still `version`; 409 otherwise. */
async function bump(tx: Db, m: MeetingRow, version: number, set: Partial<typeof meetings.$inferInsert> = {}) {
  const [updated] = await tx
    .update(meetings)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(meetings.ownerUnitId, m.ownerUnitId), eq(meetings.id, m.id), eq(meetings.version, version)))
    .returning();
  if (!updated) throw stale();
  return updated;
}

export async function updateMeeting(db: Db, principal: Principal, id: string, input: UpdateMeetingInput) {
  const { meeting: m, participants } = await managed(db, principal, id);
  if (input.agencyId !== m.agencyId) throw invalid('agencyId', 'Không thể đổi cơ quan tổ chức của cuộc họp.');
  if (input.version !== m.version) throw stale();
  const participantIds = await checkParticipants(db, input.participantIds);
  const scope = and(
    eq(meetingAgendaItems.ownerUnitId, m.ownerUnitId),
    eq(meetingAgendaItems.meetingId, m.id),
  );
  const items = await db.select().from(meetingAgendaItems).where(scope);
  const existing = new Set(items.map((i) => i.id));
  if (input.agenda.some((a) => a.id && !existing.has(a.id)))
    throw invalid('agenda', 'Nội dung chương trình không thuộc cuộc họp này.');
  const kept = new Set(input.agenda.flatMap((a) => (a.id ? [a.id] : [])));
  const removed = items.filter((i) => !kept.has(i.id)).map((i) => i.id);
  if (removed.length) {
    const [withTask] = await db
      .select({ id: meetingTasks.id })
      .from(meetingTasks)
      .where(and(eq(meetingTasks.ownerUnitId, m.ownerUnitId), inArray(meetingTasks.agendaItemId, removed)))
      .limit(1);
    if (withTask) throw invalid('agenda', 'Không xóa được nội dung đã có nhiệm vụ được giao.');
  }
  return db.transaction(async (tx) => {
    const updated = await bump(tx, m, input.version, {
      title: input.title,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      place: input.place,
      onlineLink: input.onlineLink ?? null,
    });
    if (removed.length)
      await tx.delete(meetingAgendaItems).where(and(scope, inArray(meetingAgendaItems.id, removed)));
    for (const [i, a] of input.agenda.entries()) {
      const values = { ordinal: i + 1, title: a.title, presenter: a.presenter ?? null };
      if (a.id)
        await tx
          .update(meetingAgendaItems)
          .set(values)
          .where(and(scope, eq(meetingAgendaItems.id, a.id)));
      else
        await tx
          .insert(meetingAgendaItems)
          .values({ ...values, ownerUnitId: m.ownerUnitId, meetingId: m.id });
    }
    const before = new Set(participants.map((p) => p.userId));
    const after = new Set(participantIds);
    const gone = [...before].filter((u) => !after.has(u));
    const added = participantIds.filter((u) => !before.has(u));
    const pScope = and(
      eq(meetingParticipants.ownerUnitId, m.ownerUnitId),
      eq(meetingParticipants.meetingId, m.id),
    );
    if (gone.length)
      await tx.delete(meetingParticipants).where(and(pScope, inArray(meetingParticipants.userId, gone)));
    if (added.length)
      await tx
        .insert(meetingParticipants)
        .values(added.map((userId) => ({ ownerUnitId: m.ownerUnitId, meetingId: m.id, userId })));
    return updated;
  });
}

/** My meetings: organised by my agencies or where I am invited; upcoming (from today) or past. */
export async function listMeetings(db: Db, principal: Principal, when: 'upcoming' | 'past') {
  const scope = agencyScope(principal);
  const invited = db
    .select({ id: meetingParticipants.meetingId })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.userId, principal.userId));
  const mine =
    scope === 'all'
      ? undefined
      : or(inArray(meetings.id, invited), scope.size ? inArray(meetings.agencyId, [...scope]) : undefined);
  // The Vietnamese day (UTC+7) decides what is still upcoming.
  const today = sql`(date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh')`;
  const rows = await db
    .select()
    .from(meetings)
    .where(and(mine, when === 'upcoming' ? gte(meetings.startsAt, today) : lt(meetings.startsAt, today)))
    .orderBy(when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
    .limit(200);
  const names = await agencyNames(
    db,
    rows.map((r) => r.agencyId),
  );
  const myRows = rows.length
    ? await db
        .select()
        .from(meetingParticipants)
        .where(
          and(
            eq(meetingParticipants.userId, principal.userId),
            inArray(
              meetingParticipants.meetingId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const myAttendance = new Map(myRows.map((p) => [p.meetingId, p]));
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    agencyId: m.agencyId,
    agencyName: names.get(m.agencyId) ?? '',
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    onlineLink: m.onlineLink,
    organiser: canSeeAgency(principal, m.agencyId),
    invited: myAttendance.has(m.id),
    myAttendance: myAttendance.get(m.id)?.attendance ?? null,
  }));
}

async function agencyNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await listAgencies(db, { ids: new Set(ids) });
  return new Map(rows.map((a) => [a.id, a.name]));
}

/** The meeting page: agenda with conclusions, participants and attendance, documents with read status, tasks. */
export async function meetingView(db: Db, principal: Principal, id: string) {
  const { meeting: m, participants, access } = await accessTo(db, principal, id);
  const unit = m.ownerUnitId;
  const [agenda, documents, versions, reads, tasks, officers] = await Promise.all([
    db
      .select()
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.ownerUnitId, unit), eq(meetingAgendaItems.meetingId, m.id)))
      .orderBy(asc(meetingAgendaItems.ordinal)),
    db
      .select()
      .from(meetingDocuments)
      .where(and(eq(meetingDocuments.ownerUnitId, unit), eq(meetingDocuments.meetingId, m.id)))
      .orderBy(asc(meetingDocuments.createdAt)),
    db
      .select()
      .from(meetingDocumentVersions)
      .where(and(eq(meetingDocumentVersions.ownerUnitId, unit), eq(meetingDocumentVersions.meetingId, m.id)))
      .orderBy(desc(meetingDocumentVersions.versionNo)),
    db
      .select()
      .from(meetingDocumentReads)
      .where(and(eq(meetingDocumentReads.ownerUnitId, unit), eq(meetingDocumentReads.meetingId, m.id))),
    db
      .select()
      .from(meetingTasks)
      .where(and(eq(meetingTasks.ownerUnitId, unit), eq(meetingTasks.meetingId, m.id)))
      .orderBy(asc(meetingTasks.createdAt)),
    invitableOfficers(db),
  ]);
  const officerOf = new Map(officers.map((o) => [o.id, o]));
  const names = await agencyNames(db, [m.agencyId, ...tasks.map((t) => t.agencyId)]);
  const reformTasks = new Map<string, { id: string; description: string }>();
  for (const t of tasks)
    if (t.reformTaskId && !reformTasks.has(t.reformTaskId)) {
      const linked = await loadTask(db, t.reformTaskId).catch(() => null);
      if (linked)
        reformTasks.set(t.reformTaskId, { id: linked.task.id, description: linked.task.description });
    }
  const mine = participants.find((p) => p.userId === principal.userId);
  return {
    id: m.id,
    agencyId: m.agencyId,
    agencyName: names.get(m.agencyId) ?? '',
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    onlineLink: m.onlineLink,
    version: m.version,
    canManage: access.manage,
    invited: access.participant,
    myAttendance: mine?.attendance ?? null,
    myConfirmedAt: mine?.confirmedAt ?? null,
    agenda: agenda.map((a) => ({
      id: a.id,
      ordinal: a.ordinal,
      title: a.title,
      presenter: a.presenter,
      conclusion: a.conclusion,
      concludedAt: a.concludedAt,
    })),
    participants: participants
      .map((p) => ({
        userId: p.userId,
        fullName: officerOf.get(p.userId)?.fullName ?? '—',
        agencies: officerOf.get(p.userId)?.agencies ?? '',
        attendance: p.attendance,
        recordedAt: p.recordedAt,
        confirmedAt: p.confirmedAt,
      }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      versions: versions
        .filter((v) => v.documentId === d.id)
        .map((v) => {
          const of = reads.filter((r) => r.versionId === v.id);
          return {
            id: v.id,
            versionNo: v.versionNo,
            name: v.name,
            mime: v.mime,
            sizeBytes: v.sizeBytes,
            uploadedAt: v.uploadedAt,
            readByMe: of.find((r) => r.userId === principal.userId)?.firstReadAt ?? null,
            // Only the organisers see who read what.
            reads: access.manage
              ? of.map((r) => ({
                  userId: r.userId,
                  fullName: officerOf.get(r.userId)?.fullName ?? '—',
                  firstReadAt: r.firstReadAt,
                  lastReadAt: r.lastReadAt,
                  readCount: r.readCount,
                }))
              : [],
          };
        }),
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      agendaItemId: t.agendaItemId,
      description: t.description,
      agencyId: t.agencyId,
      agencyName: names.get(t.agencyId) ?? '',
      dueDate: t.dueDate,
      status: t.status,
      reformTask: (t.reformTaskId && reformTasks.get(t.reformTaskId)) || null,
    })),
  };
}

export async function addDocument(
  db: Db,
  principal: Principal,
  id: string,
  title: string,
  upload: ReceivedUpload,
) {
  const { meeting: m } = await managed(db, principal, id);
  return db.transaction(async (tx) => {
    const [d] = await tx
      .insert(meetingDocuments)
      .values({ ownerUnitId: m.ownerUnitId, meetingId: m.id, title })
      .returning();
    if (!d) throw new Error('document not inserted');
    await tx.insert(meetingDocumentVersions).values(versionValues(m, d.id, 1, principal, upload));
    return { documentId: d.id, versionNo: 1 };
  });
}

const versionValues = (
  m: MeetingRow,
  documentId: string,
  versionNo: number,
  p: Principal,
  u: ReceivedUpload,
) => ({
  ownerUnitId: m.ownerUnitId,
  meetingId: m.id,
  documentId,
  versionNo,
  fileId: u.fileId,
  name: u.name,
  mime: u.mime,
  sizeBytes: u.sizeBytes,
  uploadedBy: p.userId,
});

/** A new version of a document; the earlier versions (and who read them) stay. */
export async function addDocumentVersion(
  db: Db,
  principal: Principal,
  id: string,
  documentId: string,
  upload: ReceivedUpload,
) {
  const { meeting: m } = await managed(db, principal, id);
  const [d] = await db
    .select()
    .from(meetingDocuments)
    .where(
      and(
        eq(meetingDocuments.ownerUnitId, m.ownerUnitId),
        eq(meetingDocuments.meetingId, m.id),
        eq(meetingDocuments.id, documentId),
      ),
    );
  if (!d) throw notFound('Không tìm thấy tài liệu của cuộc họp.');
  const [last] = await db
    .select({ n: max(meetingDocumentVersions.versionNo) })
    .from(meetingDocumentVersions)
    .where(
      and(
        eq(meetingDocumentVersions.ownerUnitId, m.ownerUnitId),
        eq(meetingDocumentVersions.documentId, d.id),
      ),
    );
  const versionNo = Number(last?.n ?? 0) + 1;
  try {
    await db.insert(meetingDocumentVersions).values(versionValues(m, d.id, versionNo, principal, upload));
  } catch {
    throw new AppError('CONFLICT', 'Tài liệu vừa có phiên bản mới; vui lòng tải lại trang.');
  }
  return { documentId: d.id, versionNo };
}

/** Opens one version: records that the principal read it (first and last time, how often) and returns the file. */
export async function openDocumentVersion(db: Db, principal: Principal, id: string, versionId: string) {
  const { meeting: m } = await accessTo(db, principal, id);
  const [v] = await db
    .select()
    .from(meetingDocumentVersions)
    .where(
      and(
        eq(meetingDocumentVersions.ownerUnitId, m.ownerUnitId),
        eq(meetingDocumentVersions.meetingId, m.id),
        eq(meetingDocumentVersions.id, versionId),
      ),
    );
  if (!v) throw notFound('Không tìm thấy tài liệu của cuộc họp.');
  await db
    .insert(meetingDocumentReads)
    .values({ ownerUnitId: m.ownerUnitId, versionId: v.id, userId: principal.userId, meetingId: m.id })
    .onConflictDoUpdate({
      target: [meetingDocumentReads.ownerUnitId, meetingDocumentReads.versionId, meetingDocumentReads.userId],
      set: { lastReadAt: sql`now()`, readCount: sql`${meetingDocumentReads.readCount} + 1` },
    });
  return v;
}

export async function recordAttendance(
  db: Db,
  principal: Principal,
  id: string,
  entries: { userId: string; attendance: Attendance }[],
) {
  const { meeting: m, participants } = await managed(db, principal, id);
  const invited = new Set(participants.map((p) => p.userId));
  if (entries.some((e) => !invited.has(e.userId)))
    throw invalid('entries', 'Chỉ ghi nhận dự họp cho người được mời.');
  await db.transaction(async (tx) => {
    for (const e of entries)
      await tx
        .update(meetingParticipants)
        .set({ attendance: e.attendance, recordedAt: sql`now()` })
        .where(
          and(
            eq(meetingParticipants.ownerUnitId, m.ownerUnitId),
            eq(meetingParticipants.meetingId, m.id),
            eq(meetingParticipants.userId, e.userId),
          ),
        );
  });
}

/** An invited officer confirms they attend. */
export async function confirmAttendance(db: Db, principal: Principal, id: string) {
  const { meeting: m, access } = await accessTo(db, principal, id);
  if (!access.participant) throw forbidden('Chỉ người được mời mới xác nhận tham dự.');
  await db
    .update(meetingParticipants)
    .set({ confirmedAt: sql`now()` })
    .where(
      and(
        eq(meetingParticipants.ownerUnitId, m.ownerUnitId),
        eq(meetingParticipants.meetingId, m.id),
        eq(meetingParticipants.userId, principal.userId),
      ),
    );
}

async function agendaItemOf(db: Db, m: MeetingRow, itemId: string, path: string) {
  const [item] = await db
    .select()
    .from(meetingAgendaItems)
    .where(
      and(
        eq(meetingAgendaItems.ownerUnitId, m.ownerUnitId),
        eq(meetingAgendaItems.meetingId, m.id),
        eq(meetingAgendaItems.id, itemId),
      ),
    );
  if (!item) throw invalid(path, 'Nội dung chương trình không thuộc cuộc họp này.');
  return item;
}

export async function setConclusion(
  db: Db,
  principal: Principal,
  id: string,
  itemId: string,
  input: { version: number; conclusion: string },
) {
  const { meeting: m } = await managed(db, principal, id);
  await agendaItemOf(db, m, itemId, 'itemId');
  return db.transaction(async (tx) => {
    const updated = await bump(tx, m, input.version);
    await tx
      .update(meetingAgendaItems)
      .set({ conclusion: input.conclusion || null, concludedAt: input.conclusion ? sql`now()` : null })
      .where(and(eq(meetingAgendaItems.ownerUnitId, m.ownerUnitId), eq(meetingAgendaItems.id, itemId)));
    return updated;
  });
}

export async function addTask(db: Db, principal: Principal, id: string, input: TaskInput) {
  const { meeting: m } = await managed(db, principal, id);
  await agendaItemOf(db, m, input.agendaItemId, 'agendaItemId');
  if (!(await getAgency(db, input.agencyId))) throw invalid('agencyId', 'Cơ quan thực hiện không tồn tại.');
  if (input.reformTaskId)
    await loadTask(db, input.reformTaskId).catch(() => {
      throw invalid('reformTaskId', 'Không tìm thấy nhiệm vụ trong kế hoạch CCHC.');
    });
  return db.transaction(async (tx) => {
    const updated = await bump(tx, m, input.version);
    const [task] = await tx
      .insert(meetingTasks)
      .values({
        ownerUnitId: m.ownerUnitId,
        meetingId: m.id,
        agendaItemId: input.agendaItemId,
        description: input.description,
        agencyId: input.agencyId,
        dueDate: input.dueDate,
        reformTaskId: input.reformTaskId ?? null,
      })
      .returning();
    return { version: updated.version, taskId: task?.id as string };
  });
}

export async function setTaskStatus(
  db: Db,
  principal: Principal,
  id: string,
  taskId: string,
  status: 'open' | 'done',
) {
  const { meeting: m } = await managed(db, principal, id);
  const [t] = await db
    .update(meetingTasks)
    .set({ status })
    .where(
      and(
        eq(meetingTasks.ownerUnitId, m.ownerUnitId),
        eq(meetingTasks.meetingId, m.id),
        eq(meetingTasks.id, taskId),
      ),
    )
    .returning();
  if (!t) throw notFound('Không tìm thấy nhiệm vụ của cuộc họp.');
}
