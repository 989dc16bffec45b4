/**
 * A small, fast, seeded pseudo-random generator (SplitMix32 seeding into Mulberry32), so the same
 * seed gives the same draws on every machine. Each Monte Carlo draw gets its own stream from
 * (seed, drawIndex), which is why results do not depend on how draws are split across workers.
 */

/** Mixes two 32-bit integers into a well-spread 32-bit seed (Murmur3 finaliser on a combination). */
export function hashSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mulberry32: returns a function giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random stream of one draw. */
export function drawStream(seed: number, drawIndex: number): () => number {
  return mulberry32(hashSeed(seed, drawIndex));
}
