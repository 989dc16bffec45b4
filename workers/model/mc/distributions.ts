import type { Distribution } from '../params/registry.ts';

/**
 * Inverse CDF of the triangular distribution (min a, mode c, max b) at u ∈ [0, 1).
 * @example triangularInverse(0.5, 0, 0, 1) // 1 − √0.5 = 0.2929
 */
export function triangularInverse(u: number, a: number, c: number, b: number): number {
  if (b <= a) return a;
  const fc = (c - a) / (b - a);
  return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** A standard gamma variate (Marsaglia–Tsang), shape ≥ 1 here, from the stream `rand`. */
function gamma(shape: number, rand: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal
      const u1 = rand() || 1e-12;
      const u2 = rand();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rand();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u || 1e-12) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A PERT variate: a beta distribution on [min, max] with shape α = 1 + 4(mode − min)/(max − min),
 * β = 1 + 4(max − mode)/(max − min); its mean is (min + 4·mode + max) / 6.
 */
export function pertSample(a: number, c: number, b: number, rand: () => number): number {
  if (b <= a) return a;
  const alpha = 1 + (4 * (c - a)) / (b - a);
  const beta = 1 + (4 * (b - c)) / (b - a);
  const x = gamma(alpha, rand);
  const y = gamma(beta, rand);
  return a + (x / (x + y)) * (b - a);
}

/** One draw from a scenario distribution. Uses exactly one uniform for triangular. */
export function sample(d: Distribution, rand: () => number): number {
  if (d.dist === 'pert') return pertSample(d.min, d.mode, d.max, rand);
  return triangularInverse(rand(), d.min, d.mode, d.max);
}
