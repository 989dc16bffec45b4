/**
 * Results for GIS: sites (points) and districts (multipolygons) as GeoJSON (RFC 7946: WGS84
 * lon/lat, no `crs` member, exterior rings counter-clockwise, flat typed properties) and as CSV
 * (UTF-8 with BOM so Excel reads Chinese names, a `WKT` column GDAL/QGIS pick up as geometry, plus
 * lon/lat columns for points).
 */
import Papa from 'papaparse';
import { booleanPointInPolygon, centroid as turfCentroid, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Position } from 'geojson';
import type { ModelData, SiteRecord } from '../../workers/model/data/schema.ts';
import type { Scenario, DrawnSite } from '../../workers/model/scenario/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import { formatAcademicYear } from '../../workers/model/years.ts';

/** One exported site; every value a number, string, boolean or null (no nesting). */
export interface SiteExportProps {
  id: string;
  name_en: string;
  name_zh: string;
  /** existing | pipeline | conversion | landSale | universityTown | youthHostel */
  source: string;
  /** fixed | hotel | guesthouse | landSale | uniTown | drawn */
  kind: string;
  /** Institution code owning the beds, or null for open-market beds. */
  owner: string | null;
  /** District code A–T, or null when unknown. */
  district: string | null;
  district_en: string | null;
  district_zh: string | null;
  /** Beds when fully open (whole beds). */
  beds: number;
  /** First academic year (start year) with beds in use. */
  open_year: number | null;
  /** Academic year as text, e.g. "2027/28". */
  open_ay: string | null;
  /** First academic year no longer in use; null = stays open. */
  close_year: number | null;
  /** True when the beds figure is an estimate or modelled, not a published figure. */
  beds_est: boolean;
  /** True when the opening year is an estimate or modelled. */
  open_est: boolean;
  /** True when the point is an approximate location. */
  loc_approx: boolean;
  /** True when the scenario edits this site. */
  edited: boolean;
  /** True for sites drawn or imported by the user. */
  drawn: boolean;
  lon: number | null;
  lat: number | null;
}

export interface DistrictExportProps {
  code: string;
  name_en: string;
  name_zh: string;
  /** Academic start year of the figures. */
  year: number;
  academic_year: string;
  /** Students who need a bed, entitlement lens (1996 criteria). */
  demand_ent: number;
  /** Students who want a bed, market lens. */
  demand_mkt: number;
  /** Beds in the district. */
  supply: number;
  /** Beds short, entitlement lens (negative = surplus). */
  gap_ent: number;
  /** Beds short, market lens (negative = surplus). */
  gap_mkt: number;
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const whole = (v: number) => Math.round(v);

function districtOf(data: ModelData, lon: number, lat: number): string | null {
  for (const d of data.districts) if (booleanPointInPolygon([lon, lat], d.geometry as MultiPolygon)) return d.code;
  return null;
}

function isEstimated(site: SiteRecord, field: 'beds' | 'openYear', edited: boolean): boolean {
  if (edited) return false; // the user typed it: their figure, not ours
  if (site.kind !== 'fixed') return true; // conversions, land sale and University Town beds are modelled
  return site[field]?.estimated ?? true;
}

/**
 * Rows for every site with beds in use in some reported year, plus every drawn site.
 * @throws when the results carry no per-site figures
 */
export function siteExportRows(data: ModelData, scenario: Scenario, results: Results): SiteExportProps[] {
  const sr = results.sites;
  if (!sr) throw new Error('The results have no per-site figures; run the model with sites');
  const first = results.years[0], last = results.years[results.years.length - 1];
  const dname = new Map(data.districts.map((d) => [d.code, d]));
  const rows: SiteExportProps[] = [];
  const nData = data.sites.length;
  sr.ids.forEach((id, k) => {
    const beds = sr.beds[k], open = sr.openYear[k], close = sr.closeYear[k];
    const drawn: DrawnSite | undefined = k >= nData ? scenario.drawnSites[k - nData] : undefined;
    const inUse = beds > 0 && open <= last && (close === null || close > first);
    if (!drawn && !inUse) return;
    const openYear = beds > 0 && open >= 0 ? open : null;
    const common = { beds: whole(beds), open_year: openYear, open_ay: openYear === null ? null : formatAcademicYear(openYear), close_year: close };
    if (drawn) {
      const [lon, lat] = turfCentroid(drawn.polygon).geometry.coordinates;
      const district = districtOf(data, lon, lat);
      rows.push({
        id, name_en: drawn.name, name_zh: drawn.name, source: 'landSale', kind: 'drawn', owner: drawn.owner,
        district, district_en: district ? dname.get(district)!.nameEn : null, district_zh: district ? dname.get(district)!.nameZh : null,
        ...common, beds_est: true, open_est: true, loc_approx: false, edited: false, drawn: true, lon: r6(lon), lat: r6(lat),
      });
      return;
    }
    const site = data.sites[k];
    const edit = scenario.sites[id] ?? {};
    const owner = edit.owner !== undefined ? edit.owner : site.owner;
    rows.push({
      id, name_en: site.nameEn, name_zh: site.nameZh, source: site.source, kind: site.kind, owner,
      district: site.district, district_en: site.district ? dname.get(site.district)?.nameEn ?? null : null, district_zh: site.district ? dname.get(site.district)?.nameZh ?? null : null,
      ...common,
      beds_est: isEstimated(site, 'beds', edit.beds !== undefined || edit.rooms !== undefined),
      open_est: isEstimated(site, 'openYear', edit.openYear !== undefined),
      loc_approx: site.locationNote !== null, edited: id in scenario.sites, drawn: false,
      lon: site.lon === null ? null : r6(site.lon), lat: site.lat === null ? null : r6(site.lat),
    });
  });
  return rows;
}

/** Sites as an RFC 7946 FeatureCollection of Points (null geometry for sites with no published location). */
export function sitesGeoJson(rows: readonly SiteExportProps[]): FeatureCollection<Point | null, SiteExportProps> {
  return {
    type: 'FeatureCollection',
    features: rows.map((p) => ({
      type: 'Feature', id: p.id, properties: p,
      geometry: p.lon === null || p.lat === null ? null : { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
}

/**
 * Per-district figures for one academic year.
 * @param year academic start year; must be one of results.years
 */
export function districtExportRows(data: ModelData, results: Results, year: number): DistrictExportProps[] {
  const i = results.years.indexOf(year);
  if (i < 0) throw new Error(`Year ${year} is not in the results (${results.years[0]}–${results.years[results.years.length - 1]})`);
  return data.districts.map((d) => {
    const r = results.districts[d.code];
    const v = (a: number[] | undefined) => (a ? whole(a[i]) : 0);
    return {
      code: d.code, name_en: d.nameEn, name_zh: d.nameZh, year, academic_year: formatAcademicYear(year),
      demand_ent: v(r?.demand.entitlement), demand_mkt: v(r?.demand.market), supply: v(r?.supply.total),
      gap_ent: v(r?.gap.entitlement), gap_mkt: v(r?.gap.market),
    };
  });
}

function roundGeometry(g: MultiPolygon): MultiPolygon {
  const ring = (r: Position[]) => r.map(([x, y]) => [r6(x), r6(y)]);
  const rounded: MultiPolygon = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
  return rewind(rounded) as MultiPolygon; // RFC 7946 §3.1.6: exterior rings counter-clockwise
}

/** Districts as an RFC 7946 FeatureCollection of MultiPolygons. */
export function districtsGeoJson(data: ModelData, rows: readonly DistrictExportProps[]): FeatureCollection<MultiPolygon, DistrictExportProps> {
  const geom = new Map(data.districts.map((d) => [d.code, d.geometry as MultiPolygon]));
  return {
    type: 'FeatureCollection',
    features: rows.map((p): Feature<MultiPolygon, DistrictExportProps> => ({ type: 'Feature', id: p.code, properties: p, geometry: roundGeometry(geom.get(p.code)!) })),
  };
}

const BOM = '\uFEFF';

function wktPoint(lon: number | null, lat: number | null): string {
  return lon === null || lat === null ? '' : `POINT (${lon} ${lat})`;
}

function wktMultiPolygon(g: MultiPolygon): string {
  const ring = (r: Position[]) => `(${r.map(([x, y]) => `${x} ${y}`).join(', ')})`;
  return `MULTIPOLYGON (${g.coordinates.map((p) => `(${p.map(ring).join(', ')})`).join(', ')})`;
}

/** CSV text: BOM, header row, CRLF line ends, nulls as empty cells, booleans as true/false. */
function csv(rows: Record<string, string | number | boolean | null>[], columns: string[]): string {
  return BOM + Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\r\n' }) + '\r\n';
}

/** Sites as CSV: WKT point, lon, lat, then the properties. */
export function sitesCsv(rows: readonly SiteExportProps[]): string {
  const cols = ['WKT', ...Object.keys(rows[0] ?? { id: '' })];
  return csv(rows.map((r) => ({ WKT: wktPoint(r.lon, r.lat), ...r })), cols);
}

/** Districts as CSV: WKT multipolygon, then the properties. */
export function districtsCsv(data: ModelData, rows: readonly DistrictExportProps[]): string {
  const geo = districtsGeoJson(data, rows);
  const cols = ['WKT', ...Object.keys(rows[0] ?? { code: '' })];
  return csv(geo.features.map((f) => ({ WKT: wktMultiPolygon(f.geometry), ...f.properties })), cols);
}

/** File names for the four exports, e.g. "hostel-districts-2030-31.geojson". */
export function gisFileName(what: 'sites' | 'districts', format: 'geojson' | 'csv', year?: number): string {
  return `hostel-${what}${year !== undefined ? `-${formatAcademicYear(year).replace('/', '-')}` : ''}.${format}`;
}
