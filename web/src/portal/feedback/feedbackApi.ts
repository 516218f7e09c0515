// Types and calls of the feedback API (docs/api.md, "Feedback"), shared by the portal and the back office.
import { ApiError, toApiError } from '../../api';

export type SubjectKind = 'procedure' | 'regulation' | 'conduct' | 'other';
export type FeedbackStatus = 'received' | 'assigned' | 'answered' | 'rejected' | 'duplicate';
export type Timeliness = 'on_time' | 'late' | 'within_deadline' | 'overdue' | null;

export const subjectKindOptions: { value: SubjectKind; label: string }[] = [
  { value: 'procedure', label: 'Thủ tục hành chính' },
  { value: 'regulation', label: 'Quy định hành chính' },
  { value: 'conduct', label: 'Hành vi, thái độ của cán bộ' },
  { value: 'other', label: 'Khác' },
];

export interface SimilarFeedback {
  code: string;
  title: string | null;
  published: boolean;
  score: number;
}

export interface PublishedFeedback {
  code: string;
  subjectKind: SubjectKind;
  subjectKindLabel: string;
  procedureCode: string | null;
  procedureName: string | null;
  title: string;
  content: string;
  answer: string;
  agencyName: string | null;
  createdAt: string;
  answeredAt: string | null;
}

/** What the sender sees (by code and check, or from the account). */
export interface SenderFeedback {
  id: string;
  code: string;
  subjectKindLabel: string;
  procedureName: string | null;
  title: string;
  content: string;
  status: FeedbackStatus;
  statusLabel: string;
  agencyName: string | null;
  createdAt: string;
  dueAt: string | null;
  timeliness: Timeliness;
  answer: string | null;
  answeredAt: string | null;
  published: boolean;
  rejectReason: string | null;
  duplicateOfCode: string | null;
  canRate: boolean;
  satisfaction: 'satisfied' | 'dissatisfied' | null;
  satisfactionComment: string | null;
  ratedAt: string | null;
  changeableUntil: string | null;
}

export interface SubmitResult {
  code: string;
  check: string;
  similar: SimilarFeedback[];
}

/** POST /api/feedback with an Idempotency-Key, so a retry after a lost answer does not send twice. */
export async function submitFeedback(body: unknown, idempotencyKey: string): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetch('/api/feedback', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as SubmitResult;
}

export const timelinessTag: Record<Exclude<Timeliness, null>, { color: string; label: string }> = {
  on_time: { color: 'green', label: 'Đúng hạn' },
  late: { color: 'red', label: 'Trễ hạn' },
  within_deadline: { color: 'blue', label: 'Trong hạn' },
  overdue: { color: 'red', label: 'Quá hạn' },
};
