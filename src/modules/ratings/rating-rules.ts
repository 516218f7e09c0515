// When a dossier may be rated and changed (pure; shared/domain/rules.md §4, the issue's "one rating per dossier,
// changeable for 7 days").
//
// Decision: a dossier can be rated once its result has reached the applicant — state `returned`, or
// `result_issued` on the online channel with an electronic result (the applicant can download it from "Hồ sơ
// của tôi" before the formal return step). Other states (including a result waiting at the desk) cannot.
import type { RatingLevel } from './schema.ts';

export const DEFAULT_RATING_LEVELS: readonly RatingLevel[] = [
  { key: 'very_satisfied', label: 'Rất hài lòng', satisfied: true },
  { key: 'satisfied', label: 'Hài lòng', satisfied: true },
  { key: 'unsatisfied', label: 'Không hài lòng', satisfied: false },
];

/** Calendar days (not working days) during which the first rating may be changed. */
export const CHANGE_WINDOW_DAYS = 7;
const dayMs = 24 * 60 * 60 * 1000;

export interface RateableDossier {
  state: string;
  channel: string;
  hasResult: boolean;
}

export interface ExistingRating {
  ratedAt: Date;
}

export type RatingDecision =
  | { ok: true }
  | { ok: false; code: 'not_yet' | 'closed' | 'unknown_level'; message: string };

export function canBeRated(d: RateableDossier): boolean {
  return d.state === 'returned' || (d.state === 'result_issued' && d.channel === 'online' && d.hasResult);
}

/** Until when a rating given at `ratedAt` may be changed. */
export function changeableUntil(ratedAt: Date): Date {
  return new Date(ratedAt.getTime() + CHANGE_WINDOW_DAYS * dayMs);
}

/** Whether a new or changed rating with `level` is accepted now. */
export function checkRating(
  dossier: RateableDossier,
  existing: ExistingRating | null,
  level: string,
  levels: readonly RatingLevel[],
  now: Date,
): RatingDecision {
  if (!canBeRated(dossier))
    return {
      ok: false,
      code: 'not_yet',
      message: 'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Vui lòng đánh giá sau khi nhận kết quả.',
    };
  if (existing && now.getTime() > changeableUntil(existing.ratedAt).getTime())
    return {
      ok: false,
      code: 'closed',
      message: `Đã quá ${CHANGE_WINDOW_DAYS} ngày kể từ lần đánh giá đầu tiên nên không thể thay đổi đánh giá.`,
    };
  if (!levels.some((l) => l.key === level))
    return {
      ok: false,
      code: 'unknown_level',
      message: `Mức đánh giá không hợp lệ; chọn một trong: ${levels.map((l) => l.label).join(', ')}.`,
    };
  return { ok: true };
}

/** Problems of a scale an administrator submits, or [] when it is acceptable. */
export function scaleProblems(levels: readonly RatingLevel[]): string[] {
  const problems: string[] = [];
  if (levels.length < 2) problems.push('Thang đánh giá cần ít nhất 2 mức.');
  const keys = new Set(levels.map((l) => l.key));
  if (keys.size !== levels.length) problems.push('Mã các mức đánh giá không được trùng nhau.');
  const labels = new Set(levels.map((l) => l.label.trim().toLocaleLowerCase('vi')));
  if (labels.size !== levels.length) problems.push('Tên các mức đánh giá không được trùng nhau.');
  if (!levels.some((l) => l.satisfied)) problems.push('Cần ít nhất một mức được tính là hài lòng.');
  if (!levels.some((l) => !l.satisfied)) problems.push('Cần ít nhất một mức được tính là không hài lòng.');
  return problems;
}
