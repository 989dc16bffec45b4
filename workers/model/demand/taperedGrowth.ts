/**
 * A growth rate that halves every `halfLifeYears`.
 *
 * rate(n) = g0 × 0.5^(n / halfLife), n = years since the first projected year
 *
 * @param g0 starting growth, fraction per year (0.206 = 20.6%)
 * @param halfLifeYears years for the rate to halve
 * @param n years after the first projected year (0 for that year)
 * @example taperedGrowthRate(0.2, 2, 2) // 0.1
 */
export function taperedGrowthRate(g0: number, halfLifeYears: number, n: number): number {
  return g0 * Math.pow(0.5, n / halfLifeYears);
}
