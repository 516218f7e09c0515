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
