/**
 * GIS import: GeoJSON and CSV candidate sites in WGS84 and the HK1980 Grid become drawn sites, with
 * per-row errors that never sink the file, limits on size and feature count, and the same site
 * whichever system the file used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { validateScenario } from '../../workers/model/scenario/validate.ts';
import { addCandidates, MAX_GIS_FEATURES, parseGisFile, parseGisText, parseWkt, type GisPreview } from '../../src/io/gisImport.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

const DIR = path.resolve(import.meta.dirname, '../fixtures/gis');
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');
const opts = () => ({ scenario: defaultScenario(), data });
const issues = (p: GisPreview) => p.errors.map((e) => `${e.row} ${e.field} ${e.code}`);

describe('GeoJSON', () => {
  it('WGS84 file: points, polygons and multipolygons become sites; bad features are listed by number', () => {
    const p = parseGisText(read('sites-wgs84.geojson'), 'sites-wgs84.geojson', opts());
    expect(p).toMatchObject({ format: 'geojson', crs: 'WGS84', crsFrom: 'detected', total: 9, fatal: null });
    expect(p.candidates.map((c) => [c.row, c.from, c.site.name])).toEqual([
      [1, 'point', 'Kai Tak hostel site'],
      [2, 'polygon', 'Mong Kok block <b>A</b>'],
      [3, 'polygon', 'Two-part site'],
    ]);
    expect(issues(p)).toEqual([
      '4 geometry geometry', '5 area_m2 needArea', '6 geometry outsideHk', '7 geometry swapped', '8 geometry polygonCrosses',
      '9 area_m2 notNumber', '9 plot_ratio range', '9 owner owner', '9 open_year year',
    ]);
    expect(p.warnings.map((w) => `${w.row} ${w.code}`)).toEqual(['3 multiPart']);
  });

  it('a point becomes a square of its area_m2 (as the model measures it), opening in open_year', () => {
    const p = parseGisText(read('sites-wgs84.geojson'), 'x.geojson', opts());
    const kt = p.candidates[0];
    expect(turfArea(kt.site.polygon)).toBeCloseTo(7400, 0);
    expect(kt.site.polygon.coordinates[0]).toHaveLength(5);
    expect(kt.lon).toBeCloseTo(114.1995, 5);
    expect(kt.lat).toBeCloseTo(22.3285, 5);
    // 7,400 m² × 5.8 ÷ 16.9 m² per bed (the land-sale rule, as for Kai Tak)
    expect(kt.beds).toBeCloseTo((7400 * 5.8) / 16.9, 0);
    expect(kt.openYear).toBe(2030);
    expect(kt.site).toMatchObject({ owner: 'PolyU', plotRatio: 5.8, tenderYear: 2026, included: true });
  });

  it('beds given for a polygon set its GFA per bed so the model gives those beds', () => {
    const p = parseGisText(read('sites-wgs84.geojson'), 'x.geojson', opts());
    expect(p.candidates[1].beds).toBeCloseTo(800, 6);
  });

  it('HK1980 file (crs member EPSG:2326) gives the same sites as the WGS84 file, within 1 m', () => {
    const grid = parseGisText(read('sites-hk1980.geojson'), 'g.geojson', opts());
    const wgs = parseGisText(read('sites-wgs84.geojson'), 'w.geojson', opts());
    expect(grid).toMatchObject({ crs: 'HK1980', crsFrom: 'crs member' });
    expect(issues(grid)).toEqual(['3 geometry outsideHk']);
    const m = 111_000;
    expect(Math.abs(grid.candidates[0].lon - wgs.candidates[0].lon) * m * Math.cos(0.39)).toBeLessThan(1);
    expect(Math.abs(grid.candidates[0].lat - wgs.candidates[0].lat) * m).toBeLessThan(1);
    grid.candidates[1].site.polygon.coordinates[0].forEach(([x, y], i) => {
      const [wx, wy] = wgs.candidates[1].site.polygon.coordinates[0][i];
      expect(Math.hypot((x - wx) * m * Math.cos(0.39), (y - wy) * m)).toBeLessThan(1);
    });
  });

  it('refuses whole files that are not GeoJSON, empty, too many features, another CRS or too big', () => {
    expect(parseGisText('{"type":"Topology"}', 'a.geojson', opts()).fatal?.code).toBe('notGeoJson');
    expect(parseGisText('nope', 'a.geojson', opts()).fatal?.code).toBe('notGeoJson');
    expect(parseGisText('{"type":"FeatureCollection","features":[]}', 'a.geojson', opts()).fatal?.code).toBe('noRows');
    const many = { type: 'FeatureCollection', features: Array.from({ length: MAX_GIS_FEATURES + 1 }, () => ({ type: 'Feature', properties: { area_m2: 100 }, geometry: { type: 'Point', coordinates: [114.17, 22.32] } })) };
    expect(parseGisText(JSON.stringify(many), 'a.geojson', opts()).fatal).toEqual({ code: 'tooMany', vars: { n: 501, max: 500 } });
    const webMerc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1.27e7, 2.5e6] } }] };
    expect(parseGisText(JSON.stringify(webMerc), 'a.geojson', opts()).fatal?.code).toBe('unknownCrs');
    expect(parseGisText(' '.repeat(5 * 1024 * 1024 + 1), 'a.geojson', opts()).fatal?.code).toBe('tooLarge');
  });

  it('a 50 MB file is refused from its size before reading', async () => {
    let read = false;
    const file = { name: 'big.geojson', size: 50 * 1024 * 1024, text: async () => { read = true; return ''; } } as unknown as File;
    expect((await parseGisFile(file, opts())).fatal).toEqual({ code: 'tooLarge', vars: { mb: '50.0', max: 5 } });
    expect(read).toBe(false);
  });
});

describe('CSV', () => {
  it('lon/lat columns with a BOM, quoted names and thousands separators; each bad row named', () => {
    const p = parseGisText(read('sites-wgs84.csv'), 'sites.csv', opts());
    expect(p).toMatchObject({ format: 'csv', crs: 'WGS84', crsFrom: 'columns', total: 9, fatal: null });
    expect(p.candidates.map((c) => [c.row, c.site.name])).toEqual([[2, 'Kai Tak hostel site'], [3, 'Sha Tin, riverside'], [6, 'Hotel row'], [9, 'Imported site 9']]);
    expect(p.candidates[1].areaM2).toBeCloseTo(2500, 0);
    expect(p.candidates[1].beds).toBeCloseTo(900, 6);
    expect(p.candidates[1].openYear).toBe(2031);
    expect(issues(p)).toEqual(['4 beds beds', '5 area_m2 needArea', '7 kind kind', '8 lon notNumber', '10 open_year tooEarly']);
    expect(p.errors.find((e) => e.code === 'beds')?.vars).toEqual({ value: 5000, implied: 0.02 });
    expect(p.warnings.map((w) => `${w.row} ${w.code}`)).toEqual(['6 kindConverted', '9 noName']);
  });

  it('easting/northing columns are HK1980; rooms × beds per room give the beds', () => {
    const p = parseGisText(read('sites-hk1980.csv'), 'grid.csv', opts());
    expect(p).toMatchObject({ crs: 'HK1980', crsFrom: 'columns' });
    expect(p.candidates.map((c) => c.row)).toEqual([2, 3]);
    expect(p.candidates[1].beds).toBeCloseTo(300 * defaultScenario().params.bedsPerRoom, 6);
    expect(p.candidates[1].rooms).toBe(300);
    expect(issues(p)).toEqual(['4 geometry outsideHk', '5 northing missing']);
  });

  it('x/y columns: the CRS is detected from the values', () => {
    const p = parseGisText(read('sites-xy.csv'), 'xy.csv', opts());
    expect(p).toMatchObject({ crs: 'HK1980', crsFrom: 'detected' });
    expect(p.candidates).toHaveLength(2);
  });

  it('a WKT column (what the app exports and GDAL writes) is read', () => {
    const p = parseGisText(read('sites-wkt.csv'), 'wkt.csv', opts());
    expect(p.candidates.map((c) => c.from)).toEqual(['polygon']);
    expect(issues(p)).toEqual(['3 WKT geometry']);
  });

  it('no coordinate columns → a file-level message listing the columns found', () => {
    const p = parseGisText('name,address\nA,1 Main St\n', 'a.csv', opts());
    expect(p.fatal).toEqual({ code: 'noGeometryColumns', vars: { columns: 'name, address' } });
  });

  it('parseWkt reads points, polygons with holes and multipolygons', () => {
    expect(parseWkt('POINT (114.1 22.3)')).toEqual({ type: 'point', x: 114.1, y: 22.3 });
    expect(parseWkt('POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))')).toMatchObject({ type: 'polygon', parts: 1, rings: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((0 0, 9 0, 9 9, 0 0)))')).toMatchObject({ type: 'polygon', parts: 2, rings: [[[0, 0], [9, 0], [9, 9], [0, 0]]] });
    expect(parseWkt('LINESTRING (0 0, 1 1)')).toBeNull();
  });
});

describe('adding the sites', () => {
  it('candidates join the scenario as valid drawn sites with ids that do not clash', () => {
    const base = scenarioWith((s) => { s.drawnSites = [drawnSite({ id: 'drawn:gis-1' })]; });
    const p = parseGisText(read('sites-wgs84.csv'), 'sites.csv', { scenario: base, data });
    expect(p.candidates.map((c) => c.site.id)).not.toContain('drawn:gis-1');
    const { scenario, added } = addCandidates(base, p.candidates);
    expect(added).toBe(4);
    expect(scenario.drawnSites).toHaveLength(5);
    const v = validateScenario(structuredClone(scenario), data);
    expect(v.ok, v.ok ? '' : v.message).toBe(true);
    // ids taken since the preview are renumbered
    const again = addCandidates(scenario, p.candidates.slice(0, 1));
    expect(new Set(again.scenario.drawnSites.map((d) => d.id)).size).toBe(6);
  });

  it('stops at the schema limit of 500 drawn sites', () => {
    const p = parseGisText(read('sites-xy.csv'), 'xy.csv', opts());
    const full = scenarioWith((s) => { s.drawnSites = Array.from({ length: 499 }, (_, i) => drawnSite({ id: `drawn:f${i}` })); });
    expect(addCandidates(full, p.candidates).added).toBe(1);
  });
});
