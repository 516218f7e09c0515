import { describe, expect, it } from 'vitest';
import { E_EXCHANGE_TARGET, isoCoverage, isoInForce, meetsTarget, ratio } from './kpi-formulas.ts';

describe('electronic exchange share', () => {
  it('divides electronic by all documents between agencies', () => {
    expect(ratio(19, 20)).toBe(0.95);
    expect(ratio(0, 3)).toBe(0);
    expect(ratio(0, 0)).toBeNull();
  });
  it('refuses impossible counts', () => {
    expect(() => ratio(3, 2)).toThrow(RangeError);
    expect(() => ratio(-1, 2)).toThrow(RangeError);
  });
  it('meets the 95% target at exactly 95%, not below', () => {
    expect(meetsTarget(ratio(19, 20), E_EXCHANGE_TARGET)).toBe(true);
    expect(meetsTarget(ratio(94, 99), E_EXCHANGE_TARGET)).toBe(false);
    expect(meetsTarget(null, E_EXCHANGE_TARGET)).toBeNull();
  });
});

describe('ISO 9001:2015 coverage', () => {
  const regs = new Map([
    ['a', { effectiveOn: '2022-03-01', endedOn: null }],
    ['b', { effectiveOn: '2024-06-15', endedOn: '2025-07-01' }],
  ]);
  it('is in force from its date until it ended', () => {
    expect(isoInForce(regs.get('a'), '2022-02-28')).toBe(false);
    expect(isoInForce(regs.get('a'), '2022-03-01')).toBe(true);
    expect(isoInForce(regs.get('b'), '2025-06-30')).toBe(true);
    expect(isoInForce(regs.get('b'), '2025-07-01')).toBe(false);
    expect(isoInForce(undefined, '2025-01-01')).toBe(false);
  });
  it('counts agencies in force against 100%', () => {
    expect(isoCoverage(['a', 'b', 'c'], regs, '2025-01-01')).toEqual({
      agencies: 3,
      inForce: 2,
      share: 2 / 3,
      meetsTarget: false,
    });
    expect(isoCoverage(['a'], regs, '2025-01-01').meetsTarget).toBe(true);
    expect(isoCoverage([], regs, '2025-01-01').share).toBeNull();
  });
});
