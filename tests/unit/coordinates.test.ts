/**
 * HK1980 Grid (EPSG:2326) ↔ WGS84 with proj4, checked against a published pair, and detection of
 * which system imported coordinates are in.
 */
import { describe, expect, it } from 'vitest';
import { crsFromGeoJsonMember, detectCrs, guessPointCrs, hk1980, hk1980ToWgs84, wgs84, wgs84ToHk1980 } from '../../src/io/coordinates.ts';

/** Metres between two WGS84 points (equirectangular; exact enough at 1 m over Hong Kong). */
function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6_378_137;
  const rad = Math.PI / 180;
  const dx = (a[0] - b[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad) * R;
  const dy = (a[1] - b[1]) * rad * R;
  return Math.hypot(dx, dy);
}

/*
 * Known point: HK1980 Grid N 820 351.389 m, E 832 591.320 m. The Survey and Mapping Office's online
 * transformation tool (http://www.geodetic.gov.hk/smo/tform/tform.aspx) gives WGS84
 * 22.322172084° N, 114.141187917° E (and HK80 geographic 22.323701767° N, 114.138734989° E),
 * as quoted in the documentation of the CRAN package HK80 (Jinlong Zhang, 2016: functions
 * HK1980GRID_TO_WGS84GEO and HK1980GRID_TO_HK80GEO), which follows the SMO "Explanatory Notes on
 * Geodetic Datums in Hong Kong" (1995).
 */
const KNOWN = { grid: hk1980(832591.32, 820351.389), wgs: wgs84(114.141187917, 22.322172084) };

describe('HK1980 Grid ↔ WGS84', () => {
  it('a published HK1980 point converts to its published WGS84 position within 1 m', () => {
    const p = hk1980ToWgs84(KNOWN.grid);
    expect(metres(p, KNOWN.wgs)).toBeLessThan(1);
  });

  it('and back within 1 m', () => {
    const g = wgs84ToHk1980(KNOWN.wgs);
    expect(Math.hypot(g[0] - KNOWN.grid[0], g[1] - KNOWN.grid[1])).toBeLessThan(1);
  });

  it('the grid origin (E 836 694.05, N 819 069.80 = 22°18′43.68″N 114°10′42.80″E on HK80) lands where the simplified datum shift of the Explanatory Notes puts it (−5.5″ lat, +8.8″ lon), within 2 m', () => {
    const p = hk1980ToWgs84(hk1980(836694.05, 819069.8));
    const sec = 1 / 3600;
    const expected = wgs84(114 + 10 / 60 + 42.8 * sec + 8.8 * sec, 22 + 18 / 60 + 43.68 * sec - 5.5 * sec);
    expect(metres(p, expected)).toBeLessThan(2);
  });

  it('round trips over the territory to well under a millimetre', () => {
    for (const [e, n] of [[810000, 805000], [836694, 819070], [860000, 845000], [820000, 840000]]) {
      const back = wgs84ToHk1980(hk1980ToWgs84(hk1980(e, n)));
      expect(Math.hypot(back[0] - e, back[1] - n)).toBeLessThan(1e-3);
    }
  });
});

describe('CRS detection', () => {
  it('classifies single points', () => {
    expect(guessPointCrs(114.17, 22.32)).toBe('WGS84');
    expect(guessPointCrs(835000, 818000)).toBe('HK1980');
    expect(guessPointCrs(22.32, 114.17)).toBe('WGS84-swapped');
    expect(guessPointCrs(0, 51.5)).toBeNull();
    expect(guessPointCrs(NaN, 22)).toBeNull();
  });

  it('picks the system most points fit', () => {
    expect(detectCrs([[114.1, 22.3], [114.2, 22.4]])).toBe('WGS84');
    expect(detectCrs([[835000, 818000], [840000, 830000], [114.1, 22.3]])).toBe('HK1980');
    expect(detectCrs([[1, 2]])).toBeNull();
  });

  it('reads the GeoJSON crs member', () => {
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2326' } })).toBe('HK1980');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:2326' } })).toBe('HK1980');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('WGS84');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:4326' } })).toBe('WGS84');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:3857' } })).toBe('unknown');
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
  });
});
