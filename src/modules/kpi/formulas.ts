import { z } from 'zod';
import type { CounterTotals, DossierCounter } from './counters.ts';

// The formulas of every indicator (pure; docs/kpi.md lists each with its source). A rate is a percentage with
// its numerator and denominator; with nothing to count it is null ("chưa có dữ liệu"), never 0 or 100.

export interface Rate {
  numerator: number;
  denominator: number;
  /** Percentage, 2 decimals; null when the denominator is 0. */
  value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    value: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 100 : null,
  };
}

/**
 * Where a drill-down goes: the dossier facts (or ratings) behind the numerator and the denominator; `openNow` and
 * `overdueNow` are the dossiers being processed now and those past their legal due date (live, not by period).
 */
export type DrillMetric = DossierCounter | 'ratings' | 'ratingsSatisfied' | 'openNow' | 'overdueNow';

export interface Target {
  op: '>' | '>=';
  value: number;
}

export interface Inputs {
  counters: CounterTotals;
  ratings: number;
  satisfied: number;
  catalog: { procedures: number; online: number; publishedComplete: number };
  /** Citizen feedback (phản ánh, kiến nghị) of the scope and period, when the feedback module counts it. */
  feedback?: { withinCompetence: number; answeredOnTime: number; total: number; dissatisfiedOrLate: number };
  /** Dossiers being processed now, and those past their due date (Decision 766 progress). */
  open?: { open: number; overdue: number };
}

export const indicatorKeys = [
  'satisfaction',
  'on_time',
  'procedures_online',
  'dossiers_online',
  'components_digitised',
  'results_digitised',
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export interface IndicatorDefinition {
  key: IndicatorKey;
  label: string;
  formula: string;
  source: string;
  numerator: DrillMetric[] | 'catalog';
  denominator: DrillMetric[] | 'catalog';
  compute(i: Inputs): Rate;
}

const resolved: DossierCounter[] = ['resolvedEarly', 'resolvedOnTime', 'resolvedLate'];
const sum = (c: CounterTotals, keys: DossierCounter[]) => keys.reduce((s, k) => s + c[k], 0);

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'satisfaction',
    label: 'Mức độ hài lòng của người dân, doanh nghiệp',
    formula: 'Số lượt đánh giá ở mức hài lòng trở lên ÷ tổng số lượt đánh giá hồ sơ × 100%',
    source: 'Kế hoạch CCHC 2021–2025 TP Vị Thanh (mục tiêu trên 90%); QĐ 766/QĐ-TTg nhóm 5',
    numerator: ['ratingsSatisfied'],
    denominator: ['ratings'],
    compute: (i) => rate(i.satisfied, i.ratings),
  },
  {
    key: 'on_time',
    label: 'Hồ sơ giải quyết trước hạn, đúng hạn',
    formula:
      '(Trước hạn + đúng hạn) ÷ số hồ sơ đã giải quyết có thời hạn × 100%, theo hạn trả kết quả đang có hiệu lực',
    source: 'Kế hoạch CCHC 2021–2025 TP Vị Thanh (mục tiêu từ 95%); Thông tư 01/2020/TT-VPCP Biểu 06',
    numerator: ['resolvedEarly', 'resolvedOnTime'],
    denominator: resolved,
    compute: (i) => rate(i.counters.resolvedEarly + i.counters.resolvedOnTime, sum(i.counters, resolved)),
  },
  {
    key: 'procedures_online',
    label: 'Thủ tục cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
    formula:
      'Thủ tục đã công bố có dịch vụ công trực tuyến toàn trình hoặc một phần ÷ thủ tục do các cơ quan của đơn vị thực hiện × 100% (mức độ 3, 4 cũ)',
    source: 'Kế hoạch CCHC 2021–2025 TP Vị Thanh (mục tiêu từ 80%); Nghị định 42/2022/NĐ-CP Điều 11',
    numerator: 'catalog',
    denominator: 'catalog',
    compute: (i) => rate(i.catalog.online, i.catalog.procedures),
  },
  {
    key: 'dossiers_online',
    label: 'Hồ sơ tiếp nhận trực tuyến',
    formula: 'Hồ sơ tiếp nhận qua kênh trực tuyến ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%',
    source: 'Kế hoạch CCHC 2021–2025 TP Vị Thanh (mục tiêu từ 80%)',
    numerator: ['receivedOnline'],
    denominator: ['receivedOnline', 'receivedOffline'],
    compute: (i) => rate(i.counters.receivedOnline, i.counters.receivedOnline + i.counters.receivedOffline),
  },
  {
    key: 'components_digitised',
    label: 'Hồ sơ có thành phần được số hóa khi tiếp nhận',
    formula: 'Hồ sơ có ít nhất một thành phần là tệp điện tử khi tiếp nhận ÷ tổng số hồ sơ tiếp nhận × 100%',
    source: 'QĐ 766/QĐ-TTg nhóm 3 (công thức chi tiết chưa xác nhận; cách tính của Motcua)',
    numerator: ['receivedDigitised'],
    denominator: ['receivedOnline', 'receivedOffline'],
    compute: (i) =>
      rate(i.counters.receivedDigitised, i.counters.receivedOnline + i.counters.receivedOffline),
  },
  {
    key: 'results_digitised',
    label: 'Kết quả giải quyết được số hóa',
    formula: 'Kết quả ban hành kèm tệp điện tử ÷ tổng số kết quả ban hành trong kỳ × 100%',
    source: 'QĐ 766/QĐ-TTg nhóm 3 (công thức chi tiết chưa xác nhận; cách tính của Motcua)',
    numerator: ['resultsDigitised'],
    denominator: ['resultsIssued'],
    compute: (i) => rate(i.counters.resultsDigitised, i.counters.resultsIssued),
  },
];

/** The plan's targets (configurable: a later plan sets others). */
export const targetsSchema = z.partialRecord(
  z.enum(indicatorKeys),
  z.object({ op: z.enum(['>', '>=']), value: z.number().min(0).max(100) }),
);
export const DEFAULT_TARGETS: Partial<Record<IndicatorKey, Target>> = {
  satisfaction: { op: '>', value: 90 },
  on_time: { op: '>=', value: 95 },
  procedures_online: { op: '>=', value: 80 },
  dossiers_online: { op: '>=', value: 80 },
};

export function meets(value: number | null, target: Target | undefined): boolean | null {
  if (value === null || !target) return null;
  return target.op === '>' ? value > target.value : value >= target.value;
}
