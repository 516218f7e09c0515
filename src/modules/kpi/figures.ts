import type { Db } from '../../platform/db/connect.ts';
import { nextMonth } from '../calendar/day.ts';
import { aggregateTotals, catalogTotals, openTotals } from './aggregate-store.ts';
import { type CounterTotals, vnMonthOf } from './counters.ts';
import type { FigureFilter } from './figure-filter.ts';
import {
  type DrillMetric,
  INDICATORS,
  type IndicatorKey,
  type Inputs,
  meets,
  type Rate,
  type Target,
} from './formulas.ts';
import { type Index766, index766 } from './index-766.ts';
import { loadUnitTree, type OrgView, unitsInScope } from './scope.ts';
import { loadKpiSettings } from './settings.ts';

// The figures of a unit (or the whole deployment) over whole months: the plan's indicators against their
// targets, the Decision 766 index, the monthly trend and the dossiers open now — all from the aggregates.

export interface FigureQuery {
  unitId?: string | undefined;
  view: OrgView;
  /** YYYY-MM, both included. */
  from: string;
  to: string;
  agencyId?: string | undefined;
  procedureId?: string | undefined;
  field?: string | undefined;
}

/** Optional source of feedback counts (the feedback module), kept out of this module's imports. */
export type FeedbackCounts = (db: Db, f: FigureFilter) => Promise<Inputs['feedback']>;

export interface IndicatorFigure extends Rate {
  key: IndicatorKey;
  label: string;
  formula: string;
  source: string;
  target: Target | null;
  met: boolean | null;
  numeratorMetrics: DrillMetric[] | null;
  denominatorMetrics: DrillMetric[] | null;
}

export interface Figures {
  scope: { unitId: string | null; unitName: string; view: OrgView; unitCount: number };
  period: { from: string; to: string };
  indicators: IndicatorFigure[];
  index766: Index766;
  counters: CounterTotals;
  ratings: { total: number; satisfied: number };
  open: { open: number; overdue: number };
  trend: { month: string; values: Record<IndicatorKey, number | null> }[];
}

export function filterOf(q: FigureQuery, unitIds: string[]): FigureFilter {
  return {
    unitIds,
    fromMonth: `${q.from}-01`,
    toMonth: nextMonth(`${q.to}-01`),
    agencyId: q.agencyId,
    procedureId: q.procedureId,
    field: q.field,
  };
}

/** YYYY-MM of an instant in Vietnam time. */
export function currentMonth(now: Date): string {
  return vnMonthOf(now).slice(0, 7);
}

export async function scopeUnits(db: Db, unitId: string | undefined, view: OrgView) {
  const tree = await loadUnitTree(db);
  if (!unitId) return { unitIds: [...tree.units.keys()], name: 'Toàn hệ thống', tree };
  const unit = tree.units.get(unitId);
  if (!unit) return null;
  return { unitIds: unitsInScope(tree, unitId, view), name: unit.name, tree };
}

export async function computeFigures(
  db: Db,
  q: FigureQuery,
  now: Date,
  feedbackCounts?: FeedbackCounts,
): Promise<Figures | null> {
  const scope = await scopeUnits(db, q.unitId, q.view);
  if (!scope) return null;
  const f = filterOf(q, scope.unitIds);
  const [totals, catalog, open, settings, feedback] = await Promise.all([
    aggregateTotals(db, f),
    catalogTotals(db, scope.unitIds),
    openTotals(db, f, now),
    loadKpiSettings(db),
    feedbackCounts ? feedbackCounts(db, f) : Promise.resolve(undefined),
  ]);
  const inputs: Inputs = {
    counters: totals.counters,
    ratings: totals.ratings,
    satisfied: totals.satisfied,
    catalog,
    // Dossiers open now belong to a period that includes the current month only.
    ...(q.to >= currentMonth(now) ? { open } : {}),
    ...(feedback ? { feedback } : {}),
  };
  const indicators = INDICATORS.map((d): IndicatorFigure => {
    const r = d.compute(inputs);
    const target = settings.targets[d.key] ?? null;
    return {
      key: d.key,
      label: d.label,
      formula: d.formula,
      source: d.source,
      ...r,
      target,
      met: meets(r.value, target ?? undefined),
      numeratorMetrics: d.numerator === 'catalog' ? null : d.numerator,
      denominatorMetrics: d.denominator === 'catalog' ? null : d.denominator,
    };
  });
  const trend = totals.byMonth.map((m) => {
    const monthInputs: Inputs = { counters: m.counters, ratings: m.ratings, satisfied: m.satisfied, catalog };
    return {
      month: m.month.slice(0, 7),
      values: Object.fromEntries(INDICATORS.map((d) => [d.key, d.compute(monthInputs).value])) as Record<
        IndicatorKey,
        number | null
      >,
    };
  });
  return {
    scope: { unitId: q.unitId ?? null, unitName: scope.name, view: q.view, unitCount: scope.unitIds.length },
    period: { from: q.from, to: q.to },
    indicators,
    index766: index766(inputs, settings.index766),
    counters: totals.counters,
    ratings: { total: totals.ratings, satisfied: totals.satisfied },
    open,
    trend,
  };
}
