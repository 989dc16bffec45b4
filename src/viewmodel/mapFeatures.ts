/**
 * What the map shows, derived from data + scenario + results (pure; unit-tested in
 * tests/unit/mapFeatures.test.ts). The map code only turns these into MapLibre sources.
 *
 * Two steps keep the map responsive: `buildMapSites` runs once per results version (joins every
 * site with its model outputs), `siteFeatures` / `polygonFeatures` re-run cheaply when the year
 * changes (a pass over ~1,900 plain objects).
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { area as turfArea } from '@turf/turf';
import type { ModelData, SiteKind, SiteRecord } from '../../workers/model/data/schema.ts';
import type { DrawnSite, Scenario } from '../../workers/model/scenario/schema.ts';
import type { Params } from '../../workers/model/params/registry.ts';
import type { Results } from '../../workers/model/results.ts';
import { landSaleBeds } from '../../workers/model/supply/landSaleBeds.ts';
import { uniTownBeds } from '../../workers/model/supply/uniTown.ts';
import { readyYear } from '../../workers/model/years.ts';
import { nextDrawnId } from '../store/updaters.ts';

/** The map's site layers (the store's LayerId values that hold sites). */
export type SiteLayer = 'existing' | 'pipeline' | 'conversions' | 'landSale' | 'universityTown' | 'youthHostels';
export type ConversionStatus = 'candidate' | 'converting' | 'open' | 'reverted';
/** Where a non-conversion site stands in a year: not open yet, in use, or closed again. */
export type SitePhase = 'planned' | 'open' | 'closed';

export const CONVERSION_STATUSES: readonly ConversionStatus[] = ['candidate', 'converting', 'open', 'reverted'];

export interface MapSite {
  id: string;
  layer: SiteLayer;
  kind: SiteKind | 'drawn';
  nameEn: string;
  nameZh: string;
  /** Point for the symbol (the anchor point; for drawn sites the vertex mean the model uses). */
  lon: number | null;
  lat: number | null;
  polygon: Polygon | null;
  /** Effective owner after scenario edits; null = open market. */
  owner: string | null;
  included: boolean;
  /** Beds when fully open, from the results (youth hostels: counted student beds). */
  beds: number;
  /** Beds the site could give: physical beds, or rooms × beds per room for a hotel candidate. */
  capacity: number;
  openYear: number | null;
  fullYear: number | null;
  closeYear: number | null;
  decisionYear: number | null;
  /** The point is an approximation (placed at a station or campus). */
  approximate: boolean;
  /** The outline is illustrative (no official boundary published). */
  illustrative: boolean;
}

const layerOfSource: Record<SiteRecord['source'], SiteLayer> = {
  existing: 'existing',
  pipeline: 'pipeline',
  conversion: 'conversions',
  landSale: 'landSale',
  universityTown: 'universityTown',
  youthHostel: 'youthHostels',
};

/** The mean of a ring's vertices (closing vertex excluded): the point the model measures drawn sites from. */
export function ringCentroid(ring: [number, number][]): [number, number] {
  let x = 0, y = 0;
  const n = ring.length - 1 || 1;
  for (let i = 0; i < n; i++) { x += ring[i][0]; y += ring[i][1]; }
  return [x / n, y / n];
}

/**
 * Joins the data sites and the scenario's drawn sites with the model's per-site results
 * (matched by id, so stale results simply leave new sites at their own estimate).
 */
export function buildMapSites(data: ModelData, scenario: Scenario, results: Results | null): MapSite[] {
  const p = scenario.params;
  const rs = results?.sites;
  const idx = new Map<string, number>();
  rs?.ids.forEach((id, k) => idx.set(id, k));
  const out: MapSite[] = [];

  for (const s of data.sites) {
    const e = scenario.sites[s.id] ?? {};
    const k = idx.get(s.id);
    const owner = e.owner !== undefined ? e.owner : s.owner;
    const rooms = e.rooms ?? s.rooms?.value ?? 0;
    const physical = e.beds ?? s.beds?.value ?? 0;
    let capacity = physical;
    if (s.kind === 'hotel' || s.kind === 'guesthouse') capacity = rooms * (e.bedsPerRoom ?? p.bedsPerRoom);
    else if (s.kind === 'landSale') capacity = landSaleBeds(e.areaM2 ?? s.areaM2?.value ?? 0, e.plotRatio ?? s.plotRatio?.value ?? 0, p.landSaleHostelSharePct, p.landSaleGfaPerBedM2);
    else if (s.kind === 'uniTown') capacity = uniTownBeds(e.areaM2 ?? s.areaM2?.value ?? 0, p.uniTownHostelLandSharePct, p.uniTownPlotRatio, p.uniTownGfaPerBedM2);
    const has = k !== undefined;
    out.push({
      id: s.id,
      layer: layerOfSource[s.source],
      kind: s.kind,
      nameEn: s.nameEn,
      nameZh: s.nameZh,
      lon: s.lon,
      lat: s.lat,
      polygon: s.polygon ? (s.polygon as Polygon) : null,
      owner,
      included: e.included !== false,
      beds: has ? rs!.beds[k] : 0,
      capacity,
      openYear: has && rs!.beds[k] > 0 && rs!.openYear[k] >= 0 ? rs!.openYear[k] : null,
      fullYear: has && rs!.beds[k] > 0 && rs!.fullYear[k] >= 0 ? rs!.fullYear[k] : null,
      closeYear: has ? rs!.closeYear[k] : null,
      decisionYear: has ? rs!.decisionYear[k] : null,
      approximate: s.locationNote !== null && s.kind !== 'uniTown',
      illustrative: s.kind === 'uniTown' && /illustrative|no official/i.test(s.locationNote ?? ''),
    });
  }

  for (const d of scenario.drawnSites) {
    const k = idx.get(d.id);
    const ring = d.polygon.coordinates[0] as [number, number][];
    const [lon, lat] = ringCentroid(ring);
    const est = drawnSiteEstimate(d, p);
    const has = k !== undefined;
    out.push({
      id: d.id,
      layer: 'landSale',
      kind: 'drawn',
      nameEn: d.name,
      nameZh: d.name,
      lon,
      lat,
      polygon: d.polygon as Polygon,
      owner: d.owner,
      included: d.included,
      beds: has ? rs!.beds[k] : d.included ? est.beds : 0,
      capacity: est.beds,
      openYear: has ? (rs!.openYear[k] >= 0 ? rs!.openYear[k] : null) : est.openYear,
      fullYear: has ? (rs!.fullYear[k] >= 0 ? rs!.fullYear[k] : null) : est.openYear,
      closeYear: has ? rs!.closeYear[k] : null,
      decisionYear: null,
      approximate: false,
      illustrative: false,
    });
  }
  return out;
}

/** Area, beds and opening year of a drawn site by the land-sale formula (what the model will compute). */
export function drawnSiteEstimate(d: Pick<DrawnSite, 'polygon' | 'plotRatio' | 'hostelSharePct' | 'gfaPerBedM2' | 'tenderYear'>, p: Pick<Params, 'buildingCovenantMonths'>): { areaM2: number; beds: number; openYear: number } {
  const areaM2 = turfArea({ type: 'Feature', properties: {}, geometry: d.polygon as Polygon });
  return {
    areaM2,
    beds: landSaleBeds(areaM2, d.plotRatio, d.hostelSharePct, d.gfaPerBedM2),
    openYear: readyYear(d.tenderYear, p.buildingCovenantMonths),
  };
}

/**
 * Status of a hotel or guesthouse in a year:
 * candidate (no beds, no decision, or before the decision), converting (decision ≤ y < open),
 * open (open ≤ y < close), reverted (y ≥ close). A fixed (already applied) conversion has no
 * decision year: it counts as converting until it opens.
 */
export function conversionStatus(
  year: number,
  s: Pick<MapSite, 'beds' | 'decisionYear' | 'openYear' | 'closeYear' | 'kind'>,
): ConversionStatus {
  if (!(s.beds > 0) || s.openYear === null) return 'candidate';
  const decision = s.decisionYear ?? (s.kind === 'fixed' ? -Infinity : null);
  if (decision === null || year < decision) return 'candidate';
  if (year < s.openYear) return 'converting';
  if (s.closeYear !== null && year >= s.closeYear) return 'reverted';
  return 'open';
}

/** planned before the opening year (or with no beds), open while in use, closed from the close year. */
export function sitePhase(year: number, openYear: number | null, closeYear: number | null): SitePhase {
  if (openYear === null || year < openYear) return 'planned';
  if (closeYear !== null && year >= closeYear) return 'closed';
  return 'open';
}

/**
 * Beds in use at a site in a year. University Town sites open in equal phases (the model's
 * phasing: `uniTownPhases` phases `uniTownPhaseGapYears` apart, starting at the opening year).
 */
export function bedsInYear(s: Pick<MapSite, 'beds' | 'kind' | 'openYear' | 'closeYear'>, year: number, p: Pick<Params, 'uniTownPhases' | 'uniTownPhaseGapYears'>): number {
  if (sitePhase(year, s.openYear, s.closeYear) !== 'open') return 0;
  if (s.kind !== 'uniTown') return s.beds;
  // same phasing as uniTownPhaseYears: n equal phases opening at open, open + gap, …
  const n = Math.max(1, Math.round(p.uniTownPhases));
  let opened = 0;
  for (let k = 0; k < n; k++) if (s.openYear! + k * p.uniTownPhaseGapYears <= year) opened++;
  return (s.beds * opened) / n;
}

/** Flat, primitive feature properties (MapLibre expressions read them). */
export interface SitePointProps {
  id: string;
  layer: SiteLayer;
  kind: string;
  /** conversions: ConversionStatus; others: SitePhase */
  status: string;
  /** beds in use in the year */
  beds: number;
  /** symbol size: beds when open, otherwise the site's capacity */
  size: number;
  owner: string;
  included: boolean;
  approximate: boolean;
  /** draw order: open and converting sites above candidates */
  sortKey: number;
}

export interface SitePolygonProps {
  id: string;
  layer: SiteLayer;
  kind: string;
  status: string;
  beds: number;
  owner: string;
  included: boolean;
  illustrative: boolean;
}

export function siteStatus(s: MapSite, year: number): string {
  return s.layer === 'conversions' ? conversionStatus(year, s) : sitePhase(year, s.openYear, s.closeYear);
}

const SORT: Record<string, number> = { candidate: 0, planned: 1, closed: 1, reverted: 1, converting: 2, open: 3 };

/** Point features of every located site for a year (drawn and University Town sites too, at their anchor). */
export function siteFeatures(sites: MapSite[], year: number, p: Pick<Params, 'uniTownPhases' | 'uniTownPhaseGapYears'>): FeatureCollection<Point, SitePointProps> {
  const features: Feature<Point, SitePointProps>[] = [];
  for (const s of sites) {
    if (s.lon === null || s.lat === null || s.polygon) continue;
    const status = siteStatus(s, year);
    const beds = bedsInYear(s, year, p);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        id: s.id,
        layer: s.layer,
        kind: s.kind,
        status,
        beds,
        size: s.beds > 0 ? s.beds : s.capacity,
        owner: s.owner ?? '',
        included: s.included,
        approximate: s.approximate,
        sortKey: SORT[status] ?? 0,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Polygon features: University Town outlines and drawn sites. */
export function polygonFeatures(sites: MapSite[], year: number, p: Pick<Params, 'uniTownPhases' | 'uniTownPhaseGapYears'>): FeatureCollection<Polygon, SitePolygonProps> {
  const features: Feature<Polygon, SitePolygonProps>[] = [];
  for (const s of sites) {
    if (!s.polygon) continue;
    features.push({
      type: 'Feature',
      geometry: s.polygon,
      properties: {
        id: s.id,
        layer: s.layer,
        kind: s.kind,
        status: siteStatus(s, year),
        beds: bedsInYear(s, year, p),
        owner: s.owner ?? '',
        included: s.included,
        illustrative: s.illustrative,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Index of a year in the results, clamped to the reported range. */
export function yearIndex(results: Pick<Results, 'years'>, year: number): number {
  const ys = results.years;
  if (ys.length === 0) return 0;
  return Math.max(0, Math.min(ys.length - 1, year - ys[0]));
}

export interface CampusProps {
  code: string;
  label: string;
  nameEn: string;
  nameZh: string;
  /** non-local students of the institution in the year (UGC-funded UG + others), all campuses */
  nonLocal: number;
  /** share of those shown at this campus (split equally between campuses) — sizes the symbol */
  size: number;
}

/** Campus points sized by the institution's non-local students in the year. */
export function campusFeatures(data: ModelData, results: Results | null, year: number): FeatureCollection<Point, CampusProps> {
  const features: Feature<Point, CampusProps>[] = [];
  const yi = results ? yearIndex(results, year) : 0;
  for (const inst of data.institutions) {
    const r = results?.institutions[inst.code];
    const nonLocal = r ? r.enrolment.nonLocalUg[yi] + r.enrolment.otherNonLocal[yi] : 0;
    const n = inst.campuses.length || 1;
    for (const c of inst.campuses) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: { code: inst.code, label: c.label, nameEn: inst.nameEn, nameZh: inst.nameZh, nonLocal, size: nonLocal / n },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** One district's figures for the choropleth, keyed by the HAD district code (A–T). */
export interface DistrictGapState {
  code: string;
  /** market-lens gap in the year: positive = beds short, negative = surplus */
  gap: number;
  demand: number;
  supply: number;
}

/**
 * The 18 districts' market gap of the year (districts without results get 0). The map joins these
 * to the basemap's district polygons as feature state, so a new result or year re-colours the
 * choropleth without re-sending (and MapLibre re-tiling) any geometry.
 */
export function districtGapStates(data: ModelData, results: Results | null, year: number): DistrictGapState[] {
  const yi = results ? yearIndex(results, year) : 0;
  return data.districts.map((d) => {
    const r = results?.districts[d.code];
    return {
      code: d.code,
      gap: r ? r.gap.market[yi] : 0,
      demand: r ? r.demand.market[yi] : 0,
      supply: r ? r.supply.total[yi] : 0,
    };
  });
}

/**
 * The colour scale's end for the district gap: the largest |gap| over all districts and years,
 * rounded up to a 1–2–5 step, so the colours mean the same beds in every year of one run.
 */
export function gapScaleMax(results: Results | null): number {
  let m = 0;
  if (results) for (const d of Object.values(results.districts)) for (const g of d.gap.market) m = Math.max(m, Math.abs(g));
  return niceCeil(m);
}

/** A district's gap as a share of the colour scale's maximum, clamped to −1…1 (0 when unknown). */
export function gapShare(gap: number, max: number): number {
  if (!Number.isFinite(gap) || !(max > 0)) return 0;
  return Math.max(-1, Math.min(1, gap / max));
}

export function niceCeil(v: number): number {
  if (!(v > 0)) return 1000;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const f of [1, 2, 5, 10]) if (f * e >= v) return f * e;
  return 10 * e;
}

/** Closes a ring and rounds it to 6 decimals (≈ 0.1 m); null when it cannot be a polygon. */
export function normaliseRing(coords: [number, number][]): [number, number][] | null {
  const r = coords
    .filter((c) => Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]))
    .map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] as [number, number]);
  if (r.length < 3) return null;
  const [fx, fy] = r[0], [lx, ly] = r[r.length - 1];
  if (fx !== lx || fy !== ly) r.push([fx, fy]);
  if (r.length < 4) return null;
  return r;
}

/** Defaults for a new drawn site: a typical 2026 land-sale plot ratio, the scenario's land-sale settings. */
export const DRAWN_PLOT_RATIO = 5.8;

/**
 * A new drawn site from a ring of lon/lat points (the draw tool's polygon), named "<prefix> N",
 * or null when the ring is not a usable polygon (too few points, no area, outside Hong Kong).
 */
export function drawnSiteFromRing(scenario: Scenario, coords: [number, number][], namePrefix: string): DrawnSite | null {
  const ring = normaliseRing(coords);
  if (!ring) return null;
  if (ring.some(([x, y]) => x < 113.5 || x > 114.8 || y < 22.0 || y > 22.8)) return null;
  const polygon = { type: 'Polygon' as const, coordinates: [ring] };
  const a = turfArea({ type: 'Feature', properties: {}, geometry: polygon });
  if (!(a > 1)) return null;
  const id = nextDrawnId(scenario);
  const n = id.replace(/^drawn:site-/, '');
  return {
    id,
    name: `${namePrefix} ${n}`,
    polygon,
    plotRatio: DRAWN_PLOT_RATIO,
    hostelSharePct: scenario.params.landSaleHostelSharePct,
    gfaPerBedM2: scenario.params.landSaleGfaPerBedM2,
    tenderYear: scenario.params.landSaleTenderYear,
    owner: null,
    included: true,
  };
}
