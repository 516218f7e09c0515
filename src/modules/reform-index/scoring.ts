import type { GradeBand, NodeKind, RewardRule, ScaleStep } from './schema.ts';

// Pure arithmetic of the reform index (docs/kpi.md, "Reform index"): scales from a measured percentage to
// points, the score that counts for a leaf, totals, grade bands, ranking and the proposed reward list.

/** Default grade bands (configurable per year; the provincial bands are UNCONFIRMED, rules.md §5). */
export const DEFAULT_GRADE_BANDS: GradeBand[] = [
  { min: 90, label: 'Xuất sắc' },
  { min: 80, label: 'Tốt' },
  { min: 65, label: 'Khá' },
  { min: 50, label: 'Trung bình' },
  { min: 0, label: 'Yếu' },
];

export const DEFAULT_REWARD_RULE: RewardRule = { grades: ['Xuất sắc'], topN: null };

/** Default scale of automatic leaves: ≥ 95 % full points, 90–< 95 % half, below nothing. */
export const DEFAULT_SCALE: ScaleStep[] = [
  { min: 95, share: 1 },
  { min: 90, share: 0.5 },
];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Points a measured percentage earns: the share of the highest step whose `min` it reaches; no data → null. */
export function pointsOnScale(value: number | null, scale: ScaleStep[], maxPoints: number): number | null {
  if (value === null) return null;
  let share = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const step of scale) {
    if (value >= step.min && step.min > best) {
      best = step.min;
      share = step.share;
    }
  }
  return round2(share * maxPoints);
}

export interface LeafScore {
  kind: NodeKind;
  selfScore: number | null;
  computedScore: number | null;
  appraisedScore: number | null;
}

/** The self-assessed side of a leaf: the agency's own score, or for computed leaves the computed points. */
export function selfSide(s: LeafScore): number {
  if (s.kind === 'manual') return s.selfScore ?? 0;
  return s.computedScore ?? 0;
}

/** The score that counts: the council's, else the self-assessed side. */
export function effectiveScore(s: LeafScore): number {
  return s.appraisedScore ?? selfSide(s);
}

export function sumScores(values: number[]): number {
  return round2(values.reduce((a, b) => a + b, 0));
}

/** The grade of a total out of `maxTotal`, rescaled to 100 (rules.md §5: the index is a percentage). */
export function gradeOf(total: number, maxTotal: number, bands: GradeBand[]): string | null {
  const percent = maxTotal > 0 ? (total / maxTotal) * 100 : 0;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => percent >= b.min - 1e-9)?.label ?? null;
}

export interface RankInput {
  agencyId: string;
  total: number;
}

/** Standard competition ranking (1, 2, 2, 4): equal totals share a rank. */
export function rankTotals<T extends RankInput>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.total - a.total);
  return sorted.map((item, i) => {
    const firstEqual = sorted.findIndex((x) => Math.abs(x.total - item.total) < 1e-9);
    return { ...item, rank: firstEqual === -1 ? i + 1 : firstEqual + 1 };
  });
}

/** Proposed for a reward when the grade is one of the rule's grades or the rank is within its top N. */
export function proposedForReward(rank: number, grade: string | null, rule: RewardRule): boolean {
  if (grade !== null && rule.grades.includes(grade)) return true;
  return rule.topN !== null && rank <= rule.topN;
}

/** Year-on-year change; null without a previous published total. */
export function changeFrom(previous: number | null, total: number): number | null {
  return previous === null ? null : round2(total - previous);
}

/** A score must lie between 0 and the criterion's maximum. */
export function scoreWithinMax(score: number, maxPoints: number): boolean {
  return score >= 0 && score <= maxPoints + 1e-9;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  maxPoints: number;
  code: string;
}

/** Problems that block opening a year: a group whose children's points do not add up to its own, etc. */
export function treeProblems(nodes: TreeNode[]): string[] {
  const problems: string[] = [];
  const children = new Map<string | null, TreeNode[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const roots = children.get(null) ?? [];
  if (roots.length === 0) problems.push('Bộ tiêu chí chưa có lĩnh vực nào.');
  for (const n of nodes) {
    const kids = children.get(n.id) ?? [];
    if (n.kind === 'group') {
      if (kids.length === 0) problems.push(`Mục ${n.code} chưa có tiêu chí con.`);
      else {
        const sum = sumScores(kids.map((k) => k.maxPoints));
        if (Math.abs(sum - n.maxPoints) > 1e-6)
          problems.push(`Mục ${n.code}: tổng điểm tiêu chí con (${sum}) khác điểm tối đa (${n.maxPoints}).`);
      }
    } else if (kids.length > 0)
      problems.push(`Tiêu chí ${n.code} là tiêu chí chấm điểm nên không có mục con.`);
  }
  return problems;
}

export function maxTotalOf(nodes: TreeNode[]): number {
  return sumScores(nodes.filter((n) => n.parentId === null).map((n) => n.maxPoints));
}
