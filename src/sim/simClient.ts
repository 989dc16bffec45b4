/**
 * The browser side of the simulation: one worker for deterministic runs (so a slider answer never
 * waits behind Monte Carlo) and a pool for Monte Carlo, all running workers/simulate.worker.ts.
 */
import * as Comlink from 'comlink';
import type { SimulateApi } from '../../workers/simulate.api.ts';
import { SimulationPool, type PoolWorker } from '../../workers/pool/simulationPool.ts';

function browserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../workers/simulate.worker.ts', import.meta.url), { type: 'module', name: 'simulate' });
  const api = Comlink.wrap<SimulateApi>(worker);
  return { api, terminate: () => { api[Comlink.releaseProxy](); worker.terminate(); } };
}

export interface SimClient {
  deterministic: SimulationPool;
  /** Monte Carlo pool; its workers start (and load the data) on first use, not at page load. */
  monteCarlo: Pick<SimulationPool, 'monteCarlo'>;
  dispose(): void;
}

/**
 * Starts the deterministic worker, which fetches and validates the model data file at `dataUrl`
 * (rejecting with the file and field named when it is broken).
 */
export async function createSimClient(dataUrl: string, label: string): Promise<SimClient> {
  const cores = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  const deterministic = new SimulationPool(browserWorker, 1);
  await deterministic.load(dataUrl, label);
  // Starting and validating data in more workers at load would compete with the map's first render
  // on two cores; the Monte Carlo pool is made when the first Monte Carlo run is asked for.
  let pool: Promise<SimulationPool> | null = null;
  const mcPool = () => (pool ??= (async () => {
    const p = new SimulationPool(browserWorker, cores);
    await p.load(dataUrl, label);
    return p;
  })());
  return {
    deterministic,
    monteCarlo: { monteCarlo: async (...args: Parameters<SimulationPool['monteCarlo']>) => (await mcPool()).monteCarlo(...args) },
    dispose: () => { deterministic.terminate(); void pool?.then((p) => p.terminate()); },
  };
}
