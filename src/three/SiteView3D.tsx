/**
 * The 3D site view: the massing of a University Town, land-sale, drawn or converted-hotel site made
 * from the scenario's own numbers (src/viewmodel/massingView.ts → workers/model/massing), over the
 * map area. Buildings of phases not yet open in the chosen year are ghosted; the sun lights the
 * scene for a chosen date and hour. The canvas renders on demand only (frameloop="demand"), so an
 * idle view costs nothing. Loaded as its own chunk when the view opens (App.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import type { StringKey } from '../i18n/strings.ts';
import type { MassingBuilding } from '../../workers/model/massing/massing.ts';
import {
  USE_LABEL, buildingOpen, contextRadius, massingForSite, siteContext, siteRadius, sliderYears, syntheticBuildings, usesPresent,
  type ContextData, type SiteContext, type SiteMassingView,
} from '../viewmodel/massingView.ts';
import { bedsOpenIn } from '../../workers/model/massing/massing.ts';
import { toLonLat } from '../../workers/model/massing/geometry.ts';
import { Buildings, Highlight } from './Buildings.tsx';
import { Land, Lines, Parcels, Stations } from './Ground.tsx';
import { SunLight } from './SunLight.tsx';
import { CameraControls } from './CameraControls.tsx';
import { StaticShadows } from './StaticShadows.tsx';
import { softwareRenderer } from './gpu.ts';
import { TestHooks, type ThreeHandle } from './testHooks.tsx';
import { sunAt, todayHk } from './sun.ts';
import { saveScreenshot } from './screenshot.ts';
import { close3dView } from './open3d.ts';
import { COLORS, USE_COLOR } from './colors.ts';
import './three.css';

// The map data for the surroundings: loaded once, in this chunk, only when the view opens.
let contextData: Promise<ContextData> | null = null;
function loadContextData(): Promise<ContextData> {
  contextData ??= Promise.all([
    import('../../geodata/basemap/land.json'),
    import('../../geodata/basemap/mtr_stations.json'),
    import('../../geodata/basemap/light_rail_stops.json'),
    import('../../geodata/basemap/mtr_lines.json'),
  ]).then(([land, stations, lightRail, lines]) => ({
    land: land.default as unknown as ContextData['land'],
    stations: stations.default as unknown as ContextData['stations'],
    lightRail: lightRail.default as unknown as ContextData['lightRail'],
    lines: lines.default as unknown as ContextData['lines'],
  }));
  return contextData;
}

interface BenchScene { n: number; context: boolean }

export default function SiteView3D({ siteId }: { siteId: string }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const data = useApp((s) => s.data);
  const scenario = useApp((s) => s.scenario);
  const results = useApp((s) => s.results);
  const mapYear = useApp((s) => s.view.year);
  const years = sliderYears(scenario.params);
  const [year, setYear] = useState<number | null>(null);
  const [date, setDate] = useState(() => todayHk());
  const [hour, setHour] = useState(10);
  const [hoverId, setHoverId] = useState<number | null>(null);
  const [pickId, setPickId] = useState<number | null>(null);
  const [bench, setBench] = useState<BenchScene | null>(null);
  const [ctxData, setCtxData] = useState<ContextData | null>(null);
  const three = useRef<ThreeHandle | null>(null);

  useEffect(() => { let live = true; void loadContextData().then((d) => { if (live) setCtxData(d); }); return () => { live = false; }; }, []);

  // Only this site's model figures matter here: key the massing on them, not on every new result.
  const k = results?.sites ? results.sites.ids.indexOf(siteId) : -1;
  const siteResultKey = k >= 0 ? `${results!.sites!.beds[k]}|${results!.sites!.openYear[k]}|${results!.sites!.closeYear[k]}` : '';
  const view: SiteMassingView | null = useMemo(
    () => (data ? massingForSite(data, scenario, results, siteId) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, scenario, siteId, siteResultKey],
  );
  const m = view?.massing ?? null;
  const shownYear = Math.min(years.max, Math.max(years.min, year ?? (m ? defaultYear(m, mapYear) : mapYear)));
  // the camera frames the site itself (the context reaches further, for zooming out)
  const radius = m ? Math.max(60, siteRadius(m) + m.maxHeightM) : 500;
  const context: SiteContext | null = useMemo(() => (view && m && ctxData ? siteContext(view.frame, contextRadius(m), ctxData) : null), [view, m, ctxData]);

  const buildings: MassingBuilding[] = useMemo(() => {
    if (bench) return syntheticBuildings(bench.n, m ? siteRadius(m) * 0.9 : 400);
    return m?.buildings ?? [];
  }, [bench, m, radius]);
  const isOpen = useCallback((b: MassingBuilding) => (bench ? true : m ? buildingOpen(m, b, shownYear) : false), [bench, m, shownYear]);
  const showContext = !bench || bench.context;

  const center = useMemo(() => (view ? toLonLat(view.frame, [0, 0]) : [114.1, 22.4]), [view]);
  const sun = useMemo(() => sunAt(date, hour, center[1], center[0]), [date, hour, center]);

  // test and benchmark hook (also used by bench/three.bench.ts)
  const stateRef = useRef({ buildings, m, shownYear, isOpen });
  stateRef.current = { buildings, m, shownYear, isOpen };
  useEffect(() => {
    window.__view3d = {
      setSynthetic: (n, opts) => setBench(n === null ? null : { n: Math.max(0, Math.floor(n)), context: opts?.context ?? true }),
      state: () => {
        const s = stateRef.current;
        const ghosted = s.buildings.filter((b) => !s.isOpen(b)).length;
        return { siteId, buildings: s.buildings.length, ghosted, maxHeightM: s.buildings.reduce((a, b) => Math.max(a, b.heightM), 0), beds: s.m?.beds ?? 0, year: s.shownYear };
      },
    };
    return () => { delete window.__view3d; };
  }, [siteId]);

  // Esc closes the view
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') close3dView(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const name = view ? (lang === 'zh-HK' && view.nameZh.trim() ? view.nameZh : view.nameEn) : siteId;
  const selected = buildings.find((b) => b.id === (hoverId ?? pickId)) ?? null;
  const maxHeight = buildings.reduce((a, b) => Math.max(a, b.heightM), 0);

  const onScreenshot = () => {
    const h = three.current ?? window.__three;
    if (h) saveScreenshot(h.renderer, h.scene, h.camera, `hostel-planner-3d-${siteId.replace(/[^a-z0-9-]+/gi, '-')}-${shownYear}.png`);
  };

  return (
    <section className="view3d" role="dialog" aria-label={t('view3dTitle', { name })} data-testid="view3d" data-site-id={siteId}
      data-max-height={maxHeight.toFixed(2)} data-buildings={buildings.length}>
      <header className="view3d-head">
        <h2>{t('view3dTitle', { name })}</h2>
        <button type="button" className="close-button" aria-label={t('close')} onClick={close3dView}>×</button>
      </header>
      {!view || !m ? (
        <p className="view3d-empty">{t('view3dNotAvailable')}</p>
      ) : (
        <>
          <div className="view3d-toolbar">
            <label className="view3d-year">
              <span>{t('view3dYear')}</span>
              <input type="range" min={years.min} max={years.max} step={1} value={shownYear} onChange={(e) => setYear(Number(e.target.value))}
                aria-valuetext={formatAcademicYear(shownYear)} />
              <output data-testid="view3d-year">{formatAcademicYear(shownYear)}</output>
            </label>
            <label>
              <span>{t('view3dDate')}</span>
              <input type="date" value={date} onChange={(e) => { if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setDate(e.target.value); }} />
            </label>
            <label className="view3d-hour">
              <span>{t('view3dHour')}</span>
              <input type="range" min={0} max={23.5} step={0.5} value={hour} onChange={(e) => setHour(Number(e.target.value))} aria-valuetext={hourText(hour)} />
              <output>{hourText(hour)}</output>
            </label>
            <button type="button" onClick={onScreenshot}>{t('view3dScreenshot')}</button>
          </div>
          <div className="view3d-canvas" role="img" aria-label={t('view3dRegion')}>
            <Canvas
              frameloop="demand"
              shadows="percentage"
              dpr={[1, 2]}
              gl={{ preserveDrawingBuffer: true, antialias: !softwareRenderer() }}
              camera={{ fov: 45, near: 1, far: 50_000, position: [radius, radius, radius * 1.5] }}
              onCreated={(st) => {
                st.gl.domElement.setAttribute('data-testid', 'view3d-canvas');
                three.current = { renderer: st.gl, scene: st.scene, camera: st.camera, invalidate: () => st.invalidate() };
              }}
              onPointerMissed={() => setPickId(null)}
            >
              <color attach="background" args={[COLORS.sky]} />
              <TestHooks />
              <CameraControls radiusM={radius} />
              <SunLight sun={sun} radiusM={radius} maxHeightM={maxHeight} />
              {showContext && context && <Land land={context.land} />}
              {showContext && <Parcels parcels={m.parcels} />}
              {showContext && <Lines outline={m.outline} lines={context?.lines ?? []} />}
              {showContext && context && <Stations stations={context.stations} />}
              <Buildings buildings={buildings} isOpen={isOpen} sun={sun} onHover={setHoverId} onPick={setPickId} />
              <StaticShadows deps={[buildings, isOpen, sun, radius, maxHeight]} />
              <Highlight building={selected} />
            </Canvas>
          </div>
          <div className="view3d-panel">
            <Figures view={view} year={shownYear} maxHeight={maxHeight} count={buildings.length} />
            <BuildingInfo building={selected} view={view} year={shownYear} />
            <Legend view={view} year={shownYear} context={context} />
          </div>
        </>
      )}
    </section>
  );
}

/** The map's year when some of the site is in use then; otherwise the year all of it is (so the view opens on buildings, not ghosts). */
function defaultYear(m: { phaseYears: number[] }, mapYear: number): number {
  if (!m.phaseYears.length || mapYear >= m.phaseYears[0]) return mapYear;
  return m.phaseYears[m.phaseYears.length - 1];
}

const hourText = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'}`;

function Figures({ view, year, maxHeight, count }: { view: SiteMassingView; year: number; maxHeight: number; count: number }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const m = view.massing;
  const int = (v: number) => formatInt(lang, v);
  const metres = (v: number) => t('view3dMetres', { n: v.toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 1 }) });
  const hostel = m.parcels.find((p) => p.use === 'hostel');
  return (
    <section className="view3d-card" aria-label={t('view3dFigures')}>
      <h3>{t('view3dFigures')}</h3>
      <dl>
        <dt>{t('view3dBedsAll')}</dt>
        <dd data-testid="view3d-beds">{int(m.beds)}</dd>
        <dt>{t('view3dBedsOpen', { year: formatAcademicYear(year) })}</dt>
        <dd data-testid="view3d-beds-open">{int(bedsOpenIn(m, year))}</dd>
        <dt>{t('view3dHostelGfa')}</dt>
        <dd>{t('view3dM2', { n: int(m.hostelGfaM2) })}</dd>
        {view.kind !== 'hotel' && (
          <>
            <dt>{t('view3dSiteArea')}</dt>
            <dd>{t('view3dM2', { n: int(m.siteAreaM2) })}</dd>
            {hostel && (<><dt>{t('view3dPlotRatio')}</dt><dd>{hostel.plotRatio.toFixed(2)}</dd></>)}
            <dt>{t('view3dCoverage')}</dt>
            <dd>{`${int(m.limits.coveragePct)}%`}</dd>
            <dt>{t('view3dHeightLimit')}</dt>
            <dd>{Number.isFinite(m.limits.heightLimitM) ? metres(m.limits.heightLimitM) : '—'}</dd>
          </>
        )}
        <dt>{t('view3dMaxHeight')}</dt>
        <dd data-testid="view3d-max-height">{metres(maxHeight)}</dd>
        <dt>{t('view3dBuildingsCount')}</dt>
        <dd>{int(count)}</dd>
        <dt>{t('view3dPhases')}</dt>
        <dd>{m.phaseYears.length ? m.phaseYears.map((y) => formatAcademicYear(y)).join(', ') : '—'}</dd>
      </dl>
      {view.modelBeds !== null && <p className="muted small">{t('view3dModelBeds', { n: int(view.modelBeds) })}</p>}
      <Notes view={view} />
    </section>
  );
}

function Notes({ view }: { view: SiteMassingView }) {
  const t = useT();
  const notes: StringKey[] = [];
  if (view.kind === 'uniTown') notes.push('view3dAssumptions');
  if (view.illustrativeOutline && view.kind !== 'hotel') notes.push('view3dIllustrative');
  if (view.kind === 'landSale') notes.push('view3dLandSaleLimits');
  if (view.kind === 'hotel') notes.push('view3dHotelNote');
  if (view.notConverted) notes.push('view3dNotConverted');
  if (view.massing.warnings.sharesScaled) notes.push('view3dSharesScaled');
  if (view.massing.warnings.overCoverage) notes.push('view3dOverCoverage');
  return <ul className="view3d-notes">{notes.map((k) => <li key={k} className="muted small">{t(k)}</li>)}</ul>;
}

function BuildingInfo({ building, view, year }: { building: MassingBuilding | null; view: SiteMassingView; year: number }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const int = (v: number) => formatInt(lang, v);
  const m = view.massing;
  return (
    <section className="view3d-card" aria-label={t('view3dBuilding')} aria-live="polite" data-testid="view3d-building">
      <h3>{t('view3dBuilding')}</h3>
      {!building ? (
        <p className="muted small">{t('view3dNoBuilding')}</p>
      ) : (
        <dl>
          <dt>{t('view3dUse')}</dt>
          <dd>{t(USE_LABEL[building.use])}</dd>
          <dt>{t('view3dGfa')}</dt>
          <dd>{t('view3dM2', { n: int(building.gfaM2) })}</dd>
          <dt>{t('view3dStoreys')}</dt>
          <dd>{int(building.storeys)}</dd>
          <dt>{t('view3dHeight')}</dt>
          <dd>{t('view3dMetres', { n: building.heightM.toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 1 }) })}</dd>
          {building.use === 'hostel' && (<><dt>{t('view3dBeds')}</dt><dd>{int(building.beds)}</dd></>)}
          <dt>{t('view3dOpens')}</dt>
          <dd>
            {m.phaseYears[building.phase] !== undefined ? formatAcademicYear(m.phaseYears[building.phase]) : '—'}
            {!buildingOpen(m, building, year) && ` (${t('view3dNotOpenYet')})`}
          </dd>
        </dl>
      )}
    </section>
  );
}

function Legend({ view, year, context }: { view: SiteMassingView; year: number; context: SiteContext | null }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const uses = usesPresent(view.massing);
  return (
    <section className="view3d-card" aria-label={t('view3dLegend')}>
      <h3>{t('view3dLegend')}</h3>
      <ul className="view3d-legend">
        {uses.map((u) => <li key={u}><span className="swatch" style={{ background: USE_COLOR[u] }} aria-hidden="true" />{t(USE_LABEL[u])}</li>)}
        <li><span className="swatch swatch-ghost" aria-hidden="true" />{t('legendGhost', { year: formatAcademicYear(year) })}</li>
        {context && context.stations.length > 0 && <li><span className="swatch swatch-station" aria-hidden="true" />{t('legendStation')}</li>}
        {context && context.lines.length > 0 && <li><span className="swatch swatch-line" aria-hidden="true" />{t('legendRail')}</li>}
      </ul>
      {context && context.stations.length > 0 && (
        <>
          <h4>{t('view3dStations')}</h4>
          <ul className="view3d-stations">
            {context.stations.map((s) => {
              const nm = lang === 'zh-HK' ? s.nameZh : s.nameEn;
              return <li key={`${s.nameEn}-${s.x}`}>{t('view3dStationKm', { name: s.planned ? t('view3dPlanned', { name: nm }) : nm, km: s.km.toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 1 }) })}</li>;
            })}
          </ul>
        </>
      )}
      <p className="muted small">{t('view3dHint')}</p>
    </section>
  );
}
