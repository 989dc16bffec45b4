/**
 * Gravity weight of an institution for a bed at distance d: mass × exp(−d ÷ decay).
 * @param mass the institution's market demand (beds)
 * @param distanceKm straight-line distance from the site to the nearest campus, km
 * @param decayKm distance at which the weight falls to 1/e
 * @example gravityWeight(1000, 5, 5) // 1000 × e^−1 = 367.88
 */
export function gravityWeight(mass: number, distanceKm: number, decayKm: number): number {
  return mass * Math.exp(-distanceKm / decayKm);
}

/**
 * Shares of one site's beds among institutions, proportional to their gravity weights.
 * Returns equal shares when every weight is zero.
 * @example gravityShares([1000, 1000], [0, 5], 5) // [1 / (1 + e^−1), e^−1 / (1 + e^−1)] = [0.7311, 0.2689]
 */
export function gravityShares(masses: ArrayLike<number>, distancesKm: ArrayLike<number>, decayKm: number): number[] {
  const w = Array.from(masses, (m, i) => gravityWeight(m, distancesKm[i], decayKm));
  const total = w.reduce((a, b) => a + b, 0);
  return total > 0 ? w.map((x) => x / total) : w.map(() => 1 / w.length);
}
