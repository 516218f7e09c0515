// The figures a yearly reform report carries (pure, no I/O): raw counts and rates kept as numerator and
// denominator, so the city's totals are sums of the parts and every rate is recomputed from them — never an
// average of percentages.

export interface FigureRate {
  numerator: number;
  denominator: number;
  /** Percentage with 2 decimals; null when the denominator is 0. */
  value: number | null;
}

export interface ReportFigures {
  /** Dossiers received in the year (online and in person). */
  received: number;
  /** Dossiers resolved in the year. */
  resolved: number;
  /** Resolved early or on time ÷ resolved (kpi `on_time`). */
  onTime: FigureRate;
  /** Received online ÷ received (kpi `dossiers_online`). */
  online: FigureRate;
  /** Satisfied ratings ÷ ratings (kpi `satisfaction`). */
  satisfaction: FigureRate;
  /** Dossiers with digitised components ÷ received (kpi `components_digitised`). */
  digitisation: FigureRate;
  /** Feedback received in the year. */
  feedbackReceived: number;
  /** Feedback answered on time ÷ feedback within competence. */
  feedbackHandled: FigureRate;
  /** Documents with other state agencies exchanged electronically ÷ all such documents. */
  documentsElectronic: FigureRate;
  /** Officials serving at the year's end (or today) trained in online services ÷ officials serving. */
  staffTrained: FigureRate;
}

export const rateKeys = [
  'onTime',
  'online',
  'satisfaction',
  'digitisation',
  'feedbackHandled',
  'documentsElectronic',
  'staffTrained',
] as const;
export const countKeys = ['received', 'resolved', 'feedbackReceived'] as const;

export function figureRate(numerator: number, denominator: number): FigureRate {
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 100,
  };
}

export function emptyFigures(): ReportFigures {
  const zero = figureRate(0, 0);
  return {
    received: 0,
    resolved: 0,
    onTime: zero,
    online: zero,
    satisfaction: zero,
    digitisation: zero,
    feedbackReceived: 0,
    feedbackHandled: zero,
    documentsElectronic: zero,
    staffTrained: zero,
  };
}

/** The city's totals: counts and rate parts summed, rates recomputed. */
export function sumFigures(parts: ReportFigures[]): ReportFigures {
  const total = emptyFigures();
  for (const p of parts) {
    for (const k of countKeys) total[k] += p[k];
    for (const k of rateKeys)
      total[k] = figureRate(total[k].numerator + p[k].numerator, total[k].denominator + p[k].denominator);
  }
  return total;
}

/** The columns of the figures table, in the order the documents and screens show them. */
export const figureColumns: { key: (typeof countKeys)[number] | (typeof rateKeys)[number]; label: string }[] =
  [
    { key: 'received', label: 'Hồ sơ tiếp nhận' },
    { key: 'resolved', label: 'Hồ sơ đã giải quyết' },
    { key: 'onTime', label: 'Đúng hạn (%)' },
    { key: 'online', label: 'Trực tuyến (%)' },
    { key: 'satisfaction', label: 'Hài lòng (%)' },
    { key: 'feedbackReceived', label: 'PAKN tiếp nhận' },
    { key: 'feedbackHandled', label: 'PAKN xử lý đúng hạn (%)' },
    { key: 'digitisation', label: 'Số hóa hồ sơ (%)' },
    { key: 'documentsElectronic', label: 'Văn bản điện tử (%)' },
    { key: 'staffTrained', label: 'CBCCVC được tập huấn (%)' },
  ];

const number = (n: number) => n.toLocaleString('vi-VN');
const percent = (r: FigureRate) =>
  r.value === null ? '—' : `${r.value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}`;

/** One figure as text: a count, or a percentage (— when there was nothing to count). */
export function figureText(f: ReportFigures, key: (typeof figureColumns)[number]['key']): string {
  const v = f[key];
  return typeof v === 'number' ? number(v) : percent(v);
}

/** Deadlines of the yearly cycle (plan section VI): reports by 30 October, the city's review by 30 November. */
export function reportDeadline(year: number): string {
  return `${year}-10-30`;
}
export function reviewDeadline(year: number): string {
  return `${year}-11-30`;
}

/** Late: first submitted after the deadline (Vietnam date), or still not submitted once it has passed. */
export function isLate(year: number, firstSubmittedOn: string | null, today: string): boolean {
  const deadline = reportDeadline(year);
  return firstSubmittedOn === null ? today > deadline : firstSubmittedOn > deadline;
}
