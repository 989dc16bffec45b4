/**
 * Fills a parcel with buildings: a grid of rectangular footprints along the site's axis whose
 * total footprint respects the site coverage, with the storeys the parcel's GFA needs and no
 * building above the height limit. Each building's GFA is an equal part of the parcel's GFA, the
 * last one taking the rounding, so the buildings' GFA adds up to the parcel's GFA exactly.
 */
import { storeysUnder, type FormLimits } from './capacity.ts';
import { bboxOf, inPolys, polysArea, type Poly } from './geometry.ts';
import type { Use } from './parcels.ts';

export interface BuildingSpec {
  use: Use;
  /** GFA to place on the parcel, m². */
  gfaM2: number;
  limits: FormLimits;
  /** Footprint a building of this use is aimed at, m² (more buildings when the parcel needs more footprint). */
  typicalFootprintM2: number;
  /** Length ÷ depth of a footprint. */
  aspect: number;
  /** The number of buildings is a multiple of this (phases, so that each phase gets the same GFA). */
  multipleOf: number;
}

/** A building in the site's axis frame (x along the long axis), metres. */
export interface AxisBuilding {
  use: Use;
  x: number;
  y: number;
  /** Along the axis. */
  length: number;
  /** Across the axis. */
  depth: number;
  storeys: number;
  heightM: number;
  footprintM2: number;
  gfaM2: number;
}

export interface FillResult {
  buildings: AxisBuilding[];
  storeys: number;
  /** Footprint ÷ parcel area. */
  coverage: number;
  /** False when the footprints could not all be placed inside the parcel (some overlap its edge). */
  fitted: boolean;
  /** True when the GFA needed more footprint than the coverage allows under the height limit. */
  overCoverage: boolean;
}

const roundUp = (n: number, m: number) => Math.max(m, Math.ceil(n / m) * m);

/** Grid cell centres (axis frame) where a length × depth box fits inside the parcel, in order along the axis. */
function fittingCells(polys: Poly[], cellL: number, cellD: number, len: number, dep: number): [number, number][] {
  const [x0, y0, x1, y1] = bboxOf(polys);
  const cols = Math.floor((x1 - x0) / cellL), rows = Math.floor((y1 - y0) / cellD);
  if (cols < 1 || rows < 1 || cols * rows > 200_000) return [];
  const ox = x0 + (x1 - x0 - cols * cellL) / 2 + cellL / 2;
  const oy = y0 + (y1 - y0 - rows * cellD) / 2 + cellD / 2;
  const hl = len / 2, hd = dep / 2;
  const out: [number, number][] = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const x = ox + c * cellL, y = oy + r * cellD;
      // corners, edge midpoints and centre inside: enough for footprints much smaller than the parcel
      if (inPolys(x, y, polys) && inPolys(x - hl, y - hd, polys) && inPolys(x + hl, y - hd, polys) && inPolys(x + hl, y + hd, polys) && inPolys(x - hl, y + hd, polys)
        && inPolys(x, y - hd, polys) && inPolys(x, y + hd, polys) && inPolys(x - hl, y, polys) && inPolys(x + hl, y, polys)) out.push([x, y]);
    }
  }
  return out;
}

/** Places the parcel's GFA as buildings (axis frame). */
export function fillParcel(axisPolys: Poly[], spec: BuildingSpec): FillResult {
  const area = polysArea(axisPolys);
  const none: FillResult = { buildings: [], storeys: 0, coverage: 0, fitted: true, overCoverage: false };
  const G = spec.gfaM2;
  if (!(G > 0) || !(area > 0)) return none;
  const smax = storeysUnder(spec.limits.heightLimitM, spec.limits.floorToFloorM);
  if (!(smax >= 1)) return none;
  const cov = Math.max(0.01, spec.limits.coveragePct / 100);
  // fewest storeys that keep the footprint within the coverage; never above the height limit
  const need = Math.ceil(G / (cov * area) - 1e-9);
  const storeys = Math.max(1, Math.min(smax === Infinity ? need : smax, need));
  const F = G / storeys; // total footprint
  const m = Math.max(1, Math.round(spec.multipleOf));
  let n = roundUp(Math.max(1, Math.round(F / spec.typicalFootprintM2)), m);
  const maxN = roundUp(5000, m);
  let fill = 1;
  let cells: [number, number][] = [];
  let len = 0, dep = 0;
  const dims = () => { const a = F / n; len = Math.sqrt(a * spec.aspect); dep = a / len; };
  for (let attempt = 0; attempt < 40; attempt++) {
    dims();
    // grid cells with the footprint's proportions, sized so that n of them cover `fill` of the
    // parcel; k (cell ÷ footprint side) does not depend on n, only on the coverage and `fill`
    const k = Math.sqrt((area * fill) / F);
    if (k < 1.05) break; // no room left for gaps between buildings
    cells = fittingCells(axisPolys, len * k, dep * k, len, dep);
    if (cells.length >= n) break;
    // odd shapes: smaller cells (less fill) and smaller buildings (more of them) fit better
    if (attempt % 2 === 0) fill *= 0.9;
    else if (n < maxN) { n = Math.min(maxN, roundUp(Math.ceil(n * 1.3), m)); }
  }
  const fitted = cells.length >= n;
  if (!fitted) {
    // footprints too large for gaps, or a shape the grid cannot follow: tile cells of the
    // footprint's own size whose centres are inside the parcel (they may overlap its edge)
    dims();
    const [x0, y0, x1, y1] = bboxOf(axisPolys);
    const cols = Math.max(1, Math.floor((x1 - x0) / len)), rows = Math.max(1, Math.floor((y1 - y0) / dep));
    const tiles: [number, number][] = [];
    if (cols * rows <= 200_000) {
      for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) {
        const x = x0 + (x1 - x0 - cols * len) / 2 + (c + 0.5) * len, y = y0 + (y1 - y0 - rows * dep) / 2 + (r + 0.5) * dep;
        if (inPolys(x, y, axisPolys)) tiles.push([x, y]);
      }
    }
    cells = tiles.length ? tiles : [[(x0 + x1) / 2, (y0 + y1) / 2]];
  }
  const pick: [number, number][] = [];
  for (let i = 0; i < n; i++) pick.push(cells[cells.length >= n ? Math.floor(((i + 0.5) * cells.length) / n) : i % cells.length]);
  const per = G / n;
  const f = spec.limits.floorToFloorM;
  let placed = 0;
  const buildings = pick.map(([x, y], i) => {
    const gfa = i === n - 1 ? G - placed : per; // the last takes the rounding: Σ GFA = G exactly
    placed += per;
    return { use: spec.use, x, y, length: len, depth: dep, storeys, heightM: storeys * f, footprintM2: gfa / storeys, gfaM2: gfa };
  });
  return { buildings, storeys, coverage: F / area, fitted, overCoverage: F > cov * area * (1 + 1e-6) };
}
