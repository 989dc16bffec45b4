/**
 * Beds on a land-sale (or drawn) hostel site.
 *
 * beds = site area × plot ratio × hostel share of GFA ÷ GFA per bed
 *
 * @param areaM2 site area, m²
 * @param plotRatio GFA ÷ site area
 * @param hostelSharePct share of GFA used as hostel, %
 * @param gfaPerBedM2 m² of GFA per bed
 * @returns beds (not rounded)
 * @example landSaleBeds(7400, 5.8, 100, 16.9) // 7,400 × 5.8 = 42,920 m² ÷ 16.9 = 2,539.6 beds (Kai Tak)
 */
export function landSaleBeds(areaM2: number, plotRatio: number, hostelSharePct: number, gfaPerBedM2: number): number {
  if (!(areaM2 > 0) || !(plotRatio > 0) || !(gfaPerBedM2 > 0) || !(hostelSharePct > 0)) return 0;
  return (areaM2 * plotRatio * (hostelSharePct / 100)) / gfaPerBedM2;
}
