import type { Db } from '../../platform/db/connect.ts';
import { vnMidnight } from '../dossier/lifecycle/time.ts';
import { feedbackIndicators } from '../feedback/feedback-indicators.ts';
import type { FigureFilter } from './figure-filter.ts';
import type { Inputs } from './formulas.ts';

/** The feedback (PAKN) counts of a figure's units (or agency) and months, for Decision 766 group 6. */
export async function feedbackCounts(db: Db, f: FigureFilter): Promise<Inputs['feedback']> {
  const counts = await feedbackIndicators(db, {
    ...(f.agencyId ? { agencyIds: [f.agencyId] } : { unitIds: f.unitIds }),
    from: vnMidnight(f.fromMonth),
    to: vnMidnight(f.toMonth),
  });
  return {
    total: counts.total,
    withinCompetence: counts.withinCompetence,
    answeredOnTime: counts.answeredOnTime,
    dissatisfiedOrLate: counts.dissatisfiedOrLate,
  };
}
