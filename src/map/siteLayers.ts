/**
 * Puts the app's sources and layers onto whatever basemap style is loaded (the offline one or an
 * online style) and keeps them in step: data through `setData`, toggles through `visibility`,
 * selection through filters — the map itself is never re-created.
 */
import type { Map as MlMap, GeoJSONSource, FilterSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import type { DistrictGapState } from '../viewmodel/mapFeatures.ts';
import { shareProgram, sharedPaintValue } from './sharedPrograms.ts';
import { LAYER_IDS, type LayerId } from '../store/appStore.ts';
import { DISTRICTS_SOURCE, DISTRICT_ID_PROPERTY, LAYER_MAP_IDS, SRC, districtGapLayer, gapFillColour, selectionFilters, siteLayers } from './layerStyles.ts';

export type SourceKey = keyof typeof SRC;
export type AppCollections = Record<SourceKey, FeatureCollection<Geometry>>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The offline basemap's layer the choropleth goes under (district lines, MTR and labels stay on top). */
const OFFLINE_CHOROPLETH_BEFORE = 'basemap-district-boundary';

function choroplethBeforeId(map: MlMap): string | undefined {
  if (map.getLayer(OFFLINE_CHOROPLETH_BEFORE)) return OFFLINE_CHOROPLETH_BEFORE;
  // an online style: under its first line or symbol layer above the land, i.e. under roads and labels
  const layers = map.getStyle().layers ?? [];
  return layers.find((l) => l.type === 'symbol')?.id;
}

/**
 * Adds the sources and layers when missing (after every style load); safe to call twice.
 * `districts` (the basemap's district polygons) is added only when the style lacks them (online).
 */
export function installAppLayers(map: MlMap, data: Partial<AppCollections>, gapMax: number, districts: FeatureCollection<Geometry>): void {
  for (const k of Object.keys(SRC) as SourceKey[]) {
    if (!map.getSource(SRC[k])) map.addSource(SRC[k], { type: 'geojson', data: data[k] ?? EMPTY });
  }
  if (!map.getSource(DISTRICTS_SOURCE)) map.addSource(DISTRICTS_SOURCE, { type: 'geojson', data: districts, promoteId: DISTRICT_ID_PROPERTY });
  if (!map.getLayer('districtGap')) map.addLayer(shareProgram(districtGapLayer(gapMax)), choroplethBeforeId(map));
  for (const layer of siteLayers()) if (!map.getLayer(layer.id)) map.addLayer(shareProgram(layer));
}

export function setSourceData(map: MlMap, key: SourceKey, fc: FeatureCollection<Geometry>): void {
  (map.getSource(SRC[key]) as GeoJSONSource | undefined)?.setData(fc);
}

/**
 * True when two collections would draw the same: same geometries (by reference, or equal point
 * coordinates) and equal primitive properties. Lets a year change skip re-sending sources whose
 * features did not change (each setData re-tiles the source in MapLibre's worker).
 */
export function sameFeatures(a: FeatureCollection<Geometry> | undefined, b: FeatureCollection<Geometry>): boolean {
  if (!a || a.features.length !== b.features.length) return false;
  for (let i = 0; i < a.features.length; i++) {
    const fa = a.features[i], fb = b.features[i];
    const ga = fa.geometry, gb = fb.geometry;
    if (ga !== gb) {
      if (ga.type !== 'Point' || gb.type !== 'Point') return false;
      if (ga.coordinates[0] !== gb.coordinates[0] || ga.coordinates[1] !== gb.coordinates[1]) return false;
    }
    const pa = fa.properties ?? {}, pb = fb.properties ?? {};
    for (const k in pb) if (pa[k] !== pb[k]) return false;
    for (const k in pa) if (!(k in pb)) return false;
  }
  return true;
}

export function applyVisibility(map: MlMap, layers: Record<LayerId, boolean>): void {
  for (const id of LAYER_IDS) {
    for (const layerId of LAYER_MAP_IDS[id]) {
      if (map.getLayer(layerId)) map.setLayoutProperty(layerId, 'visibility', layers[id] ? 'visible' : 'none');
    }
  }
}

export function applySelection(map: MlMap, siteId: string | null, institution: string | null): void {
  if (!map.getLayer('selected-site')) return;
  const f = selectionFilters(siteId, institution);
  map.setFilter('selected-site', f.site);
  map.setFilter('selected-polygon', f.site);
  map.setFilter('owned-highlight', ['all', f.owned, ['!=', ['get', 'owner'], '']] as FilterSpecification);
  map.setFilter('owned-polygon-highlight', ['all', f.owned, ['!=', ['get', 'owner'], '']] as FilterSpecification);
  // in the shared-program form, or the change would compile a program of its own
  map.setPaintProperty('campuses', 'circle-stroke-color', sharedPaintValue(f.campusStroke));
  map.setPaintProperty('campuses', 'circle-stroke-width', sharedPaintValue(f.campusStrokeWidth));
}

/** Colours the choropleth: one feature-state update per district, no geometry sent. */
export function applyDistrictGaps(map: MlMap, states: DistrictGapState[]): void {
  if (!map.getSource(DISTRICTS_SOURCE)) return;
  for (const s of states) map.setFeatureState({ source: DISTRICTS_SOURCE, id: s.code }, { gap: s.gap, demand: s.demand, supply: s.supply });
}

export function setGapScale(map: MlMap, max: number): void {
  if (map.getLayer('districtGap')) map.setPaintProperty('districtGap', 'fill-color', sharedPaintValue(gapFillColour(max)));
}
