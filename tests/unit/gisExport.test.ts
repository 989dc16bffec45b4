/**
 * GIS export: per-site and per-district results as RFC 7946 GeoJSON (checked structurally) and as
 * CSV that parses back with papaparse to the same rows, with a BOM and a WKT geometry column.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { area as turfArea } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { simulate } from '../../workers/model/simulate.ts';
import { editSite } from '../../src/store/updaters.ts';
import { districtExportRows, districtsCsv, districtsGeoJson, gisFileName, siteExportRows, sitesCsv, sitesGeoJson } from '../../src/io/gisExport.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

const scenario = editSite(scenarioWith((s) => { s.drawnSites = [drawnSite({ name: 'Mong Kok <test> 旺角', owner: 'HKU' })]; }), 'existing:hku', { beds: 7600 });
const results = simulate(scenario, data, scenario.seed, { draws: 0 });
const siteRows = siteExportRows(data, scenario, results);
const districtRows = districtExportRows(data, results, 2030);

/** Signed area of a ring (lon/lat): positive when counter-clockwise. */
const signedArea = (r: Position[]) => r.slice(1).reduce((a, p, i) => a + (r[i][0] * p[1] - p[0] * r[i][1]), 0) / 2;

/** Structural RFC 7946 checks; returns the problems found. */
function rfc7946Problems(fc: unknown): string[] {
  const bad: string[] = [];
  const doc = fc as { type: string; features: { type: string; geometry: Geometry | null; properties: Record<string, unknown> }[]; crs?: unknown };
  if (doc.type !== 'FeatureCollection') bad.push('type');
  if ('crs' in doc) bad.push('has a crs member (RFC 7946 §4 removed it)');
  if (!Array.isArray(doc.features)) return [...bad, 'features'];
  const pos = (p: Position, where: string) => {
    if (p.length !== 2 || !p.every(Number.isFinite)) bad.push(`${where}: position ${JSON.stringify(p)}`);
    else if (p[0] < 113.5 || p[0] > 114.8 || p[1] < 22 || p[1] > 22.8) bad.push(`${where}: not lon/lat in Hong Kong ${p}`);
    else if (p.some((v) => String(v).split('.')[1]?.length > 6)) bad.push(`${where}: more than 6 decimals`);
  };
  const ring = (r: Position[], exterior: boolean, where: string) => {
    if (r.length < 4) bad.push(`${where}: ring of ${r.length}`);
    if (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]) bad.push(`${where}: ring not closed`);
    if (exterior !== signedArea(r) > 0) bad.push(`${where}: ${exterior ? 'exterior' : 'hole'} winding`);
    r.forEach((p) => pos(p, where));
  };
  doc.features.forEach((f, i) => {
    const w = `feature ${i}`;
    if (f.type !== 'Feature') bad.push(`${w}: type`);
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v !== null && typeof v === 'object') bad.push(`${w}: property ${k} is nested`);
      if (typeof v === 'number' && !Number.isFinite(v)) bad.push(`${w}: property ${k} is ${v}`);
    }
    const g = f.geometry;
    if (g === null) return;
    if (g.type === 'Point') pos(g.coordinates, w);
    else if (g.type === 'Polygon') g.coordinates.forEach((r, j) => ring(r, j === 0, w));
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach((r, j) => ring(r, j === 0, w)));
    else bad.push(`${w}: geometry ${g.type}`);
  });
  return bad;
}

describe('site export', () => {
  it('lists every site with beds in use in some year, plus the drawn sites', () => {
    const ids = new Set(siteRows.map((r) => r.id));
    const sr = results.sites!;
    sr.ids.forEach((id, k) => {
      const inUse = sr.beds[k] > 0 && sr.openYear[k] <= results.years[results.years.length - 1] && (sr.closeYear[k] === null || sr.closeYear[k]! > results.years[0]);
      if (inUse || id.startsWith('drawn:')) expect(ids.has(id), id).toBe(true);
      if (sr.beds[k] === 0 && !id.startsWith('drawn:')) expect(ids.has(id), id).toBe(false);
    });
    expect(siteRows.length).toBeGreaterThan(30);
  });

  it('has bilingual names, owner, district, beds, years and flags, typed', () => {
    const hku = siteRows.find((r) => r.id === 'existing:hku')!;
    expect(hku).toMatchObject({ name_zh: '香港大學宿舍（現有）', owner: 'HKU', district: 'A', district_en: 'Central & Western', district_zh: '中西區', beds: 7600, beds_est: false, edited: true, drawn: false, loc_approx: true });
    const d = siteRows.find((r) => r.drawn)!;
    expect(d).toMatchObject({ id: 'drawn:test-site', name_en: 'Mong Kok <test> 旺角', owner: 'HKU', district: 'E', beds_est: true, kind: 'drawn' });
    // 0.2 ha × 6 ÷ 16.9 m² per bed
    expect(d.beds).toBe(Math.round((turfArea(scenario.drawnSites[0].polygon) * 6) / 16.9));
    expect(d.open_ay).toMatch(/^\d{4}\/\d{2}$/);
    for (const r of siteRows) {
      expect(Number.isInteger(r.beds)).toBe(true);
      expect(r.open_year === null || Number.isInteger(r.open_year)).toBe(true);
    }
  });

  it('GeoJSON is RFC 7946: lon/lat points, no crs member, flat properties', () => {
    const fc = sitesGeoJson(siteRows);
    expect(rfc7946Problems(JSON.parse(JSON.stringify(fc)))).toEqual([]);
    expect(fc.features.filter((f) => f.geometry === null).length).toBe(siteRows.filter((r) => r.lon === null).length);
  });

  it('CSV has a BOM and parses back with papaparse to the same rows, with a WKT point column', () => {
    const text = sitesCsv(siteRows);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.[0]).toBe('WKT');
    expect(parsed.data).toHaveLength(siteRows.length);
    parsed.data.forEach((row, i) => {
      const r = siteRows[i];
      expect(row.id).toBe(r.id);
      expect(row.name_zh).toBe(r.name_zh);
      expect(row.name_en).toBe(r.name_en);
      expect(Number(row.beds)).toBe(r.beds);
      expect(row.WKT).toBe(r.lon === null ? '' : `POINT (${r.lon} ${r.lat})`);
      expect(row.close_year).toBe(r.close_year === null ? '' : String(r.close_year));
    });
  });
});

describe('district export', () => {
  it('18 districts with demand, supply and both gaps for the year', () => {
    expect(districtRows).toHaveLength(18);
    const i = results.years.indexOf(2030);
    for (const r of districtRows) {
      const d = results.districts[r.code];
      expect(r).toMatchObject({ year: 2030, academic_year: '2030/31', supply: Math.round(d.supply.total[i]), gap_mkt: Math.round(d.gap.market[i]), gap_ent: Math.round(d.gap.entitlement[i]) });
      expect(r.name_zh).toMatch(/區$/);
    }
    expect(() => districtExportRows(data, results, 1999)).toThrow(/not in the results/);
  });

  it('GeoJSON is RFC 7946 multipolygons, exterior rings counter-clockwise', () => {
    const fc = districtsGeoJson(data, districtRows);
    expect(rfc7946Problems(JSON.parse(JSON.stringify(fc)))).toEqual([]);
    expect(fc.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('CSV parses back with a WKT multipolygon per district', () => {
    const text = districtsCsv(data, districtRows);
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.code)).toEqual(districtRows.map((r) => r.code));
    for (const r of parsed.data) expect(r.WKT).toMatch(/^MULTIPOLYGON \(\(\(\d+\.\d+ \d+\.\d+, .*\)\)\)$/);
    expect(Number(parsed.data[0].gap_mkt)).toBe(districtRows[0].gap_mkt);
  });

  it('names files by what and when', () => {
    expect(gisFileName('districts', 'geojson', 2030)).toBe('hostel-districts-2030-31.geojson');
    expect(gisFileName('sites', 'csv')).toBe('hostel-sites.csv');
  });
});
