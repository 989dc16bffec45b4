import { readyYear } from '../years.ts';
import { bedsFromGfa, uniTownHostelGfaM2, type FormLimits } from '../massing/capacity.ts';

/**
 * Hostel beds from a University Town site's land budget.
 *
 * beds = site area × hostel share of site area × min(plot ratio, coverage × storeys under the height limit) ÷ GFA per bed
 *
 * Computed by the shared capacity function (workers/model/massing/capacity.ts) that the 3D massing
 * uses too. Without `limits` the plot ratio alone decides.
 *
 * @param areaM2 site area, m²
 * @param hostelLandSharePct share of the site given to hostels, %
 * @param plotRatio plot ratio on the hostel land
 * @param gfaPerBedM2 m² GFA per bed
 * @param limits site coverage, building height limit and floor-to-floor height (optional)
 * @returns beds (not rounded)
 * @example uniTownBeds(460_000, 12.7, 5.8, 16.9) // 460,000 × 0.127 × 5.8 ÷ 16.9 = 20,049.5 beds (Ngau Tam Mei)
 */
export function uniTownBeds(areaM2: number, hostelLandSharePct: number, plotRatio: number, gfaPerBedM2: number, limits?: FormLimits): number {
  if (!(areaM2 > 0) || !(gfaPerBedM2 > 0)) return 0;
  return bedsFromGfa(uniTownHostelGfaM2(areaM2, hostelLandSharePct, plotRatio, limits), gfaPerBedM2);
}

/**
 * Opening year of each phase: the first when the build time has passed after the site is available
 * (plus any delay), the next ones `gapYears` apart.
 * @example uniTownPhaseYears(2028, 0, 48, 2, 3) // [2032, 2035]
 */
export function uniTownPhaseYears(availableYear: number, delayYears: number, buildMonths: number, phases: number, gapYears: number): number[] {
  const first = readyYear(availableYear + delayYears, buildMonths);
  const out: number[] = [];
  for (let k = 0; k < Math.max(1, Math.round(phases)); k++) out.push(first + k * gapYears);
  return out;
}
