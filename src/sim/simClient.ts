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
  monteCarlo: SimulationPool;
  dispose(): void;
}

export async function createSimClient(rawData: unknown): Promise<SimClient> {
  const cores = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  const deterministic = new SimulationPool(browserWorker, 1);
  const monteCarlo = new SimulationPool(browserWorker, cores);
  await Promise.all([deterministic.init(rawData), monteCarlo.init(rawData)]);
  return { deterministic, monteCarlo, dispose: () => { deterministic.terminate(); monteCarlo.terminate(); } };
}
