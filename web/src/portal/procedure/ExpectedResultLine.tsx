import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TimeUnit } from '../../types';

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const vietnamOffsetMs = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh, no daylight saving.

/** "Thứ Năm, 03/12/2026" — the calendar day in Vietnam of an instant. */
export function formatDueDay(iso: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const local = new Date(time + vietnamOffsetMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${weekdays[local.getUTCDay()]}, ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** Working days to count for a processing time; null when there is no number to count with. */
export function workingDaysOf(
  value: number | null,
  unit: TimeUnit | null,
): { days: number; provisional: boolean } | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  if (unit === 'working_hours' || unit === 'hours') return { days: Math.ceil(value / 8), provisional: false };
  return { days: Math.ceil(value), provisional: unit !== 'working_days' };
}

/**
 * "Nếu nộp hồ sơ hôm nay, dự kiến có kết quả vào …": the due day of a dossier submitted now, from the server's
 * working calendar (weekends, public holidays and Tết excluded). Shows nothing until the answer arrives or on error.
 */
export function ExpectedResultLine({ value, unit }: { value: number | null; unit: TimeUnit | null }) {
  const count = workingDaysOf(value, unit);
  const days = count?.days ?? null;
  const [due, setDue] = useState<string | null>(null);

  useEffect(() => {
    setDue(null);
    if (days === null || days > 3650) return;
    const controller = new AbortController();
    const query = new URLSearchParams({ from: new Date().toISOString(), workingDays: String(days) });
    fetch(`/api/calendar/due?${query}`, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { due?: string } | null) => {
        if (!controller.signal.aborted && body?.due) setDue(formatDueDay(body.due));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [days]);

  if (!count || !due) return null;
  return (
    <div className="expected-result" style={{ marginTop: 6 }} data-testid="expected-result">
      <Typography.Text>
        Nếu nộp hồ sơ hôm nay, dự kiến có kết quả vào <strong>{due}</strong> (trước 17:00)
        {count.provisional ? ' (tạm tính theo ngày làm việc; thời hạn của thủ tục đang được xác nhận)' : ''}.
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          Đã trừ thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.
        </Typography.Text>
      </div>
    </div>
  );
}
