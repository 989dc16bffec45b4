/**
 * Puts the app's sources and layers onto whatever basemap style is loaded (the offline one or an
 * online style) and keeps them in step: data through `setData`, toggles through `visibility`,
 * selection through filters — the map itself is never re-created.
 */
import type { Map as MlMap, GeoJSONSource, GeoJSONSourceSpecification, FilterSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { gapShare, type DistrictGapState } from '../viewmodel/mapFeatures.ts';
import { shareProgram, sharedPaintValue } from './sharedPrograms.ts';
import { LAYER_IDS, type LayerId } from '../store/appStore.ts';
import { DISTRICTS_SOURCE, LAYER_MAP_IDS, SRC, districtGapLayer, selectionFilters, siteLayers } from './layerStyles.ts';

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
 * `districts` (the districts-only source, see districtsOnlySource) is added only when the style
 * lacks the planning basemap's source (an online style).
 */
export function installAppLayers(map: MlMap, data: Partial<AppCollections>, districts: GeoJSONSourceSpecification): void {
  for (const k of Object.keys(SRC) as SourceKey[]) {
    if (!map.getSource(SRC[k])) map.addSource(SRC[k], { type: 'geojson', data: data[k] ?? EMPTY });
  }
  if (!map.getSource(DISTRICTS_SOURCE)) map.addSource(DISTRICTS_SOURCE, districts);
  if (!map.getLayer('districtGap')) map.addLayer(shareProgram(districtGapLayer()), choroplethBeforeId(map));
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

/**
 * Shows and hides the app's layers. Only real changes are sent: MapLibre re-tiles a layer's source
 * on any visibility write it cannot tell is unchanged, including 'visible' on a layer that never
 * set it (the default), which at start-up re-tiled every app source and the district polygons.
 */
export function applyVisibility(map: MlMap, layers: Record<LayerId, boolean>): void {
  for (const id of LAYER_IDS) {
    const want = layers[id] ? 'visible' : 'none';
    for (const layerId of LAYER_MAP_IDS[id]) {
      if (!map.getLayer(layerId)) continue;
      const now = map.getLayoutProperty(layerId, 'visibility') ?? 'visible';
      if (now !== want) map.setLayoutProperty(layerId, 'visibility', want);
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

/**
 * Colours the choropleth: one feature-state update per district, no geometry sent and no paint
 * change (the colour scale reads `gapShare`, the gap as a share of `gapMax`).
 */
export function applyDistrictGaps(map: MlMap, states: DistrictGapState[], gapMax: number): void {
  if (!map.getSource(DISTRICTS_SOURCE)) return;
  for (const s of states) {
    map.setFeatureState({ source: DISTRICTS_SOURCE, id: s.code }, { gap: s.gap, gapShare: gapShare(s.gap, gapMax), demand: s.demand, supply: s.supply });
  }
}
