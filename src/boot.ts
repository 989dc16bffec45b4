/**
 * Start-up: the simulation worker loads and validates the embedded data while the map starts on its
 * own; then the runner starts, and the page parses its copy of the same file. Kept out of React so
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
      const started = createSimClient(url, MODEL_DATA_LABEL);
      // The page's own copy is fetched at once but parsed only once the worker has validated the
      // file: parsing 1 MB on the main thread competed with creating the map, and the map needs
      // the data only when the first run's results arrive, which is after that.
      const loaded = Promise.all([started, fetchModelDataJson(url, started)]);
      // the database opens while the data loads; saved scenarios are checked against the data
      const restored = restore(loaded.then(([, raw]) => raw as ModelData, () => null));
      const client = await started;
      simClient = client;
      // The first run is posted as soon as the worker has the data, not after saved work is
      // restored: for a new planner it is the run the page shows, and the worker would otherwise
      // sit idle while the page is busy. A restored scenario replaces it (the runner drops a
      // result that a newer request has overtaken).
      const runner = startRunner(appStore, client);
      // test and benchmark hook
      (window as unknown as { __hp: unknown }).__hp = { store: appStore, client, runner };
      const data = (await loaded)[1] as ModelData;
      // The map takes the data now, with the first run, not after saved work is restored (the
      // data does not depend on it). The panels mount later, once the map has drawn
      // (map/mapSettled.ts), and an edit made before the restore finishes wins over the stored copy.
      appStore.setState({ data });
      await restored;
      // start-up milestones for profiles (DevTools' Timings track)
      performance.mark('hp:scenarios-restored');
      return runner;
    } catch (e) {
      appStore.setState({ dataError: (e as Error).message });
      return null;
    }
  })();
  return booted;
}
