/**
 * The app's one store (zustand): the scenario — the only state that is saved — and view state.
 * Results are derived state fed back by the runner (src/sim/runner.ts); no model code runs here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModelData } from '../../workers/model/data/schema.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import type { Results } from '../../workers/model/results.ts';
import type { Percentiles } from '../../workers/model/mc/monteCarlo.ts';
import type { Lang } from '../i18n/strings.ts';

export const LAYER_IDS = ['campuses', 'existing', 'pipeline', 'conversions', 'landSale', 'universityTown', 'youthHostels', 'districtGap'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface ViewState {
  year: number;
  selectedSiteId: string | null;
  selectedInstitution: string | null;
  layers: Record<LayerId, boolean>;
  lang: Lang;
  onlineStyleUrl: string;
  drawing: boolean;
  /** Site shown in the 3D site view (University Town, land-sale, drawn or converted hotel); null = closed. */
  view3dSiteId: string | null;
}

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'error';
  error: string | null;
  /** Milliseconds from request to results of the last deterministic run. */
  lastMs: number | null;
  /** Increments with each result so views can tell a fresh result from the same one. */
  version: number;
}

export interface McState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  percentiles: Percentiles | null;
  /** The scenario the percentiles were computed for; they are stale once the scenario changes. */
  percentilesFor: Scenario | null;
  error: string | null;
}

export interface AppState {
  data: ModelData | null;
  dataError: string | null;
  scenario: Scenario;
  view: ViewState;
  results: Results | null;
  run: RunState;
  mc: McState;
  setScenario: (update: (s: Scenario) => Scenario) => void;
  setView: (patch: Partial<ViewState>) => void;
  toggleLayer: (id: LayerId) => void;
}

export function initialView(): ViewState {
  return {
    year: 2030,
    selectedSiteId: null,
    selectedInstitution: null,
    layers: { campuses: true, existing: true, pipeline: true, conversions: true, landSale: true, universityTown: true, youthHostels: false, districtGap: true },
    lang: 'en',
    onlineStyleUrl: '',
    drawing: false,
    view3dSiteId: null,
  };
}

export function createAppStore(scenario: Scenario = defaultScenario()) {
  return createStore<AppState>()((set) => ({
    data: null,
    dataError: null,
    scenario,
    view: initialView(),
    results: null,
    run: { status: 'idle', error: null, lastMs: null, version: 0 },
    mc: { status: 'idle', done: 0, total: 0, percentiles: null, percentilesFor: null, error: null },
    setScenario: (update) => set((st) => {
      const next = update(st.scenario);
      return next === st.scenario ? st : { scenario: next };
    }),
    setView: (patch) => set((st) => ({ view: { ...st.view, ...patch } })),
    toggleLayer: (id) => set((st) => ({ view: { ...st.view, layers: { ...st.view.layers, [id]: !st.view.layers[id] } } })),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** Monte Carlo percentiles of the current scenario, or null while they are missing or stale. */
export function selectFreshPercentiles(s: AppState): Percentiles | null {
  return s.mc.percentilesFor === s.scenario ? s.mc.percentiles : null;
}

/** The store the app uses (tests make their own with createAppStore). */
export const appStore = createAppStore();

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
