import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { listPlans, loadPlan, planAreas, planTasks } from '../reform-plan/plans.ts';
import { agencyNames } from '../reform-plan/tasks.ts';
import { actorsOf } from './budget-flow.ts';
import { loadSettings } from './settings.ts';

// The plans' tasks a line can be proposed for in a year, marked with whether the reader's agency leads them.

export async function budgetTasks(db: Db, principal: Principal, year: number) {
  const settings = await loadSettings(db);
  const plans = (await listPlans(db)).items.filter(
    (p) => p.status !== 'draft' && p.fromYear <= year && p.toYear >= year,
  );
  const items = [];
  for (const p of plans) {
    const plan = await loadPlan(db, p.id);
    const areas = new Map((await planAreas(db, plan)).map((a) => [a.id, a]));
    const tasks = await planTasks(db, plan);
    const names = await agencyNames(
      db,
      tasks.map((t) => t.leadAgencyId),
    );
    for (const t of tasks) {
      const area = areas.get(t.areaId);
      items.push({
        id: t.id,
        planId: plan.id,
        planTitle: plan.title,
        areaId: t.areaId,
        areaCode: area?.code ?? '',
        areaTitle: area?.title ?? '',
        description: t.description,
        leadAgencyId: t.leadAgencyId,
        leadAgencyName: names.get(t.leadAgencyId) ?? '',
        canPropose: actorsOf(principal.roles, {
          leadAgencyId: t.leadAgencyId,
          financeAgencyId: settings.financeAgencyId,
          approvingAgencyId: settings.approvingAgencyId,
        }).has('lead'),
      });
    }
  }
  return { plans: plans.map((p) => ({ id: p.id, title: p.title })), items };
}
