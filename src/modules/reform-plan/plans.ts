import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { recordEvent } from './plan-events.ts';
import type { CopyPlanInput, CreatePlanInput, UpdatePlanInput } from './plan-model.ts';
import { occurrencesOf, shiftYears } from './schedule.ts';
import { reformPlanAreas, reformPlans, reformTargets, reformTaskOccurrences, reformTasks } from './schema.ts';
import { standardAreas } from './standard-areas.ts';

export type PlanRow = typeof reformPlans.$inferSelect;
export type TaskRow = typeof reformTasks.$inferSelect;

export async function loadPlan(db: Db, id: string): Promise<PlanRow> {
  const [plan] = await db.select().from(reformPlans).where(eq(reformPlans.id, id)).limit(1);
  if (!plan) throw notFound('Không tìm thấy kế hoạch.');
  return plan;
}

export async function listPlans(db: Db) {
  const rows = await db
    .select({
      id: reformPlans.id,
      title: reformPlans.title,
      fromYear: reformPlans.fromYear,
      toYear: reformPlans.toYear,
      decisionNumber: reformPlans.decisionNumber,
      decisionDate: reformPlans.decisionDate,
      status: reformPlans.status,
      unitName: adminUnits.name,
    })
    .from(reformPlans)
    .innerJoin(adminUnits, eq(adminUnits.id, reformPlans.ownerUnitId))
    .orderBy(desc(reformPlans.fromYear), asc(reformPlans.title));
  return { items: rows };
}

export async function planAreas(db: Db, plan: PlanRow) {
  return db
    .select({
      id: reformPlanAreas.id,
      kind: reformPlanAreas.kind,
      code: reformPlanAreas.code,
      title: reformPlanAreas.title,
    })
    .from(reformPlanAreas)
    .where(and(eq(reformPlanAreas.ownerUnitId, plan.ownerUnitId), eq(reformPlanAreas.planId, plan.id)))
    .orderBy(asc(reformPlanAreas.ordinal));
}

async function checkAgencies(db: Db, ids: (string | null | undefined)[], path: string) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return;
  const found = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, wanted));
  if (found.length !== wanted.length) throw invalid(path, 'Cơ quan không tồn tại.');
}

export { checkAgencies };

export async function createPlan(
  db: Db,
  principal: Principal | null,
  input: CreatePlanInput,
  now = new Date(),
) {
  const [unit] = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(eq(adminUnits.id, input.unitId));
  if (!unit) throw invalid('unitId', 'Đơn vị hành chính không tồn tại.');
  await checkAgencies(db, [input.issuingAgencyId], 'issuingAgencyId');
  await checkAgencies(db, [input.coordinatingAgencyId], 'coordinatingAgencyId');
  const areas = input.areas ?? standardAreas;
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(reformPlans)
      .values({
        ownerUnitId: input.unitId,
        title: input.title,
        fromYear: input.fromYear,
        toYear: input.toYear,
        decisionNumber: input.decisionNumber ?? null,
        decisionDate: input.decisionDate ?? null,
        issuingAgencyId: input.issuingAgencyId ?? null,
        coordinatingAgencyId: input.coordinatingAgencyId ?? null,
        summary: input.summary ?? null,
        status: input.status,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!plan) throw new Error('insert returned nothing');
    if (areas.length > 0)
      await tx
        .insert(reformPlanAreas)
        .values(
          areas.map((a, i) => ({ ownerUnitId: plan.ownerUnitId, planId: plan.id, ordinal: i + 1, ...a })),
        );
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'plan_created',
      actor: principal,
      at: now,
      data: { title: plan.title, fromYear: plan.fromYear, toYear: plan.toYear },
    });
    return plan;
  });
}

export async function addArea(
  db: Db,
  principal: Principal,
  plan: PlanRow,
  input: { kind: 'task_area' | 'solution'; code: string; title: string },
  now = new Date(),
) {
  const existing = await planAreas(db, plan);
  if (existing.some((a) => a.code === input.code))
    throw invalid('code', 'Số thứ tự lĩnh vực đã có trong kế hoạch.');
  return db.transaction(async (tx) => {
    const [area] = await tx
      .insert(reformPlanAreas)
      .values({ ownerUnitId: plan.ownerUnitId, planId: plan.id, ordinal: existing.length + 1, ...input })
      .returning();
    if (!area) throw new Error('insert returned nothing');
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'area_added',
      actor: principal,
      at: now,
      data: input,
    });
    return area;
  });
}

/** Regenerates every task's occurrences for a new period: existing periods keep their status and updates. */
export async function syncOccurrences(tx: Db, plan: PlanRow, task: TaskRow, now: Date): Promise<void> {
  const planned = occurrencesOf(task, plan.fromYear, plan.toYear);
  const existing = await tx
    .select({
      id: reformTaskOccurrences.id,
      periodKey: reformTaskOccurrences.periodKey,
      status: reformTaskOccurrences.status,
    })
    .from(reformTaskOccurrences)
    .where(
      and(eq(reformTaskOccurrences.ownerUnitId, plan.ownerUnitId), eq(reformTaskOccurrences.taskId, task.id)),
    );
  const keys = new Set(planned.map((p) => p.periodKey));
  const stale = existing.filter((o) => !keys.has(o.periodKey)).map((o) => o.id);
  if (stale.length > 0)
    await tx
      .delete(reformTaskOccurrences)
      .where(
        and(
          eq(reformTaskOccurrences.ownerUnitId, plan.ownerUnitId),
          inArray(reformTaskOccurrences.id, stale),
        ),
      );
  for (const p of planned) {
    await tx
      .insert(reformTaskOccurrences)
      .values({
        ownerUnitId: plan.ownerUnitId,
        taskId: task.id,
        planId: plan.id,
        leadAgencyId: task.leadAgencyId,
        periodKey: p.periodKey,
        dueDate: p.dueDate,
        status: 'not_started',
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [
          reformTaskOccurrences.ownerUnitId,
          reformTaskOccurrences.taskId,
          reformTaskOccurrences.periodKey,
        ],
        set: { dueDate: p.dueDate, leadAgencyId: task.leadAgencyId },
      });
  }
}

export async function planTasks(db: Db, plan: PlanRow): Promise<TaskRow[]> {
  return db
    .select()
    .from(reformTasks)
    .where(and(eq(reformTasks.ownerUnitId, plan.ownerUnitId), eq(reformTasks.planId, plan.id)))
    .orderBy(asc(reformTasks.ordinal));
}

const planChanged = () =>
  new AppError(
    'CONFLICT',
    'Kế hoạch vừa được người khác sửa sau khi bạn mở; vui lòng tải lại trang để xem bản mới rồi sửa lại.',
  );

export async function updatePlan(
  db: Db,
  principal: Principal,
  plan: PlanRow,
  input: UpdatePlanInput,
  now = new Date(),
) {
  const fromYear = input.fromYear ?? plan.fromYear;
  const toYear = input.toYear ?? plan.toYear;
  if (toYear < fromYear || toYear - fromYear > 10)
    throw invalid(
      'toYear',
      'Giai đoạn không hợp lệ: năm kết thúc phải từ năm bắt đầu trở đi, tối đa 10 năm.',
    );
  const { version: expected, ...changes } = input;
  if (expected !== undefined && expected !== plan.version) throw planChanged();
  await checkAgencies(db, [input.issuingAgencyId], 'issuingAgencyId');
  await checkAgencies(db, [input.coordinatingAgencyId], 'coordinatingAgencyId');
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reformPlans)
      .set({ ...changes, version: plan.version + 1, updatedAt: now })
      .where(
        and(
          eq(reformPlans.ownerUnitId, plan.ownerUnitId),
          eq(reformPlans.id, plan.id),
          eq(reformPlans.version, plan.version),
        ),
      )
      .returning();
    if (!updated) throw planChanged();
    if (fromYear !== plan.fromYear || toYear !== plan.toYear)
      for (const task of await planTasks(tx, updated)) await syncOccurrences(tx, updated, task, now);
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'plan_updated',
      actor: principal,
      at: now,
      data: changes,
    });
    return updated;
  });
}

/**
 * A new plan from an existing one (e.g. 2021–2025 → 2026–2030): same unit, areas, targets and tasks; one-off
 * deadlines move by the difference of the start years, recurring tasks owe their occurrences over the new
 * period. Statuses, progress and entered actuals are not copied. The copy starts as a draft.
 */
export async function copyPlan(
  db: Db,
  principal: Principal,
  source: PlanRow,
  input: CopyPlanInput,
  now = new Date(),
) {
  const shift = input.fromYear - source.fromYear;
  const toYear = input.toYear ?? source.toYear + shift;
  if (toYear < input.fromYear || toYear - input.fromYear > 10)
    throw invalid(
      'toYear',
      'Giai đoạn không hợp lệ: năm kết thúc phải từ năm bắt đầu trở đi, tối đa 10 năm.',
    );
  const [areas, targets, tasks] = await Promise.all([
    db
      .select()
      .from(reformPlanAreas)
      .where(and(eq(reformPlanAreas.ownerUnitId, source.ownerUnitId), eq(reformPlanAreas.planId, source.id))),
    db
      .select()
      .from(reformTargets)
      .where(and(eq(reformTargets.ownerUnitId, source.ownerUnitId), eq(reformTargets.planId, source.id))),
    planTasks(db, source),
  ]);
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(reformPlans)
      .values({
        ownerUnitId: source.ownerUnitId,
        title: input.title,
        fromYear: input.fromYear,
        toYear,
        issuingAgencyId: source.issuingAgencyId,
        coordinatingAgencyId: source.coordinatingAgencyId,
        summary: source.summary,
        status: 'draft',
        copiedFromId: source.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!plan) throw new Error('insert returned nothing');
    const areaIds = new Map<string, string>();
    for (const a of areas) {
      const [copy] = await tx
        .insert(reformPlanAreas)
        .values({
          ownerUnitId: plan.ownerUnitId,
          planId: plan.id,
          kind: a.kind,
          code: a.code,
          ordinal: a.ordinal,
          title: a.title,
        })
        .returning({ id: reformPlanAreas.id });
      if (copy) areaIds.set(a.id, copy.id);
    }
    if (targets.length > 0)
      await tx
        .insert(reformTargets)
        .values(targets.map(({ id: _id, planId: _p, ...t }) => ({ ...t, planId: plan.id })));
    for (const t of tasks) {
      const [task] = await tx
        .insert(reformTasks)
        .values({
          ownerUnitId: plan.ownerUnitId,
          planId: plan.id,
          areaId: areaIds.get(t.areaId) ?? t.areaId,
          ordinal: t.ordinal,
          description: t.description,
          leadAgencyId: t.leadAgencyId,
          coordinatingAgencyIds: t.coordinatingAgencyIds,
          recurrence: t.recurrence,
          dueDate: t.dueDate ? shiftYears(t.dueDate, shift) : null,
          dueMonth: t.dueMonth,
          dueDay: t.dueDay,
          expectedOutput: t.expectedOutput,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (task) await syncOccurrences(tx, plan, task, now);
    }
    await recordEvent(tx, {
      ownerUnitId: plan.ownerUnitId,
      planId: plan.id,
      action: 'plan_copied',
      actor: principal,
      at: now,
      data: { fromPlanId: source.id, fromTitle: source.title, yearShift: shift, tasks: tasks.length },
    });
    return plan;
  });
}
