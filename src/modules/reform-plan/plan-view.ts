import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { isPlanManager } from './plan-access.ts';
import { loadPlan, planAreas } from './plans.ts';
import { targetsWithActuals } from './targets.ts';
import { agencyNames } from './tasks.ts';

/** A plan with its areas and targets against actuals (tasks are listed separately, with filters). */
export async function planView(db: Db, principal: Principal, id: string, now = new Date()) {
  const plan = await loadPlan(db, id);
  const [areas, targets, names] = await Promise.all([
    planAreas(db, plan),
    targetsWithActuals(db, plan, now),
    agencyNames(
      db,
      [plan.issuingAgencyId, plan.coordinatingAgencyId].filter((x): x is string => !!x),
    ),
  ]);
  return {
    id: plan.id,
    unitId: plan.ownerUnitId,
    title: plan.title,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    decisionNumber: plan.decisionNumber,
    decisionDate: plan.decisionDate,
    issuingAgency: plan.issuingAgencyId
      ? { id: plan.issuingAgencyId, name: names.get(plan.issuingAgencyId) ?? '' }
      : null,
    coordinatingAgency: plan.coordinatingAgencyId
      ? { id: plan.coordinatingAgencyId, name: names.get(plan.coordinatingAgencyId) ?? '' }
      : null,
    summary: plan.summary,
    status: plan.status,
    copiedFromId: plan.copiedFromId,
    version: plan.version,
    areas,
    targets,
    canManage: isPlanManager(principal),
  };
}
