/**
 * The massing of a site from the scenario's own numbers: the site split into use parcels in the
 * land budget's proportions, each parcel filled with buildings that follow its plot ratio, the site
 * coverage, the floor-to-floor height and the height limit, and the hostel buildings holding exactly
 * the hostel GFA the model counts (capacity.ts), phased as the model phases the beds.
 * Pure (no DOM, no three): the 3D view draws what this returns; the unit tests check it.
 */
import { achievablePlotRatio, bedsFromGfa, landSaleCapacity, uniTownCapacity, uniTownLimits, type FormLimits, type UniTownCapacityParams } from './capacity.ts';
import { fillParcel, type AxisBuilding } from './buildings.ts';
import { splitIntoParcels, type Use, type UseShare } from './parcels.ts';
import { polysArea, rotatePt, scaleToArea, type Poly } from './geometry.ts';
import { uniTownPhaseYears } from '../supply/uniTown.ts';

export interface MassingBuilding {
  id: number;
  use: Use;
  /** Index into phaseYears. */
  phase: number;
  /** Local frame (x east, y north), metres: footprint centre. */
  x: number;
  y: number;
  /** Footprint along / across the site's axis, m; the footprint is turned by `angle`. */
  length: number;
  depth: number;
  angle: number;
  storeys: number;
  heightM: number;
  footprintM2: number;
  gfaM2: number;
  /** Hostel beds in this building (0 for other uses). */
  beds: number;
}

export interface MassingParcel {
  use: Use;
  /** Local frame polygons, metres. */
  polys: Poly[];
  areaM2: number;
  gfaM2: number;
  /** GFA ÷ area. */
  plotRatio: number;
}

export interface Massing {
  /** Long-axis angle in the local frame, radians. */
  angle: number;
  /** The outline that was split, local frame. */
  outline: Poly[];
  /** Area of the outline (= Σ parcel areas). */
  siteAreaM2: number;
  parcels: MassingParcel[];
  buildings: MassingBuilding[];
  /** The hostel GFA and beds, from the same function the model uses. */
  hostelGfaM2: number;
  beds: number;
  gfaPerBedM2: number;
  /** Opening year of each phase (academic start years). */
  phaseYears: number[];
  /** First year the beds are out of use, or null. */
  closeYear: number | null;
  limits: FormLimits;
  maxHeightM: number;
  warnings: {
    /** Non-hostel shares were scaled down so that the shares fit in the site. */
    sharesScaled: boolean;
    /** Some parcel needs more footprint than the coverage allows under the height limit. */
    overCoverage: boolean;
    /** Some footprints could not be placed wholly inside their parcel. */
    notFitted: boolean;
  };
}

/** How buildings of each use are drawn: a convention of the massing only, no effect on any figure. */
export const FORM: Record<Use, { typicalFootprintM2: number; aspect: number }> = {
  hostel: { typicalFootprintM2: 900, aspect: 2.5 },
  academic: { typicalFootprintM2: 2500, aspect: 1.6 },
  hospital: { typicalFootprintM2: 4000, aspect: 1.4 },
  residential: { typicalFootprintM2: 700, aspect: 1.2 },
  other: { typicalFootprintM2: 1200, aspect: 1.5 },
  openSpace: { typicalFootprintM2: 0, aspect: 1 },
  road: { typicalFootprintM2: 0, aspect: 1 },
};

export interface UseSpec {
  use: Use;
  /** % of the site area. */
  sharePct: number;
  /** Plot ratio of the parcel (ignored for hostel, whose GFA is given, and for open space and roads). */
  plotRatio: number;
}

export interface MassSiteInput {
  /** The site outline, local frame (metres). */
  outline: Poly[];
  uses: UseSpec[];
  /** The hostel GFA the model counts for this site (from capacity.ts). */
  hostelGfaM2: number;
  gfaPerBedM2: number;
  limits: FormLimits;
  phaseYears: number[];
  closeYear?: number | null;
  sharesScaled?: boolean;
  /** Long-axis angle to use instead of the outline's own (radians). */
  angle?: number;
}

/** Splits, fills and phases a site. */
export function massSite(input: MassSiteInput): Massing {
  const phases = Math.max(1, input.phaseYears.length);
  const shares: UseShare[] = input.uses.map((u) => ({ use: u.use, share: Math.max(0, u.sharePct) / 100 }));
  const split = splitIntoParcels(input.outline, shares, input.angle);
  const angle = split.angle;
  const prOf = new Map(input.uses.map((u) => [u.use, u.plotRatio]));
  const parcels: MassingParcel[] = [];
  const buildings: MassingBuilding[] = [];
  let overCoverage = false, notFitted = false;
  for (const p of split.parcels) {
    let gfa = 0;
    if (p.use === 'hostel') gfa = input.hostelGfaM2;
    else if (p.use !== 'road' && p.use !== 'openSpace') gfa = p.areaM2 * achievablePlotRatio(prOf.get(p.use) ?? 0, input.limits);
    parcels.push({ use: p.use, polys: p.polys, areaM2: p.areaM2, gfaM2: gfa, plotRatio: p.areaM2 > 0 ? gfa / p.areaM2 : 0 });
    if (!(gfa > 0)) continue;
    const fill = fillParcel(p.axisPolys, { use: p.use, gfaM2: gfa, limits: input.limits, ...FORM[p.use], multipleOf: phases });
    overCoverage ||= fill.overCoverage;
    notFitted ||= !fill.fitted;
    const n = fill.buildings.length;
    fill.buildings.forEach((b: AxisBuilding, i) => {
      const [x, y] = rotatePt([b.x, b.y], angle);
      buildings.push({
        id: buildings.length, use: b.use, phase: Math.min(phases - 1, Math.floor((i * phases) / n)), x, y,
        length: b.length, depth: b.depth, angle, storeys: b.storeys, heightM: b.heightM, footprintM2: b.footprintM2, gfaM2: b.gfaM2,
        beds: b.use === 'hostel' ? bedsFromGfa(b.gfaM2, input.gfaPerBedM2) : 0,
      });
    });
  }
  return {
    angle, outline: input.outline, siteAreaM2: split.siteAreaM2, parcels, buildings,
    hostelGfaM2: input.hostelGfaM2, beds: bedsFromGfa(input.hostelGfaM2, input.gfaPerBedM2), gfaPerBedM2: input.gfaPerBedM2,
    phaseYears: input.phaseYears.slice(), closeYear: input.closeYear ?? null, limits: input.limits,
    maxHeightM: buildings.reduce((a, b) => Math.max(a, b.heightM), 0),
    warnings: { sharesScaled: !!input.sharesScaled, overCoverage, notFitted },
  };
}

/** Parameters a University Town massing reads (a subset of the registry's Params). */
export interface UniTownMassingParams extends UniTownCapacityParams {
  uniTownRoadsSharePct: number;
  uniTownOpenSpaceSharePct: number;
  uniTownHospitalSharePct: number;
  uniTownResidentialSharePct: number;
  uniTownAcademicPlotRatio: number;
  uniTownOtherPlotRatio: number;
  uniTownDelayYears: number;
  uniTownBuildMonths: number;
  uniTownPhases: number;
  uniTownPhaseGapYears: number;
}

/**
 * The land budget of a University Town site in %: hostel, roads, open space, hospital, residential
 * as set, academic the remainder. When they exceed the site, every share but the hostel one (which
 * the beds depend on) is scaled down to fit.
 */
export function uniTownUseShares(p: UniTownMassingParams): { uses: UseSpec[]; scaled: boolean } {
  const h = Math.min(100, Math.max(0, p.uniTownHostelLandSharePct));
  let rest: [Use, number, number][] = [
    ['road', p.uniTownRoadsSharePct, 0], ['openSpace', p.uniTownOpenSpaceSharePct, 0],
    ['hospital', p.uniTownHospitalSharePct, p.uniTownOtherPlotRatio], ['residential', p.uniTownResidentialSharePct, p.uniTownOtherPlotRatio],
  ];
  rest = rest.map(([u, s, pr]) => [u, Math.max(0, s), pr]);
  const sumRest = rest.reduce((a, r) => a + r[1], 0);
  const room = 100 - h;
  const scaled = sumRest > room + 1e-9;
  if (scaled) rest = rest.map(([u, s, pr]) => [u, sumRest > 0 ? (s * room) / sumRest : 0, pr]);
  const academic = Math.max(0, 100 - h - rest.reduce((a, r) => a + r[1], 0));
  const uses: UseSpec[] = [
    { use: 'academic', sharePct: academic, plotRatio: p.uniTownAcademicPlotRatio },
    { use: 'hostel', sharePct: h, plotRatio: p.uniTownPlotRatio },
    ...rest.map(([use, sharePct, plotRatio]) => ({ use, sharePct, plotRatio })),
  ];
  // bands along the axis: academic, hostel, open space, hospital, residential (roads between them)
  const order: Use[] = ['academic', 'hostel', 'openSpace', 'hospital', 'residential', 'road'];
  uses.sort((a, b) => order.indexOf(a.use) - order.indexOf(b.use));
  return { uses, scaled };
}

/**
 * A University Town site's massing. The hostel GFA and beds come from uniTownCapacity — the call
 * the model's run makes with the same site area and parameters — and the phases from
 * uniTownPhaseYears, as in the run.
 * @param outline the site outline, local frame; it is scaled to `areaM2` (illustrative outlines follow an edited area)
 * @param areaM2 the site area the model uses (data value or the scenario's edit)
 * @param availableYear first year the land is available (data value or the scenario's edit)
 */
export function uniTownMassing(outline: Poly[], areaM2: number, availableYear: number, p: UniTownMassingParams): Massing {
  const { gfaM2 } = uniTownCapacity(areaM2, p);
  const { uses, scaled } = uniTownUseShares(p);
  const a = polysArea(outline);
  // the outline is illustrative: scale it to the area the model uses, so parcels add up to that area
  const scaledOutline = a > 0 && areaM2 > 0 && a !== areaM2 ? outline.map((q) => scaleToArea(q, (polysArea([q]) / a) * areaM2)) : outline;
  return massSite({
    outline: scaledOutline, uses, hostelGfaM2: gfaM2, gfaPerBedM2: p.uniTownGfaPerBedM2, limits: uniTownLimits(p),
    phaseYears: uniTownPhaseYears(availableYear, p.uniTownDelayYears, p.uniTownBuildMonths, p.uniTownPhases, p.uniTownPhaseGapYears),
    sharesScaled: scaled,
  });
}

/**
 * A land-sale or drawn site's massing: the hostel share of GFA as a hostel parcel (the rest as
 * "other" uses) at the site's plot ratio. Beds from landSaleCapacity, as in the run.
 * @param limits the built-form limits to draw with (published site coverage and height restriction where known)
 */
export function landSaleMassing(outline: Poly[], areaM2: number, plotRatio: number, hostelSharePct: number, gfaPerBedM2: number, limits: FormLimits, openYear: number | null, closeYear: number | null = null): Massing {
  const { gfaM2 } = landSaleCapacity(areaM2, plotRatio, hostelSharePct, gfaPerBedM2);
  const share = Math.min(100, Math.max(0, hostelSharePct));
  return massSite({
    outline, hostelGfaM2: gfaM2, gfaPerBedM2, limits,
    // the land sale's plot ratio is the permitted one: the view draws it even where the form limits are tight
    uses: [{ use: 'hostel', sharePct: share, plotRatio }, { use: 'other', sharePct: 100 - share, plotRatio }],
    phaseYears: openYear === null ? [] : [openYear], closeYear,
  });
}

/**
 * A converted hotel: one building holding the model's beds for the site. Its size is illustrative
 * (the data has no floor areas for hotels): GFA = the beds it would give if wholly converted × GFA
 * per bed, on a footprint of the given size.
 * @param beds the model's beds for the site in this scenario (0 when it does not convert)
 * @param potentialBeds rooms × beds per room
 */
export function hotelMassing(beds: number, potentialBeds: number, gfaPerBedM2: number, footprintM2: number, floorToFloorM: number, openYear: number | null, closeYear: number | null): Massing {
  const gfa = Math.max(0, potentialBeds, beds) * gfaPerBedM2;
  const storeys = Math.max(1, Math.ceil(gfa / footprintM2 - 1e-9));
  const side = Math.sqrt(gfa > 0 ? gfa / storeys : footprintM2);
  const plot = Math.sqrt(footprintM2) * 1.6;
  const h = plot / 2;
  const outline: Poly[] = [[[[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]]]];
  const b: MassingBuilding = {
    id: 0, use: 'hostel', phase: 0, x: 0, y: 0, length: side, depth: side, angle: 0, storeys, heightM: storeys * floorToFloorM,
    footprintM2: side * side, gfaM2: gfa, beds: Math.max(0, beds),
  };
  return {
    angle: 0, outline, siteAreaM2: plot * plot, parcels: [{ use: 'hostel', polys: outline, areaM2: plot * plot, gfaM2: gfa, plotRatio: gfa / (plot * plot) }],
    buildings: [b], hostelGfaM2: gfa, beds: Math.max(0, beds), gfaPerBedM2,
    phaseYears: openYear === null ? [] : [openYear], closeYear, limits: { coveragePct: 100, heightLimitM: Infinity, floorToFloorM },
    maxHeightM: b.heightM, warnings: { sharesScaled: false, overCoverage: false, notFitted: false },
  };
}

/** Which phases are open in a year: buildings of later phases are ghosted in the view. */
export function phaseOpen(m: Massing, phase: number, year: number): boolean {
  const y = m.phaseYears[phase];
  if (y === undefined) return false;
  return year >= y && (m.closeYear === null || year < m.closeYear);
}

/** Beds in use in a year: equal shares per phase, as the model opens them. */
export function bedsOpenIn(m: Massing, year: number): number {
  const P = m.phaseYears.length;
  if (P === 0) return 0;
  let open = 0;
  for (let k = 0; k < P; k++) if (phaseOpen(m, k, year)) open++;
  return (m.beds * open) / P;
}
