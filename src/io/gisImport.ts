/**
 * Candidate sites from GIS files: GeoJSON (Point, Polygon, MultiPolygon features) or CSV (lon/lat,
 * easting/northing, x/y or WKT columns), in WGS84 or the HK1980 Grid (EPSG:2326). Each row becomes
 * a DrawnSite (a polygon; a point becomes a square of its `area_m2`) or a list of problems naming
 * the row and field, so one bad row never sinks the file. The result is a preview the user
 * confirms before anything is added to the scenario.
 */
import Papa from 'papaparse';
import { area as turfArea, centroid as turfCentroid, kinks } from '@turf/turf';
import type { Polygon } from 'geojson';
import { drawnSiteSchema, type DrawnSite, type Scenario } from '../../workers/model/scenario/schema.ts';
import type { ModelData } from '../../workers/model/data/schema.ts';
import { MIN_YEAR, MAX_YEAR, parseAcademicYear, readyYear } from '../../workers/model/years.ts';
import { landSaleBeds } from '../../workers/model/supply/landSaleBeds.ts';
import { addDrawnSite } from '../store/updaters.ts';
import { crsFromGeoJsonMember, detectCrs, guessPointCrs, hk1980, hk1980ToWgs84, toWgs84Point, wgs84, wgs84ToHk1980, type Crs } from './coordinates.ts';
import { nameProblem } from './scenarioFile.ts';

/** Largest GIS file read, bytes. */
export const MAX_GIS_BYTES = 5 * 1024 * 1024;
/** Most features or rows imported from one file. */
export const MAX_GIS_FEATURES = 500;
/** Most vertices in one site polygon (the scenario schema's limit). */
export const MAX_RING_POINTS = 5000;
/** Plot ratio of an imported site when the file gives none (a typical 2026 hostel land-sale site). */
export const DEFAULT_PLOT_RATIO = 5.8;

/** Problems that stop the whole file. */
export type GisFatalCode = 'tooLarge' | 'tooMany' | 'notGeoJson' | 'notCsv' | 'noRows' | 'unknownCrs' | 'noCoordinates' | 'noGeometryColumns';
/** Problems with one row (errors skip the row; warnings keep it). */
export type GisIssueCode =
  | 'missing' | 'notNumber' | 'range' | 'outsideHk' | 'swapped' | 'geometry' | 'needArea'
  | 'polygonCrosses' | 'polygonTooFew' | 'polygonTooMany' | 'polygonEmpty' | 'owner' | 'year' | 'tooEarly'
  | 'kind' | 'beds' | 'nameControl' | 'nameLong' | 'csvRow' | 'invalid'
  | 'noName' | 'multiPart' | 'areaDiffers' | 'kindConverted' | 'notUtf8';

export interface GisIssue {
  /** GeoJSON: feature number from 1; CSV: spreadsheet row (the header is row 1). */
  row: number;
  field: string;
  code: GisIssueCode;
  /** Values for the message template (strings.ts `gisIssue_<code>`). */
  vars: Record<string, string | number>;
}

export interface GisCandidate {
  row: number;
  site: DrawnSite;
  /** What the file gave: a point (made into a square) or a polygon. */
  from: 'point' | 'polygon';
  /** Centroid, WGS84 degrees. */
  lon: number;
  lat: number;
  /** Site area, m². */
  areaM2: number;
  /** Beds the model gives the site (land-sale rule), before rounding. */
  beds: number;
  /** First academic year (start year) the beds are in use. */
  openYear: number;
  kind: string | null;
  rooms: number | null;
}

export interface GisPreview {
  format: 'geojson' | 'csv';
  crs: Crs | null;
  /** How the CRS was decided. */
  crsFrom: 'crs member' | 'columns' | 'detected' | null;
  /** Rows or features read. */
  total: number;
  candidates: GisCandidate[];
  errors: GisIssue[];
  warnings: GisIssue[];
  fatal: { code: GisFatalCode; vars: Record<string, string | number> } | null;
}

export interface GisImportOptions {
  /** The scenario the sites will join: its land-sale settings are the defaults; its drawn-site ids are avoided. */
  scenario: Scenario;
  /** The model data, to check owner institution codes. */
  data?: ModelData | null;
  /** Name given to rows without one: "<prefix> <row>". */
  namePrefix?: string;
}

type Fields = Record<string, unknown>;
type Ring = [number, number][];
/** Geometry as read from the file, in the file's CRS. */
type RawGeometry = { type: 'point'; x: number; y: number } | { type: 'polygon'; rings: Ring[]; parts: number };

const KINDS = ['landSale', 'drawn', 'newBuild', 'uniTown', 'fixed', 'hotel', 'guesthouse'] as const;
const ALIASES: Record<string, string[]> = {
  name: ['name', 'name_en', 'site', 'site_name', 'sitename', 'title'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  lat: ['lat', 'latitude'],
  easting: ['easting', 'hk80_e', 'hk1980_e', 'e'],
  northing: ['northing', 'hk80_n', 'hk1980_n', 'n'],
  x: ['x'],
  y: ['y'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom'],
  areaM2: ['area_m2', 'area', 'site_area', 'site_area_m2', 'areasqm'],
  plotRatio: ['plot_ratio', 'plotratio', 'pr'],
  beds: ['beds', 'bed_spaces', 'places'],
  rooms: ['rooms'],
  openYear: ['open_year', 'openyear', 'opening_year'],
  tenderYear: ['tender_year', 'tenderyear'],
  kind: ['kind', 'type'],
  owner: ['owner', 'institution'],
  hostelSharePct: ['hostel_share_pct', 'hostel_share'],
  gfaPerBedM2: ['gfa_per_bed_m2', 'gfa_per_bed'],
};

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The first field present under any alias (keys compared case-insensitively). */
function pick(fields: Fields, key: keyof typeof ALIASES): { name: string; value: unknown } | null {
  for (const alias of ALIASES[key]) {
    for (const [k, v] of Object.entries(fields)) if (k.trim().toLowerCase() === alias && !empty(v)) return { name: k, value: v };
  }
  return null;
}

/** "1,234.5", " 12 " or 12 → number; null when not a number. */
function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let t = v.trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A tiny WKT reader for POINT, POLYGON and MULTIPOLYGON (what GIS tools put in CSV). */
export function parseWkt(text: string): RawGeometry | null {
  const t = text.trim().replace(/^SRID=\d+;/i, '');
  const nums = (s: string): Ring | null => {
    const pts = s.split(',').map((p) => p.trim().split(/\s+/).map(Number));
    if (pts.some((p) => p.length < 2 || p.slice(0, 2).some((n) => !Number.isFinite(n)))) return null;
    return pts.map((p) => [p[0], p[1]]);
  };
  let m = /^POINT\s*Z?\s*\(\s*([^()]+)\)$/i.exec(t);
  if (m) {
    const r = nums(m[1]);
    return r && r.length === 1 ? { type: 'point', x: r[0][0], y: r[0][1] } : null;
  }
  m = /^POLYGON\s*Z?\s*\((.*)\)$/is.exec(t);
  if (m) {
    const rings = [...m[1].matchAll(/\(([^()]*)\)/g)].map((r) => nums(r[1]));
    return rings.length && rings.every(Boolean) ? { type: 'polygon', rings: rings as Ring[], parts: 1 } : null;
  }
  m = /^MULTIPOLYGON\s*Z?\s*\((.*)\)$/is.exec(t);
  if (m) {
    const polys = [...m[1].matchAll(/\(\s*(\([^()]*\)(?:\s*,\s*\([^()]*\))*)\s*\)/g)].map((p) => [...p[1].matchAll(/\(([^()]*)\)/g)].map((r) => nums(r[1])));
    if (!polys.length || polys.some((p) => p.some((r) => !r))) return null;
    return largestPart(polys as Ring[][]);
  }
  return null;
}

/** Shoelace area of a ring in its own units² (only used to rank parts). */
function planarArea(ring: Ring): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(a / 2);
}

function largestPart(polys: Ring[][]): RawGeometry {
  let best = polys[0];
  for (const p of polys) if (planarArea(p[0]) > planarArea(best[0])) best = p;
  return { type: 'polygon', rings: best, parts: polys.length };
}

/** A GeoJSON geometry as RawGeometry, or the name of its unsupported type. */
function fromGeoJsonGeometry(g: unknown): RawGeometry | string {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || typeof geom !== 'object') return 'none';
  const c = geom.coordinates;
  const isPos = (p: unknown): p is number[] => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
  const ring = (r: unknown): Ring | null => (Array.isArray(r) && r.every(isPos) ? r.map((p) => [p[0], p[1]] as [number, number]) : null);
  if (geom.type === 'Point' && isPos(c)) return { type: 'point', x: c[0], y: c[1] };
  if (geom.type === 'Polygon' && Array.isArray(c)) {
    const rings = c.map(ring);
    return rings.length && rings.every(Boolean) ? { type: 'polygon', rings: rings as Ring[], parts: 1 } : 'Polygon (malformed)';
  }
  if (geom.type === 'MultiPolygon' && Array.isArray(c) && c.length) {
    const polys = c.map((p) => (Array.isArray(p) ? p.map(ring) : [null]));
    if (polys.some((p) => !p.length || p.some((r) => !r))) return 'MultiPolygon (malformed)';
    return largestPart(polys as Ring[][]);
  }
  return String(geom.type ?? 'none');
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** Everything common to one row of either format: fields + geometry → candidate or issues. */
function buildRow(row: number, fields: Fields, geom: RawGeometry, crs: Crs, opts: GisImportOptions, takenIds: Set<string>, out: GisPreview): void {
  const errors: GisIssue[] = [];
  const warnings: GisIssue[] = [];
  const err = (field: string, code: GisIssueCode, vars: Record<string, string | number> = {}) => errors.push({ row, field, code, vars });
  const warn = (field: string, code: GisIssueCode, vars: Record<string, string | number> = {}) => warnings.push({ row, field, code, vars });
  const p = opts.scenario.params;

  const num = (key: keyof typeof ALIASES, min: number, max: number, fallback: number | null, minExclusive = false): number | null => {
    const f = pick(fields, key);
    if (!f) return fallback;
    const v = toNumber(f.value);
    if (v === null) { err(f.name, 'notNumber', { value: String(f.value).slice(0, 40) }); return null; }
    if (v > max || v < min || (minExclusive && v === min)) { err(f.name, 'range', { value: v, min, max }); return null; }
    return v;
  };
  const yearOf = (key: 'openYear' | 'tenderYear'): number | null | undefined => {
    const f = pick(fields, key);
    if (!f) return undefined;
    const y = typeof f.value === 'number' ? f.value : parseAcademicYear(String(f.value));
    if (y === null || !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) { err(f.name, 'year', { value: String(f.value).slice(0, 20) }); return null; }
    return y;
  };

  // name
  const nf = pick(fields, 'name');
  let name = nf ? String(nf.value).trim() : '';
  if (!nf) {
    name = `${opts.namePrefix ?? 'Imported site'} ${row}`;
    warn('name', 'noName', { value: name });
  } else {
    const problem = nameProblem(name);
    if (problem?.includes('control')) err(nf.name, 'nameControl');
    else if (problem) err(nf.name, 'nameLong', { max: 120 });
    if (name.includes('\uFFFD')) warn(nf.name, 'notUtf8');
  }

  // numbers
  const areaGiven = num('areaM2', 0, 10_000_000, null, true);
  const plotRatio = num('plotRatio', 0, 30, DEFAULT_PLOT_RATIO, true);
  const share = num('hostelSharePct', 0, 100, p.landSaleHostelSharePct);
  let gfaPerBed = num('gfaPerBedM2', 5, 100, p.landSaleGfaPerBedM2);
  const beds = num('beds', 0, 100_000, null, true);
  const rooms = num('rooms', 0, 10_000, null, true);

  // owner and kind
  let owner: string | null = null;
  const of = pick(fields, 'owner');
  if (of) {
    const code = String(of.value).trim();
    const known = opts.data ? opts.data.institutions.some((i) => i.code === code) : /^[A-Za-z]{2,8}$/.test(code);
    if (!known) err(of.name, 'owner', { value: code.slice(0, 20) });
    else owner = code;
  }
  const kf = pick(fields, 'kind');
  let kind: string | null = null;
  if (kf) {
    const k = String(kf.value).trim();
    const match = KINDS.find((c) => c.toLowerCase() === k.toLowerCase().replace(/[\s_-]/g, ''));
    if (!match) err(kf.name, 'kind', { value: k.slice(0, 20), allowed: KINDS.join(', ') });
    else {
      kind = match;
      if (match === 'hotel' || match === 'guesthouse' || match === 'fixed') warn(kf.name, 'kindConverted', { value: match });
    }
  }

  // years: a tender year, or an open year taken back by the building covenant
  const covenantYears = readyYear(0, p.buildingCovenantMonths);
  let tenderYear = p.landSaleTenderYear;
  const ty = yearOf('tenderYear');
  const oy = yearOf('openYear');
  if (typeof ty === 'number') tenderYear = ty;
  else if (typeof oy === 'number') {
    tenderYear = oy - covenantYears;
    if (tenderYear < MIN_YEAR) { err(pick(fields, 'openYear')!.name, 'tooEarly', { value: oy, min: MIN_YEAR, max: MIN_YEAR + covenantYears }); }
  }

  // geometry → a WGS84 ring
  let rings: Ring[] | null = null;
  let from: 'point' | 'polygon' = 'polygon';
  const where = geom.type === 'point' ? [geom.x, geom.y] : geom.rings[0]?.[0] ?? [NaN, NaN];
  const guess = guessPointCrs(where[0], where[1]);
  if (guess !== crs) {
    err('geometry', guess === 'WGS84-swapped' ? 'swapped' : 'outsideHk', { value: `${where[0]}, ${where[1]}`, crs: crs === 'HK1980' ? 'HK1980' : 'WGS84' });
  } else if (geom.type === 'point') {
    from = 'point';
    if (areaGiven === null) { if (!pick(fields, 'areaM2')) err('area_m2', 'needArea'); }
    else {
      // the square is built in metres on the HK1980 grid (scale factor ≈ 1 in Hong Kong), then converted
      const [e, n] = crs === 'HK1980' ? [geom.x, geom.y] : wgs84ToHk1980(wgs84(geom.x, geom.y));
      const square = (h: number): Ring[] => [([[e - h, n - h], [e + h, n - h], [e + h, n + h], [e - h, n + h], [e - h, n - h]] as [number, number][])
        .map(([x, y]) => { const q = hk1980ToWgs84(hk1980(x, y)); return [round7(q[0]), round7(q[1])] as [number, number]; })];
      // rescale once so the model's area (turf, spherical) equals the file's area_m2, not the grid's
      const first = square(Math.sqrt(areaGiven) / 2);
      rings = square((Math.sqrt(areaGiven) / 2) * Math.sqrt(areaGiven / turfArea({ type: 'Polygon', coordinates: first })));
    }
  } else {
    if (geom.parts > 1) warn('geometry', 'multiPart', { value: geom.parts });
    const converted: Ring[] = [];
    for (const r of geom.rings) {
      const ring = r.map(([x, y]) => { const q = toWgs84Point(x, y, crs); return [round7(q[0]), round7(q[1])] as [number, number]; });
      if (ring.length && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])) ring.push([ring[0][0], ring[0][1]]);
      converted.push(ring);
    }
    const outer = converted[0];
    const all = converted.flat();
    if (!outer || outer.length < 4) err('geometry', 'polygonTooFew');
    else if (all.length > MAX_RING_POINTS) err('geometry', 'polygonTooMany', { max: MAX_RING_POINTS });
    else if (all.some(([x, y]) => guessPointCrs(x, y) !== 'WGS84')) err('geometry', 'outsideHk', { value: `${where[0]}, ${where[1]}`, crs });
    else if (kinks({ type: 'Polygon', coordinates: converted }).features.length > 0) err('geometry', 'polygonCrosses');
    else rings = converted;
  }

  let areaM2 = 0;
  if (rings) {
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    areaM2 = turfArea(polygon);
    if (!(areaM2 > 1)) { err('geometry', 'polygonEmpty'); rings = null; }
    else if (from === 'polygon' && areaGiven !== null && Math.abs(areaGiven - areaM2) > 0.2 * areaM2) {
      warn(pick(fields, 'areaM2')!.name, 'areaDiffers', { value: Math.round(areaGiven), min: Math.round(areaM2) });
    }
  }

  // beds (or rooms × beds per room) fix the GFA per bed, which must stay in the model's range
  const wantBeds = beds ?? (rooms !== null ? rooms * p.bedsPerRoom : null);
  if (rings && wantBeds !== null && plotRatio !== null && share !== null && share > 0) {
    const implied = (areaM2 * plotRatio * share) / 100 / wantBeds;
    if (implied < 5 || implied > 100) err(pick(fields, beds !== null ? 'beds' : 'rooms')!.name, 'beds', { value: Math.round(wantBeds), implied: Number(implied.toPrecision(2)) });
    else gfaPerBed = implied;
  }

  if (errors.length || !rings || plotRatio === null || share === null || gfaPerBed === null) {
    out.errors.push(...errors);
    out.warnings.push(...warnings);
    return;
  }
  let k = takenIds.size + 1;
  while (takenIds.has(`drawn:gis-${k}`)) k++;
  const site: DrawnSite = { id: `drawn:gis-${k}`, name, polygon: { type: 'Polygon', coordinates: rings }, plotRatio, hostelSharePct: share, gfaPerBedM2: gfaPerBed, tenderYear, owner, included: true };
  const valid = drawnSiteSchema.safeParse(site);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    out.errors.push({ row, field: issue.path.join('.') || 'site', code: 'invalid', vars: { value: issue.message.slice(0, 80) } });
    out.warnings.push(...warnings);
    return;
  }
  takenIds.add(site.id);
  const c = turfCentroid({ type: 'Polygon', coordinates: [rings[0]] }).geometry.coordinates;
  out.warnings.push(...warnings);
  out.candidates.push({
    row, site: valid.data, from, lon: c[0], lat: c[1], areaM2,
    beds: landSaleBeds(areaM2, plotRatio, share, gfaPerBed),
    openYear: readyYear(tenderYear, p.buildingCovenantMonths),
    kind, rooms,
  });
}

function emptyPreview(format: 'geojson' | 'csv'): GisPreview {
  return { format, crs: null, crsFrom: null, total: 0, candidates: [], errors: [], warnings: [], fatal: null };
}

/** GeoJSON FeatureCollection (or a single Feature) → preview. */
export function parseGeoJsonSites(text: string, opts: GisImportOptions): GisPreview {
  const out = emptyPreview('geojson');
  let doc: unknown;
  try { doc = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { out.fatal = { code: 'notGeoJson', vars: {} }; return out; }
  const d = doc as { type?: unknown; features?: unknown; crs?: unknown };
  const features = d?.type === 'FeatureCollection' && Array.isArray(d.features) ? d.features : d?.type === 'Feature' ? [d] : null;
  if (!features) { out.fatal = { code: 'notGeoJson', vars: {} }; return out; }
  out.total = features.length;
  if (features.length === 0) { out.fatal = { code: 'noRows', vars: {} }; return out; }
  if (features.length > MAX_GIS_FEATURES) { out.fatal = { code: 'tooMany', vars: { n: features.length, max: MAX_GIS_FEATURES } }; return out; }

  const geoms = features.map((f) => fromGeoJsonGeometry((f as { geometry?: unknown })?.geometry));
  const named = crsFromGeoJsonMember(d.crs);
  if (named === 'unknown') { out.fatal = { code: 'unknownCrs', vars: { value: JSON.stringify((d.crs as { properties?: { name?: unknown } }).properties?.name ?? d.crs).slice(0, 60) } }; return out; }
  const sample: [number, number][] = geoms.flatMap((g) => (typeof g === 'string' ? [] : g.type === 'point' ? [[g.x, g.y] as [number, number]] : g.rings[0].slice(0, 1)));
  const crs = named ?? detectCrs(sample);
  if (!crs) { out.fatal = { code: sample.length ? 'noCoordinates' : 'notGeoJson', vars: {} }; return out; }
  out.crs = crs;
  out.crsFrom = named ? 'crs member' : 'detected';

  const taken = new Set(opts.scenario.drawnSites.map((s) => s.id));
  features.forEach((f, i) => {
    const g = geoms[i];
    if (typeof g === 'string') { out.errors.push({ row: i + 1, field: 'geometry', code: 'geometry', vars: { value: g } }); return; }
    const props = (f as { properties?: unknown }).properties;
    buildRow(i + 1, props && typeof props === 'object' ? (props as Fields) : {}, g, crs, opts, taken, out);
  });
  return out;
}

/** CSV with a header row → preview. */
export function parseCsvSites(text: string, opts: GisImportOptions): GisPreview {
  const out = emptyPreview('csv');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const rows = parsed.data;
  out.total = rows.length;
  if (!parsed.meta.fields?.length || rows.length === 0) { out.fatal = { code: 'noRows', vars: {} }; return out; }
  if (rows.length > MAX_GIS_FEATURES) { out.fatal = { code: 'tooMany', vars: { n: rows.length, max: MAX_GIS_FEATURES } }; return out; }
  const header = parsed.meta.fields.map((f) => f.toLowerCase());
  const has = (key: keyof typeof ALIASES) => ALIASES[key].some((a) => header.includes(a));

  // which columns hold the geometry decides, or narrows, the CRS
  type Mode = { kind: 'xy'; x: keyof typeof ALIASES; y: keyof typeof ALIASES; crs: Crs | null } | { kind: 'wkt'; crs: null };
  let mode: Mode;
  if (has('lon') && has('lat')) mode = { kind: 'xy', x: 'lon', y: 'lat', crs: 'WGS84' };
  else if (has('easting') && has('northing')) mode = { kind: 'xy', x: 'easting', y: 'northing', crs: 'HK1980' };
  else if (has('x') && has('y')) mode = { kind: 'xy', x: 'x', y: 'y', crs: null };
  else if (has('wkt')) mode = { kind: 'wkt', crs: null };
  else { out.fatal = { code: 'noGeometryColumns', vars: { columns: parsed.meta.fields.join(', ').slice(0, 120) } }; return out; }

  const geoms = rows.map((r, i): RawGeometry | GisIssue => {
    const row = i + 2;
    if (mode.kind === 'wkt') {
      const f = pick(r, 'wkt');
      if (!f) return { row, field: 'wkt', code: 'missing', vars: { field: 'wkt' } };
      return parseWkt(String(f.value)) ?? { row, field: f.name, code: 'geometry', vars: { value: String(f.value).slice(0, 30) } };
    }
    const fx = pick(r, mode.x), fy = pick(r, mode.y);
    if (!fx || !fy) return { row, field: !fx ? ALIASES[mode.x][0] : ALIASES[mode.y][0], code: 'missing', vars: { field: !fx ? ALIASES[mode.x][0] : ALIASES[mode.y][0] } };
    const x = toNumber(fx.value), y = toNumber(fy.value);
    if (x === null) return { row, field: fx.name, code: 'notNumber', vars: { value: String(fx.value).slice(0, 40) } };
    if (y === null) return { row, field: fy.name, code: 'notNumber', vars: { value: String(fy.value).slice(0, 40) } };
    return { type: 'point', x, y };
  });
  const isGeom = (g: RawGeometry | GisIssue): g is RawGeometry => 'type' in g;
  const sample = geoms.filter(isGeom).map((g) => (g.type === 'point' ? [g.x, g.y] as [number, number] : g.rings[0][0]));
  const crs = mode.crs ?? detectCrs(sample);
  if (!crs) { out.fatal = { code: 'noCoordinates', vars: {} }; return out; }
  out.crs = crs;
  out.crsFrom = mode.crs ? 'columns' : 'detected';

  const badRows = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined && e.row !== null) badRows.set(e.row, e.message);
  const taken = new Set(opts.scenario.drawnSites.map((s) => s.id));
  rows.forEach((r, i) => {
    const g = geoms[i];
    if (badRows.has(i)) { out.errors.push({ row: i + 2, field: 'row', code: 'csvRow', vars: { value: badRows.get(i)!.slice(0, 80) } }); return; }
    if (!isGeom(g)) { out.errors.push(g); return; }
    buildRow(i + 2, r, g, crs, opts, taken, out);
  });
  return out;
}

/**
 * Reads a GIS file into a preview. The format comes from the extension (.geojson/.json or .csv),
 * or from the first character when the extension says neither.
 */
export function parseGisText(text: string, fileName: string, opts: GisImportOptions): GisPreview {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const isGeoJson = ext === 'geojson' || ext === 'json' || (ext !== 'csv' && ext !== 'txt' && /^\uFEFF?\s*\{/.test(text));
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_GIS_BYTES) {
    const out = emptyPreview(isGeoJson ? 'geojson' : 'csv');
    out.fatal = { code: 'tooLarge', vars: { mb: (bytes / 1024 / 1024).toFixed(1), max: MAX_GIS_BYTES / 1024 / 1024 } };
    return out;
  }
  return isGeoJson ? parseGeoJsonSites(text, opts) : parseCsvSites(text, opts);
}

/** Reads a chosen File; refuses one over MAX_GIS_BYTES from its size alone. */
export async function parseGisFile(file: File, opts: GisImportOptions): Promise<GisPreview> {
  if (file.size > MAX_GIS_BYTES) {
    const out = emptyPreview(/\.csv$/i.test(file.name) ? 'csv' : 'geojson');
    out.fatal = { code: 'tooLarge', vars: { mb: (file.size / 1024 / 1024).toFixed(1), max: MAX_GIS_BYTES / 1024 / 1024 } };
    return out;
  }
  return parseGisText(await file.text(), file.name, opts);
}

/** Most drawn sites a scenario may hold (the schema's limit). */
export const MAX_DRAWN_SITES = 500;

/**
 * Adds the previewed candidates to a scenario as drawn sites, renumbering ids that have been taken
 * since the preview; stops at the schema's 500 drawn sites.
 * @returns the new scenario and how many were added
 */
export function addCandidates(s: Scenario, candidates: readonly GisCandidate[]): { scenario: Scenario; added: number } {
  let out = s;
  let added = 0;
  for (const c of candidates) {
    if (out.drawnSites.length >= MAX_DRAWN_SITES) break;
    let site = c.site;
    if (out.drawnSites.some((d) => d.id === site.id)) {
      let k = out.drawnSites.length + 1;
      while (out.drawnSites.some((d) => d.id === `drawn:gis-${k}`)) k++;
      site = { ...site, id: `drawn:gis-${k}` };
    }
    out = addDrawnSite(out, site);
    added++;
  }
  return { scenario: out, added };
}
