/**
 * The offline basemap as the planning map draws it: its seven collections in one source of vector
 * tiles cut at build time (oneSource, ./basemapTiles.ts), the district names as page text at the
 * overview zooms (./districtLabels.ts), the land drawn through the district tints, quieter MTR
 * lines and stations (they are for orientation and should not compete with the site symbols) and
 * every layer in the shared-program form (./sharedPrograms.ts). Done on the style object before the
 * map gets it, so the first render is already the final one.
 */
import type { FilterSpecification, LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { BASEMAP_COLOURS, basemapStyleHeader, offlineBasemapLayers, offlineBasemapStyle, type BasemapData } from './basemapStyle.ts';
import { shareProgram } from './sharedPrograms.ts';
import { BASEMAP_PART, BASEMAP_SOURCE_LAYER, DISTRICTS_SOURCE, DISTRICT_ID_PROPERTY } from './layerStyles.ts';
import type { Lang } from '../i18n/strings.ts';

/** Paint overrides for the offline basemap's MTR layers under the planning layers. */
export const MUTED_BASEMAP_PAINT: Record<string, Record<string, number>> = {
  'basemap-mtr-line': { 'line-opacity': 0.5 },
  'basemap-mtr-line-casing': { 'line-opacity': 0.6 },
  'basemap-mtr-line-planned': { 'line-opacity': 0.4 },
  'basemap-mtr-station': { 'circle-opacity': 0.75, 'circle-stroke-opacity': 0.55 },
  'basemap-lightrail-stop': { 'circle-opacity': 0.6 },
};

function mute(layer: LayerSpecification): LayerSpecification {
  const over = MUTED_BASEMAP_PAINT[layer.id];
  return over ? ({ ...layer, paint: { ...(layer as { paint?: object }).paint, ...over } } as LayerSpecification) : layer;
}

/** `a` over `b` at opacity `alpha`, as an integer 'rgb(r, g, b)' (both '#rrggbb'). */
export function blendOver(a: string, b: string, alpha: number): string {
  const ch = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const c = [0, 1, 2].map((i) => Math.round(alpha * ch(a, i) + (1 - alpha) * ch(b, i)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** The district tints' opacity by zoom in the offline basemap (basemap-district-fill). */
export const DISTRICT_TINT_OPACITY: [number, number][] = [[8, 0.9], [12, 0.7], [14, 0.45]];

/**
 * The district polygons are clipped to the coast (same 1,098.4 km² as the land polygon), so the
 * land fill only ever shows through the semi-transparent district tints. Drawing the tints opaque
 * in the colour they make over the land gives the same picture without triangulating and filling
 * the 6,800-vertex land polygon; the land source still draws the coastline.
 */
function flattenLandIntoDistricts(layers: LayerSpecification[]): LayerSpecification[] {
  const c = BASEMAP_COLOURS;
  const tints = (alpha: number) => ['match', ['get', 'tint'], ...[0, 1, 2, 3].flatMap((i) => [i, blendOver(c.districtTints[i], c.land, alpha)]), blendOver(c.districtTints[4], c.land, alpha)];
  return layers.filter((l) => l.id !== 'basemap-land').map((l) => (l.id !== 'basemap-district-fill' ? l : {
    ...l,
    paint: {
      'fill-color': ['interpolate', ['linear'], ['zoom'], ...DISTRICT_TINT_OPACITY.flatMap(([z, a]) => [z, tints(a)])],
      'fill-opacity': 1,
      // every edge of a district is under a boundary line or the coastline, so the antialiasing
      // outline pass (one more shader program, and each polygon's edges drawn again every frame)
      // would not show
      'fill-antialias': false,
    },
  } as LayerSpecification));
}

/** A collection's features tagged with the source id they had in the offline basemap style. */
export function tagPart(part: string, fc: FeatureCollection): Feature[] {
  return fc.features.map((f) => ({ ...f, properties: { ...f.properties, [BASEMAP_PART]: part } }));
}

/** Zooms the tiles are cut at (./basemapTiles.ts); MapLibre over-zooms the last one. */
export const BASEMAP_TILE_MINZOOM = 8;
export const BASEMAP_TILE_MAXZOOM = 12;
/** [west, south, east, north]: every basemap feature lies inside (a unit test checks). */
export const BASEMAP_TILE_BOUNDS: [number, number, number, number] = [113.8, 22.1, 114.5, 22.6];
/** Where the tiles are, relative to the page. */
export const BASEMAP_TILES_PATH = 'basemap-tiles/';

/** The tile URL template for a page at `baseUri` (MapLibre's worker fetches tiles, so it must be absolute). */
export function basemapTilesUrl(baseUri: string): string {
  return `${new URL(BASEMAP_TILES_PATH, baseUri).href}{z}/{x}/{y}.pbf`;
}

/**
 * The planning basemap's source: its vector tiles. The choropleth uses it on an online style too
 * (only its district polygons are drawn there), so that district feature state has one address.
 */
export function planningBasemapSource(tilesUrl: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [tilesUrl],
    minzoom: BASEMAP_TILE_MINZOOM,
    maxzoom: BASEMAP_TILE_MAXZOOM,
    bounds: BASEMAP_TILE_BOUNDS,
    promoteId: { [BASEMAP_SOURCE_LAYER]: DISTRICT_ID_PROPERTY },
  };
}

/**
 * The offline basemap's seven collections in one, each feature tagged with the source it had in
 * the offline style (BASEMAP_PART): what the tiles are cut from.
 */
export function planningBasemapFeatures(basemap: BasemapData): FeatureCollection {
  const style = offlineBasemapStyle({ lang: 'en', basemap });
  const features: Feature[] = [];
  for (const [id, src] of Object.entries(style.sources)) {
    if (src.type !== 'geojson' || typeof src.data !== 'object') throw new Error(`offline basemap source ${id} is not inline GeoJSON`);
    features.push(...tagPart(id, src.data as FeatureCollection));
  }
  return { type: 'FeatureCollection', features };
}

/** The offline basemap's layer of district names. */
export const DISTRICT_LABEL_LAYER = 'basemap-district-label';

/**
 * Below this zoom the district names are page text over the map (./districtLabels.ts), not this
 * symbol layer. There they are the only labels on the map (station names start at zoom 10, light
 * rail stops at 13.5; the app's layers have none), so nothing of MapLibre's needs to make room for
 * them. From this zoom the symbol layer draws them, so MapLibre places them with the station names
 * in one collision pass, district names first as before.
 *
 * Why: the all-Hong-Kong view that the map opens at is below zoom 10 unless the map area is large
 * (9.53 in a 1,400 × 860 window), and as a symbol layer there the names cost the first render
 * their 23 glyph files (the Chinese names fall in 22 code-point ranges), the wait of the basemap's
 * tile for them in MapLibre's worker, and the SDF text shaders built in software WebGL. With the names as page text there, the
 * first render took 2.89 s against 3.15 s (medians of 10 navigations each, taking turns; 9 of 10
 * pairs faster).
 */
export const DISTRICT_LABEL_PAGE_BELOW_ZOOM = 10;

/**
 * Points every layer of the offline basemap at the one tiled source, each picking its collection by
 * the BASEMAP_PART tag. MapLibre redraws the map each time a source's tiles arrive; with software
 * WebGL every redraw holds the page for 100–300 ms while the frame is read back, so one source
 * arriving once costs the first render less than seven. The district names' layer starts at
 * DISTRICT_LABEL_PAGE_BELOW_ZOOM, with the station names, so the first tiles of the all-Hong-Kong
 * view need no glyphs.
 */
function oneSource(layers: LayerSpecification[], tilesUrl: string): Pick<StyleSpecification, 'sources' | 'layers'> {
  const tiled = layers.map((l) => {
    if (!('source' in l) || typeof l.source !== 'string') return l;
    const part: FilterSpecification = ['==', ['get', BASEMAP_PART], l.source];
    const filter = (l.filter ? ['all', part, l.filter] : part) as FilterSpecification;
    const minzoom = l.id === DISTRICT_LABEL_LAYER ? { minzoom: DISTRICT_LABEL_PAGE_BELOW_ZOOM } : {};
    return { ...l, source: DISTRICTS_SOURCE, 'source-layer': BASEMAP_SOURCE_LAYER, filter, ...minzoom } as LayerSpecification;
  });
  return { sources: { [DISTRICTS_SOURCE]: planningBasemapSource(tilesUrl) }, layers: tiled };
}

/** The planning map's offline style; `tilesUrl` from basemapTilesUrl. */
export function planningBasemapStyle(lang: Lang, tilesUrl: string): StyleSpecification {
  const { sources, layers } = oneSource(offlineBasemapLayers(lang), tilesUrl);
  return { ...basemapStyleHeader(lang), sources, layers: flattenLandIntoDistricts(layers).map((l) => shareProgram(mute(l))) };
}
