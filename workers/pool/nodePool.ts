/** A SimulationPool of Node worker_threads running workers/simulate.node-worker.ts (through tsx). */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimulateApi } from '../simulate.api.ts';
import { SimulationPool } from './simulationPool.ts';

const WORKER_URL = new URL('../simulate.node-worker.mjs', import.meta.url);

export function defaultPoolSize(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length));
}

export function createNodePool(size = defaultPoolSize()): SimulationPool {
  return new SimulationPool(() => {
    const worker = new Worker(WORKER_URL);
    const api = Comlink.wrap<SimulateApi>(nodeEndpoint(worker));
    return { api, terminate: () => { api[Comlink.releaseProxy](); void worker.terminate(); } };
  }, size);
}
