import { describe, expect, it } from 'vitest';
import {
  changeFrom,
  DEFAULT_GRADE_BANDS,
  DEFAULT_SCALE,
  effectiveScore,
  gradeOf,
  pointsOnScale,
  proposedForReward,
  rankTotals,
  scoreWithinMax,
  sumScores,
  treeProblems,
} from './scoring.ts';

describe('reform index scoring', () => {
  it('maps a percentage to points by the scale: ≥95 full, 90–<95 half, else 0; no data → null', () => {
    expect(pointsOnScale(97.5, DEFAULT_SCALE, 2)).toBe(2);
    expect(pointsOnScale(95, DEFAULT_SCALE, 2)).toBe(2);
    expect(pointsOnScale(94.99, DEFAULT_SCALE, 2)).toBe(1);
    expect(pointsOnScale(90, DEFAULT_SCALE, 3)).toBe(1.5);
    expect(pointsOnScale(89.9, DEFAULT_SCALE, 2)).toBe(0);
    expect(pointsOnScale(null, DEFAULT_SCALE, 2)).toBeNull();
    // Steps in any order: the highest reached threshold wins.
    expect(
      pointsOnScale(
        85,
        [
          { min: 0, share: 0.25 },
          { min: 80, share: 0.75 },
        ],
        4,
      ),
    ).toBe(3);
  });

  it('counts the council score first, else the self score (manual) or the computed points', () => {
    expect(effectiveScore({ kind: 'manual', selfScore: 3, computedScore: null, appraisedScore: 2.5 })).toBe(
      2.5,
    );
    expect(effectiveScore({ kind: 'manual', selfScore: 3, computedScore: null, appraisedScore: null })).toBe(
      3,
    );
    expect(
      effectiveScore({ kind: 'manual', selfScore: null, computedScore: null, appraisedScore: null }),
    ).toBe(0);
    expect(effectiveScore({ kind: 'automatic', selfScore: 9, computedScore: 1, appraisedScore: null })).toBe(
      1,
    );
    expect(effectiveScore({ kind: 'survey', selfScore: null, computedScore: 4, appraisedScore: 5 })).toBe(5);
    expect(sumScores([0.1, 0.2, 10.005])).toBe(10.31);
  });

  it('grades by configurable bands, rescaled to 100', () => {
    expect(gradeOf(90, 100, DEFAULT_GRADE_BANDS)).toBe('Xuất sắc');
    expect(gradeOf(89.99, 100, DEFAULT_GRADE_BANDS)).toBe('Tốt');
    expect(gradeOf(80, 100, DEFAULT_GRADE_BANDS)).toBe('Tốt');
    expect(gradeOf(65, 100, DEFAULT_GRADE_BANDS)).toBe('Khá');
    expect(gradeOf(64.5, 100, DEFAULT_GRADE_BANDS)).toBe('Trung bình');
    expect(gradeOf(49, 100, DEFAULT_GRADE_BANDS)).toBe('Yếu');
    expect(gradeOf(45, 50, DEFAULT_GRADE_BANDS)).toBe('Xuất sắc');
    expect(gradeOf(70, 100, [{ min: 75, label: 'Đạt' }])).toBeNull();
  });

  it('ranks with shared places, proposes rewards by grade or top N, compares years', () => {
    const ranked = rankTotals([
      { agencyId: 'a', total: 80 },
      { agencyId: 'b', total: 92 },
      { agencyId: 'c', total: 80 },
      { agencyId: 'd', total: 70 },
    ]);
    expect(ranked.map((r) => [r.agencyId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(proposedForReward(5, 'Xuất sắc', { grades: ['Xuất sắc'], topN: null })).toBe(true);
    expect(proposedForReward(1, 'Tốt', { grades: ['Xuất sắc'], topN: null })).toBe(false);
    expect(proposedForReward(2, 'Tốt', { grades: [], topN: 2 })).toBe(true);
    expect(proposedForReward(3, 'Tốt', { grades: [], topN: 2 })).toBe(false);
    expect(changeFrom(null, 80)).toBeNull();
    expect(changeFrom(78.5, 80)).toBe(1.5);
  });

  it('checks scores against the maximum and the tree for consistent points', () => {
    expect(scoreWithinMax(2, 2)).toBe(true);
    expect(scoreWithinMax(2.01, 2)).toBe(false);
    expect(scoreWithinMax(-1, 2)).toBe(false);
    const tree = [
      { id: 'g', parentId: null, kind: 'group' as const, maxPoints: 10, code: '1' },
      { id: 'l1', parentId: 'g', kind: 'manual' as const, maxPoints: 6, code: '1.1' },
      { id: 'l2', parentId: 'g', kind: 'automatic' as const, maxPoints: 3, code: '1.2' },
    ];
    expect(treeProblems(tree)).toEqual(['Mục 1: tổng điểm tiêu chí con (9) khác điểm tối đa (10).']);
    expect(treeProblems([])).toEqual(['Bộ tiêu chí chưa có lĩnh vực nào.']);
    expect(treeProblems([{ id: 'g', parentId: null, kind: 'group', maxPoints: 10, code: '1' }])).toEqual([
      'Mục 1 chưa có tiêu chí con.',
    ]);
  });
});
