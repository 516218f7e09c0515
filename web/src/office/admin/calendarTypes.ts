import { ApiError } from '../../api';

export type HolidayKind = 'holiday' | 'compensation' | 'extra_day_off';
export type ScheduleType = 'day_off' | 'working_day';
export type Statutory = 'tet' | 'national_day';

export interface DayOff {
  date: string;
  name: string;
  kind: HolidayKind;
  instrument?: string;
}

export interface ScheduleRow {
  id: string;
  date: string;
  type: ScheduleType;
  name: string;
  instrument: string;
  statutory?: Statutory;
}

export const holidayKindLabels: Record<HolidayKind, string> = {
  holiday: 'Ngày lễ',
  compensation: 'Nghỉ bù',
  extra_day_off: 'Nghỉ theo thông báo',
};

export const holidayKindColors: Record<HolidayKind, string> = {
  holiday: 'red',
  compensation: 'orange',
  extra_day_off: 'blue',
};

export const scheduleTypeLabels: Record<ScheduleType, string> = {
  day_off: 'Ngày nghỉ',
  working_day: 'Ngày làm việc bù',
};

export const statutoryLabels: Record<Statutory, string> = {
  tet: 'Tết Nguyên đán',
  national_day: 'Quốc khánh',
};

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** '2026-02-17' → 'Thứ Ba, 17/02/2026' (a civil date, no time zone involved). */
export function formatCivilDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const weekday = weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** DELETE with the same error handling as `api` (which has no delete helper). */
export async function deleteScheduleRow(id: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/calendar/schedule/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (response.ok) return;
  let message: string | undefined;
  try {
    message = ((await response.json()) as { error?: { message?: string } })?.error?.message;
  } catch {
    message = undefined;
  }
  throw new ApiError(
    response.status,
    response.status === 404 ? 'NOT_FOUND' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL',
    message ?? `Không xóa được dòng lịch (mã ${response.status}). Vui lòng thử lại.`,
  );
}
