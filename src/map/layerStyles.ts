/**
 * The app's map layers on top of the basemap: sources, MapLibre layer specs, colours (shared with
 * the legend swatches) and which map layers each legend toggle controls.
 *
 * No symbol/text layers here: the shipped glyphs only cover basemap label characters, so site and
 * campus names are shown in DOM tooltips and the inspector instead.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerId } from '../store/appStore.ts';
import type { ConversionStatus } from '../viewmodel/mapFeatures.ts';

export const SRC = {
  campuses: 'hp-campuses',
  sites: 'hp-sites',
  polygons: 'hp-site-polygons',
  flows: 'hp-flows',
} as const;

export const COLOURS = {
  campus: '#1d2a44',
  campusSelected: '#f2b705',
  existing: '#2f5fb3',
  pipeline: '#0e8aa6',
  landSale: '#e0601b',
  drawnOutline: '#8a2c06',
  universityTown: '#c2367a',
  youthHostels: '#3d7a5a',
  flow: '#2b2b2b',
  owned: '#f2b705',
  selected: '#111111',
  status: {
    candidate: '#9aa1ab',
    converting: '#f29d0c',
    open: '#7b3fc4',
    reverted: '#6d5646',
  } satisfies Record<ConversionStatus, string>,
  /** diverging: surplus (green) → balanced → short (red) */
  gap: { surplus: '#1a9850', mid: '#f7f7f2', short: '#d73027' },
} as const;

/**
 * The source of the district polygons the gap choropleth colours: the planning basemap's vector
 * tiles (planningBasemap.ts), on the offline basemap and, under the same id, on an online style.
 * The districts are the features whose BASEMAP_PART is 'basemap-districts' in its one layer
 * (BASEMAP_SOURCE_LAYER); they are addressed by their HAD code (promoteId) and carry the gap as
 * feature state.
 */
export const DISTRICTS_SOURCE = 'hp-basemap';
export const BASEMAP_SOURCE_LAYER = 'basemap';
export const DISTRICT_ID_PROPERTY = 'code';
/** The property naming which offline-basemap collection a feature of DISTRICTS_SOURCE came from. */
export const BASEMAP_PART = 'hp_part';
export const DISTRICTS_PART = 'basemap-districts';

/** Legend toggle → the map layers it shows or hides. */
export const LAYER_MAP_IDS: Record<LayerId, string[]> = {
  campuses: ['campuses', 'campus-centre'],
  existing: ['existing'],
  pipeline: ['pipeline'],
  conversions: ['conversions-guesthouses', 'conversions'],
  landSale: ['landSale', 'drawn-fill', 'drawn-outline'],
  universityTown: ['unitown-fill', 'unitown-outline'],
  youthHostels: ['youthHostels'],
  districtGap: ['districtGap'],
};

/** Layers a click or hover can hit, most specific first. */
export const SITE_POINT_LAYERS = ['landSale', 'pipeline', 'existing', 'youthHostels', 'conversions', 'conversions-guesthouses'];
export const SITE_POLYGON_LAYERS = ['drawn-fill', 'unitown-fill'];
export const INTERACTIVE_LAYERS = [...SITE_POINT_LAYERS, 'campuses', ...SITE_POLYGON_LAYERS, 'districtGap'];

const zoomScaled = (base: ExpressionSpecification): ExpressionSpecification => [
  'interpolate', ['exponential', 1.6], ['zoom'],
  9, ['*', 0.7, base],
  11, base,
  15, ['*', 2.2, base],
];

/** radius ∝ √value, so the symbol's area is proportional to beds or students */
const sqrtRadius = (prop: string, min: number, per: number): ExpressionSpecification =>
  zoomScaled(['+', min, ['/', ['sqrt', ['max', 0, ['get', prop]]], per]]);

const isLayer = (l: string): ExpressionSpecification => ['==', ['get', 'layer'], l];
const isOpen: ExpressionSpecification = ['==', ['get', 'status'], 'open'];
const isGuesthouseCandidate: ExpressionSpecification = ['all', ['==', ['get', 'kind'], 'guesthouse'], ['==', ['get', 'status'], 'candidate']];

/** Hollow until the site opens in the selected year; faded when excluded from the scenario. */
function fixedSiteLayer(id: string, colour: string): LayerSpecification {
  return {
    id,
    type: 'circle',
    source: SRC.sites,
    filter: isLayer(id),
    layout: { 'circle-sort-key': ['get', 'sortKey'] },
    paint: {
      'circle-radius': sqrtRadius('size', 2.5, 9),
      'circle-color': ['case', isOpen, colour, '#ffffff'],
      'circle-opacity': ['case', ['get', 'included'], 0.92, 0.35],
      'circle-stroke-color': colour,
      'circle-stroke-width': ['case', isOpen, 1, 2],
      'circle-stroke-opacity': ['case', ['get', 'included'], 1, 0.4],
    },
  };
}

/**
 * Diverging scale with a steeper middle (quarter of the range reaches the light tones), so that
 * districts with a few thousand beds short still read as short next to the largest ones.
 * The legend draws the same stops (GAP_STOPS).
 */
export const GAP_STOPS: [number, string][] = [
  [-1, COLOURS.gap.surplus],
  [-0.25, '#a6d96a'],
  [0, COLOURS.gap.mid],
  [0.25, '#fdae61'],
  [1, COLOURS.gap.short],
];

/**
 * Colours a district by its feature state `gapShare` (gap ÷ the run's scale maximum, −1…1; see
 * gapShare in viewmodel/mapFeatures.ts). The expression never changes: a new run or year only sets
 * feature states, which MapLibre applies on the main thread, where changing a per-feature paint
 * expression would re-tile the district polygons in its worker.
 */
export function gapFillColour(): ExpressionSpecification {
  return ['interpolate', ['linear'], ['coalesce', ['feature-state', 'gapShare'], 0], ...GAP_STOPS.flatMap(([f, c]) => [f, c])] as ExpressionSpecification;
}

/** CSS gradient of the same scale, for the legend bar. */
export const GAP_GRADIENT_CSS = `linear-gradient(90deg, ${GAP_STOPS.map(([f, c]) => `${c} ${((f + 1) / 2) * 100}%`).join(', ')})`;

/** The choropleth: goes under the basemap's lines and labels. */
export function districtGapLayer(): LayerSpecification {
  return {
    id: 'districtGap',
    type: 'fill',
    source: DISTRICTS_SOURCE,
    'source-layer': BASEMAP_SOURCE_LAYER,
    filter: ['==', ['get', BASEMAP_PART], DISTRICTS_PART],
    paint: { 'fill-color': gapFillColour(), 'fill-opacity': 0.62, 'fill-antialias': false },
  };
}

/** Everything drawn above the basemap, bottom to top. */
export function siteLayers(): LayerSpecification[] {
  const statusColour: ExpressionSpecification = [
    'match', ['get', 'status'],
    'converting', COLOURS.status.converting,
    'open', COLOURS.status.open,
    'reverted', COLOURS.status.reverted,
    COLOURS.status.candidate,
  ];
  return [
    {
      id: 'unitown-fill',
      type: 'fill',
      source: SRC.polygons,
      filter: isLayer('universityTown'),
      // no antialiasing outline: unitown-outline draws the edge (and the outline pass is a shader program of its own)
      paint: { 'fill-color': COLOURS.universityTown, 'fill-opacity': ['case', isOpen, 0.38, 0.18], 'fill-antialias': false },
    },
    {
      id: 'unitown-outline',
      type: 'line',
      source: SRC.polygons,
      filter: isLayer('universityTown'),
      paint: { 'line-color': COLOURS.universityTown, 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'drawn-fill',
      type: 'fill',
      source: SRC.polygons,
      filter: isLayer('landSale'),
      // drawn-outline draws the edge
      paint: { 'fill-color': COLOURS.landSale, 'fill-opacity': ['case', ['get', 'included'], ['case', isOpen, 0.5, 0.28], 0.1], 'fill-antialias': false },
    },
    {
      id: 'drawn-outline',
      type: 'line',
      source: SRC.polygons,
      filter: isLayer('landSale'),
      paint: { 'line-color': COLOURS.drawnOutline, 'line-width': 2.2, 'line-dasharray': [2, 1] },
    },
    {
      id: 'flows',
      type: 'line',
      source: SRC.flows,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': COLOURS.flow,
        'line-width': ['+', 0.6, ['*', 7, ['get', 'weight']]],
        'line-opacity': ['+', 0.3, ['*', 0.5, ['get', 'weight']]],
      },
    },
    // campuses under the site symbols: hostels often sit on the campus point
    {
      id: 'campuses',
      type: 'circle',
      source: SRC.campuses,
      paint: {
        'circle-radius': sqrtRadius('size', 3, 6),
        'circle-color': COLOURS.campus,
        'circle-opacity': 0.3,
        'circle-stroke-color': ['case', ['==', ['get', 'code'], '\u0000none'], COLOURS.campusSelected, COLOURS.campus],
        'circle-stroke-width': ['case', ['==', ['get', 'code'], '\u0000none'], 3.5, 1.5],
      },
    },
    {
      id: 'campus-centre',
      type: 'circle',
      source: SRC.campuses,
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 1.8, 11, 2.5, 15, 5], 'circle-color': COLOURS.campus },
    },
    {
      // 1,568 guesthouses: faint dots, only close in, unless they convert
      id: 'conversions-guesthouses',
      type: 'circle',
      source: SRC.sites,
      minzoom: 12,
      filter: ['all', isLayer('conversions'), isGuesthouseCandidate],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 1.6, 16, 4],
        'circle-color': COLOURS.status.candidate,
        'circle-opacity': 0.45,
      },
    },
    {
      id: 'conversions',
      type: 'circle',
      source: SRC.sites,
      filter: ['all', isLayer('conversions'), ['!', isGuesthouseCandidate]],
      layout: { 'circle-sort-key': ['get', 'sortKey'] },
      paint: {
        // one zoom curve around the whole expression (MapLibre allows a single zoom interpolate)
        'circle-radius': zoomScaled(['case', ['==', ['get', 'status'], 'candidate'], ['+', 1.2, ['/', ['sqrt', ['max', 0, ['get', 'size']]], 11]], ['+', 2, ['/', ['sqrt', ['max', 0, ['get', 'size']]], 6]]]),
        'circle-color': ['case', ['==', ['get', 'status'], 'reverted'], '#ffffff', statusColour],
        'circle-opacity': ['match', ['get', 'status'], 'candidate', 0.55, 0.95],
        'circle-stroke-color': ['match', ['get', 'status'], 'candidate', '#ffffff', 'reverted', COLOURS.status.reverted, '#ffffff'],
        'circle-stroke-width': ['match', ['get', 'status'], 'candidate', 0.4, 'reverted', 2, 1],
      },
    },
    fixedSiteLayer('youthHostels', COLOURS.youthHostels),
    fixedSiteLayer('existing', COLOURS.existing),
    fixedSiteLayer('pipeline', COLOURS.pipeline),
    fixedSiteLayer('landSale', COLOURS.landSale),
    {
      id: 'owned-highlight',
      type: 'circle',
      source: SRC.sites,
      filter: ['==', ['get', 'owner'], '\u0000none'],
      paint: {
        'circle-radius': sqrtRadius('size', 6, 9),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': COLOURS.owned,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'owned-polygon-highlight',
      type: 'line',
      source: SRC.polygons,
      filter: ['==', ['get', 'owner'], '\u0000none'],
      paint: { 'line-color': COLOURS.owned, 'line-width': 3.5 },
    },
    {
      id: 'selected-site',
      type: 'circle',
      source: SRC.sites,
      filter: ['==', ['get', 'id'], '\u0000none'],
      paint: {
        'circle-radius': sqrtRadius('size', 6.5, 9),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': COLOURS.selected,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'selected-polygon',
      type: 'line',
      source: SRC.polygons,
      filter: ['==', ['get', 'id'], '\u0000none'],
      paint: { 'line-color': COLOURS.selected, 'line-width': 3 },
    },
  ];
}

/** Filters and paint that follow the selection (no data reload needed). */
export function selectionFilters(selectedSiteId: string | null, selectedInstitution: string | null) {
  const none = '\u0000none';
  return {
    site: ['==', ['get', 'id'], selectedSiteId ?? none] as FilterSpecification,
    owned: ['==', ['get', 'owner'], selectedInstitution ?? none] as FilterSpecification,
    campusStroke: ['case', ['==', ['get', 'code'], selectedInstitution ?? none], COLOURS.campusSelected, COLOURS.campus] as ExpressionSpecification,
    campusStrokeWidth: ['case', ['==', ['get', 'code'], selectedInstitution ?? none], 3.5, 1.5] as ExpressionSpecification,
  };
}
