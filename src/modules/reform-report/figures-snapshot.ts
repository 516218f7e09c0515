import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { exchangeShare } from '../documents/exchange-share.ts';
import { feedbackIndicators } from '../feedback/feedback-indicators.ts';
import { feedbackCounts } from '../kpi/feedback-source.ts';
import { computeFigures } from '../kpi/figures.ts';
import type { IndicatorKey } from '../kpi/formulas.ts';
import { vietnamToday } from '../reform-plan/schedule.ts';
import { staffIndicators } from '../staff/staff-figures.ts';
import { type FigureRate, figureRate, type ReportFigures } from './report-figures.ts';

// Gathers what the system knows about an agency's year from the modules that own the figures (kpi aggregates,
// feedback, documents, staff). A ward reports through its people's committee, whose figures cover every agency of
// the ward; any other agency's cover the dossiers it received or resolves and its own feedback, documents, staff.

/** The snapshot reads every figure of the agency whatever the requester may browse: it is the report's content. */
const reader: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  kind: 'officer',
  fullName: 'Hệ thống',
  roles: [{ role: 'admin', agencyId: null }],
};

export interface ReportingAgency {
  id: string;
  unitId: string;
  kind: string;
}

export async function snapshotFigures(
  db: Db,
  agency: ReportingAgency,
  year: number,
  now: Date,
): Promise<ReportFigures> {
  const wholeUnit = agency.kind === 'people_committee';
  const from = `${year}-01`;
  const to = `${year}-12`;
  const today = vietnamToday(now);
  const yearEnd = `${year}-12-31`;
  const [dossiers, feedback, documents, staff] = await Promise.all([
    computeFigures(
      db,
      { unitId: agency.unitId, view: 'current', from, to, agencyId: wholeUnit ? undefined : agency.id },
      now,
      feedbackCounts,
    ),
    feedbackIndicators(db, {
      ...(wholeUnit ? { unitIds: [agency.unitId] } : { agencyIds: [agency.id] }),
      from: new Date(`${year}-01-01T00:00:00+07:00`),
      to: new Date(`${year + 1}-01-01T00:00:00+07:00`),
      asOf: now,
    }),
    exchangeShare(db, reader, { from, to, agencyId: agency.id }),
    staffIndicators(
      db,
      reader,
      wholeUnit ? { unitId: agency.unitId, view: 'current' } : { agencyId: agency.id, view: 'current' },
      today < yearEnd ? today : yearEnd,
    ),
  ]);
  const indicator = (key: IndicatorKey): FigureRate => {
    const i = dossiers?.indicators.find((x) => x.key === key);
    return figureRate(i?.numerator ?? 0, i?.denominator ?? 0);
  };
  const c = dossiers?.counters;
  const trained = staff.total.find((f) => f.key === 'trained_online');
  return {
    received: c ? c.receivedOnline + c.receivedOffline : 0,
    resolved: c ? c.resolvedEarly + c.resolvedOnTime + c.resolvedLate + c.resolvedUncounted : 0,
    onTime: indicator('on_time'),
    online: indicator('dossiers_online'),
    satisfaction: indicator('satisfaction'),
    digitisation: indicator('components_digitised'),
    feedbackReceived: feedback.total,
    feedbackHandled: figureRate(feedback.answeredOnTime, feedback.withinCompetence),
    documentsElectronic: figureRate(documents.overall.electronic, documents.overall.total),
    staffTrained: figureRate(trained?.counted ?? 0, trained?.serving ?? 0),
  };
}
