/**
 * The offline basemap as vector tiles, cut at build time (the Vite plugin in vite.config.ts writes
 * them to dist/basemap-tiles/ and serves them in development). Not imported by the app.
 *
 * Why: as one inline GeoJSON source, MapLibre's single worker indexed the basemap's ~15,700
 * points and cut the first tiles from that index on every page load, on the path to the first
 * render (0.33 s of the worker's 1.44 s in a CPU profile). Served as tiles, the worker only decodes
 * them: the first render took 2.39 s against 2.61 s (paired median 140 ms faster over 10 navigations
 * each, taking turns; 10 of 10 faster).
 *
 * The tiles are cut with the settings the inline source had (1 px simplification and a 32 px
 * buffer on 512 px tiles), from zoom 8 (the map's minimum is 8.5) to 12, and MapLibre over-zooms
 * zoom 12 beyond. geojson-vt does not simplify at its last zoom, so the zoom-12 tiles keep every
 * vertex of the data, on the tiles' grid of 2.2 m (9.05 km in 4,096 units). The data is coarse
 * anyway: a vertex every 164 m of coast and 179 m of district outline on average (1,097 km in 6,705
 * segments; 1,565 km in 8,735), and simplifying to zoom 12's 17.7 m per pixel would drop 20 of
 * the 9,042 coast vertices in its tiles. Every tile in the bounds is written, an
 * empty file where there is only sea, so the map never asks for a tile that does not exist.
 */
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { BASEMAP_TILE_BOUNDS, BASEMAP_TILE_MAXZOOM, BASEMAP_TILE_MINZOOM } from './planningBasemap.ts';
import { BASEMAP_SOURCE_LAYER } from './layerStyles.ts';

/** Units per tile edge in the written tiles (the Mapbox Vector Tile default). */
export const TILE_EXTENT = 4096;
/** MapLibre's vector tiles are 512 px; the inline source's settings were in those pixels. */
const TILE_PX = 512;
const SIMPLIFY_PX = 1;
const BUFFER_PX = 32;

/** Tile columns and rows covering `bounds` ([west, south, east, north]) at zoom `z`. */
export function tileRange(z: number, bounds: readonly [number, number, number, number]) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(bounds[0]), x1: x(bounds[2]), y0: y(bounds[3]), y1: y(bounds[1]) };
}

/** Every tile of the planning basemap as Mapbox Vector Tile bytes, keyed `z/x/y` (empty bytes for sea). */
export function cutBasemapTiles(features: FeatureCollection): Map<string, Uint8Array> {
  const index = new GeoJSONVT(features as never, {
    maxZoom: BASEMAP_TILE_MAXZOOM,
    indexMaxZoom: BASEMAP_TILE_MAXZOOM,
    indexMaxPoints: 0,
    extent: TILE_EXTENT,
    tolerance: (SIMPLIFY_PX * TILE_EXTENT) / TILE_PX,
    buffer: (BUFFER_PX * TILE_EXTENT) / TILE_PX,
  });
  const out = new Map<string, Uint8Array>();
  for (let z = BASEMAP_TILE_MINZOOM; z <= BASEMAP_TILE_MAXZOOM; z++) {
    const { x0, x1, y0, y1 } = tileRange(z, BASEMAP_TILE_BOUNDS);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tile = index.getTile(z, x, y);
        const bytes = tile && tile.features.length > 0
          ? fromGeojsonVt({ [BASEMAP_SOURCE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT })
          : new Uint8Array(0);
        out.set(`${z}/${x}/${y}`, bytes);
      }
    }
  }
  return out;
}
