/**
 * The two demand lenses for one institution in one year. Both are labelled everywhere because the
 * public figures mix them (FACTS.md §7).
 */

/** Headcounts of one institution in one year, by level and origin. */
export interface Headcounts {
  localUg: number;
  nonLocalUg: number;
  rpgLocal: number;
  rpgNonLocal: number;
  /** Non-local students outside UGC-funded UG and RPg (self-financed TPg, self-financing programmes). */
  otherNonLocal: number;
  /** Local students counted in the market lens outside UGC-funded UG. */
  otherLocal: number;
}

/**
 * Entitlement demand under the 1996 criteria for publicly funded hostels (UGC-funded universities):
 * every non-local student on a publicly funded programme, every research postgraduate, each local
 * undergraduate for `hallYears` of `programmeYears`, and local undergraduates travelling more than
 * 4 hours a day for the rest of their years.
 *
 * beds = nonLocalUg + rpgLocal + rpgNonLocal + localUg × h/y + localUg × travel × (1 − h/y)
 *
 * @returns beds
 * @example entitlementDemand({localUg: 4000, nonLocalUg: 1000, rpgLocal: 100, rpgNonLocal: 400, otherNonLocal: 9, otherLocal: 9}, 1, 4, 0.1)
 * // 1000 + 100 + 400 + 4000 × 0.25 + 4000 × 0.1 × 0.75 = 2800
 */
export function entitlementDemand(h: Headcounts, hallYears: number, programmeYears: number, longTravelShare: number): number {
  const f = Math.min(1, hallYears / programmeYears);
  return h.nonLocalUg + h.rpgLocal + h.rpgNonLocal + h.localUg * f + h.localUg * longTravelShare * (1 - f);
}

/**
 * Market demand: every student group times the share who want a hostel bed.
 *
 * beds = takeUpNonLocal × (nonLocalUg + rpgNonLocal + otherNonLocal) + takeUpLocalUg × (localUg + otherLocal) + takeUpLocalRpg × rpgLocal
 *
 * @returns beds
 * @example marketDemand({localUg: 4000, nonLocalUg: 1000, rpgLocal: 100, rpgNonLocal: 400, otherNonLocal: 600, otherLocal: 0}, 0.8, 0.3, 0.5)
 * // 0.8 × 2000 + 0.3 × 4000 + 0.5 × 100 = 2850
 */
export function marketDemand(h: Headcounts, takeUpNonLocal: number, takeUpLocalUg: number, takeUpLocalRpg: number): number {
  return takeUpNonLocal * (h.nonLocalUg + h.rpgNonLocal + h.otherNonLocal) + takeUpLocalUg * (h.localUg + h.otherLocal) + takeUpLocalRpg * h.rpgLocal;
}
