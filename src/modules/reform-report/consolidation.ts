import { figureColumns, figureText, type ReportFigures, sumFigures } from './report-figures.ts';

// The city's consolidated report for a year, assembled from the accepted reports (pure, no I/O): a table of
// every agency's figures with the totals, and the text of every agency under each task area of the plan.

export interface AcceptedReport {
  agencyName: string;
  figures: ReportFigures;
  areaTexts: Record<string, string>;
  summary: string;
  difficulties: string;
  proposals: string;
  late: boolean;
}

export interface Area {
  id: string;
  code: string;
  title: string;
}

export interface PlanTarget {
  code: string;
  title: string;
  op: string | null;
  targetValue: number | null;
  /** The figure of the report the target is measured by, when the system counts it. */
  figure: keyof ReportFigures | null;
}

export type Consolidation = {
  year: number;
  planTitle: string;
  /** Accepted reports, by agency name. */
  reports: AcceptedReport[];
  /** Reports of the year not accepted yet (agency names), so the review says who is missing. */
  pending: string[];
  totals: ReportFigures;
  areas: { code: string; title: string; entries: { agencyName: string; text: string }[] }[];
  targets: (PlanTarget & { actual: number | null; met: boolean | null })[];
};

/** kpi indicator keys of the plan's targets → the report figure that measures them. */
export const indicatorFigure: Record<string, keyof ReportFigures> = {
  satisfaction: 'satisfaction',
  on_time: 'onTime',
  dossiers_online: 'online',
  components_digitised: 'digitisation',
};

export function consolidate(input: {
  year: number;
  planTitle: string;
  areas: Area[];
  accepted: AcceptedReport[];
  pending: string[];
  targets: PlanTarget[];
}): Consolidation {
  const reports = [...input.accepted].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
  const totals = sumFigures(reports.map((r) => r.figures));
  return {
    year: input.year,
    planTitle: input.planTitle,
    reports,
    pending: [...input.pending].sort((a, b) => a.localeCompare(b, 'vi')),
    totals,
    areas: input.areas.map((a) => ({
      code: a.code,
      title: a.title,
      entries: reports
        .map((r) => ({ agencyName: r.agencyName, text: (r.areaTexts[a.id] ?? '').trim() }))
        .filter((e) => e.text !== ''),
    })),
    targets: input.targets.map((t) => {
      const v = t.figure ? totals[t.figure] : null;
      const actual = v === null ? null : typeof v === 'number' ? v : v.value;
      const met =
        actual === null || t.targetValue === null
          ? null
          : t.op === '>'
            ? actual > t.targetValue
            : actual >= t.targetValue;
      return { ...t, actual, met };
    }),
  };
}

/** The figures table: a header, a row per agency, the city's totals last. */
export function figuresTable(c: Consolidation): { header: string[]; rows: string[][] } {
  const row = (name: string, f: ReportFigures) => [
    name,
    ...figureColumns.map((col) => figureText(f, col.key)),
  ];
  return {
    header: ['Cơ quan, đơn vị', ...figureColumns.map((c) => c.label)],
    rows: [...c.reports.map((r) => row(r.agencyName, r.figures)), row('Toàn thành phố', c.totals)],
  };
}
