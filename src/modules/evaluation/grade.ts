// Grade bands of an office's total out of 18 and the configurable scoring options (pure).
// Bands: Circular 01/2018 art. 15(3) as restated in rules-2.md §2.3 (≥ 15 Xuất sắc; 12 to < 15 Tốt; 9 to < 12
// Khá; 6 to < 9 Trung bình; < 6 Yếu). Thanh Hóa's software shows "> 15" (rules.md §1.5); rules-2 corrects it to
// "≥ 15". Both stay editable by the administrator.
import { MAX_TOTAL, type Points } from './indicators.ts';

export interface GradeBand {
  key: string;
  label: string;
  /** Lowest total (inclusive) in the band. */
  min: number;
}

/**
 * Where the shared rules and the issue disagree, the administrator chooses (docs/kpi.md, "Evaluation"):
 * - `lateWithApologyPoints`: indicator 1 for a dossier resolved late on the statutory date but within the new
 *   date of an apology issued in time (Mẫu 04). Art. 13 says longer = 0; some provinces give 1.
 * - `deskOnlyContactPoints`: indicator 4 when the applicant dealt with the one-stop desk only. Art. 13 gives 1
 *   ("none" = 2, a fully online dossier); the issue text suggests 2.
 * - `deskIntakeReturnPoints`: indicator 5 when the desk received and returned the dossier but the appraisal
 *   happened elsewhere. Art. 13 gives 1 (2 needs in-house appraisal at the desk); the issue text suggests 2.
 */
export interface EvaluationRules {
  lateWithApologyPoints: Points;
  deskOnlyContactPoints: Points;
  deskIntakeReturnPoints: Points;
}

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { key: 'excellent', label: 'Xuất sắc', min: 15 },
  { key: 'good', label: 'Tốt', min: 12 },
  { key: 'fair', label: 'Khá', min: 9 },
  { key: 'average', label: 'Trung bình', min: 6 },
  { key: 'weak', label: 'Yếu', min: 0 },
];

export const DEFAULT_EVALUATION_RULES: Readonly<EvaluationRules> = {
  lateWithApologyPoints: 0,
  deskOnlyContactPoints: 1,
  deskIntakeReturnPoints: 1,
};

/** The bands from the highest threshold down. */
export function sortedBands(bands: readonly GradeBand[]): GradeBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/** The band a total falls in: the one with the highest `min` not above it. */
export function gradeOf(total: number, bands: readonly GradeBand[]): GradeBand {
  const sorted = sortedBands(bands);
  const band = sorted.find((b) => total >= b.min) ?? sorted[sorted.length - 1];
  if (!band) throw new RangeError('No grade bands configured');
  return band;
}

/** Problems of a band list an administrator submits (Vietnamese), or [] when it is acceptable. */
export function bandProblems(bands: readonly GradeBand[]): string[] {
  const problems: string[] = [];
  if (bands.length < 2) problems.push('Cần ít nhất 2 mức xếp loại.');
  if (new Set(bands.map((b) => b.key)).size !== bands.length)
    problems.push('Mã các mức xếp loại không được trùng nhau.');
  if (new Set(bands.map((b) => b.label.trim().toLocaleLowerCase('vi'))).size !== bands.length)
    problems.push('Tên các mức xếp loại không được trùng nhau.');
  if (new Set(bands.map((b) => b.min)).size !== bands.length)
    problems.push('Điểm tối thiểu của các mức xếp loại không được trùng nhau.');
  if (bands.some((b) => b.min < 0 || b.min > MAX_TOTAL))
    problems.push(`Điểm tối thiểu phải từ 0 đến ${MAX_TOTAL}.`);
  if (bands.length > 0 && !bands.some((b) => b.min === 0))
    problems.push('Mức thấp nhất phải bắt đầu từ 0 điểm để mọi tổng điểm đều được xếp loại.');
  return problems;
}
