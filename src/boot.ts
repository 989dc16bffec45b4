/**
 * Start-up: load and validate the embedded data, start the workers and the runner. Kept out of
 * React so StrictMode's double effects cannot start two runners.
 */
import { appStore } from './store/appStore.ts';
import { loadModelDataInBrowser } from './data/loadData.ts';
import { createSimClient } from './sim/simClient.ts';
import { startRunner, type Runner } from './sim/runner.ts';

let booted: Promise<Runner | null> | null = null;

export function boot(): Promise<Runner | null> {
  booted ??= (async () => {
    try {
      const { data, raw } = await loadModelDataInBrowser();
      appStore.setState({ data });
      const client = await createSimClient(raw);
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
