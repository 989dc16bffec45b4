/**
 * Hostel capacity of a site: the ONE place where land, plot ratio, site coverage and the building
 * height limit turn into hostel GFA and beds. The model's run (workers/model/run.ts) and the 3D
 * massing (workers/model/massing/massing.ts) both call these functions with the same arguments,
 * so the beds the 3D view shows are the beds the model counts.
 */

/** Optional built-form limits; leaving them out means "no limit" (the plot ratio alone decides). */
export interface FormLimits {
  /** Largest share of the land a building's footprint may cover, %. */
  coveragePct: number;
  /** Highest a building may be, m above ground. */
  heightLimitM: number;
  /** Height of one storey, m. */
  floorToFloorM: number;
}

/**
 * Whole storeys that fit under a height limit.
 * @example storeysUnder(100, 3.2) // 31 (99.2 m)
 */
export function storeysUnder(heightLimitM: number, floorToFloorM: number): number {
  if (!(floorToFloorM > 0) || !(heightLimitM >= 0)) return 0;
  if (heightLimitM === Infinity) return Infinity;
  // the small allowance keeps 96 m ÷ 3.2 m at 30 storeys despite binary rounding
  return Math.floor(heightLimitM / floorToFloorM + 1e-9);
}

/**
 * The plot ratio a site can actually reach: the permitted one, or less when site coverage × the
 * storeys under the height limit cannot hold it.
 *
 * achievable = min(plot ratio, coverage × floor(height limit ÷ floor-to-floor))
 *
 * @example achievablePlotRatio(5.8, { coveragePct: 40, heightLimitM: 100, floorToFloorM: 3.2 }) // 5.8 (40% × 31 = 12.4 does not bind)
 * @example achievablePlotRatio(5.8, { coveragePct: 40, heightLimitM: 30, floorToFloorM: 3.2 })  // 3.6 (40% × 9 storeys)
 */
export function achievablePlotRatio(plotRatio: number, limits?: FormLimits): number {
  if (!(plotRatio > 0)) return 0;
  if (!limits) return plotRatio;
  const storeys = storeysUnder(limits.heightLimitM, limits.floorToFloorM);
  const byForm = storeys === Infinity ? Infinity : (Math.max(0, limits.coveragePct) / 100) * storeys;
  return Math.min(plotRatio, byForm);
}

/**
 * Hostel GFA of a University Town site from its land budget.
 *
 * GFA = site area × hostel share of site area × min(plot ratio, coverage × storeys under the limit)
 *
 * @param areaM2 site area, m²
 * @param hostelLandSharePct share of the site area given to hostels, %
 * @param plotRatio plot ratio on the hostel land
 * @param limits site coverage, height limit and floor-to-floor height (omit for no limit)
 * @example uniTownHostelGfaM2(460_000, 12.7, 5.8) // 338,836 m² (Ngau Tam Mei)
 */
export function uniTownHostelGfaM2(areaM2: number, hostelLandSharePct: number, plotRatio: number, limits?: FormLimits): number {
  if (!(areaM2 > 0) || !(hostelLandSharePct > 0)) return 0;
  // same order of operations as the original beds formula, so default results are unchanged to the bit
  return areaM2 * (hostelLandSharePct / 100) * achievablePlotRatio(plotRatio, limits);
}

/**
 * Hostel GFA of a land-sale or drawn site: every m² of GFA the plot ratio allows, times the share
 * used as hostel.
 *
 * GFA = site area × min(plot ratio, coverage × storeys under the limit) × hostel share of GFA
 *
 * @example landSaleHostelGfaM2(7400, 5.8, 100) // 42,920 m² (Kai Tak)
 */
export function landSaleHostelGfaM2(areaM2: number, plotRatio: number, hostelSharePct: number, limits?: FormLimits): number {
  if (!(areaM2 > 0) || !(plotRatio > 0) || !(hostelSharePct > 0)) return 0;
  return areaM2 * achievablePlotRatio(plotRatio, limits) * (hostelSharePct / 100);
}

/**
 * Beds from hostel GFA.
 * @example bedsFromGfa(338_836, 16.9) // 20,049.5
 */
export function bedsFromGfa(gfaM2: number, gfaPerBedM2: number): number {
  if (!(gfaM2 > 0) || !(gfaPerBedM2 > 0)) return 0;
  return gfaM2 / gfaPerBedM2;
}

/** The University Town form limits from a parameter set (the model's and the 3D view's single reading). */
export function uniTownLimits(p: { uniTownSiteCoveragePct: number; uniTownHeightLimitM: number; uniTownFloorToFloorM: number }): FormLimits {
  return { coveragePct: p.uniTownSiteCoveragePct, heightLimitM: p.uniTownHeightLimitM, floorToFloorM: p.uniTownFloorToFloorM };
}

/** Parameters the University Town hostel capacity depends on. */
export interface UniTownCapacityParams {
  uniTownHostelLandSharePct: number;
  uniTownPlotRatio: number;
  uniTownGfaPerBedM2: number;
  uniTownSiteCoveragePct: number;
  uniTownHeightLimitM: number;
  uniTownFloorToFloorM: number;
}

/**
 * Hostel GFA and beds of a University Town site: the function the model's run and the 3D view share.
 * @example uniTownCapacity(460_000, defaultParams()) // { gfaM2: 338,836, beds: 20,049.5 }
 */
export function uniTownCapacity(areaM2: number, p: UniTownCapacityParams): { gfaM2: number; beds: number } {
  const gfaM2 = uniTownHostelGfaM2(areaM2, p.uniTownHostelLandSharePct, p.uniTownPlotRatio, uniTownLimits(p));
  return { gfaM2, beds: bedsFromGfa(gfaM2, p.uniTownGfaPerBedM2) };
}

/**
 * Hostel GFA and beds of a land-sale or drawn site (no form limit in the model unless one is given).
 * @example landSaleCapacity(7400, 5.8, 100, 16.9) // { gfaM2: 42,920, beds: 2,539.6 }
 */
export function landSaleCapacity(areaM2: number, plotRatio: number, hostelSharePct: number, gfaPerBedM2: number, limits?: FormLimits): { gfaM2: number; beds: number } {
  if (!(gfaPerBedM2 > 0)) return { gfaM2: 0, beds: 0 };
  const gfaM2 = landSaleHostelGfaM2(areaM2, plotRatio, hostelSharePct, limits);
  return { gfaM2, beds: bedsFromGfa(gfaM2, gfaPerBedM2) };
}
