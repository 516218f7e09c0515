import type { CriterionKind } from './schema.ts';

// Scores and gaps of a self-assessment (README, "Score and gaps"); pure, no I/O.
//
//   achievement of a criterion = min(value ÷ target, 1)   (yes/no: 1 when yes; a target of 0 is met by any value;
//                                                          no value yet: 0)
//   score                      = 100 × Σ weight × achievement ÷ Σ weight
//   gap                        = a criterion whose value is below its target (or not given): shortfall = target − value

export interface ScoredCriterion {
  id: string;
  code: string;
  title: string;
  groupName: string;
  kind: CriterionKind;
  unit: string;
  target: number;
  weight: number;
  value: number | null;
}

export function achievement(c: Pick<ScoredCriterion, 'kind' | 'target' | 'value'>): number {
  if (c.value === null) return 0;
  if (c.kind === 'yes_no') return c.value >= 1 ? 1 : 0;
  if (c.target <= 0) return 1;
  return Math.max(0, Math.min(c.value / c.target, 1));
}

export function score(criteria: readonly ScoredCriterion[]): number | null {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (total <= 0) return null;
  const earned = criteria.reduce((s, c) => s + c.weight * achievement(c), 0);
  return Math.round((earned / total) * 1000) / 10;
}

export interface Gap {
  criterionId: string;
  kind: CriterionKind;
  code: string;
  title: string;
  groupName: string;
  unit: string;
  target: number;
  value: number | null;
  shortfall: number;
  /** Share of the target still missing, 0–100. */
  shortfallPercent: number;
  weight: number;
}

/** The criteria below target, the heaviest and furthest behind first. */
export function gaps(criteria: readonly ScoredCriterion[]): Gap[] {
  return criteria
    .filter((c) => achievement(c) < 1)
    .map((c) => {
      const shortfall = Math.round((c.target - (c.value ?? 0)) * 100) / 100;
      return {
        criterionId: c.id,
        kind: c.kind,
        code: c.code,
        title: c.title,
        groupName: c.groupName,
        unit: c.unit,
        target: c.target,
        value: c.value,
        shortfall,
        shortfallPercent: Math.round((1 - achievement(c)) * 1000) / 10,
        weight: c.weight,
      };
    })
    .sort(
      (a, b) => b.weight * b.shortfallPercent - a.weight * a.shortfallPercent || a.code.localeCompare(b.code),
    );
}

/** Whether an entered value fits the criterion's kind (messages in Vietnamese, null when it fits). */
export function valueProblem(
  c: { kind: CriterionKind; unit: string; maxLevel: number | null },
  value: number | null,
): string | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0) return 'Giá trị phải là số không âm.';
  if (c.kind === 'system') return 'Tiêu chí này lấy số liệu từ hệ thống, không nhập tay.';
  if (c.kind === 'yes_no' && value !== 0 && value !== 1) return 'Chọn Có hoặc Không.';
  if (c.kind === 'level' && (!Number.isInteger(value) || (c.maxLevel !== null && value > c.maxLevel)))
    return `Mức độ phải là số nguyên từ 0 đến ${c.maxLevel ?? 4}.`;
  if (c.unit === '%' && value > 100) return 'Tỷ lệ không vượt quá 100%.';
  return null;
}
