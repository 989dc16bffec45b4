/**
 * Keeps results in step with the scenario. Deterministic runs are coalesced — while one is in
 * flight only the newest scenario waits, older ones are dropped — so the newest request always
 * wins. Monte Carlo starts shortly after the deterministic answer, reports progress, and is
 * cancelled as soon as the scenario changes again.
 */
import type { AppStore } from '../store/appStore.ts';
import type { SimClient } from './simClient.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import { AbortError } from '../../workers/pool/simulationPool.ts';
import { whenMapSettled } from '../map/mapSettled.ts';

const MC_DELAY_MS = 250;

/** Monte Carlo competes for the two cores with the map's first render: it waits for it, or 6 s. */
const MC_AFTER_MAP_DEADLINE_MS = 6000;

export interface Runner {
  /** Cancels the Monte Carlo in progress (the UI's cancel button). */
  cancelMonteCarlo(): void;
  dispose(): void;
}

export function startRunner(store: AppStore, client: SimClient): Runner {
  let inFlight = false;
  let pending: Scenario | null = null;
  let mcAbort: AbortController | null = null;
  let mcTimer: ReturnType<typeof setTimeout> | null = null;

  const cancelMc = () => {
    if (mcTimer) clearTimeout(mcTimer);
    mcTimer = null;
    if (mcAbort) {
      mcAbort.abort();
      mcAbort = null;
      const mc = store.getState().mc;
      if (mc.status === 'running') store.setState({ mc: { ...mc, status: 'cancelled' } });
    }
  };

  const startMc = (scenario: Scenario, years: number[]) => {
    const draws = scenario.params.monteCarloDraws;
    if (draws <= 0) { store.setState({ mc: { status: 'idle', done: 0, total: 0, percentiles: null, percentilesFor: null, error: null } }); return; }
    const abort = new AbortController();
    mcAbort = abort;
    store.setState((s) => ({ mc: { ...s.mc, status: 'running', done: 0, total: draws, error: null } }));
    client.monteCarlo.monteCarlo(scenario, scenario.seed, draws, years, {
      signal: abort.signal,
      onProgress: (done, total) => { if (!abort.signal.aborted) store.setState((s) => ({ mc: { ...s.mc, done, total } })); },
    }).then(
      (percentiles) => { if (!abort.signal.aborted) { mcAbort = null; store.setState({ mc: { status: 'done', done: draws, total: draws, percentiles, percentilesFor: scenario, error: null } }); } },
      (e) => { if (!(e instanceof AbortError) && !abort.signal.aborted) store.setState((s) => ({ mc: { ...s.mc, status: 'error', error: (e as Error).message } })); },
    );
  };

  const request = async (scenario: Scenario) => {
    if (inFlight) { pending = scenario; return; }
    inFlight = true;
    cancelMc();
    store.setState((s) => ({ run: { ...s.run, status: 'running' } }));
    const t0 = performance.now();
    try {
      const results = await client.deterministic.deterministic(scenario);
      if (!pending) {
        store.setState((s) => ({ results, run: { status: 'done', error: null, lastMs: performance.now() - t0, version: s.run.version + 1 } }));
        mcTimer = setTimeout(() => {
          mcTimer = null;
          void whenMapSettled(MC_AFTER_MAP_DEADLINE_MS).then(() => { if (store.getState().scenario === scenario && !mcAbort) startMc(scenario, results.years); });
        }, MC_DELAY_MS);
      }
    } catch (e) {
      store.setState((s) => ({ run: { ...s.run, status: 'error', error: (e as Error).message } }));
    } finally {
      inFlight = false;
      if (pending) { const next = pending; pending = null; void request(next); }
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario) void request(s.scenario);
  });
  void request(store.getState().scenario);
  return { cancelMonteCarlo: cancelMc, dispose: () => { unsubscribe(); cancelMc(); } };
}
