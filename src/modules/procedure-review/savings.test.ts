import { describe, expect, it } from 'vitest';
import { canMoveTo, reviewSaving, savingOf } from './savings.ts';

const rates = { citizenDayValueVnd: 200_000, visitCostVnd: 50_000 };

describe('procedure review saving', () => {
  it('multiplies the saving per dossier by the yearly volume', () => {
    const s = savingOf([{ daysSaved: 2, visitsSaved: 1, feeReductionVnd: 10_000 }], 120, rates);
    expect(s.vndPerDossier).toBe(2 * 200_000 + 50_000 + 10_000);
    expect(s.vndPerYear).toBe(460_000 * 120);
    expect(s.daysPerYear).toBe(240);
    expect(s.visitsPerYear).toBe(120);
  });

  it('sums proposals; rejected ones count in neither figure, decided ones only once approved', () => {
    const s = reviewSaving(
      [
        { status: 'proposed', daysSaved: 1.5, visitsSaved: 0, feeReductionVnd: 0 },
        { status: 'approved', daysSaved: 1, visitsSaved: 2, feeReductionVnd: 0 },
        { status: 'rejected', daysSaved: 10, visitsSaved: 10, feeReductionVnd: 1_000_000 },
        { status: 'implemented', daysSaved: 0, visitsSaved: 0, feeReductionVnd: 5_000 },
      ],
      10,
      rates,
    );
    expect(s.estimated.daysPerDossier).toBe(2.5);
    expect(s.estimated.vndPerDossier).toBe(2.5 * 200_000 + 2 * 50_000 + 5_000);
    expect(s.decided.vndPerDossier).toBe(200_000 + 100_000 + 5_000);
    expect(s.decided.vndPerYear).toBe(3_050_000);
  });

  it('is zero without dossiers or proposals and refuses negative inputs', () => {
    expect(savingOf([], 50, rates).vndPerYear).toBe(0);
    expect(savingOf([{ daysSaved: 3, visitsSaved: 1, feeReductionVnd: 0 }], 0, rates).vndPerYear).toBe(0);
    expect(() => savingOf([{ daysSaved: -1, visitsSaved: 0, feeReductionVnd: 0 }], 1, rates)).toThrow(
      RangeError,
    );
  });

  it('follows the decision flow', () => {
    expect(canMoveTo('proposed', 'submitted')).toBe(true);
    expect(canMoveTo('proposed', 'approved')).toBe(false);
    expect(canMoveTo('submitted', 'rejected')).toBe(true);
    expect(canMoveTo('approved', 'implemented')).toBe(true);
    expect(canMoveTo('rejected', 'approved')).toBe(false);
  });
});
