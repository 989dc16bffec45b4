/**
 * Offline MapLibre basemap for Hong Kong: land, 18 districts, MTR lines/stations, Light Rail stops,
 * with bilingual (English + Traditional Chinese) labels. Needs no network at all:
 *
 *  - every source is an inline `geojson` source (data built by scripts/build-basemap.ts);
 *  - label glyphs are SDF PBFs shipped in public/glyphs/{fontstack}/{range}.pbf (built from
 *    Noto Sans CJK HK, SIL OFL 1.1, by scripts/build-glyphs.ts), referenced by a same-origin
 *    relative URL;
 *  - no sprite, no remote style, no tiles.
 *
 * IMPORTANT: create the map with `...BASEMAP_MAP_OPTIONS` (`localIdeographFontFamily: false`).
 * MapLibre's default (`'sans-serif'`) draws CJK characters with the *system* font instead of the
 * shipped glyphs, so on a machine without a CJK font the Chinese labels would be tofu boxes.
 *
 * Attribution is NOT put into the sources (MapLibre's AttributionControl renders it as HTML);
 * render the plain strings from ./attribution.ts as text instead.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type {
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';

// ---------------------------------------------------------------------------------------------
// Data

export type DistrictProps = {
  /** HAD district code A–T */
  code: string;
  name_en: string;
  name_zh: string;
  /** 0–4, a colouring in which neighbouring districts differ (for the light fill) */
  tint: number;
};
/** area_km2: of the simplified district, 0.01 km² (the page places larger districts' names first). */
export type DistrictLabelProps = { code: string; name_en: string; name_zh: string; area_km2: number };
export type LandProps = { name_en: string; name_zh: string };
export type MtrLineProps = {
  line: string;
  branch: string;
  name_en: string;
  name_zh: string;
  /** '#RRGGBB' */
  colour: string;
  status: 'operating' | 'planned';
};
export type MtrStationProps = {
  code: string;
  name_en: string;
  name_zh: string;
  lines: string[];
  line_count: number;
  /** 'planned' = not in service yet (the 4 Northern Link stations, incl. Kwu Tung under construction) */
  status: 'operating' | 'planned';
  /** the source's status text, e.g. 'planned (Northern Link Main Line)' */
  status_detail: string;
};
export type LightRailStopProps = { id: string; name_en: string; name_zh: string };

export type BasemapData = {
  land: FeatureCollection<Polygon | MultiPolygon, LandProps>;
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictProps>;
  districtBoundaries: FeatureCollection<MultiLineString, { kind: string }>;
  districtLabels: FeatureCollection<Point, DistrictLabelProps>;
  mtrLines: FeatureCollection<LineString, MtrLineProps>;
  mtrStations: FeatureCollection<Point, MtrStationProps>;
  lightRailStops: FeatureCollection<Point, LightRailStopProps>;
};

/** Each collection's file in geodata/basemap/ (read by scripts/lib/basemapFiles.ts for the build and the tests). */
export const BASEMAP_FILES: Record<keyof BasemapData, string> = {
  land: 'land.json',
  districts: 'districts.json',
  districtBoundaries: 'district_boundaries.json',
  districtLabels: 'district_labels.json',
  mtrLines: 'mtr_lines.json',
  mtrStations: 'mtr_stations.json',
  lightRailStops: 'light_rail_stops.json',
};

/** What the page itself needs of the basemap: the district name points (./districtLabels.ts). */
export type PageBasemapData = Pick<BasemapData, 'districtLabels'>;

/**
 * Loads the basemap GeoJSON the page needs from geodata/basemap/. Dynamic `import()` → Vite bundles
 * each file as its own lazily loaded chunk (same origin, no fetch of anything external). The map
 * draws the rest from the vector tiles cut at build time (./basemapTiles.ts).
 */
let pageLoad: Promise<PageBasemapData> | null = null;

/** Memoised: the app asks for it at start-up and the map module again when it loads. */
export function loadPageBasemapData(): Promise<PageBasemapData> {
  return (pageLoad ??= (async () => {
    const districtLabels = await import('../../geodata/basemap/district_labels.json', { with: { type: 'json' } });
    return { districtLabels: districtLabels.default as unknown as BasemapData['districtLabels'] };
  })());
}

// ---------------------------------------------------------------------------------------------
// Fonts / map options

/** Font stacks for which glyph PBFs are shipped in public/glyphs/ (see scripts/build-glyphs.ts). */
export const BASEMAP_FONT_REGULAR = 'NotoSansCJKhk-Regular';
export const BASEMAP_FONT_BOLD = 'NotoSansCJKhk-Bold';
export const BASEMAP_FONTS = [BASEMAP_FONT_REGULAR, BASEMAP_FONT_BOLD] as const;

/** Same-origin, relative to the page (Vite `base: './'` serves public/ at the app root). */
export const BASEMAP_GLYPHS_URL = 'glyphs/{fontstack}/{range}.pbf';

/** Spread into `new maplibregl.Map({...})` so CJK labels use the shipped glyphs, not system fonts. */
export const BASEMAP_MAP_OPTIONS = { localIdeographFontFamily: false as const };

/** A view that shows all of Hong Kong in a ~1000 px wide map. */
export const HK_VIEW = { center: [114.135, 22.36] as [number, number], zoom: 10.2 };
export const HK_MAX_BOUNDS: [[number, number], [number, number]] = [
  [113.6, 21.95],
  [114.65, 22.75],
];

// ---------------------------------------------------------------------------------------------
// Style

export const BASEMAP_COLOURS = {
  sea: '#cfe5f2',
  land: '#f4f2ec',
  coast: '#9dbcd0',
  districtTints: ['#ece7da', '#e4ebdc', '#e9e1e4', '#dfe6ec', '#efe9d2'],
  districtBoundary: '#6f7384',
  districtLabel: '#4a4e5c',
  stationLabel: '#22252d',
  plannedLabel: '#6b6e78',
  halo: '#ffffff',
  stationFill: '#ffffff',
  stationStroke: '#262a33',
  lightRail: '#d3a809',
} as const;

export type OfflineBasemapOptions = {
  lang: 'en' | 'zh-HK';
  basemap: BasemapData;
  /** Override the glyphs URL template (must keep {fontstack} and {range}); default BASEMAP_GLYPHS_URL. */
  glyphsUrl?: string;
};

/** Two-line bilingual label: the selected language first, the other one smaller underneath. */
function bilingual(lang: 'en' | 'zh-HK', scaleSecond = 0.85): ExpressionSpecification {
  const [first, second] = lang === 'en' ? ['name_en', 'name_zh'] : ['name_zh', 'name_en'];
  return [
    'format',
    ['get', first],
    {},
    '\n',
    {},
    ['get', second],
    { 'font-scale': scaleSecond },
  ];
}

const z = (stops: readonly (readonly [number, number])[]): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;

/**
 * How the district names look, declared once for the symbol layer below and for the page text that
 * draws them at the overview zooms (./districtLabels.ts): size of the first line by zoom (px),
 * opacity by zoom, free space around each name (px), the second language's scale, letter spacing
 * and line height (em), wrapping width (em), halo width (px).
 */
export const DISTRICT_LABEL_SIZE_PX: [number, number][] = [[8, 10], [10, 12.5], [12, 15], [14, 17]];
export const DISTRICT_LABEL_OPACITY: [number, number][] = [[12.5, 1], [14, 0.65]];
export const DISTRICT_LABEL_PADDING_PX = 4;
export const DISTRICT_LABEL_TEXT = { secondScale: 0.9, letterSpacingEm: 0.06, lineHeightEm: 1.2, maxWidthEm: 8, haloWidthPx: 1.6 } as const;

/**
 * Tiling of the detailed coast and district polygons. Their lines are at most 1.4 px wide and carry
 * no labels, so a 32 px tile buffer (MapLibre's default is 128) is enough, and simplifying to 1 px
 * (default 0.375) is invisible at the planning map's scale; both cut the worker's tiling and
 * triangulation, which decide how soon the map first draws.
 */
const POLYGON_TILING = { buffer: 32, tolerance: 1 } as const;

/** The offline basemap's style with its seven collections as inline GeoJSON sources. */
export function offlineBasemapStyle(opts: OfflineBasemapOptions): StyleSpecification {
  const { lang, basemap: d } = opts;
  return {
    ...basemapStyleHeader(lang, opts.glyphsUrl),
    sources: {
      'basemap-land': { type: 'geojson', data: d.land, ...POLYGON_TILING },
      // promoteId: the app's gap choropleth addresses districts by code through feature state
      'basemap-districts': { type: 'geojson', data: d.districts, promoteId: 'code', ...POLYGON_TILING },
      'basemap-district-boundaries': { type: 'geojson', data: d.districtBoundaries, ...POLYGON_TILING },
      'basemap-district-labels': { type: 'geojson', data: d.districtLabels },
      'basemap-mtr-lines': { type: 'geojson', data: d.mtrLines },
      'basemap-mtr-stations': { type: 'geojson', data: d.mtrStations },
      'basemap-lightrail-stops': { type: 'geojson', data: d.lightRailStops },
    },
    layers: offlineBasemapLayers(lang),
  };
}

/** Everything of the offline style but its sources and layers. */
export function basemapStyleHeader(lang: 'en' | 'zh-HK', glyphsUrl?: string): Pick<StyleSpecification, 'version' | 'name' | 'glyphs'> {
  return { version: 8, name: `Hostel Planner offline basemap (${lang})`, glyphs: glyphsUrl ?? BASEMAP_GLYPHS_URL };
}

/** The offline basemap's layers, each naming its collection as its source (they do not depend on the data). */
export function offlineBasemapLayers(lang: 'en' | 'zh-HK'): LayerSpecification[] {
  const c = BASEMAP_COLOURS;
  const isInterchange: ExpressionSpecification = ['>=', ['get', 'line_count'], 2];
  const isPlanned: ExpressionSpecification = ['==', ['get', 'status'], 'planned'];

  const layers: LayerSpecification[] = [
    { id: 'basemap-background', type: 'background', paint: { 'background-color': c.sea } },
    { id: 'basemap-land', type: 'fill', source: 'basemap-land', paint: { 'fill-color': c.land } },
    {
      id: 'basemap-district-fill',
      type: 'fill',
      source: 'basemap-districts',
      paint: {
        'fill-color': ['match', ['get', 'tint'], 0, c.districtTints[0], 1, c.districtTints[1], 2, c.districtTints[2], 3, c.districtTints[3], c.districtTints[4]],
        'fill-opacity': z([[8, 0.9], [12, 0.7], [14, 0.45]]),
      },
    },
    {
      id: 'basemap-coastline',
      type: 'line',
      source: 'basemap-land',
      paint: { 'line-color': c.coast, 'line-width': z([[8, 0.5], [14, 1.2]]) },
    },
    {
      id: 'basemap-district-boundary',
      type: 'line',
      source: 'basemap-district-boundaries',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.districtBoundary,
        'line-width': z([[8, 0.6], [12, 1], [14, 1.4]]),
        'line-dasharray': [4, 3],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'basemap-mtr-line-casing',
      type: 'line',
      source: 'basemap-mtr-lines',
      filter: ['!', isPlanned],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': z([[8, 2.5], [12, 5], [14, 8]]) },
    },
    {
      id: 'basemap-mtr-line',
      type: 'line',
      source: 'basemap-mtr-lines',
      filter: ['!', isPlanned],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': z([[8, 1.5], [12, 3], [14, 5]]) },
    },
    {
      id: 'basemap-mtr-line-planned',
      type: 'line',
      source: 'basemap-mtr-lines',
      filter: isPlanned,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'colour'],
        'line-width': z([[8, 1.5], [12, 3], [14, 4]]),
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: 'basemap-lightrail-stop',
      type: 'circle',
      source: 'basemap-lightrail-stops',
      minzoom: 11.5,
      paint: {
        'circle-color': c.lightRail,
        'circle-radius': z([[11.5, 1.5], [14, 3.5]]),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.8,
      },
    },
    {
      id: 'basemap-mtr-station',
      type: 'circle',
      source: 'basemap-mtr-stations',
      layout: { 'circle-sort-key': ['get', 'line_count'] },
      paint: {
        'circle-color': c.stationFill,
        'circle-radius': [
          'interpolate', ['linear'], ['zoom'],
          8, ['case', isInterchange, 2.6, 1.6],
          12, ['case', isInterchange, 5.5, 3.5],
          14, ['case', isInterchange, 8, 5.5],
        ],
        'circle-stroke-color': ['case', isPlanned, '#8a8d96', c.stationStroke],
        'circle-stroke-width': ['case', isInterchange, 1.6, 1.1],
        'circle-opacity': ['case', isPlanned, 0.85, 1],
      },
    },
    {
      id: 'basemap-lightrail-label',
      type: 'symbol',
      source: 'basemap-lightrail-stops',
      minzoom: 13.5,
      layout: {
        'text-field': bilingual(lang, 0.9),
        'text-font': [BASEMAP_FONT_REGULAR],
        'text-size': 10,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'text-padding': 1,
      },
      paint: { 'text-color': '#7a6200', 'text-halo-color': c.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'basemap-station-label',
      type: 'symbol',
      source: 'basemap-mtr-stations',
      minzoom: 10,
      layout: {
        'text-field': bilingual(lang),
        'text-font': [BASEMAP_FONT_REGULAR],
        'text-size': z([[10, 10], [12, 11.5], [14, 13]]),
        'text-line-height': 1.15,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.75,
        'text-justify': 'auto',
        'text-padding': 2,
        'symbol-sort-key': ['-', 10, ['get', 'line_count']],
      },
      paint: {
        'text-color': ['case', isPlanned, c.plannedLabel, c.stationLabel],
        'text-halo-color': c.halo,
        'text-halo-width': 1.4,
        'text-halo-blur': 0.3,
      },
    },
    {
      id: 'basemap-district-label',
      type: 'symbol',
      source: 'basemap-district-labels',
      layout: {
        'text-field': bilingual(lang, DISTRICT_LABEL_TEXT.secondScale),
        'text-font': [BASEMAP_FONT_BOLD],
        'text-size': z(DISTRICT_LABEL_SIZE_PX),
        'text-transform': 'uppercase',
        'text-letter-spacing': DISTRICT_LABEL_TEXT.letterSpacingEm,
        'text-line-height': DISTRICT_LABEL_TEXT.lineHeightEm,
        'text-max-width': DISTRICT_LABEL_TEXT.maxWidthEm,
        'text-padding': DISTRICT_LABEL_PADDING_PX,
        'text-allow-overlap': false,
      },
      paint: {
        'text-color': c.districtLabel,
        'text-halo-color': c.halo,
        'text-halo-width': DISTRICT_LABEL_TEXT.haloWidthPx,
        'text-opacity': z(DISTRICT_LABEL_OPACITY),
      },
    },
  ];
  return layers;
}
