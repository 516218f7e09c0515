import { describe, expect, it } from 'vitest';
import { handledOnTimeRate, percent, satisfactionRate } from './feedback-formulas.ts';

describe('Decision 766 group 5 formulas on feedback', () => {
  it('(i) handled on time ÷ within competence, hand-computed', () => {
    // 7 within competence, 5 answered on or before the deadline: 5 / 7 = 71.428…% → 71.43.
    expect(handledOnTimeRate({ answeredOnTime: 5, withinCompetence: 7 })).toBe(71.43);
    expect(handledOnTimeRate({ answeredOnTime: 3, withinCompetence: 3 })).toBe(100);
    expect(handledOnTimeRate({ answeredOnTime: 0, withinCompetence: 0 })).toBeNull();
  });

  it('(ii) (all − dissatisfied or late) ÷ all, hand-computed', () => {
    // 8 items; 1 dissatisfied, 2 late, one of them both → union 2: (8 − 2) / 8 = 75%.
    expect(satisfactionRate({ total: 8, dissatisfiedOrLate: 2 })).toBe(75);
    // 3 items, 1 bad: 66.666…% → 66.67.
    expect(satisfactionRate({ total: 3, dissatisfiedOrLate: 1 })).toBe(66.67);
    expect(satisfactionRate({ total: 0, dissatisfiedOrLate: 0 })).toBeNull();
  });

  it('rounds to 2 decimals', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(2, 3)).toBe(66.67);
  });
});
