/**
 * Puts the app's sources and layers onto whatever basemap style is loaded (the offline one or an
 * online style) and keeps them in step: data through `setData`, toggles through `visibility`,
 * selection through filters — the map itself is never re-created.
 */
import type { Map as MlMap, GeoJSONSource, GeoJSONSourceSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { gapShare, type DistrictGapState } from '../viewmodel/mapFeatures.ts';
import { shareProgram, sharedPaintValue } from './sharedPrograms.ts';
import { LAYER_IDS, type LayerId } from '../store/appStore.ts';
import { BASEMAP_SOURCE_LAYER, DISTRICTS_SOURCE, LAYER_MAP_IDS, SRC, districtGapLayer, selectionFilters, siteLayers } from './layerStyles.ts';

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

/** The app's GeoJSON sources, holding `data` where given and nothing otherwise. */
function appSources(data: Partial<AppCollections>): Record<string, GeoJSONSourceSpecification> {
  return Object.fromEntries((Object.keys(SRC) as SourceKey[]).map((k) => [SRC[k], { type: 'geojson', data: data[k] ?? EMPTY }]));
}

/** The view state the app's layers show: which are on and what is selected. */
export interface AppLayerView {
  layers: Record<LayerId, boolean>;
  selectedSiteId: string | null;
  selectedInstitution: string | null;
}

/** The filters and campus paint that follow the selection (paint in the shared-program form). */
function selectionPatch(siteId: string | null, institution: string | null) {
  const f = selectionFilters(siteId, institution);
  const owned = ['all', f.owned, ['!=', ['get', 'owner'], '']] as FilterSpecification;
  return {
    filters: { 'selected-site': f.site, 'selected-polygon': f.site, 'owned-highlight': owned, 'owned-polygon-highlight': owned } as Record<string, FilterSpecification>,
    campusPaint: { 'circle-stroke-color': sharedPaintValue(f.campusStroke), 'circle-stroke-width': sharedPaintValue(f.campusStrokeWidth) },
  };
}

/**
 * The app's layers (choropleth first, then the sites bottom to top) as `view` shows them, in the
 * shared-program form. Layers are created in their final state, so the first effects that apply
 * the view find nothing to change: any visibility, filter or per-feature paint write makes MapLibre
 * re-tile the layer's source and draw again.
 */
export function appLayers(view: AppLayerView): LayerSpecification[] {
  const sel = selectionPatch(view.selectedSiteId, view.selectedInstitution);
  const hidden = new Set(LAYER_IDS.filter((id) => !view.layers[id]).flatMap((id) => LAYER_MAP_IDS[id]));
  return [districtGapLayer(), ...siteLayers()].map((layer) => {
    const l = shareProgram(layer) as LayerSpecification & { filter?: FilterSpecification; layout?: Record<string, unknown>; paint?: Record<string, unknown> };
    return {
      ...l,
      ...(sel.filters[l.id] ? { filter: sel.filters[l.id] } : {}),
      ...(l.id === 'campuses' ? { paint: { ...l.paint, ...sel.campusPaint } } : {}),
      layout: { ...l.layout, visibility: hidden.has(l.id) ? 'none' : 'visible' },
    } as LayerSpecification;
  });
}

/**
 * The offline planning style with the app's sources and layers already in it, so the map's first
 * style load draws everything once instead of loading the basemap and then adding the app layers.
 */
export function withAppLayers(style: StyleSpecification, data: Partial<AppCollections>, view: AppLayerView): StyleSpecification {
  const sources = { ...style.sources, ...appSources(data) };
  const [gap, ...sites] = appLayers(view);
  const at = style.layers.findIndex((l) => l.id === OFFLINE_CHOROPLETH_BEFORE);
  const layers = at < 0 ? [...style.layers, gap] : [...style.layers.slice(0, at), gap, ...style.layers.slice(at)];
  return { ...style, sources, layers: [...layers, ...sites] };
}

/**
 * Adds the sources and layers when missing (after every style load); safe to call twice.
 * `districts` (the planning basemap's tiled source, see planningBasemapSource) is added only when
 * the style lacks it (an online style).
 */
export function installAppLayers(map: MlMap, data: Partial<AppCollections>, districts: SourceSpecification, view: AppLayerView): void {
  for (const [id, source] of Object.entries(appSources(data))) if (!map.getSource(id)) map.addSource(id, source);
  if (!map.getSource(DISTRICTS_SOURCE)) map.addSource(DISTRICTS_SOURCE, districts);
  const [gap, ...sites] = appLayers(view);
  if (!map.getLayer(gap.id)) map.addLayer(gap, choroplethBeforeId(map));
  for (const layer of sites) if (!map.getLayer(layer.id)) map.addLayer(layer);
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

/**
 * Follows the selection. Unchanged values are not written: MapLibre's style ignores an equal
 * filter or paint value, but the map still schedules a redraw for every write.
 */
export function applySelection(map: MlMap, siteId: string | null, institution: string | null): void {
  if (!map.getLayer('selected-site')) return;
  const sel = selectionPatch(siteId, institution);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const [id, filter] of Object.entries(sel.filters)) if (!same(map.getFilter(id), filter)) map.setFilter(id, filter);
  // in the shared-program form, or the change would compile a program of its own
  const stroke = sel.campusPaint['circle-stroke-color'];
  const width = sel.campusPaint['circle-stroke-width'];
  if (!same(map.getPaintProperty('campuses', 'circle-stroke-color'), stroke)) map.setPaintProperty('campuses', 'circle-stroke-color', stroke);
  if (!same(map.getPaintProperty('campuses', 'circle-stroke-width'), width)) map.setPaintProperty('campuses', 'circle-stroke-width', width);
}

/**
 * Colours the choropleth: one feature-state update per district, no geometry sent and no paint
 * change (the colour scale reads `gapShare`, the gap as a share of `gapMax`).
 */
export function applyDistrictGaps(map: MlMap, states: DistrictGapState[], gapMax: number): void {
  if (!map.getSource(DISTRICTS_SOURCE)) return;
  for (const s of states) {
    map.setFeatureState({ source: DISTRICTS_SOURCE, sourceLayer: BASEMAP_SOURCE_LAYER, id: s.code }, { gap: s.gap, gapShare: gapShare(s.gap, gapMax), demand: s.demand, supply: s.supply });
  }
}
