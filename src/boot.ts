/**
 * Start-up: the simulation worker loads and validates the embedded data while the page parses the
 * same file (and the map starts on its own); then the runner starts. Kept out of React so
 * StrictMode's double effects cannot start two runners.
 */
import { appStore } from './store/appStore.ts';
import { fetchModelDataJson, MODEL_DATA_LABEL, modelDataUrl, type ModelData } from './data/loadData.ts';
import { createSimClient } from './sim/simClient.ts';
import { startRunner, type Runner } from './sim/runner.ts';
import type { SimClient } from './sim/simClient.ts';
import { restore } from './persist/session.ts';

let booted: Promise<Runner | null> | null = null;
let simClient: SimClient | null = null;

/** The worker client once start-up has finished (compare view, benchmarks); null before. */
export function getSimClient(): SimClient | null {
  return simClient;
}

export function boot(): Promise<Runner | null> {
  booted ??= (async () => {
    try {
      const url = modelDataUrl();
      // the worker has validated this very file before the page uses it (createSimClient rejects
      // with the field named if not)
      const loaded = Promise.all([createSimClient(url, MODEL_DATA_LABEL), fetchModelDataJson(url)]);
      // the database opens while the data loads; saved scenarios are checked against the data
      const restored = restore(loaded.then(([, raw]) => raw as ModelData, () => null));
      const [client, raw] = await loaded;
      const data = raw as ModelData;
      await restored;
      // start-up milestones for profiles (DevTools' Timings track)
      performance.mark('hp:scenarios-restored');
      simClient = client;
      // the first run is posted before the panels render, so the worker computes while React works
      const runner = startRunner(appStore, client);
      appStore.setState({ data });
      (window as unknown as { __hp: unknown }).__hp = { store: appStore, client, runner };
      return runner;
    } catch (e) {
      appStore.setState({ dataError: (e as Error).message });
      return null;
    }
  })();
  return booted;
}
