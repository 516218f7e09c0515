// Shapes of the indicator API (src/modules/kpi: figures.ts, index-766.ts, rankings.ts, drill-down.ts, settings.ts).

export type OrgView = 'current' | 'historical';

export const indicatorKeys = [
  'satisfaction',
  'on_time',
  'procedures_online',
  'dossiers_online',
  'components_digitised',
  'results_digitised',
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export interface Target {
  op: '>' | '>=';
  value: number;
}

export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface IndicatorFigure extends Rate {
  key: IndicatorKey;
  label: string;
  formula: string;
  source: string;
  target: Target | null;
  met: boolean | null;
  numeratorMetrics: string[] | null;
  denominatorMetrics: string[] | null;
}

export const groupKeys = [
  'publicity',
  'progress',
  'online',
  'payment',
  'digitisation',
  'satisfaction',
] as const;
export type GroupKey = (typeof groupKeys)[number];

export interface ComponentScore {
  key: string;
  label: string;
  formula: string;
  max: number;
  /** Full points from this rate (%); linear when null. */
  threshold: number | null;
  /** null: no records for it in Motcua, or nothing to count in the period. */
  rate: Rate | null;
  points: number | null;
}

export interface GroupScore {
  key: GroupKey;
  label: string;
  max: number;
  points: number | null;
  /** The points of its measured indicators. */
  outOf: number;
  components: ComponentScore[];
}

export interface Index766 {
  groups: GroupScore[];
  total: number | null;
  /** The points measured (indicators without records are left out, never padded). */
  outOf: number;
  max: number;
}

export interface Figures {
  scope: { unitId: string | null; unitName: string; view: OrgView; unitCount: number };
  period: { from: string; to: string };
  indicators: IndicatorFigure[];
  index766: Index766;
  counters: Record<string, number>;
  ratings: { total: number; satisfied: number };
  open: { open: number; overdue: number };
  trend: { month: string; values: Record<IndicatorKey, number | null> }[];
}

export interface RankingRow {
  id: string;
  name: string;
  received: number;
  resolved: number;
  onTime: number | null;
  online: number | null;
  satisfaction: number | null;
  ratings: number;
}

export interface KpiSettings {
  targets: Partial<Record<IndicatorKey, Target>>;
  index766: {
    /** Overrides of the components' points and thresholds (the defaults come with the figures). */
    components: Partial<Record<string, { max: number; threshold: number | null }>>;
    noFeedback: 'full_points' | 'not_scored';
  };
}

/** The filters every indicator endpoint takes (query string names). */
export interface FigureParams {
  unit?: string | undefined;
  view: OrgView;
  from: string;
  to: string;
  agency?: string | undefined;
  procedure?: string | undefined;
  field?: string | undefined;
}

/** A node of GET /api/units. */
export interface UnitNode {
  id: string;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  children: UnitNode[];
}
