import dayjs from 'dayjs';
import { labelOf, levelLabels, timeUnitLabels, unknownTimeUnitLabel } from './labels';
import type { ProcessStep, TimeUnit } from './types';

/** "UBND phường Vị Thanh", or "Phòng Tư pháp — Thành phố Vị Thanh" when the name does not say where. */
export function agencyLabel(agency: { name: string; unitName: string }): string {
  return agency.unitName && !agency.name.includes(agency.unitName)
    ? `${agency.name} — ${agency.unitName}`
    : agency.name;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatProcessingTime(
  value: number | null,
  unit: TimeUnit | null,
  text?: string | null,
): string {
  if (value === null || value === undefined) return text?.trim() || 'Chưa có thông tin';
  if (!unit) return `${formatNumber(value)} (${unknownTimeUnitLabel})`;
  return `${formatNumber(value)} ${timeUnitLabels[unit]}`;
}

export function formatVnd(amount: number): string {
  return `${formatNumber(amount)} đồng`;
}

export function formatFee(feeText: string | null | undefined, feeAmountVnd?: number | null): string {
  if (feeText?.trim()) return feeText.trim();
  if (feeAmountVnd === 0) return 'Miễn phí';
  if (feeAmountVnd) return formatVnd(feeAmountVnd);
  return 'Chưa có thông tin';
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('DD/MM/YYYY') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('HH:mm DD/MM/YYYY') : value;
}

export function formatLevels(levels: string[]): string {
  return levels.map((level) => labelOf(levelLabels, level)).join(', ');
}

/** Lower case without diacritics, for forgiving Vietnamese matching ("Hộ tịch" ~ "ho tich"). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** antd Select `filterOption` matching the option label without diacritics. */
export function filterByLabel(input: string, option?: { label?: unknown }): boolean {
  return foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));
}

/** Total of the internal process in working days (8 working hours = 1 working day). */
export function totalWorkingDays(steps: Partial<ProcessStep>[]): number {
  let total = 0;
  for (const step of steps) {
    const value = Number(step?.durationValue ?? 0);
    if (!Number.isFinite(value)) continue;
    total += step?.durationUnit === 'working_hours' ? value / 8 : value;
  }
  return Math.round(total * 100) / 100;
}

// Dossier times are instants; the one-stop desk works on Vietnam time (UTC+7, no daylight saving), whatever
// the time zone of the device.
const vietnamOffsetMs = 7 * 3_600_000;

function vietnamIso(value: string | number | Date): string | null {
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? new Date(time + vietnamOffsetMs).toISOString() : null;
}

/** "02/12/2026 17:00" in Vietnam time. */
export function formatVnDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const iso = vietnamIso(value);
  if (!iso) return value;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** "02/12/2026" in Vietnam time. */
export function formatVnDate(value: string | null | undefined): string {
  return formatVnDateTime(value).slice(0, 10);
}

/** Today's date in Vietnam, "YYYY-MM-DD". */
export function vietnamToday(now = new Date()): string {
  return (vietnamIso(now) ?? now.toISOString()).slice(0, 10);
}

/** The Vietnam calendar date of an instant, "YYYY-MM-DD". */
export function vietnamDate(value: string): string {
  return (vietnamIso(value) ?? value).slice(0, 10);
}

/** "24 giờ làm việc (3 ngày làm việc)" — budgets of 8 office hours make a working day. */
export function formatBudgetHours(hours: number): string {
  const text = `${formatNumber(hours)} giờ làm việc`;
  return hours >= 8 && hours % 8 === 0 ? `${text} (${formatNumber(hours / 8)} ngày làm việc)` : text;
}

/** Non-empty trimmed lines of a textarea ("one reason per line"). */
export function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
}
