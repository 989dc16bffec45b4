/**
 * Partial adjustment toward a cap: each year the share closes a fraction k of its distance to the cap.
 *
 * share[t] = share[t−1] + k × (cap[t] − share[t−1])
 *
 * @param previousShare share in year t−1 (fraction, e.g. 0.232)
 * @param cap cap in year t (fraction, e.g. 0.40)
 * @param k speed, fraction of the distance closed per year (0–1)
 * @returns share in year t (fraction)
 * @example partialAdjustmentStep(0.232, 0.40, 0.2) // 0.232 + 0.2 × 0.168 = 0.2656
 */
export function partialAdjustmentStep(previousShare: number, cap: number, k: number): number {
  return previousShare + k * (cap - previousShare);
}

/**
 * The non-local quota cap in force in an academic year, as a fraction of local places.
 * @example quotaCap(2025, 40, 50, 2026) // 0.40 ; quotaCap(2026, 40, 50, 2026) // 0.50
 */
export function quotaCap(year: number, capPct: number, raisedPct: number, raisedFromYear: number): number {
  return (year >= raisedFromYear ? raisedPct : capPct) / 100;
}

/**
 * Least-squares k for one-step partial adjustment over observed transitions:
 * minimises Σ (s[t] − s[t−1] − k (cap[t] − s[t−1]))², so k = Σ d·g / Σ g² with d = s[t] − s[t−1], g = cap[t] − s[t−1].
 * @param shares observed shares (fractions) in consecutive years
 * @param caps caps in force in the same years (caps[0] unused)
 * @example fitK([0.199, 0.232, 0.271], [0.2, 0.4, 0.4]) // ≈ 0.1921
 */
export function fitK(shares: number[], caps: number[]): { k: number; steps: { year: number; kStep: number; predicted: number; observed: number }[] } {
  let num = 0;
  let den = 0;
  for (let t = 1; t < shares.length; t++) {
    const d = shares[t] - shares[t - 1];
    const g = caps[t] - shares[t - 1];
    num += d * g;
    den += g * g;
  }
  const k = num / den;
  const steps = [];
  for (let t = 1; t < shares.length; t++) {
    steps.push({ year: t, kStep: (shares[t] - shares[t - 1]) / (caps[t] - shares[t - 1]), predicted: partialAdjustmentStep(shares[t - 1], caps[t], k), observed: shares[t] });
  }
  return { k, steps };
}
