import { describe, expect, it } from 'vitest';
import { deltaT, newMoonJde, sunLongitude } from './astro.ts';

describe('astronomy (Meeus worked examples)', () => {
  it('computes the true new moon of example 49.a (1977 February)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2_443_192.65118, 4);
  });

  it('computes the apparent solar longitude of example 25.a (1992 October 13.0 TD)', () => {
    expect(sunLongitude(2_448_908.5)).toBeCloseTo(199.90895, 3);
  });

  it('gives plausible ΔT values', () => {
    expect(deltaT(1900)).toBeCloseTo(-2.79, 2);
    expect(deltaT(2000)).toBeCloseTo(63.86, 2);
    expect(deltaT(2025)).toBeGreaterThan(65);
    expect(deltaT(2025)).toBeLessThan(80);
  });
});
