// Drawing a survey sample (pure): a seeded pseudo-random generator and a partial Fisher–Yates shuffle, so the
// same frame (in the same order) and seed always give the same sample — the seed is stored with the round.

/** mulberry32: a small, well-distributed 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` items drawn without replacement from `frame`, in draw order; the whole frame when it is smaller. */
export function drawSample<T>(frame: readonly T[], size: number, seed: number): T[] {
  const pool = [...frame];
  const n = Math.min(Math.max(Math.floor(size), 0), pool.length);
  const random = seededRandom(seed);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  return pool.slice(0, n);
}

/** A fresh seed for a round whose officer did not give one (stored, so the draw can be repeated). */
export function newSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647) + 1;
}
