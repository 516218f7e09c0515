import { describe, expect, it } from 'vitest';
import { achievement, gaps, type ScoredCriterion, score, valueProblem } from './scoring.ts';

const c = (over: Partial<ScoredCriterion>): ScoredCriterion => ({
  id: over.code ?? 'x',
  code: 'x',
  title: 't',
  groupName: 'g',
  kind: 'number',
  unit: '%',
  target: 100,
  weight: 1,
  value: null,
  ...over,
});

describe('e-government self-assessment scoring', () => {
  it('scores achievement against the target, capped at 1', () => {
    expect(achievement(c({ value: 50 }))).toBe(0.5);
    expect(achievement(c({ value: 120 }))).toBe(1);
    expect(achievement(c({ value: null }))).toBe(0);
    expect(achievement(c({ kind: 'yes_no', target: 1, value: 1 }))).toBe(1);
    expect(achievement(c({ kind: 'yes_no', target: 1, value: 0 }))).toBe(0);
    expect(achievement(c({ target: 0, value: 0 }))).toBe(1);
  });

  it('weighs the criteria', () => {
    const list = [
      c({ code: 'a', value: 100, weight: 3 }),
      c({ code: 'b', value: 50, weight: 1 }),
      c({ code: 'c', kind: 'yes_no', target: 1, value: 0, weight: 1 }),
    ];
    expect(score(list)).toBe(Math.round(((3 + 0.5) / 5) * 1000) / 10);
    expect(score([])).toBeNull();
  });

  it('lists the criteria below target with their shortfall, heaviest gap first', () => {
    const list = [
      c({ code: 'a', value: 100 }),
      c({ code: 'b', value: 80, weight: 1 }),
      c({ code: 'c', kind: 'level', unit: 'mức', target: 4, value: 2, weight: 2 }),
      c({ code: 'd', kind: 'number', unit: 'điểm', target: 3, value: null }),
    ];
    const g = gaps(list);
    expect(g.map((x) => x.code)).toEqual(['c', 'd', 'b']); // c and d tie (2 × 50 % = 1 × 100 %): by code
    expect(g.find((x) => x.code === 'b')).toMatchObject({ shortfall: 20, shortfallPercent: 20 });
    expect(g.find((x) => x.code === 'c')).toMatchObject({ shortfall: 2, shortfallPercent: 50 });
    expect(g.find((x) => x.code === 'd')).toMatchObject({ shortfall: 3, value: null });
  });

  it('checks entered values against the kind', () => {
    expect(valueProblem({ kind: 'yes_no', unit: '', maxLevel: null }, 2)).toMatch(/Có hoặc Không/);
    expect(valueProblem({ kind: 'level', unit: 'mức', maxLevel: 4 }, 5)).toMatch(/0 đến 4/);
    expect(valueProblem({ kind: 'number', unit: '%', maxLevel: null }, 101)).toMatch(/100%/);
    expect(valueProblem({ kind: 'system', unit: '%', maxLevel: null }, 1)).toMatch(/hệ thống/);
    expect(valueProblem({ kind: 'number', unit: 'điểm', maxLevel: null }, 3)).toBeNull();
  });
});
