import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { SHARED_PAINT, shareProgram, sharedPaintValue } from '../../src/map/sharedPrograms.ts';
import { DISTRICT_TINT_OPACITY, MUTED_BASEMAP_PAINT, blendOver, planningBasemapStyle } from '../../src/map/planningBasemap.ts';
import { BASEMAP_COLOURS, loadBasemapData, offlineBasemapStyle } from '../../src/map/basemapStyle.ts';
import { districtGapLayer, siteLayers } from '../../src/map/layerStyles.ts';

type Kind = 'constant' | 'source' | 'camera' | 'composite';
const spec = (type: string, prop: string) => (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${type}`][prop];

/** MapLibre's own classification of a paint value (it picks the shader binders from it). */
function kindOf(type: string, prop: string, value: unknown): { kind: Kind; evaluate: (zoom: number, props?: Record<string, unknown>) => unknown } {
  const r = createPropertyExpression(value, prop as never, spec(type, prop) as never);
  if (r.result !== 'success') throw new Error(`${prop}: ${JSON.stringify(r.value)}`);
  const e = r.value as unknown as { kind: Kind; evaluate: (g: { zoom: number }, f?: unknown) => unknown };
  return { kind: e.kind, evaluate: (zoom, props = {}) => e.evaluate({ zoom }, { type: 'Point', properties: props, geometry: [] } as never) };
}

const basemap = await loadBasemapData();
const planning = planningBasemapStyle('en', basemap);
const appLayers = [districtGapLayer(5000), ...siteLayers()].map(shareProgram);
const allLayers: LayerSpecification[] = [...planning.layers, ...appLayers];

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
    const style = { ...planning, layers: allLayers, sources: { ...planning.sources, 'hp-campuses': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, 'hp-sites': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, 'hp-site-polygons': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, 'hp-flows': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } } };
    expect(validateStyleMin(style as never)).toEqual([]);
    const line = planning.layers.find((l) => l.id === 'basemap-mtr-line') as { paint: Record<string, unknown> };
    expect(kindOf('line', 'line-opacity', line.paint['line-opacity']).evaluate(10)).toBe(MUTED_BASEMAP_PAINT['basemap-mtr-line']['line-opacity']);
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
    expect(planning.layers.find((l) => l.id === 'basemap-coastline')).toMatchObject({ type: 'line', source: 'basemap-land' });
    const fill = planning.layers.find((l) => l.id === 'basemap-district-fill') as { paint: Record<string, unknown> };
    const colour = kindOf('fill', 'fill-color', fill.paint['fill-color']).evaluate(12, { tint: 0 }) as { r: number; g: number; b: number };
    // tint 0 at zoom 12 (opacity 0.7): 0.7·236 + 0.3·244 = 238.4 → 238
    expect(Math.round(colour.r * 255)).toBe(238);
    expect(kindOf('fill', 'fill-opacity', fill.paint['fill-opacity']).evaluate(12)).toBe(1);
  });
});
