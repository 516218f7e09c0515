import { currentMonth } from './kpiFormat';

// Reporting periods of the public page: a year, its halves, quarters or months, as a month range.

export const periodOptions = [
  { value: 'year', label: 'Cả năm' },
  { value: 'h1', label: '6 tháng đầu năm' },
  { value: 'q1', label: 'Quý I' },
  { value: 'q2', label: 'Quý II' },
  { value: 'q3', label: 'Quý III' },
  { value: 'q4', label: 'Quý IV' },
  ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: `Tháng ${i + 1}` })),
];

const pad = (m: number) => String(m).padStart(2, '0');

/** The month range of a period of a year, cut at the current month (no future months). */
export function periodRange(year: number, period: string, now = new Date()): { from: string; to: string } {
  let first = 1;
  let last = 12;
  if (period === 'h1') last = 6;
  else if (/^q[1-4]$/.test(period)) {
    first = (Number(period[1]) - 1) * 3 + 1;
    last = first + 2;
  } else if (/^m\d{1,2}$/.test(period)) {
    first = Number(period.slice(1));
    last = first;
  }
  const from = `${year}-${pad(first)}`;
  let to = `${year}-${pad(last)}`;
  const current = currentMonth(now);
  if (to > current) to = from > current ? from : current;
  return { from, to };
}

export function yearOptions(now = new Date(), firstYear = 2021): { value: number; label: string }[] {
  const thisYear = Number(currentMonth(now).slice(0, 4));
  return Array.from({ length: thisYear - firstYear + 1 }, (_, i) => {
    const y = thisYear - i;
    return { value: y, label: `Năm ${y}` };
  });
}
