// What may happen to a feedback item, by whom and when (pure).
import type { FeedbackStatus, FeedbackSubjectKind } from './schema.ts';

export const SUBJECT_KIND_LABELS: Record<FeedbackSubjectKind, string> = {
  procedure: 'Thủ tục hành chính',
  regulation: 'Quy định hành chính',
  conduct: 'Hành vi, thái độ của cán bộ',
  other: 'Khác',
};

export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: 'Đã tiếp nhận',
  assigned: 'Đang xử lý',
  answered: 'Đã trả lời',
  rejected: 'Không thuộc phạm vi xử lý',
  duplicate: 'Trùng phản ánh khác',
};

export type FeedbackActionType = 'assign' | 'reassign' | 'reject' | 'mark_duplicate' | 'answer' | 'publish';

/** Who acts: the reform office (classifies, assigns) or the officers of the assigned agency (answer). */
export type FeedbackActor = 'classifier' | 'agency';

const allowed: Record<FeedbackActionType, { from: FeedbackStatus[]; by: FeedbackActor }> = {
  assign: { from: ['received'], by: 'classifier' },
  reassign: { from: ['assigned'], by: 'classifier' },
  reject: { from: ['received', 'assigned'], by: 'classifier' },
  mark_duplicate: { from: ['received', 'assigned'], by: 'classifier' },
  answer: { from: ['assigned'], by: 'agency' },
  publish: { from: ['answered'], by: 'agency' },
};

export const ACTION_LABELS: Record<FeedbackActionType | 'submit' | 'rate', string> = {
  submit: 'Gửi phản ánh, kiến nghị',
  assign: 'Phân loại và chuyển cơ quan xử lý',
  reassign: 'Chuyển lại cơ quan khác',
  reject: 'Từ chối: không thuộc phạm vi',
  mark_duplicate: 'Đánh dấu trùng',
  answer: 'Trả lời',
  publish: 'Cập nhật công khai',
  rate: 'Người gửi đánh giá',
};

/** null when the action may be taken; otherwise why not (Vietnamese, for the 422). */
export function refusal(
  action: FeedbackActionType,
  status: FeedbackStatus,
  roles: ReadonlySet<FeedbackActor>,
): string | null {
  const rule = allowed[action];
  if (!roles.has(rule.by)) {
    return rule.by === 'classifier'
      ? 'Chỉ cán bộ cải cách hành chính (Phòng Nội vụ) được phân loại, chuyển xử lý phản ánh.'
      : 'Chỉ cán bộ của cơ quan được giao xử lý mới trả lời phản ánh này.';
  }
  if (!rule.from.includes(status)) {
    return `Không thể «${ACTION_LABELS[action].toLowerCase()}» khi phản ánh đang ở trạng thái «${STATUS_LABELS[status]}».`;
  }
  return null;
}

/** Actions an actor may take now (for the office page's buttons). */
export function availableActions(status: FeedbackStatus, roles: ReadonlySet<FeedbackActor>) {
  return (Object.keys(allowed) as FeedbackActionType[]).filter((a) => refusal(a, status, roles) === null);
}

/**
 * Published on the portal: only with the sender's consent, once answered, and either the original text holds no
 * personal data or the officer wrote an edited public version of both question and answer.
 */
export function isPublishable(item: {
  consentToPublish: boolean;
  status: FeedbackStatus;
  containsPersonalData: boolean | null;
  publicContent: string | null;
  publicAnswer: string | null;
}): boolean {
  if (!item.consentToPublish || item.status !== 'answered') return false;
  if (!item.containsPersonalData) return true;
  return Boolean(item.publicContent?.trim() && item.publicAnswer?.trim());
}

export const RATING_CHANGE_DAYS = 7;

export type RatingRefusal = 'not_answered' | 'closed';

/** The sender rates once an answer exists, and may change the rating for 7 days after the first one. */
export function ratingRefusal(
  item: { status: FeedbackStatus; ratedAt: Date | null },
  now: Date,
): { code: RatingRefusal; message: string } | null {
  if (item.status !== 'answered')
    return { code: 'not_answered', message: 'Phản ánh chưa được trả lời nên chưa thể đánh giá.' };
  if (item.ratedAt && now.getTime() > ratingChangeableUntil(item.ratedAt).getTime())
    return {
      code: 'closed',
      message: `Đã quá ${RATING_CHANGE_DAYS} ngày kể từ lần đánh giá đầu tiên nên không thể thay đổi.`,
    };
  return null;
}

export const ratingChangeableUntil = (ratedAt: Date) =>
  new Date(ratedAt.getTime() + RATING_CHANGE_DAYS * 24 * 3600 * 1000);

/** PAKN-2026-000123 */
export const feedbackCode = (year: number, seq: number) => `PAKN-${year}-${String(seq).padStart(6, '0')}`;
