import { z } from 'zod';
import { civilFromDay, dayFromCivil, dayFromIso, daysInMonth, isoFromDay } from '../calendar/day.ts';

// Reporting periods of the procedure-handling report (Biểu 06, Circular 01/2020/TT-VPCP). Calendar periods:
// month, quarter, the first 6 and 9 months of a year, the year, or a custom range of at most a year. The
// statutory cut-off windows (15th of the previous month to the 14th) are UNCONFIRMED for this circular
// (rules-2.md §6): they are reached through a custom range.

export const periodKinds = ['month', 'quarter', 'half', 'nine_months', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface ReportPeriod {
  kind: PeriodKind;
  /** First and last Vietnam-local day, both included (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Human label, e.g. "Quý III năm 2026". */
  label: string;
}

export interface PeriodInput {
  period?: PeriodKind | undefined;
  year?: number | undefined;
  month?: number | undefined;
  quarter?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A period that cannot be built, with the Vietnamese reason and the query field it is about. */
export class PeriodError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function dayOf(iso: string): number | null {
  try {
    return dayFromIso(iso);
  } catch {
    return null;
  }
}

/** The same date a year later (29/2 → 1/3). */
function yearAfter(day: number): number {
  const { year, month, day: d } = civilFromDay(day);
  return dayFromCivil(year + 1, month, 1) + d - 1;
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const lastOfMonth = (year: number, month: number) =>
  isoFromDay(dayFromCivil(year, month, daysInMonth(year, month)));
const firstOfMonth = (year: number, month: number) => isoFromDay(dayFromCivil(year, month, 1));

/** Resolves a preset or a custom range into its first and last day; throws PeriodError when it is invalid. */
export function resolvePeriod(q: PeriodInput): ReportPeriod {
  const kind = q.period ?? (q.from || q.to ? 'custom' : undefined);
  if (!kind) throw new PeriodError('period', 'Vui lòng chọn kỳ báo cáo hoặc nhập từ ngày, đến ngày.');
  if (kind === 'custom') {
    if (!q.from || !q.to)
      throw new PeriodError(q.from ? 'to' : 'from', 'Vui lòng nhập đủ từ ngày và đến ngày.');
    const from = dayOf(q.from);
    const to = dayOf(q.to);
    if (from === null) throw new PeriodError('from', 'Ngày bắt đầu không tồn tại.');
    if (to === null) throw new PeriodError('to', 'Ngày kết thúc không tồn tại.');
    if (to < from) throw new PeriodError('to', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
    if (to >= yearAfter(from)) throw new PeriodError('to', 'Kỳ báo cáo dài tối đa 1 năm.');
    return { kind, from: q.from, to: q.to, label: `Từ ngày ${vnDate(q.from)} đến ngày ${vnDate(q.to)}` };
  }
  const year = q.year;
  if (year === undefined) throw new PeriodError('year', 'Vui lòng chọn năm báo cáo.');
  switch (kind) {
    case 'month': {
      const m = q.month;
      if (m === undefined) throw new PeriodError('month', 'Vui lòng chọn tháng báo cáo.');
      return { kind, from: firstOfMonth(year, m), to: lastOfMonth(year, m), label: `Tháng ${m} năm ${year}` };
    }
    case 'quarter': {
      const n = q.quarter;
      if (n === undefined) throw new PeriodError('quarter', 'Vui lòng chọn quý báo cáo.');
      const first = (n - 1) * 3 + 1;
      return {
        kind,
        from: firstOfMonth(year, first),
        to: lastOfMonth(year, first + 2),
        label: `Quý ${ROMAN[n - 1]} năm ${year}`,
      };
    }
    case 'half':
      return {
        kind,
        from: firstOfMonth(year, 1),
        to: lastOfMonth(year, 6),
        label: `6 tháng đầu năm ${year}`,
      };
    case 'nine_months':
      return { kind, from: firstOfMonth(year, 1), to: lastOfMonth(year, 9), label: `9 tháng năm ${year}` };
    case 'year':
      return { kind, from: firstOfMonth(year, 1), to: lastOfMonth(year, 12), label: `Năm ${year}` };
  }
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.');

/** The query fields that choose a period (shared by the report and its drill-down). */
export const periodQueryFields = {
  period: z
    .enum(periodKinds, 'Kỳ báo cáo phải là month, quarter, half, nine_months, year hoặc custom.')
    .optional(),
  year: z.coerce
    .number('Năm không hợp lệ.')
    .int('Năm không hợp lệ.')
    .min(2000, 'Năm không hợp lệ.')
    .max(2100, 'Năm không hợp lệ.')
    .optional(),
  month: z.coerce
    .number('Tháng không hợp lệ.')
    .int('Tháng không hợp lệ.')
    .min(1, 'Tháng phải từ 1 đến 12.')
    .max(12, 'Tháng phải từ 1 đến 12.')
    .optional(),
  quarter: z.coerce
    .number('Quý không hợp lệ.')
    .int('Quý không hợp lệ.')
    .min(1, 'Quý phải từ 1 đến 4.')
    .max(4, 'Quý phải từ 1 đến 4.')
    .optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
};
