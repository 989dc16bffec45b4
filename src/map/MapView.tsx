/**
 * The planning map (lazy-loaded by App.tsx): the offline basemap (or an online style), the app's
 * site layers, the district gap choropleth and the gravity lines of a selected campus.
 *
 * The map is created once; results, year, scenario, selection and toggles reach it through
 * setData / filters / visibility. Clicking a site sets view.selectedSiteId (the inspector shows
 * it), clicking a campus sets view.selectedInstitution.
 *
 * Test hooks: window.__map (the maplibregl.Map), window.__mapLoadMs (ms from navigation start to
 * the map's first full render: the first 'idle' once the basemap and the first run's sites,
 * campuses and district gaps are on the map; the map itself starts before the data arrives),
 * window.__drawPolygon(coords) (adds a drawn site from lon/lat points through the same path as the draw tool; returns its id or null).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { appStore, useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { translate, type Lang } from '../i18n/strings.ts';
import {
  BASEMAP_MAP_OPTIONS, HK_MAX_BOUNDS, loadPageBasemapData, offlineBasemapLayers, type PageBasemapData,
} from './basemapStyle.ts';
import { basemapTilesUrl, planningBasemapSource, planningBasemapStyle } from './planningBasemap.ts';
import {
  buildMapSites, campusFeatures, districtGapStates, gapScaleMax, polygonFeatures, siteFeatures, type MapSite,
} from '../viewmodel/mapFeatures.ts';
import { flowFeatures, institutionFlows } from '../viewmodel/gravityFlows.ts';
import { DISTRICTS_SOURCE, INTERACTIVE_LAYERS, SITE_POINT_LAYERS, SITE_POLYGON_LAYERS } from './layerStyles.ts';
import {
  applyDistrictGaps, applySelection, applyVisibility, installAppLayers, sameFeatures, setSourceData, withAppLayers, type AppCollections, type SourceKey,
} from './siteLayers.ts';
import { TextAttributionControl, styleAttributions } from './attributionControl.ts';
import { isStyleUrl, loadOnlineStyle, setOfflineStyle } from './onlineStyle.ts';
import { addDrawnSiteFromRing, startPolygonDraw, type DrawSession } from './drawTool.ts';
import { OutlineLabels } from './outlineLabels.ts';
import { DistrictLabels } from './districtLabels.ts';
import { markMapSettled } from './mapSettled.ts';
import { skipHiddenSky } from './skipHiddenSky.ts';
import { campusTooltip, districtTooltip, siteTooltip } from './tooltipText.ts';
import { MapLegend } from './MapLegend.tsx';
import { MapToolbar, MapYearSlider, type BasemapState } from './MapControls.tsx';
import './map.css';

maplibregl.setWorkerUrl(maplibreWorkerUrl);
// start MapLibre's worker now, while the basemap chunks load, not when the map is created
maplibregl.prewarm();

// The basemap chunks were asked for by App.tsx at start-up, in parallel with this chunk.
const basemapPromise: Promise<PageBasemapData> = loadPageBasemapData();

/** The basemap's vector tiles, built with the app (src/map/basemapTiles.ts). */
const TILES_URL = basemapTilesUrl(document.baseURI);

/** All of Hong Kong, fitted to whatever size the map area has. */
const HK_BOUNDS: [[number, number], [number, number]] = [[113.83, 22.15], [114.44, 22.56]];

type TestWindow = Window & {
  __map?: maplibregl.Map;
  __mapLoadMs?: number;
  __drawPolygon?: (coords: [number, number][]) => string | null;
};
const w = window as TestWindow;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Keeps Hong Kong clear of the legend strip (bottom) and the year slider / toolbar (top) when there is room. */
function fitPadding(container: HTMLElement, legend: HTMLElement | null) {
  const { height } = container.getBoundingClientRect();
  const bottom = (legend?.offsetHeight ?? 0) + 48;
  return height - bottom - 50 > 260 ? { left: 10, top: 50, right: 10, bottom } : 8;
}

/** Re-labels the offline basemap for a language without reloading the style. */
function relabelBasemap(map: maplibregl.Map, lang: Lang) {
  if (!map.isStyleLoaded()) return;
  for (const layer of offlineBasemapLayers(lang)) {
    const field = layer.type === 'symbol' ? layer.layout?.['text-field'] : undefined;
    if (field !== undefined && map.getLayer(layer.id)) map.setLayoutProperty(layer.id, 'text-field', field);
  }
}

export default function MapView() {
  const t = useT();
  const data = useApp((s) => s.data);
  const scenario = useApp((s) => s.scenario);
  // A new run re-colours the map in a deferred render: the headline and charts (the numbers a
  // planner is watching after moving a control) paint first, and the map, whose redraw under
  // software WebGL blocks the page for ~70-100 ms, follows in the next frames.
  const results = useDeferredValue(useApp((s) => s.results));
  const year = useApp((s) => s.view.year);
  const layers = useApp((s) => s.view.layers);
  const selectedSiteId = useApp((s) => s.view.selectedSiteId);
  const selectedInstitution = useApp((s) => s.view.selectedInstitution);
  const lang = useApp((s) => s.view.lang);
  const onlineStyleUrl = useApp((s) => s.view.onlineStyleUrl);
  const drawing = useApp((s) => s.view.drawing);
  const runFailed = useApp((s) => s.run.status === 'error');

  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  /** Bumped after each style load (offline or online) once the app layers are back on the map. */
  const [styleGen, setStyleGen] = useState(0);
  const [basemapState, setBasemapState] = useState<BasemapState>('offline');
  const [drawMessage, setDrawMessage] = useState<string | null>(null);
  const [mapFailure, setMapFailure] = useState<string | null>(null);

  const collections = useRef<Partial<AppCollections>>({});
  const attributionRef = useRef<TextAttributionControl | null>(null);
  const labelsRef = useRef<OutlineLabels | null>(null);
  const districtLabelsRef = useRef<DistrictLabels | null>(null);
  const activeStyle = useRef<'offline' | 'loading' | 'online'>('offline');
  const styleGenRef = useRef(0);
  /** What each app source holds on the map now (so unchanged data is not sent again). */
  const sent = useRef<{ map: maplibregl.Map | null; styleGen: number; fc: Partial<AppCollections> }>({ map: null, styleGen: -1, fc: {} });
  /** True once a run's results have been handed to the map (for __mapLoadMs: a full render has them). */
  const resultsOnMap = useRef(false);

  // ---- view data (pure functions in src/viewmodel) ----
  const params = scenario.params;
  const mapSites = useMemo(() => (data ? buildMapSites(data, scenario, results) : []), [data, scenario, results]);
  const siteById = useMemo(() => new Map(mapSites.map((s) => [s.id, s])), [mapSites]);
  const siteFc = useMemo(() => siteFeatures(mapSites, year, params), [mapSites, year, params]);
  const polygonFc = useMemo(() => polygonFeatures(mapSites, year, params), [mapSites, year, params]);
  const campusFc = useMemo(() => (data ? campusFeatures(data, results, year) : EMPTY), [data, results, year]);
  const districtStates = useMemo(() => (data ? districtGapStates(data, results, year) : []), [data, results, year]);
  const gapMax = useMemo(() => gapScaleMax(results), [results]);
  const flows = useMemo(
    () => (data && results && selectedInstitution ? institutionFlows(data, mapSites, results, params, selectedInstitution, year) : null),
    [data, mapSites, results, params, selectedInstitution, year],
  );
  const flowFc = useMemo(() => flowFeatures(flows), [flows]);

  // the latest values for the map's event handlers (registered once)
  const live = useRef({ lang, year, siteById });
  live.current = { lang, year, siteById };

  // ---- create the map once ----
  useEffect(() => {
    let disposed = false;
    let m: maplibregl.Map | null = null;
    w.__drawPolygon = (coords) => addDrawnSiteFromRing(coords);
    void basemapPromise.then((basemap) => {
      const container = containerRef.current;
      if (disposed || !container) return;
      const view0 = appStore.getState().view;
      const lang0 = view0.lang;
      try {
        m = new maplibregl.Map({
          container,
          style: withAppLayers(planningBasemapStyle(lang0, TILES_URL), collections.current, view0),
          ...BASEMAP_MAP_OPTIONS,
          bounds: HK_BOUNDS,
          fitBoundsOptions: { padding: fitPadding(container, container.parentElement?.querySelector('.hp-legend') ?? null) },
          maxBounds: HK_MAX_BOUNDS,
          minZoom: 8.5,
          maxZoom: 17.5,
          canvasContextAttributes: { preserveDrawingBuffer: true },
          attributionControl: false,
          fadeDuration: 0,
          dragRotate: false,
          pitchWithRotate: false,
          touchPitch: false,
          maxPitch: 0, // a flat planning map (and so the sky is never seen: skipHiddenSky)
        });
      } catch (e) {
        // no WebGL (or a MapLibre start-up error): say so where the map would be, and let the
        // panels that wait for the map mount at once
        setMapFailure(String((e as Error)?.message ?? e));
        markMapSettled();
        return;
      }
      const mapRef = m;
      skipHiddenSky(mapRef);
      mapRef.touchZoomRotate.disableRotation();
      mapRef.keyboard.disableRotation();
      mapRef.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
      mapRef.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 90 }), 'bottom-left');
      const attribution = new TextAttributionControl(translate(lang0, 'attribution'));
      attributionRef.current = attribution;
      mapRef.addControl(attribution, 'bottom-right');
      labelsRef.current = new OutlineLabels(mapRef);
      districtLabelsRef.current = new DistrictLabels(mapRef, DISTRICTS_SOURCE, basemap.districtLabels, lang0);

      mapRef.on('style.load', () => {
        installAppLayers(mapRef, collections.current, planningBasemapSource(TILES_URL), appStore.getState().view);
        attribution.setOnlineAttributions(styleAttributions(mapRef));
        const gen = ++styleGenRef.current;
        sent.current = { map: mapRef, styleGen: gen, fc: { ...collections.current } };
        setStyleGen(gen);
      });
      const markFullRender = () => {
        if (w.__mapLoadMs !== undefined || !resultsOnMap.current || !mapRef.loaded()) return;
        w.__mapLoadMs = Math.round(performance.now());
        markMapSettled();
        mapRef.off('idle', markFullRender);
      };
      mapRef.on('idle', markFullRender);

      // ---- clicks: a site → inspector; a campus → its gravity lines ----
      const present = (ids: string[]) => ids.filter((id) => mapRef.getLayer(id) && mapRef.getLayoutProperty(id, 'visibility') !== 'none');
      const hit = (point: maplibregl.Point, radius: number) => {
        const box: [maplibregl.PointLike, maplibregl.PointLike] = [[point.x - radius, point.y - radius], [point.x + radius, point.y + radius]];
        const feats = mapRef.queryRenderedFeatures(box, { layers: present(INTERACTIVE_LAYERS) });
        return (
          feats.find((f) => SITE_POINT_LAYERS.includes(f.layer.id)) ??
          feats.find((f) => f.layer.id === 'campuses') ??
          feats.find((f) => SITE_POLYGON_LAYERS.includes(f.layer.id)) ??
          feats.find((f) => f.layer.id === 'districtGap')
        );
      };
      mapRef.on('click', (e) => {
        if (appStore.getState().view.drawing) return;
        const f = hit(e.point, 3);
        if (!f) return;
        const p = f.properties as Record<string, unknown>;
        if (f.layer.id === 'campuses') appStore.getState().setView({ selectedInstitution: String(p.code) });
        else if (f.layer.id !== 'districtGap') appStore.getState().setView({ selectedSiteId: String(p.id) });
      });

      // ---- hover tooltip (DOM, textContent only) ----
      let frame = 0;
      let last: maplibregl.MapMouseEvent | null = null;
      const showTooltip = () => {
        frame = 0;
        const tip = tooltipRef.current;
        if (!tip || !last) return;
        const e = last;
        const f = appStore.getState().view.drawing ? undefined : hit(e.point, 3);
        const { lang: l, year: y, siteById: byId } = live.current;
        let lines: string[] = [];
        if (f) {
          const p = f.properties as Record<string, unknown>;
          if (f.layer.id === 'campuses') lines = campusTooltip(l, p, y);
          else if (f.layer.id === 'districtGap') lines = districtTooltip(l, { nameEn: p.name_en, nameZh: p.name_zh, gap: (f.state as { gap?: number }).gap }, y);
          else lines = siteTooltip(l, byId.get(String(p.id)) as MapSite | undefined, p, y);
        }
        mapRef.getCanvas().style.cursor = f && f.layer.id !== 'districtGap' ? 'pointer' : '';
        if (lines.length === 0) { tip.hidden = true; return; }
        tip.replaceChildren(...lines.map((text, i) => {
          const d = document.createElement(i === 0 ? 'strong' : 'div');
          d.textContent = text;
          return d;
        }));
        tip.hidden = false;
        const { width, height } = mapRef.getContainer().getBoundingClientRect();
        const x = Math.min(e.point.x + 14, width - tip.offsetWidth - 6);
        const yPos = e.point.y + 14 + tip.offsetHeight > height ? e.point.y - tip.offsetHeight - 10 : e.point.y + 14;
        tip.style.transform = `translate(${Math.max(4, x)}px, ${Math.max(4, yPos)}px)`;
      };
      mapRef.on('mousemove', (e) => {
        last = e;
        if (!frame) frame = requestAnimationFrame(showTooltip);
      });
      const hideTooltip = () => {
        last = null;
        if (tooltipRef.current) tooltipRef.current.hidden = true;
      };
      mapRef.on('mouseout', hideTooltip);
      mapRef.on('movestart', hideTooltip);

      w.__map = mapRef;
      setMap(mapRef);
    });
    return () => {
      disposed = true;
      labelsRef.current?.clear();
      labelsRef.current = null;
      districtLabelsRef.current?.remove();
      districtLabelsRef.current = null;
      if (m && w.__map === m) delete w.__map;
      m?.remove();
      setMap(null);
    };
  }, []);

  // ---- data → sources ----
  // The app's sources wait for the data and the first run: sent before the run, the sites would be
  // tiled twice in MapLibre's worker within a second, on the same two cores the run needs. A failed
  // run still shows the sites from the data alone.
  const sitesReady = data !== null && (results !== null || runFailed);
  const push = (key: SourceKey, fc: FeatureCollection) => {
    if (!sitesReady) return;
    collections.current[key] = fc;
    if (!map) return;
    if (sent.current.map !== map || sent.current.styleGen !== styleGen) sent.current = { map, styleGen, fc: {} };
    if (sameFeatures(sent.current.fc[key], fc)) return;
    sent.current.fc[key] = fc;
    setSourceData(map, key, fc);
  };
  useEffect(() => push('sites', siteFc), [map, styleGen, siteFc, sitesReady]);
  useEffect(() => push('polygons', polygonFc), [map, styleGen, polygonFc, sitesReady]);
  useEffect(() => push('campuses', campusFc), [map, styleGen, campusFc, sitesReady]);
  useEffect(() => { if (map && sitesReady) applyDistrictGaps(map, districtStates, gapMax); }, [map, styleGen, districtStates, gapMax, sitesReady]);
  useEffect(() => push('flows', flowFc), [map, styleGen, flowFc, sitesReady]);
  // after the pushes above (effects run in order): the next idle is a full render
  useEffect(() => { if (map && results) resultsOnMap.current = true; }, [map, results]);
  useEffect(() => { if (map) applyVisibility(map, layers); }, [map, styleGen, layers]);
  useEffect(() => { if (map) applySelection(map, selectedSiteId, selectedInstitution); }, [map, styleGen, selectedSiteId, selectedInstitution]);
  useEffect(() => {
    labelsRef.current?.update(mapSites, t('illustrativeOutline'), layers.universityTown);
  }, [map, mapSites, t, layers.universityTown]);

  // ---- language: basemap labels, the attribution title, MapLibre's own control names ----
  useEffect(() => {
    attributionRef.current?.setTitle(t('attribution'));
    if (map) {
      const name = (sel: string, text: string) => {
        const el = map.getContainer().querySelector(sel);
        if (el) { el.setAttribute('aria-label', text); el.setAttribute('title', text); }
      };
      name('.maplibregl-ctrl-zoom-in', t('mapZoomIn'));
      name('.maplibregl-ctrl-zoom-out', t('mapZoomOut'));
      map.getCanvas().setAttribute('aria-label', t('mapRegion'));
    }
    if (map && activeStyle.current === 'offline') relabelBasemap(map, lang);
    districtLabelsRef.current?.setLang(lang);
  }, [map, styleGen, lang, t]);

  // ---- online style, falling back to the offline basemap ----
  useEffect(() => {
    if (!map) return;
    const url = onlineStyleUrl.trim();
    const offline = () => planningBasemapStyle(appStore.getState().view.lang, TILES_URL);
    if (!url || !isStyleUrl(url)) {
      if (activeStyle.current !== 'offline') {
        activeStyle.current = 'offline';
        setOfflineStyle(map, offline());
      }
      setBasemapState('offline');
      return;
    }
    appStore.getState().setView({ drawing: false });
    activeStyle.current = 'loading';
    setBasemapState('loading');
    const job = loadOnlineStyle(map, url);
    let cancelled = false;
    void job.done.then((ok) => {
      if (cancelled) return;
      if (ok) {
        activeStyle.current = 'online';
        setBasemapState('online');
      } else {
        activeStyle.current = 'offline';
        setOfflineStyle(map, offline());
        setBasemapState('failed');
      }
    });
    return () => { cancelled = true; job.cancel(); };
  }, [map, onlineStyleUrl]);
  // the district names are part of the offline basemap; an online style has its own
  useEffect(() => { districtLabelsRef.current?.setVisible(basemapState !== 'online'); }, [map, basemapState]);

  // ---- draw a site ----
  useEffect(() => {
    if (!map || !drawing) return;
    let session: DrawSession | null = null;
    let cancelled = false;
    setDrawMessage(null);
    startPolygonDraw(map, (ring) => {
      const id = addDrawnSiteFromRing(ring);
      setDrawMessage(id ? null : translate(appStore.getState().view.lang, 'drawRefused'));
      return id !== null;
    }).then(
      (s) => { if (cancelled) s.stop(); else session = s; },
      (e: unknown) => { setDrawMessage(String(e)); appStore.getState().setView({ drawing: false }); },
    );
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') appStore.getState().setView({ drawing: false }); };
    window.addEventListener('keydown', onKey);
    return () => {
      cancelled = true;
      window.removeEventListener('keydown', onKey);
      session?.stop();
    };
  }, [map, drawing, styleGen]);

  return (
    <div className="hp-map-root" data-testid="map-root">
      <div ref={containerRef} className="hp-map-canvas" data-testid="map" />
      {mapFailure && <p className="hp-map-failure" role="alert">{t('mapUnavailable')} ({mapFailure})</p>}
      <div ref={tooltipRef} className="hp-tooltip" data-testid="map-tooltip" hidden />
      <MapLegend year={year} gapMax={gapMax} flows={flows} />
      <MapToolbar basemapState={basemapState} drawMessage={drawMessage} />
      {results && <MapYearSlider years={results.years} />}
    </div>
  );
}
