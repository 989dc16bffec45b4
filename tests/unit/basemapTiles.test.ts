import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { cutBasemapTiles, tileRange, TILE_EXTENT } from '../../src/map/basemapTiles.ts';
import { BASEMAP_TILE_BOUNDS, BASEMAP_TILE_MAXZOOM, BASEMAP_TILE_MINZOOM, planningBasemapFeatures } from '../../src/map/planningBasemap.ts';
import { readBasemapFiles } from '../../scripts/lib/basemapFiles.ts';
import { BASEMAP_PART, BASEMAP_SOURCE_LAYER } from '../../src/map/layerStyles.ts';

const basemap = readBasemapFiles();
const features = planningBasemapFeatures(basemap);
const tiles = cutBasemapTiles(features);

const decode = (key: string) => {
  const bytes = tiles.get(key)!;
  const layer = new VectorTile(new Pbf(bytes)).layers[BASEMAP_SOURCE_LAYER];
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
};

describe('tileRange (slippy-map tile numbers)', () => {
  it('finds the zoom-8 tile of 114.0° E 22.3° N: x 209, y 111', () => {
    // x = ⌊(114 + 180) / 360 × 256⌋ = ⌊209.07⌋; y = ⌊(1 − ln(tan φ + sec φ) / π) / 2 × 256⌋ = ⌊111.7⌋
    expect(tileRange(8, [114, 22.3, 114, 22.3])).toEqual({ x0: 209, x1: 209, y0: 111, y1: 111 });
    // north is the smaller row
    const r = tileRange(12, BASEMAP_TILE_BOUNDS);
    expect(r.y0).toBeLessThan(r.y1);
    expect(r.x0).toBeLessThan(r.x1);
  });
});

describe('the basemap tiles', () => {
  it('has every feature inside the tiled bounds', () => {
    const [w, s, e, n] = BASEMAP_TILE_BOUNDS;
    const walk = (c: unknown): void => {
      if (typeof (c as number[])[0] === 'number') {
        const [lon, lat] = c as number[];
        expect(lon >= w && lon <= e && lat >= s && lat <= n, `${lon},${lat}`).toBe(true);
      } else for (const x of c as unknown[]) walk(x);
    };
    for (const f of features.features) walk((f.geometry as { coordinates: unknown }).coordinates);
  });
  it('writes every tile in the bounds at zooms 8–12, empty where there is only sea', () => {
    let expected = 0;
    for (let z = BASEMAP_TILE_MINZOOM; z <= BASEMAP_TILE_MAXZOOM; z++) {
      const { x0, x1, y0, y1 } = tileRange(z, BASEMAP_TILE_BOUNDS);
      expected += (x1 - x0 + 1) * (y1 - y0 + 1);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) expect(tiles.has(`${z}/${x}/${y}`)).toBe(true);
    }
    expect(tiles.size).toBe(expected);
    expect([...tiles.values()].some((b) => b.length === 0)).toBe(true);
    expect([...tiles.values()].some((b) => b.length > 0)).toBe(true);
  });
  it('keeps every MTR station, with its properties, in the zoom-12 tiles, within 2 m of where it is', () => {
    const { x0, x1, y0, y1 } = tileRange(12, BASEMAP_TILE_BOUNDS);
    const found = new Map<string, { lon: number; lat: number; props: Record<string, unknown> }>();
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
      for (const f of decode(`12/${x}/${y}`)) {
        if (f.properties[BASEMAP_PART] !== 'basemap-mtr-stations') continue;
        const [[p]] = f.loadGeometry();
        // only the tile that holds the point (the buffer repeats it in its neighbours)
        if (p.x < 0 || p.y < 0 || p.x >= TILE_EXTENT || p.y >= TILE_EXTENT) continue;
        const { geometry } = f.toGeoJSON(x, y, 12) as unknown as { geometry: { coordinates: [number, number] } };
        found.set(String(f.properties.code), { lon: geometry.coordinates[0], lat: geometry.coordinates[1], props: f.properties });
      }
    }
    expect(found.size).toBe(basemap.mtrStations.features.length);
    for (const s of basemap.mtrStations.features) {
      const got = found.get(s.properties.code)!;
      expect(got.props.name_zh).toBe(s.properties.name_zh);
      const [lon, lat] = s.geometry.coordinates;
      // a zoom-12 tile is 9.8 km wide at 22° N in 4,096 units: 2.4 m a unit, so within half a unit
      const dxM = (got.lon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
      const dyM = (got.lat - lat) * 110_574;
      expect(Math.hypot(dxM, dyM)).toBeLessThan(2);
    }
  });
  it('gives each of the 18 districts its code, for the choropleth feature state, in the zoom-8 tiles', () => {
    const { x0, x1, y0, y1 } = tileRange(8, BASEMAP_TILE_BOUNDS);
    const codes = new Set<string>();
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
      for (const f of decode(`8/${x}/${y}`)) if (f.properties[BASEMAP_PART] === 'basemap-districts') codes.add(String(f.properties.code));
    }
    expect([...codes].sort()).toEqual(basemap.districts.features.map((f) => f.properties.code).sort());
  });
  it('is cut the same every time (a build writes the same files)', () => {
    const again = cutBasemapTiles(planningBasemapFeatures(basemap));
    expect(again.size).toBe(tiles.size);
    for (const [k, b] of tiles) expect(Buffer.from(again.get(k)!).equals(Buffer.from(b)), k).toBe(true);
  });
});
