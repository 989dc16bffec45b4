/**
 * View model of the 3D site view (pure; unit-tested): the site, the scenario and the results
 * turned into the massing the view draws (workers/model/massing), the surrounding context in the
 * same local metres, and the figures it shows. The hostel beds come from the same capacity
 * function the model's run uses, so they are the beds the inspector shows for the site.
 */
import { area as turfArea, bboxClip } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { ModelData } from '../../workers/model/data/schema.ts';
import type { Params } from '../../workers/model/params/registry.ts';
import type { Results } from '../../workers/model/results.ts';
import type { DrawnSite, Scenario } from '../../workers/model/scenario/schema.ts';
import { uniTownLimits, type FormLimits } from '../../workers/model/massing/capacity.ts';
import { frameAt, frameFor, polysArea, squareOfArea, toLocal, type Frame, type Poly, type Pt } from '../../workers/model/massing/geometry.ts';
import { hotelMassing, landSaleMassing, uniTownMassing, type Massing, type MassingBuilding } from '../../workers/model/massing/massing.ts';
import type { Use } from '../../workers/model/massing/parcels.ts';
import { findSite } from './siteFacts.ts';
import type { StringKey } from '../i18n/strings.ts';

export type View3dKind = 'uniTown' | 'landSale' | 'drawn' | 'hotel';

/** Footprint of a converted hotel's building in the view (illustrative: the data has no hotel floor areas). */
export const HOTEL_FOOTPRINT_M2 = 600;

export interface SiteMassingView {
  id: string;
  kind: View3dKind;
  nameEn: string;
  nameZh: string;
  /** Local frame (metres) the massing and the context are in. */
  frame: Frame;
  massing: Massing;
  /** The beds the model reported for the site in the current results (null before the first run). */
  modelBeds: number | null;
  /** The outline is illustrative (no published boundary) or made from the area alone. */
  illustrativeOutline: boolean;
  /** Where the form limits come from. */
  limitsFrom: 'scenario' | 'published' | 'mixed' | 'none';
  /** Hotel not converted in this scenario (its building is drawn, with 0 beds). */
  notConverted: boolean;
}

/** Sites the 3D view can show. */
export function view3dKind(data: ModelData, scenario: Pick<Scenario, 'drawnSites'>, id: string | null): View3dKind | null {
  const ref = findSite(data, scenario.drawnSites, id);
  if (!ref) return null;
  if (ref.type === 'drawn') return 'drawn';
  const k = ref.site.kind;
  if (k === 'uniTown') return ref.site.polygon ? 'uniTown' : null;
  if (k === 'landSale') return ref.site.areaM2 && ref.site.lon !== null ? 'landSale' : null;
  if ((k === 'hotel' || k === 'guesthouse') && ref.site.lon !== null) return 'hotel';
  // named conversions (e.g. MU88) are fixed sites of the conversion source: drawn like a converted hotel
  if (k === 'fixed' && ref.site.source === 'conversion' && ref.site.lon !== null) return 'hotel';
  return null;
}

function siteIndex(results: Results | null, id: string): number {
  return results?.sites ? results.sites.ids.indexOf(id) : -1;
}

/** Published site coverage and height restriction from a land-sale site's data note ("BHR 80 mPD, SC 65%"). */
export function publishedLimits(note: string): { coveragePct: number | null; heightLimitM: number | null } {
  const sc = /\bSC\s*(\d+(?:\.\d+)?)\s*%/i.exec(note);
  const bhr = /\bBHR\s*(\d+(?:\.\d+)?)\s*mPD/i.exec(note);
  return { coveragePct: sc ? Number(sc[1]) : null, heightLimitM: bhr ? Number(bhr[1]) : null };
}

const ringToLocal = (f: Frame, ring: [number, number][]): Pt[] => ring.map((q) => toLocal(f, q));

/**
 * The massing view of a site, or null when the 3D view does not apply to it.
 */
export function massingForSite(data: ModelData, scenario: Scenario, results: Results | null, id: string): SiteMassingView | null {
  const kind = view3dKind(data, scenario, id);
  if (!kind) return null;
  const ref = findSite(data, scenario.drawnSites, id)!;
  const p = scenario.params;
  const k = siteIndex(results, id);
  const modelBeds = k >= 0 ? results!.sites!.beds[k] : null;
  const openYear = k >= 0 && results!.sites!.openYear[k] >= 0 ? results!.sites!.openYear[k] : null;
  const closeYear = k >= 0 ? results!.sites!.closeYear[k] : null;
  if (ref.type === 'drawn') return drawnView(ref.site, p, modelBeds, openYear, closeYear);
  const site = ref.site;
  const edit = scenario.sites[id] ?? {};
  const base = { id, nameEn: site.nameEn, nameZh: site.nameZh, modelBeds };
  if (kind === 'uniTown') {
    const ring = site.polygon!.coordinates[0] as [number, number][];
    const frame = frameFor(ring);
    const outline: Poly[] = site.polygon!.coordinates.length ? [site.polygon!.coordinates.map((r) => ringToLocal(frame, r as [number, number][]))] : [];
    const area = edit.areaM2 ?? site.areaM2?.value ?? polysArea(outline);
    const available = edit.availableYear ?? site.availableYear?.value ?? p.baseYear;
    const massing = uniTownMassing(outline, area, available, p);
    return { ...base, kind, frame, massing, illustrativeOutline: /illustrative/i.test(site.locationNote ?? '') || /illustrative/i.test(site.note), limitsFrom: 'scenario', notConverted: false };
  }
  const frame = frameAt(site.lon!, site.lat!);
  if (kind === 'landSale') {
    const area = edit.areaM2 ?? site.areaM2!.value;
    const pr = edit.plotRatio ?? site.plotRatio?.value ?? 0;
    const pub = publishedLimits(site.note);
    const limits: FormLimits = {
      coveragePct: pub.coveragePct ?? p.uniTownSiteCoveragePct,
      heightLimitM: pub.heightLimitM ?? p.uniTownHeightLimitM,
      floorToFloorM: p.uniTownFloorToFloorM,
    };
    const limitsFrom = pub.coveragePct !== null && pub.heightLimitM !== null ? 'published' : pub.coveragePct !== null || pub.heightLimitM !== null ? 'mixed' : 'scenario';
    const massing = landSaleMassing([[squareOfArea(area)]], area, pr, p.landSaleHostelSharePct, p.landSaleGfaPerBedM2, limits, openYear, closeYear);
    return { ...base, kind, frame, massing, illustrativeOutline: true, limitsFrom, notConverted: false };
  }
  // converted hotel
  const rooms = edit.rooms ?? site.rooms?.value ?? 0;
  const bpr = edit.bedsPerRoom ?? p.bedsPerRoom;
  const beds = modelBeds ?? 0;
  const massing = hotelMassing(beds, rooms * bpr, p.landSaleGfaPerBedM2, HOTEL_FOOTPRINT_M2, p.uniTownFloorToFloorM, beds > 0 ? openYear : null, closeYear);
  return { ...base, kind, frame, massing, illustrativeOutline: true, limitsFrom: 'none', notConverted: !(beds > 0) };
}

function drawnView(d: DrawnSite, p: Params, modelBeds: number | null, openYear: number | null, closeYear: number | null): SiteMassingView {
  const outer = d.polygon.coordinates[0] as [number, number][];
  const frame = frameFor(outer);
  const outline: Poly[] = [d.polygon.coordinates.map((r) => ringToLocal(frame, r as [number, number][]))];
  // the model's area of a drawn site is turf's (compile.ts); use the same so the beds agree
  const area = turfArea({ type: 'Feature', properties: {}, geometry: d.polygon });
  const massing = landSaleMassing(outline, area, d.plotRatio, d.hostelSharePct, d.gfaPerBedM2, uniTownLimits(p), openYear, closeYear);
  return { id: d.id, kind: 'drawn', nameEn: d.name, nameZh: d.name, frame, massing, modelBeds, illustrativeOutline: false, limitsFrom: 'scenario', notConverted: false };
}

// ---------------------------------------------------------------- time

/** Whether a building is built and in use in a year (others are ghosted). */
export function buildingOpen(m: Massing, b: Pick<MassingBuilding, 'phase'>, year: number): boolean {
  const y = m.phaseYears[b.phase];
  return y !== undefined && year >= y && (m.closeYear === null || year < m.closeYear);
}

/** The years the year slider covers: the scenario's reported years. */
export function sliderYears(p: Pick<Params, 'baseYear' | 'horizonYear'>): { min: number; max: number } {
  return { min: p.baseYear, max: Math.max(p.baseYear, p.horizonYear) };
}

// ---------------------------------------------------------------- context

export interface ContextData {
  land: FeatureCollection<MultiPolygon | Polygon>;
  stations: FeatureCollection<Point, { name_en: string; name_zh: string; status?: string; code?: string }>;
  lightRail?: FeatureCollection<Point, { name_en: string; name_zh: string }>;
  lines: FeatureCollection<LineString, { colour?: string; status?: string }>;
}

export interface SiteContext {
  /** Land around the site (local frame), clipped to a square of ±radius. */
  land: Poly[];
  stations: { nameEn: string; nameZh: string; x: number; y: number; km: number; planned: boolean; lightRail: boolean }[];
  lines: { colour: string; pts: Pt[] }[];
  radiusM: number;
}

/** Distance from the site's centre to its furthest outline point, m. */
export function siteRadius(m: Massing): number {
  let r = 0;
  for (const p of m.outline) for (const [x, y] of p[0] ?? []) r = Math.max(r, Math.hypot(x, y));
  return r;
}

/** How far around the site the context reaches: four site radii, at least 1.5 km. */
export function contextRadius(m: Massing): number {
  return Math.max(1500, 4 * siteRadius(m));
}

/** The map data around a site, in the site's local metres: land, rail stations (nearest first) and lines. */
export function siteContext(frame: Frame, radiusM: number, ctx: ContextData, maxStations = 4): SiteContext {
  const dLon = radiusM / frame.kx, dLat = radiusM / frame.ky;
  const bbox: [number, number, number, number] = [frame.lon0 - dLon, frame.lat0 - dLat, frame.lon0 + dLon, frame.lat0 + dLat];
  const land: Poly[] = [];
  for (const f of ctx.land.features) {
    const c = bboxClip(f as Feature<MultiPolygon | Polygon>, bbox).geometry as Polygon | MultiPolygon;
    const polys = c.type === 'Polygon' ? [c.coordinates] : c.coordinates;
    for (const poly of polys) {
      const rings = poly.filter((r) => r.length >= 4).map((r) => r.map((q) => toLocal(frame, q as [number, number])));
      if (rings.length) land.push(rings);
    }
  }
  const pts = [
    ...ctx.stations.features.map((f) => ({ f, lightRail: false, planned: /planned/i.test(f.properties.status ?? '') })),
    ...(ctx.lightRail?.features ?? []).map((f) => ({ f, lightRail: true, planned: false })),
  ];
  const stations = pts
    .map(({ f, lightRail, planned }) => {
      const [x, y] = toLocal(frame, f.geometry.coordinates as [number, number]);
      return { nameEn: f.properties.name_en, nameZh: f.properties.name_zh, x, y, km: Math.hypot(x, y) / 1000, planned, lightRail };
    })
    .filter((s) => Math.abs(s.x) <= radiusM && Math.abs(s.y) <= radiusM)
    .sort((a, b) => a.km - b.km)
    .slice(0, maxStations);
  const lines: SiteContext['lines'] = [];
  for (const f of ctx.lines.features) {
    const c = bboxClip(f, bbox).geometry as LineString | { type: 'MultiLineString'; coordinates: number[][][] };
    const parts = c.type === 'LineString' ? [c.coordinates] : c.coordinates;
    for (const part of parts) if (part.length >= 2) lines.push({ colour: f.properties.colour ?? '#888888', pts: part.map((q) => toLocal(frame, q as [number, number])) });
  }
  return { land, stations, lines, radiusM };
}

// ---------------------------------------------------------------- benchmark scenes

/**
 * N buildings on a grid over a square of the given half-size (for the benchmark's draw-call and
 * frame-rate figures in the same canvas): all uses, all open, heights 10–80 m.
 */
export function syntheticBuildings(n: number, halfSizeM: number): MassingBuilding[] {
  const uses: Use[] = ['hostel', 'academic', 'hospital', 'residential', 'other'];
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  const cell = (2 * halfSizeM) / side;
  const out: MassingBuilding[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % side, r = Math.floor(i / side);
    const storeys = 3 + ((i * 7) % 23);
    const fp = (cell * 0.6) ** 2;
    out.push({
      id: i, use: uses[i % uses.length], phase: 0, x: -halfSizeM + (c + 0.5) * cell, y: -halfSizeM + (r + 0.5) * cell,
      length: cell * 0.6, depth: cell * 0.6, angle: 0, storeys, heightM: storeys * 3.2, footprintM2: fp, gfaM2: fp * storeys, beds: 0,
    });
  }
  return out;
}

/** Label key of each use (src/i18n/strings.ts). */
export const USE_LABEL: Record<Use, StringKey> = {
  hostel: 'useHostel', academic: 'useAcademic', hospital: 'useHospital', residential: 'useResidential', other: 'useOther', openSpace: 'useOpenSpace', road: 'useRoad',
};

/** The uses present in a massing, in legend order. */
export function usesPresent(m: Massing): Use[] {
  const order: Use[] = ['hostel', 'academic', 'hospital', 'residential', 'other', 'openSpace', 'road'];
  const have = new Set<Use>([...m.parcels.filter((p) => p.areaM2 > 0).map((p) => p.use), ...m.buildings.map((b) => b.use)]);
  return order.filter((u) => have.has(u));
}

