/** Node worker_threads entry (CLI, benchmarks): the same API over comlink's node adapter, data loaded from disk. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimulateApi } from './simulate.api.ts';
import { loadModelData } from './model/data/loadNode.ts';

if (!parentPort) throw new Error('simulate.node-worker.ts must run in a worker thread');
Comlink.expose(createSimulateApi(loadModelData()), nodeEndpoint(parentPort));
