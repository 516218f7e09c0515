import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { checkedEvidence } from './evidence.ts';
import { canReportOn, isPlanManager, requireReporter } from './plan-access.ts';
import { recordEvent } from './plan-events.ts';
import type { CreateTaskInput, ProgressInput, TaskFilter, UpdateTaskInput } from './plan-model.ts';
import { checkAgencies, loadPlan, type PlanRow, syncOccurrences, type TaskRow } from './plans.ts';
import { isDueSoon, isOverdue, type occurrencesOf, taskState, vietnamToday } from './schedule.ts';
import {
  reformPlanAreas,
  reformPlanEvents,
  reformTaskOccurrences,
  reformTasks,
  reformTaskUpdates,
} from './schema.ts';
import { loadSuccession } from './succession.ts';

export async function loadTask(db: Db, id: string): Promise<{ task: TaskRow; plan: PlanRow }> {
  const [task] = await db.select().from(reformTasks).where(eq(reformTasks.id, id)).limit(1);
  if (!task) throw notFound('Không tìm thấy nhiệm vụ.');
  return { task, plan: await loadPlan(db, task.planId) };
}

async function checkArea(db: Db, plan: PlanRow, areaId: string) {
  const [area] = await db
    .select({ id: reformPlanAreas.id })
    .from(reformPlanAreas)
    .where(
      and(
        eq(reformPlanAreas.ownerUnitId, plan.ownerUnitId),
        eq(reformPlanAreas.id, areaId),
        eq(reformPlanAreas.planId, plan.id),
      ),
    );
  if (!area) throw invalid('areaId', 'Lĩnh vực không thuộc kế hoạch này.');
}

/** The schedule must give at least one occurrence inside the plan's period (a one-off date within its years). */
function checkSchedule(plan: PlanRow, spec: Parameters<typeof occurrencesOf>[0]) {
  if (spec.recurrence === 'once' && spec.dueDate) {
    const year = Number(spec.dueDate.slice(0, 4));
    if (year < plan.fromYear || year > plan.toYear + 1)
      throw invalid(
        'dueDate',
        `Hạn hoàn thành phải trong giai đoạn ${plan.fromYear}–${plan.toYear} của kế hoạch.`,
      );
  }
}

export async function createTask(
  db: Db,
  principal: Principal | null,
  plan: PlanRow,
  input: CreateTaskInput,
  now = new Date(),
) {
  await checkArea(db, plan, input.areaId);
  await checkAgencies(db, [input.leadAgencyId], 'leadAgencyId');
  await checkAgencies(db, input.coordinatingAgencyIds, 'coordinatingAgencyIds');
  checkSchedule(plan, input);
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: max(reformTasks.ordinal) })
      .from(reformTasks)
      .where(and(eq(reformTasks.ownerUnitId, plan.ownerUnitId), eq(reformTasks.planId, plan.id)));
    const [task] = await tx
      .insert(reformTasks)
      .values({
        ownerUnitId: plan.ownerUnitId,
        planId: plan.id,
        ordinal: (last?.n ?? 0) + 1,
        areaId: input.areaId,
        description: input.description,
        leadAgencyId: input.leadAgencyId,
        coordinatingAgencyIds: [...new Set(input.coordinatingAgencyIds)],
        recurrence: input.recurrence,
        dueDate: input.recurrence === 'once' ? (input.dueDate ?? null) : null,
        dueMonth: input.recurrence === 'yearly' ? (input.dueMonth ?? null) : null,
        dueDay: input.recurrence === 'once' ? null : (input.dueDay ?? null),
        expectedOutput: input.expectedOutput ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!task) throw new Error('insert returned nothing');
    await syncOccurrences(tx, plan, task, now);
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      taskId: task.id,
      action: 'task_created',
      actor: principal,
      at: now,
      data: { description: task.description },
    });
    return task;
  });
}

const taskChanged = () =>
  new AppError(
    'CONFLICT',
    'Nhiệm vụ vừa được người khác sửa sau khi bạn mở; vui lòng tải lại trang để xem bản mới rồi sửa lại.',
  );

export async function updateTask(
  db: Db,
  principal: Principal,
  plan: PlanRow,
  task: TaskRow,
  input: UpdateTaskInput,
  now = new Date(),
) {
  const { version: expected, ...changes } = input;
  if (expected !== undefined && expected !== task.version) throw taskChanged();
  if (input.areaId) await checkArea(db, plan, input.areaId);
  await checkAgencies(db, [input.leadAgencyId], 'leadAgencyId');
  await checkAgencies(db, input.coordinatingAgencyIds ?? [], 'coordinatingAgencyIds');
  const recurrence = input.recurrence ?? task.recurrence;
  const merged = {
    recurrence,
    dueDate: recurrence === 'once' ? (input.dueDate !== undefined ? input.dueDate : task.dueDate) : null,
    dueMonth:
      recurrence === 'yearly' ? (input.dueMonth !== undefined ? input.dueMonth : task.dueMonth) : null,
    dueDay: recurrence === 'once' ? null : input.dueDay !== undefined ? input.dueDay : task.dueDay,
  };
  if (recurrence === 'once' && !merged.dueDate)
    throw invalid('dueDate', 'Nhiệm vụ thực hiện một lần cần có hạn hoàn thành.');
  if (recurrence === 'yearly' && (!merged.dueMonth || !merged.dueDay))
    throw invalid('dueDay', 'Nhiệm vụ hằng năm cần ngày và tháng đến hạn (ví dụ 30/10).');
  if (recurrence === 'quarterly' && !merged.dueDay)
    throw invalid('dueDay', 'Nhiệm vụ hằng quý cần ngày đến hạn trong tháng cuối quý.');
  checkSchedule(plan, merged);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reformTasks)
      .set({
        ...changes,
        ...merged,
        ...(input.coordinatingAgencyIds
          ? { coordinatingAgencyIds: [...new Set(input.coordinatingAgencyIds)] }
          : {}),
        version: task.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(reformTasks.ownerUnitId, task.ownerUnitId),
          eq(reformTasks.id, task.id),
          eq(reformTasks.version, task.version),
        ),
      )
      .returning();
    if (!updated) throw taskChanged();
    await syncOccurrences(tx, plan, updated, now);
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      taskId: task.id,
      action: 'task_updated',
      actor: principal,
      at: now,
      data: changes,
    });
    return updated;
  });
}

/** Removes a task and what it owes; its history stays (the events are never deleted). */
export async function deleteTask(
  db: Db,
  principal: Principal,
  plan: PlanRow,
  task: TaskRow,
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const own = (t: typeof reformTaskOccurrences | typeof reformTaskUpdates) =>
      and(eq(t.ownerUnitId, task.ownerUnitId), eq(t.taskId, task.id));
    await tx.delete(reformTaskUpdates).where(own(reformTaskUpdates));
    await tx.delete(reformTaskOccurrences).where(own(reformTaskOccurrences));
    await tx
      .delete(reformTasks)
      .where(and(eq(reformTasks.ownerUnitId, task.ownerUnitId), eq(reformTasks.id, task.id)));
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      taskId: task.id,
      action: 'task_deleted',
      actor: principal,
      at: now,
      data: { description: task.description },
    });
  });
}

export async function agencyNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type OccurrenceRow = typeof reformTaskOccurrences.$inferSelect;
const occurrenceView = (o: OccurrenceRow, today: string) => ({
  id: o.id,
  periodKey: o.periodKey,
  dueDate: o.dueDate,
  status: o.status,
  percent: o.percent,
  completedAt: o.completedAt,
  overdue: isOverdue(o, today),
  dueSoon: isDueSoon(o, today),
});

async function occurrencesOfTasks(db: Db, ownerUnitId: string, taskIds: string[]) {
  if (taskIds.length === 0) return new Map<string, OccurrenceRow[]>();
  const rows = await db
    .select()
    .from(reformTaskOccurrences)
    .where(
      and(eq(reformTaskOccurrences.ownerUnitId, ownerUnitId), inArray(reformTaskOccurrences.taskId, taskIds)),
    )
    .orderBy(asc(reformTaskOccurrences.dueDate));
  const byTask = new Map<string, OccurrenceRow[]>();
  for (const r of rows) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
  return byTask;
}

/** The tasks of a plan with their state and next due occurrence, filtered by area, lead agency, state, words. */
export async function listTasks(db: Db, plan: PlanRow, filter: TaskFilter, now = new Date()) {
  const today = vietnamToday(now);
  const conditions = [eq(reformTasks.ownerUnitId, plan.ownerUnitId), eq(reformTasks.planId, plan.id)];
  if (filter.areaId) conditions.push(eq(reformTasks.areaId, filter.areaId));
  if (filter.agencyId) conditions.push(eq(reformTasks.leadAgencyId, filter.agencyId));
  const tasks = await db
    .select()
    .from(reformTasks)
    .where(and(...conditions))
    .orderBy(asc(reformTasks.ordinal));
  const occ = await occurrencesOfTasks(
    db,
    plan.ownerUnitId,
    tasks.map((t) => t.id),
  );
  const names = await agencyNames(
    db,
    tasks.flatMap((t) => [t.leadAgencyId, ...t.coordinatingAgencyIds]),
  );
  const words = filter.q?.toLocaleLowerCase('vi');
  const items = tasks
    .map((t) => {
      const os = occ.get(t.id) ?? [];
      const next = os.find((o) => o.status !== 'done' && o.status !== 'cancelled') ?? null;
      return {
        ...taskSummary(t, names),
        state: taskState(os, today),
        overdueCount: os.filter((o) => isOverdue(o, today)).length,
        doneCount: os.filter((o) => o.status === 'done').length,
        occurrenceCount: os.length,
        next: next ? occurrenceView(next, today) : null,
      };
    })
    .filter((t) => !words || t.description.toLocaleLowerCase('vi').includes(words))
    .filter((t) => {
      if (filter.state === 'overdue') return t.state === 'overdue';
      if (filter.state === 'done') return t.state === 'done';
      if (filter.state === 'open') return t.state !== 'done' && t.state !== 'cancelled';
      return true;
    });
  return { items };
}

function taskSummary(t: TaskRow, names: Map<string, string>) {
  return {
    id: t.id,
    planId: t.planId,
    areaId: t.areaId,
    ordinal: t.ordinal,
    description: t.description,
    leadAgencyId: t.leadAgencyId,
    leadAgencyName: names.get(t.leadAgencyId) ?? '',
    coordinatingAgencies: t.coordinatingAgencyIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    recurrence: t.recurrence,
    dueDate: t.dueDate,
    dueMonth: t.dueMonth,
    dueDay: t.dueDay,
    expectedOutput: t.expectedOutput,
    version: t.version,
  };
}

/** A task with its occurrences, progress updates (newest first) and history. */
export async function taskView(db: Db, principal: Principal, id: string, now = new Date()) {
  const today = vietnamToday(now);
  const { task, plan } = await loadTask(db, id);
  const [occ, updates, history, [area]] = await Promise.all([
    occurrencesOfTasks(db, task.ownerUnitId, [task.id]),
    db
      .select()
      .from(reformTaskUpdates)
      .where(and(eq(reformTaskUpdates.ownerUnitId, task.ownerUnitId), eq(reformTaskUpdates.taskId, task.id)))
      .orderBy(desc(reformTaskUpdates.at)),
    db
      .select({
        id: reformPlanEvents.id,
        action: reformPlanEvents.action,
        actorName: reformPlanEvents.actorName,
        at: reformPlanEvents.at,
        data: reformPlanEvents.data,
      })
      .from(reformPlanEvents)
      .where(and(eq(reformPlanEvents.ownerUnitId, task.ownerUnitId), eq(reformPlanEvents.taskId, task.id)))
      .orderBy(desc(reformPlanEvents.id)),
    db
      .select({ code: reformPlanAreas.code, title: reformPlanAreas.title })
      .from(reformPlanAreas)
      .where(and(eq(reformPlanAreas.ownerUnitId, task.ownerUnitId), eq(reformPlanAreas.id, task.areaId))),
  ]);
  const names = await agencyNames(db, [task.leadAgencyId, ...task.coordinatingAgencyIds]);
  const os = occ.get(task.id) ?? [];
  const periodOf = new Map(os.map((o) => [o.id, o.periodKey]));
  return {
    ...taskSummary(task, names),
    plan: { id: plan.id, title: plan.title, fromYear: plan.fromYear, toYear: plan.toYear },
    area: area ?? null,
    state: taskState(os, today),
    occurrences: os.map((o) => occurrenceView(o, today)),
    updates: updates.map((u) => ({
      id: u.id,
      occurrenceId: u.occurrenceId,
      periodKey: periodOf.get(u.occurrenceId) ?? null,
      status: u.status,
      percent: u.percent,
      note: u.note,
      evidence: u.evidence,
      authorName: u.authorName,
      at: u.at,
    })),
    history,
    canReport: canReportOn(
      principal,
      task.leadAgencyId,
      (await loadSuccession(db)).successorsOf(task.leadAgencyId),
    ),
    canManage: isPlanManager(principal),
  };
}

/** A progress report on one occurrence: its status and percent change, the report and evidence are kept. */
export async function reportProgress(
  db: Db,
  files: FileStore | undefined,
  principal: Principal,
  taskId: string,
  input: ProgressInput,
  now = new Date(),
) {
  const { task, plan } = await loadTask(db, taskId);
  requireReporter(principal, task.leadAgencyId, (await loadSuccession(db)).successorsOf(task.leadAgencyId));
  const [occurrence] = await db
    .select()
    .from(reformTaskOccurrences)
    .where(
      and(
        eq(reformTaskOccurrences.ownerUnitId, task.ownerUnitId),
        eq(reformTaskOccurrences.id, input.occurrenceId),
        eq(reformTaskOccurrences.taskId, task.id),
      ),
    );
  if (!occurrence) throw invalid('occurrenceId', 'Kỳ thực hiện không thuộc nhiệm vụ này.');
  const percent = input.status === 'done' ? 100 : input.percent;
  if (input.status === 'done' && input.percent < 100 && input.percent !== 0)
    throw invalid('percent', 'Nhiệm vụ đã hoàn thành thì tiến độ là 100%.');
  const evidence = await checkedEvidence(files, input.evidence);
  await db.transaction(async (tx) => {
    await tx
      .update(reformTaskOccurrences)
      .set({
        status: input.status,
        percent,
        completedAt: input.status === 'done' ? (occurrence.completedAt ?? now) : null,
        updatedAt: now,
      })
      .where(
        and(
          eq(reformTaskOccurrences.ownerUnitId, task.ownerUnitId),
          eq(reformTaskOccurrences.id, occurrence.id),
        ),
      );
    await tx.insert(reformTaskUpdates).values({
      ownerUnitId: task.ownerUnitId,
      taskId: task.id,
      occurrenceId: occurrence.id,
      status: input.status,
      percent,
      note: input.note ?? null,
      evidence,
      authorUserId: principal.userId,
      authorName: principal.fullName,
      at: now,
    });
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      taskId: task.id,
      action: 'progress_reported',
      actor: principal,
      at: now,
      data: { periodKey: occurrence.periodKey, status: input.status, percent, files: evidence.length },
    });
  });
  return taskView(db, principal, task.id, now);
}

/** An evidence file of a task's updates, for any officer (plans are read by every officer). */
export async function taskEvidence(db: Db, taskId: string, fileId: string) {
  const { task } = await loadTask(db, taskId);
  const rows = await db
    .select({ evidence: reformTaskUpdates.evidence })
    .from(reformTaskUpdates)
    .where(and(eq(reformTaskUpdates.ownerUnitId, task.ownerUnitId), eq(reformTaskUpdates.taskId, task.id)));
  const file = rows.flatMap((r) => r.evidence).find((f) => f.fileId === fileId);
  if (!file) throw notFound('Không tìm thấy tệp minh chứng.');
  return file;
}
