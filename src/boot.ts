/**
 * Start-up: load and validate the embedded data, start the workers and the runner. Kept out of
 * React so StrictMode's double effects cannot start two runners.
 */
import { appStore } from './store/appStore.ts';
import { loadModelDataInBrowser } from './data/loadData.ts';
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
      const { data, raw } = await loadModelDataInBrowser();
      appStore.setState({ data });
      // saved scenarios, language and any #s= share link are restored before the first run
      const [client] = await Promise.all([createSimClient(raw), restore()]);
      simClient = client;
      const runner = startRunner(appStore, client);
      (window as unknown as { __hp: unknown }).__hp = { store: appStore, client, runner };
      return runner;
    } catch (e) {
      appStore.setState({ dataError: (e as Error).message });
      return null;
    }
  })();
  return booted;
}
