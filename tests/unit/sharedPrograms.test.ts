import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { SHARED_PAINT, shareProgram, sharedPaintValue } from '../../src/map/sharedPrograms.ts';
import {
  BASEMAP_TILE_BOUNDS, DISTRICT_LABEL_LAYER, DISTRICT_LABEL_PAGE_BELOW_ZOOM, DISTRICT_TINT_OPACITY, MUTED_BASEMAP_PAINT, blendOver, planningBasemapFeatures, planningBasemapStyle,
} from '../../src/map/planningBasemap.ts';
import { BASEMAP_COLOURS, offlineBasemapStyle } from '../../src/map/basemapStyle.ts';
import { readBasemapFiles } from '../../scripts/lib/basemapFiles.ts';
import { BASEMAP_PART, BASEMAP_SOURCE_LAYER, DISTRICTS_SOURCE, GAP_STOPS, gapFillColour } from '../../src/map/layerStyles.ts';
import { appLayers, withAppLayers, type AppLayerView } from '../../src/map/siteLayers.ts';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';

type Kind = 'constant' | 'source' | 'camera' | 'composite';
const spec = (type: string, prop: string) => (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${type}`][prop];

/** MapLibre's own classification of a paint value (it picks the shader binders from it). */
function kindOf(type: string, prop: string, value: unknown): { kind: Kind; evaluate: (zoom: number, props?: Record<string, unknown>) => unknown } {
  const r = createPropertyExpression(value, prop as never, spec(type, prop) as never);
  if (r.result !== 'success') throw new Error(`${prop}: ${JSON.stringify(r.value)}`);
  const e = r.value as unknown as { kind: Kind; evaluate: (g: { zoom: number }, f?: unknown) => unknown };
  return { kind: e.kind, evaluate: (zoom, props = {}) => e.evaluate({ zoom }, { type: 'Point', properties: props, geometry: [] } as never) };
}

const basemap = readBasemapFiles();
const TILES = 'http://127.0.0.1:4173/basemap-tiles/{z}/{x}/{y}.pbf';
const planning = planningBasemapStyle('en', TILES);
const views: AppLayerView[] = [
  { layers: { campuses: true, existing: true, pipeline: true, conversions: true, landSale: true, universityTown: true, youthHostels: false, districtGap: true }, selectedSiteId: null, selectedInstitution: null },
  { layers: { campuses: true, existing: true, pipeline: true, conversions: true, landSale: true, universityTown: true, youthHostels: true, districtGap: false }, selectedSiteId: 'hotel:x', selectedInstitution: 'HKU' },
];
const appLayerSpecs = views.flatMap(appLayers);
const allLayers: LayerSpecification[] = [...planning.layers, ...appLayerSpecs];

describe('one shader program per layer type', () => {
  it('turns a constant into a per-feature value that draws the same', () => {
    const v = sharedPaintValue('#ff0000');
    const k = kindOf('circle', 'circle-color', v);
    expect(k.kind).toBe('composite');
    const c = k.evaluate(12, { anything: 1 }) as { r: number; g: number; b: number; a: number };
    expect([c.r, c.g, c.b, c.a]).toEqual([1, 0, 0, 1]);
  });

  it('keeps a zoom curve: 0.5 at z8 and 1.2 at z14 is still 0.85 at z11', () => {
    const v = sharedPaintValue(['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 1.2]);
    const k = kindOf('line', 'line-width', v);
    expect(k.kind).toBe('composite');
    expect(k.evaluate(11)).toBeCloseTo(0.85, 10);
    expect(k.evaluate(8)).toBeCloseTo(0.5, 10);
  });

  it('keeps a per-feature value per feature', () => {
    const v = sharedPaintValue(['case', ['get', 'included'], 0.92, 0.35]);
    const k = kindOf('circle', 'circle-opacity', v);
    expect(k.kind).toBe('composite');
    expect(k.evaluate(10, { included: true })).toBe(0.92);
    expect(k.evaluate(10, { included: false })).toBe(0.35);
  });

  it('gives every fill, line and circle layer of the planning map the same binders', () => {
    for (const type of ['fill', 'line', 'circle'] as const) {
      const layers = allLayers.filter((l) => l.type === type);
      expect(layers.length).toBeGreaterThan(1);
      for (const l of layers) {
        const paint = (l as { paint: Record<string, unknown> }).paint;
        for (const prop of Object.keys(SHARED_PAINT[type])) {
          expect(kindOf(type, prop, paint[prop]).kind, `${l.id} ${prop}`).toBe('composite');
        }
      }
    }
  });

  it('is still a valid style, with the MTR layers muted under the planning layers', () => {
    // every style the map can start with: both languages, every layer set
    for (const lang of ['en', 'zh-HK'] as const) {
      for (const view of views) expect(validateStyleMin(withAppLayers(planningBasemapStyle(lang, TILES), {}, view) as never)).toEqual([]);
    }
    const line = planning.layers.find((l) => l.id === 'basemap-mtr-line') as { paint: Record<string, unknown> };
    expect(kindOf('line', 'line-opacity', line.paint['line-opacity']).evaluate(10)).toBe(MUTED_BASEMAP_PAINT['basemap-mtr-line']['line-opacity']);
  });
});

describe('planning basemap: one tiled source', () => {
  const offline = offlineBasemapStyle({ lang: 'en', basemap });
  type Feat = { properties: Record<string, unknown>; geometry: { type: string } };
  const features = planningBasemapFeatures(basemap).features as unknown as Feat[];
  it('cuts its tiles from every feature of the seven offline sources once, tagged with the source it came from', () => {
    expect(Object.keys(offline.sources)).toHaveLength(7);
    let total = 0;
    for (const [id, src] of Object.entries(offline.sources)) {
      const n = ((src as { data: { features: unknown[] } }).data.features).length;
      expect(features.filter((f) => f.properties[BASEMAP_PART] === id)).toHaveLength(n);
      total += n;
    }
    expect(features).toHaveLength(total);
    expect(features.filter((f) => f.properties[BASEMAP_PART] === 'basemap-district-labels')).toHaveLength(18);
  });
  it('is one vector source of the built tiles, every basemap layer reading its one layer, districts addressed by code', () => {
    expect(planning.sources).toEqual({
      [DISTRICTS_SOURCE]: { type: 'vector', tiles: [TILES], minzoom: 8, maxzoom: 12, bounds: BASEMAP_TILE_BOUNDS, promoteId: { [BASEMAP_SOURCE_LAYER]: 'code' } },
    });
    for (const l of planning.layers) {
      if (l.type === 'background') continue;
      expect(l, l.id).toMatchObject({ source: DISTRICTS_SOURCE, 'source-layer': BASEMAP_SOURCE_LAYER });
    }
  });
  it('draws the district names as a symbol layer only from the zoom where the page stops drawing them, and no other label below it', () => {
    const symbols = planning.layers.filter((l) => l.type === 'symbol') as { id: string; minzoom?: number }[];
    expect(symbols.map((l) => l.id).sort()).toEqual(['basemap-district-label', 'basemap-lightrail-label', 'basemap-station-label']);
    expect(symbols.find((l) => l.id === DISTRICT_LABEL_LAYER)!.minzoom).toBe(DISTRICT_LABEL_PAGE_BELOW_ZOOM);
    expect(DISTRICT_LABEL_PAGE_BELOW_ZOOM).toBe(10);
    // below that zoom the page's district names are the only labels, so none can overlap MapLibre's
    for (const l of symbols) expect(l.minzoom ?? 0, l.id).toBeGreaterThanOrEqual(DISTRICT_LABEL_PAGE_BELOW_ZOOM);
    // the offline style on its own (e.g. for other tools) still has the names at every zoom
    expect((offline.layers.find((l) => l.id === DISTRICT_LABEL_LAYER) as { minzoom?: number }).minzoom).toBeUndefined();
  });
  it('gives each layer exactly the features its own source had, through its filter', () => {
    for (const layer of planning.layers) {
      if (layer.type === 'background') continue;
      const original = offline.layers.find((l) => l.id === layer.id) as { source: string; filter?: unknown } | undefined;
      // basemap-district-fill draws the land too (see flattenLandIntoDistricts); ids are unchanged
      expect(original, layer.id).toBeDefined();
      const pick = featureFilter((layer as { filter?: unknown }).filter as never, `layers.${layer.id}.filter`);
      const drawn = features.filter((f) => pick.filter({ zoom: 12 } as never, { type: 1, properties: f.properties, geometry: [] } as never));
      const own = ((offline.sources[original!.source] as { data: { features: { properties: Record<string, unknown> }[] } }).data.features)
        .filter((f) => featureFilter(original!.filter as never, `layers.${layer.id}.filter`).filter({ zoom: 12 } as never, { type: 1, properties: f.properties, geometry: [] } as never));
      expect(drawn.length, layer.id).toBe(own.length);
      expect(drawn.every((f) => f.properties[BASEMAP_PART] === original!.source), layer.id).toBe(true);
    }
  });
});

describe('district gap colours from feature state', () => {
  const colour = (share: number | undefined) => {
    const r = createPropertyExpression(sharedPaintValue(gapFillColour()), 'fill-color' as never, spec('fill', 'fill-color') as never);
    if (r.result !== 'success') throw new Error(JSON.stringify(r.value));
    const e = r.value as unknown as { evaluate: (g: { zoom: number }, f: unknown, state: unknown) => { r: number; g: number; b: number } };
    const c = e.evaluate({ zoom: 10 }, { type: 'Polygon', properties: {}, geometry: [] }, share === undefined ? {} : { gapShare: share });
    return [c.r, c.g, c.b].map((x) => Math.round(x * 255));
  };
  const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  it('draws each stop\'s colour at its share of the scale, and the middle colour without a state', () => {
    for (const [share, c] of GAP_STOPS) expect(colour(share)).toEqual(hex(c));
    expect(colour(undefined)).toEqual(hex(GAP_STOPS.find(([f]) => f === 0)![1]));
  });
  it('blends between stops: half way from 0 to 0.25 is half way between their colours', () => {
    const mid = hex(GAP_STOPS.find(([f]) => f === 0)![1]);
    const q = hex(GAP_STOPS.find(([f]) => f === 0.25)![1]);
    const got = colour(0.125);
    for (let i = 0; i < 3; i++) expect(Math.abs(got[i] - (mid[i] + q[i]) / 2)).toBeLessThanOrEqual(1);
  });
});

describe('planning basemap: land drawn through the district tints', () => {
  it('blends a tint over the land colour: #ece7da at 0.9 over #f4f2ec is rgb(237, 232, 220)', () => {
    // 0.9·236 + 0.1·244 = 236.8, 0.9·231 + 0.1·242 = 232.1, 0.9·218 + 0.1·236 = 219.8
    expect(blendOver('#ece7da', '#f4f2ec', 0.9)).toBe('rgb(237, 232, 220)');
    expect(blendOver(BASEMAP_COLOURS.districtTints[0], BASEMAP_COLOURS.land, 1)).toBe('rgb(236, 231, 218)');
  });
  it('uses the offline basemap\'s own tint opacities, drops the land fill and keeps the coastline', () => {
    const original = offlineBasemapStyle({ lang: 'en', basemap }).layers.find((l) => l.id === 'basemap-district-fill') as { paint: Record<string, unknown> };
    const opacity = kindOf('fill', 'fill-opacity', original.paint['fill-opacity']);
    for (const [z, a] of DISTRICT_TINT_OPACITY) expect(opacity.evaluate(z)).toBeCloseTo(a, 10);
    expect(planning.layers.some((l) => l.id === 'basemap-land')).toBe(false);
    expect(planning.layers.find((l) => l.id === 'basemap-coastline')).toMatchObject({ type: 'line', source: DISTRICTS_SOURCE, filter: ['==', ['get', BASEMAP_PART], 'basemap-land'] });
    const fill = planning.layers.find((l) => l.id === 'basemap-district-fill') as { paint: Record<string, unknown> };
    const colour = kindOf('fill', 'fill-color', fill.paint['fill-color']).evaluate(12, { tint: 0 }) as { r: number; g: number; b: number };
    // tint 0 at zoom 12 (opacity 0.7): 0.7·236 + 0.3·244 = 238.4 → 238
    expect(Math.round(colour.r * 255)).toBe(238);
    expect(kindOf('fill', 'fill-opacity', fill.paint['fill-opacity']).evaluate(12)).toBe(1);
  });
});
