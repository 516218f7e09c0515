import { describe, expect, it } from 'vitest';
import { drawSample, seededRandom } from './sampling.ts';

describe('survey sampling', () => {
  const frame = Array.from({ length: 100 }, (_, i) => `d${i}`);

  it('is reproducible: the same frame and seed give the same sample, another seed another one', () => {
    const a = drawSample(frame, 10, 2025);
    expect(drawSample(frame, 10, 2025)).toEqual(a);
    expect(drawSample(frame, 10, 2026)).not.toEqual(a);
  });

  it('draws without replacement, from the frame only, in a stable order', () => {
    const sample = drawSample(frame, 30, 7);
    expect(sample).toHaveLength(30);
    expect(new Set(sample).size).toBe(30);
    for (const id of sample) expect(frame).toContain(id);
    // A larger sample with the same seed starts with the smaller one (partial Fisher–Yates).
    expect(drawSample(frame, 40, 7).slice(0, 30)).toEqual(sample);
  });

  it('takes the whole frame when it is smaller than the sample, and nothing for size 0', () => {
    expect(drawSample(['a', 'b'], 5, 1).sort()).toEqual(['a', 'b']);
    expect(drawSample(frame, 0, 1)).toEqual([]);
    expect(drawSample([], 3, 1)).toEqual([]);
  });

  it('generates floats in [0, 1) with a fixed sequence per seed', () => {
    const r = seededRandom(1);
    const first = [r(), r(), r()];
    const again = seededRandom(1);
    expect([again(), again(), again()]).toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('spreads the draws over the frame (each item about equally likely)', () => {
    const hits = new Map<string, number>();
    for (let seed = 1; seed <= 2000; seed += 1) {
      for (const id of drawSample(frame.slice(0, 10), 3, seed)) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    // Expected 600 each (2000 × 3 / 10); allow ±20 %.
    for (const n of hits.values()) {
      expect(n).toBeGreaterThan(480);
      expect(n).toBeLessThan(720);
    }
  });
});
