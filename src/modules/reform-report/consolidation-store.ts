import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { planAreas } from '../reform-plan/plans.ts';
import { vietnamToday } from '../reform-plan/schedule.ts';
import { reformTargets } from '../reform-plan/schema.ts';
import type { Issuer } from './consolidated-documents.ts';
import { type Consolidation, consolidate, indicatorFigure } from './consolidation.ts';
import { isLate } from './report-figures.ts';
import { planOfYear } from './reports.ts';
import { reformReports } from './schema.ts';

// Reads what the consolidation needs: the year's reports (accepted ones in full), the plan's task areas and
// targets, and who issues the documents (the plan's coordinating agency, under the plan's unit).

export async function loadConsolidation(
  db: Db,
  year: number,
  planId: string | undefined,
  now: Date,
): Promise<{ consolidation: Consolidation; issuer: Issuer }> {
  const plan = await planOfYear(db, year, planId);
  const [reports, areas, targets, [unit], [coordinator]] = await Promise.all([
    db
      .select({
        status: reformReports.status,
        agencyName: agencies.name,
        figures: reformReports.figures,
        areaTexts: reformReports.areaTexts,
        summary: reformReports.summary,
        difficulties: reformReports.difficulties,
        proposals: reformReports.proposals,
        firstSubmittedAt: reformReports.firstSubmittedAt,
      })
      .from(reformReports)
      .innerJoin(agencies, eq(agencies.id, reformReports.agencyId))
      .where(and(eq(reformReports.planId, plan.id), eq(reformReports.year, year))),
    planAreas(db, plan),
    db
      .select()
      .from(reformTargets)
      .where(and(eq(reformTargets.ownerUnitId, plan.ownerUnitId), eq(reformTargets.planId, plan.id)))
      .orderBy(asc(reformTargets.ordinal)),
    db.select({ name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.id, plan.ownerUnitId)),
    plan.coordinatingAgencyId
      ? db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, plan.coordinatingAgencyId))
      : Promise.resolve([]),
  ]);
  const today = vietnamToday(now);
  const consolidation = consolidate({
    year,
    planTitle: plan.title,
    areas: areas.filter((a) => a.kind === 'task_area'),
    accepted: reports
      .filter((r) => r.status === 'accepted')
      .map((r) => ({
        ...r,
        late: isLate(year, r.firstSubmittedAt ? vietnamToday(r.firstSubmittedAt) : null, today),
      })),
    pending: reports.filter((r) => r.status !== 'accepted').map((r) => r.agencyName),
    targets: targets.map((t) => ({
      code: t.code,
      title: t.title,
      op: t.op,
      targetValue: t.targetValue,
      figure: t.indicatorKey ? (indicatorFigure[t.indicatorKey] ?? null) : null,
    })),
  });
  const unitName = unit?.name ?? '';
  return {
    consolidation,
    issuer: {
      agency: coordinator?.name ?? `Ủy ban nhân dân ${unitName}`,
      ...(coordinator ? { parentAgency: `Ủy ban nhân dân ${unitName}` } : {}),
      place: unitName.replace(/^(thành phố|phường|xã|tỉnh)\s+/i, ''),
    },
  };
}
