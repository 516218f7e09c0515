import type { ResultChannel, StepResult } from './forms.types.ts';

// Dates print in Vietnam time (UTC+7, no daylight saving) whatever the machine's TZ: shift the instant
// by seven hours and read the UTC fields.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function vnParts(instant: Date): VnParts {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The same wall-clock time as a UTC instant: what Excel (which has no time zones) must be given. */
export function vnWallClock(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy */
export function formatDate(instant: Date): string {
  const p = vnParts(instant);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** HH:mm */
export function formatTime(instant: Date): string {
  const p = vnParts(instant);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "HH:mm ngày dd/MM/yyyy" */
export function formatDateTime(instant: Date): string {
  return `${formatTime(instant)} ngày ${formatDate(instant)}`;
}

/** "HH:mm dd/MM/yyyy", for narrow table cells. */
export function formatDateTimeShort(instant: Date): string {
  return `${formatTime(instant)} ${formatDate(instant)}`;
}

/**
 * "Vị Thanh, ngày 05 tháng 01 năm 2026". Decree 30/2020 (appendix I) pads days below 10 and the months
 * 1 and 2 with a zero, and no other month.
 */
export function dateLine(place: string, instant: Date): string {
  const p = vnParts(instant);
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `${place}, ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** 1250000 → "1.250.000 đồng" */
export function formatVnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

const TIME_UNIT_LABELS = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  hours: 'giờ',
  working_hours: 'giờ làm việc',
} as const;

export function formatDuration(amount: number, unit: keyof typeof TIME_UNIT_LABELS): string {
  return `${String(amount).replace('.', ',')} ${TIME_UNIT_LABELS[unit]}`;
}

const CHANNEL_LABELS: Record<ResultChannel, string> = {
  counter: 'Trực tiếp tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến trên Cổng Dịch vụ công quốc gia',
};

export function resultChannelLabel(channel: ResultChannel): string {
  return CHANNEL_LABELS[channel];
}

const STEP_RESULT_LABELS: Record<StepResult, string> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

export function stepResultLabel(result: StepResult | undefined): string {
  return result ? STEP_RESULT_LABELS[result] : '';
}
