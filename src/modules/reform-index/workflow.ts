import type { YearStatus } from './schema.ts';

// The order of an assessment year (pure): draft → self-assessment (until the deadline) → appraisal → response
// (agencies may answer the appraisal once per criterion) → final appraisal → published. Only forward, one step.

export const nextStatus: Record<YearStatus, YearStatus | null> = {
  draft: 'self_assessment',
  self_assessment: 'appraisal',
  appraisal: 'response',
  response: 'final_appraisal',
  final_appraisal: 'published',
  published: null,
};

export const statusLabel: Record<YearStatus, string> = {
  draft: 'Đang xây dựng',
  self_assessment: 'Đơn vị tự chấm',
  appraisal: 'Thẩm định',
  response: 'Giải trình',
  final_appraisal: 'Thẩm định lại',
  published: 'Đã công bố',
};

export const canSelfScore = (status: YearStatus, today: string, deadline: string | null) =>
  status === 'self_assessment' && (deadline === null || today <= deadline);
export const canAppraise = (status: YearStatus) => status === 'appraisal' || status === 'final_appraisal';
export const canRespond = (status: YearStatus) => status === 'response';
export const treeEditable = (status: YearStatus) => status === 'draft';

/** Vietnam's calendar date (UTC+7) of an instant. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
