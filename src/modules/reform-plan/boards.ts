import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { isPlanManager } from './plan-access.ts';
import { type PlanRow, planAreas } from './plans.ts';
import { isDueSoon, isOverdue, vietnamToday } from './schedule.ts';
import { reformPlans, reformTaskOccurrences, reformTasks } from './schema.ts';
import { loadSuccession } from './succession.ts';
import { targetsWithActuals } from './targets.ts';
import { agencyNames } from './tasks.ts';

const openStatuses = ['not_started', 'in_progress'] as const;

/**
 * "What we owe, by when": the open occurrences an agency leads, across plans, earliest due first, each flagged
 * overdue or due within 7 days. Without `agencyId`, the officer's own agencies. Tasks of the agencies they took
 * over from (an old ward's, before the 2025 reorganisation) roll up here, marked with the original agency
 * (`rolledUpFrom`).
 */
export async function agencyBoard(
  db: Db,
  principal: Principal,
  agencyId: string | undefined,
  now = new Date(),
) {
  const scope = agencyScope(principal);
  let agencyIds: string[];
  if (agencyId) {
    if (!isPlanManager(principal) && scope !== 'all' && !scope.has(agencyId))
      throw forbidden('Bạn chỉ xem được việc của cơ quan mình.');
    agencyIds = [agencyId];
  } else {
    agencyIds = scope === 'all' ? [] : [...scope];
    if (agencyIds.length === 0) throw invalid('agencyId', 'Vui lòng chọn cơ quan.');
  }
  const today = vietnamToday(now);
  const succession = await loadSuccession(db);
  /** Each predecessor agency → the selected agency its tasks roll up to. */
  const rollsUpTo = new Map<string, string>();
  for (const id of agencyIds)
    for (const predecessor of succession.predecessorsOf(id))
      if (!agencyIds.includes(predecessor) && !rollsUpTo.has(predecessor)) rollsUpTo.set(predecessor, id);
  const leadIds = [...agencyIds, ...rollsUpTo.keys()];
  const rows = await db
    .select({
      occurrenceId: reformTaskOccurrences.id,
      periodKey: reformTaskOccurrences.periodKey,
      dueDate: reformTaskOccurrences.dueDate,
      status: reformTaskOccurrences.status,
      percent: reformTaskOccurrences.percent,
      leadAgencyId: reformTaskOccurrences.leadAgencyId,
      taskId: reformTasks.id,
      description: reformTasks.description,
      expectedOutput: reformTasks.expectedOutput,
      recurrence: reformTasks.recurrence,
      planId: reformPlans.id,
      planTitle: reformPlans.title,
    })
    .from(reformTaskOccurrences)
    .innerJoin(
      reformTasks,
      and(
        eq(reformTasks.ownerUnitId, reformTaskOccurrences.ownerUnitId),
        eq(reformTasks.id, reformTaskOccurrences.taskId),
      ),
    )
    .innerJoin(
      reformPlans,
      and(
        eq(reformPlans.ownerUnitId, reformTaskOccurrences.ownerUnitId),
        eq(reformPlans.id, reformTaskOccurrences.planId),
      ),
    )
    .where(
      and(
        inArray(reformTaskOccurrences.leadAgencyId, leadIds),
        inArray(reformTaskOccurrences.status, [...openStatuses]),
      ),
    )
    .orderBy(asc(reformTaskOccurrences.dueDate))
    .limit(500);
  const names = await agencyNames(db, leadIds);
  const items = rows.map((r) => ({
    ...r,
    leadAgencyName: names.get(r.leadAgencyId) ?? '',
    /** Set when the task is an earlier agency's, rolled up to this one: the agency it rolls up to. */
    rolledUpTo: rollsUpTo.has(r.leadAgencyId)
      ? {
          id: rollsUpTo.get(r.leadAgencyId) as string,
          name: names.get(rollsUpTo.get(r.leadAgencyId) as string) ?? '',
        }
      : null,
    overdue: isOverdue(r, today),
    dueSoon: isDueSoon(r, today),
  }));
  return {
    today,
    agencies: agencyIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    counts: {
      open: items.length,
      overdue: items.filter((i) => i.overdue).length,
      dueSoon: items.filter((i) => i.dueSoon).length,
    },
    items,
  };
}

/** A plan at a glance: progress by area (occurrences due so far and done), overdue tasks, targets vs actuals. */
export async function planBoard(db: Db, plan: PlanRow, now = new Date()) {
  const today = vietnamToday(now);
  const [areas, tasks, occurrences, targets] = await Promise.all([
    planAreas(db, plan),
    db
      .select({
        id: reformTasks.id,
        areaId: reformTasks.areaId,
        description: reformTasks.description,
        leadAgencyId: reformTasks.leadAgencyId,
      })
      .from(reformTasks)
      .where(and(eq(reformTasks.ownerUnitId, plan.ownerUnitId), eq(reformTasks.planId, plan.id))),
    db
      .select()
      .from(reformTaskOccurrences)
      .where(
        and(
          eq(reformTaskOccurrences.ownerUnitId, plan.ownerUnitId),
          eq(reformTaskOccurrences.planId, plan.id),
        ),
      )
      .orderBy(asc(reformTaskOccurrences.dueDate)),
    targetsWithActuals(db, plan, now),
  ]);
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const names = await agencyNames(
    db,
    tasks.map((t) => t.leadAgencyId),
  );
  const byArea = areas.map((a) => {
    const own = occurrences.filter((o) => taskById.get(o.taskId)?.areaId === a.id);
    const dueSoFar = own.filter((o) => o.dueDate <= today && o.status !== 'cancelled');
    const done = dueSoFar.filter((o) => o.status === 'done').length;
    return {
      ...a,
      tasks: tasks.filter((t) => t.areaId === a.id).length,
      occurrences: own.length,
      dueSoFar: dueSoFar.length,
      done,
      doneAll: own.filter((o) => o.status === 'done').length,
      overdue: own.filter((o) => isOverdue(o, today)).length,
      /** Done of what was due so far (null when nothing was due yet). */
      progress: dueSoFar.length > 0 ? Math.round((done / dueSoFar.length) * 100) : null,
    };
  });
  const overdue = occurrences
    .filter((o) => isOverdue(o, today))
    .map((o) => {
      const t = taskById.get(o.taskId);
      return {
        occurrenceId: o.id,
        taskId: o.taskId,
        description: t?.description ?? '',
        leadAgencyId: o.leadAgencyId,
        leadAgencyName: names.get(o.leadAgencyId) ?? '',
        periodKey: o.periodKey,
        dueDate: o.dueDate,
        status: o.status,
        percent: o.percent,
      };
    });
  return {
    today,
    plan: {
      id: plan.id,
      title: plan.title,
      fromYear: plan.fromYear,
      toYear: plan.toYear,
      status: plan.status,
    },
    areas: byArea,
    overdue,
    targets,
  };
}
