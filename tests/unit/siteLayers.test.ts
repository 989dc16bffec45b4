/**
 * The app's map layers are created in the view's state (src/map/siteLayers.ts): the effects that
 * apply visibility and selection afterwards must find nothing to change, because every change makes
 * MapLibre re-tile the layer's source and draw again.
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { appLayers, applySelection, applyVisibility, withAppLayers, type AppLayerView } from '../../src/map/siteLayers.ts';
import { LAYER_MAP_IDS, SRC } from '../../src/map/layerStyles.ts';
import { planningBasemapStyle } from '../../src/map/planningBasemap.ts';

/** Enough of a MapLibre map for the apply functions; records every write (MapLibre redraws for each, equal or not). */
function fakeMap(layers: LayerSpecification[]) {
  const byId = new Map(layers.map((l) => [l.id, JSON.parse(JSON.stringify(l)) as Record<string, Record<string, unknown> | unknown>]));
  const writes: string[] = [];
  const map = {
    getLayer: (id: string) => byId.get(id),
    getLayoutProperty: (id: string, p: string) => (byId.get(id)!.layout as Record<string, unknown> | undefined)?.[p],
    getFilter: (id: string) => byId.get(id)!.filter,
    getPaintProperty: (id: string, p: string) => (byId.get(id)!.paint as Record<string, unknown>)[p],
    setLayoutProperty: (id: string, p: string, v: unknown) => {
      const l = byId.get(id)!;
      const layout = (l.layout ??= {}) as Record<string, unknown>;
      layout[p] = v;
      writes.push(`layout ${id} ${p}`);
    },
    setFilter: (id: string, f: unknown) => { byId.get(id)!.filter = f; writes.push(`filter ${id}`); },
    setPaintProperty: (id: string, p: string, v: unknown) => {
      const paint = byId.get(id)!.paint as Record<string, unknown>;
      paint[p] = v;
      writes.push(`paint ${id} ${p}`);
    },
  };
  return { map: map as never, writes };
}

const allOn = { campuses: true, existing: true, pipeline: true, conversions: true, landSale: true, universityTown: true, youthHostels: true, districtGap: true };
const views: AppLayerView[] = [
  { layers: { ...allOn, youthHostels: false }, selectedSiteId: null, selectedInstitution: null },
  { layers: { ...allOn, districtGap: false, campuses: false }, selectedSiteId: 'hotel:001-218-apartment', selectedInstitution: 'HKU' },
];

describe('app layers start in the view state', () => {
  it('leaves visibility and selection nothing to change when created from the same view', () => {
    for (const view of views) {
      const { map, writes } = fakeMap(appLayers(view));
      applyVisibility(map, view.layers);
      applySelection(map, view.selectedSiteId, view.selectedInstitution);
      expect(writes).toEqual([]);
    }
  });
  it('still changes what a different view needs, and only that', () => {
    const { map, writes } = fakeMap(appLayers(views[0]));
    applyVisibility(map, views[1].layers);
    applySelection(map, views[1].selectedSiteId, views[1].selectedInstitution);
    const toggled = [...LAYER_MAP_IDS.districtGap, ...LAYER_MAP_IDS.campuses, ...LAYER_MAP_IDS.youthHostels].map((id) => `layout ${id} visibility`);
    expect(writes.filter((w) => w.startsWith('layout')).sort()).toEqual(toggled.sort());
    expect(writes.filter((w) => w.startsWith('filter')).sort()).toEqual(['filter owned-highlight', 'filter owned-polygon-highlight', 'filter selected-polygon', 'filter selected-site']);
    expect(writes.filter((w) => w.startsWith('paint')).sort()).toEqual(['paint campuses circle-stroke-color', 'paint campuses circle-stroke-width']);
  });
  it('puts the app sources and layers into the offline style: choropleth under the district lines, sites on top', async () => {
    const style = withAppLayers(planningBasemapStyle('en', 'http://127.0.0.1/basemap-tiles/{z}/{x}/{y}.pbf'), {}, views[0]);
    for (const id of Object.values(SRC)) expect(style.sources[id]).toMatchObject({ type: 'geojson' });
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('districtGap')).toBe(ids.indexOf('basemap-district-boundary') - 1);
    expect(ids.slice(-appLayers(views[0]).length + 1)).toEqual(appLayers(views[0]).slice(1).map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
