import { describe, expect, it } from 'vitest';
import { zeroTotals } from './counters.ts';
import { INDICATORS, type Inputs, meets, rate } from './formulas.ts';
import { DEFAULT_766, index766, pointsOf } from './index-766.ts';

const inputs = (over: Partial<Inputs> = {}): Inputs => ({
  counters: zeroTotals(),
  ratings: 0,
  satisfied: 0,
  catalog: { procedures: 0, online: 0, publishedComplete: 0 },
  ...over,
});
const value = (key: string, i: Inputs) => INDICATORS.find((d) => d.key === key)?.compute(i).value;

describe('indicator formulas (hand-computed)', () => {
  it('rates are percentages with 2 decimals, null without a denominator', () => {
    expect(rate(2, 3)).toEqual({ numerator: 2, denominator: 3, value: 66.67 });
    expect(rate(0, 0).value).toBeNull();
    expect(rate(19, 20).value).toBe(95);
  });

  it('on time = (early + on time) ÷ (early + on time + late); undated decisions are left out', () => {
    const c = {
      ...zeroTotals(),
      resolvedEarly: 50,
      resolvedOnTime: 45,
      resolvedLate: 5,
      resolvedUncounted: 7,
    };
    expect(value('on_time', inputs({ counters: c }))).toBe(95);
  });

  it('online filing = online ÷ all received; digitisation of components and results', () => {
    const c = {
      ...zeroTotals(),
      receivedOnline: 120,
      receivedOffline: 30,
      receivedDigitised: 135,
      resultsIssued: 40,
      resultsDigitised: 38,
    };
    expect(value('dossiers_online', inputs({ counters: c }))).toBe(80);
    expect(value('components_digitised', inputs({ counters: c }))).toBe(90);
    expect(value('results_digitised', inputs({ counters: c }))).toBe(95);
  });

  it('satisfaction and procedures online', () => {
    expect(value('satisfaction', inputs({ ratings: 40, satisfied: 37 }))).toBe(92.5);
    expect(
      value(
        'procedures_online',
        inputs({ catalog: { procedures: 248, online: 212, publishedComplete: 200 } }),
      ),
    ).toBe(85.48);
  });

  it('targets: > 90 is not met by exactly 90; ≥ 95 is met by 95', () => {
    expect(meets(90, { op: '>', value: 90 })).toBe(false);
    expect(meets(90.01, { op: '>', value: 90 })).toBe(true);
    expect(meets(95, { op: '>=', value: 95 })).toBe(true);
    expect(meets(null, { op: '>=', value: 95 })).toBeNull();
    expect(meets(50, undefined)).toBeNull();
  });
});

describe('Decision 766 index (rules-2.md §1: points per indicator, linear or from a threshold)', () => {
  const c = {
    ...zeroTotals(),
    receivedOnline: 60,
    receivedOffline: 40, // online 60 % ≥ threshold 50 % → 12 of 12
    receivedDigitised: 80, // 80 % ≥ threshold 80 % → 4 of 4
    indexOnTime: 90,
    indexLate: 10,
    resultsIssued: 50,
    resultsDigitised: 50, // 100 % → 6 of 6
  };
  const base = inputs({
    counters: c,
    ratings: 10,
    satisfied: 9,
    catalog: { procedures: 200, online: 160, publishedComplete: 180 }, // 90 % of 2 → 1.8
    open: { open: 10, overdue: 2 }, // progress (90 + 8) ÷ (100 + 10) = 89.09 % of 20 → 17.82
    feedback: { total: 10, withinCompetence: 8, answeredOnTime: 6, dissatisfiedOrLate: 2 }, // 75 % → 4.5; 80 % → 4.8
  });

  it('scores each measured indicator and leaves the others out of the total', () => {
    const result = index766(base);
    const group = (key: string) => result.groups.find((g) => g.key === key);
    expect(group('publicity')).toMatchObject({ points: 1.8, outOf: 2, max: 18 });
    expect(group('progress')).toMatchObject({ points: 17.82, outOf: 20, max: 20 });
    expect(group('online')).toMatchObject({ points: 12, outOf: 12, max: 12 });
    expect(group('payment')).toMatchObject({ points: null, outOf: 0, max: 10 });
    expect(group('digitisation')).toMatchObject({ points: 10, outOf: 10, max: 22 });
    // Dossier satisfaction: 100 % − 10 late − 1 dissatisfied of 100 decided = 89 % < 90 % → 6 × 89 ÷ 90 = 5.93.
    expect(group('satisfaction')).toMatchObject({ points: 15.23, outOf: 18, max: 18 });
    expect(result).toMatchObject({ total: 56.85, outOf: 62, max: 100 });
  });

  it('gives both feedback indicators full points when no feedback came in, unless set otherwise', () => {
    const quiet = {
      ...base,
      feedback: { total: 0, withinCompetence: 0, answeredOnTime: 0, dissatisfiedOrLate: 0 },
    };
    const satisfaction = (r: ReturnType<typeof index766>) => r.groups.find((g) => g.key === 'satisfaction');
    expect(satisfaction(index766(quiet))).toMatchObject({ points: 17.93, outOf: 18 });
    expect(satisfaction(index766(quiet, { ...DEFAULT_766, noFeedback: 'not_scored' }))).toMatchObject({
      points: 5.93,
      outOf: 6,
    });
  });

  it('converts with a threshold or linearly, and takes points and thresholds from the settings', () => {
    expect(pointsOf(40, 12, 50)).toBe(9.6);
    expect(pointsOf(75, 12, 50)).toBe(12);
    expect(pointsOf(75, 20, null)).toBe(15);
    const strict = index766(base, {
      ...DEFAULT_766,
      components: { online_dossiers: { max: 12, threshold: 80 } },
    });
    expect(strict.groups.find((g) => g.key === 'online')?.points).toBe(9); // 12 × 60 ÷ 80
  });
});
