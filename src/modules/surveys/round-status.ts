// A round's status on a date (pure): answers are accepted only while it is open.

export type RoundStatus = 'scheduled' | 'open' | 'closed';

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  scheduled: 'Chưa mở',
  open: 'Đang mở',
  closed: 'Đã kết thúc',
};

export function roundStatus(
  round: { opensAt: Date; closesAt: Date; closedAt: Date | null },
  now: Date,
): RoundStatus {
  if (round.closedAt !== null && round.closedAt <= now) return 'closed';
  if (now < round.opensAt) return 'scheduled';
  if (now >= round.closesAt) return 'closed';
  return 'open';
}

/** Why a round refuses an answer now (Vietnamese), or null when it accepts one. */
export function refusalOf(status: RoundStatus, closesAt: Date): string | null {
  if (status === 'scheduled') return 'Đợt khảo sát chưa bắt đầu, vui lòng quay lại sau.';
  if (status === 'closed')
    return `Đợt khảo sát đã kết thúc (hạn cuối ${closesAt.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}), không nhận thêm phiếu trả lời. Cảm ơn ông/bà đã quan tâm.`;
  return null;
}

/** The instant a Vietnam-local day (YYYY-MM-DD) starts. */
export function vietnamDayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}

/** The instant after a Vietnam-local day ends. */
export function vietnamDayEnd(iso: string): Date {
  return new Date(vietnamDayStart(iso).getTime() + 24 * 3600 * 1000);
}

/** The Vietnam-local date (YYYY-MM-DD) of an instant. */
export function vietnamDateOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
