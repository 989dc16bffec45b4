import { lazy, Suspense, useEffect, useState } from 'react';
import { useApp, appStore } from './store/appStore.ts';
import { useT } from './i18n/useT.ts';
import { boot } from './boot.ts';
import { loadPageBasemapData } from './map/basemapStyle.ts';
import type { Runner } from './sim/runner.ts';
import { useMapSettled } from './map/mapSettled.ts';
import { RunStatus } from './ui/RunStatus.tsx';
import { LanguageSwitch } from './ui/LanguageSwitch.tsx';
import { ScenarioPanel } from './panels/ScenarioPanel.tsx';
import { ScenarioManager } from './panels/ScenarioManager.tsx';
import { SiteInspector } from './panels/SiteInspector.tsx';
import { Headline } from './panels/Headline.tsx';
import { SupplyDemandChart } from './charts/SupplyDemandChart.tsx';
import { GapByInstitutionChart } from './charts/GapByInstitutionChart.tsx';

// The map chunk (MapLibre) and the basemap data start loading at start-up, in parallel with the
// model data; the basemap loader is memoised, so MapView gets the same promise.
const mapImport = import('./map/MapView.tsx');
void loadPageBasemapData();
const MapView = lazy(() => mapImport);
// The panels mount once the map has drawn its first full render (see map/mapSettled.ts), or after
// this long if it has not: a slow or broken map never withholds the controls.
const PANELS_DEADLINE_MS = 8000;
// three + @react-three/fiber stay out of the initial bundle: this chunk loads when the 3D view opens.
const SiteView3D = lazy(() => import('./three/SiteView3D.tsx'));

export function App() {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const data = useApp((s) => s.data);
  const dataError = useApp((s) => s.dataError);
  const view3dSiteId = useApp((s) => s.view.view3dSiteId);
  const [runner, setRunner] = useState<Runner | null>(null);
  const mapSettled = useMapSettled(PANELS_DEADLINE_MS);
  const panels = data !== null && mapSettled;
  useEffect(() => { void boot().then(setRunner); }, []);
  useEffect(() => { document.documentElement.lang = lang; document.title = t('appTitle'); }, [lang, t]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>{t('appTitle')}</h1>
          <span className="subtitle">{t('appSubtitle')}</span>
        </div>
        <RunStatus onCancel={() => runner?.cancelMonteCarlo()} />
        <LanguageSwitch />
      </header>
      {dataError ? (
        <main className="app-error" role="alert">{t('dataError')}: {dataError}</main>
      ) : (
        <div className="app-body">
          <aside className="panel-left" aria-label={t('parameters')}>
            {panels ? (
              <>
                <ScenarioManager />
                <ScenarioPanel />
              </>
            ) : (
              <p className="app-loading" aria-busy="true">{t(data ? 'loadingPanels' : 'loadingData')}</p>
            )}
          </aside>
          <main className="map-area">
            {/* the map and its basemap start at once; its site layers fill in when the data and first run arrive */}
            <Suspense fallback={<div className="map-loading">{t('loadingData')}</div>}>
              <MapView />
            </Suspense>
            {data && view3dSiteId && (
              <Suspense fallback={<div className="view3d-loading" role="status">{t('loading3d')}</div>}>
                <SiteView3D siteId={view3dSiteId} />
              </Suspense>
            )}
          </main>
          <aside className="panel-right" aria-label={t('headline')}>
            {panels && (
              <>
                <SiteInspector />
                <Headline />
                <SupplyDemandChart />
                <GapByInstitutionChart />
              </>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

// exposed for tests and the benchmark
(window as unknown as { __store: typeof appStore }).__store = appStore;
