/**
 * The simulation worker's API, declared once. Every argument crossing the worker boundary is
 * validated here (the scenario by its schema), so a bad message gets a named error instead of a
 * wrong answer. The same object is exposed by the browser worker and the Node worker.
 */
import { validateScenario } from './model/scenario/validate.ts';
import { validateModelData, type ModelData } from './model/data/schema.ts';
import { compile, type CompiledModel } from './model/compile.ts';
import { runDeterministic } from './model/simulate.ts';
import { runDraws } from './model/mc/monteCarlo.ts';
import type { Results } from './model/results.ts';
import type { Scenario } from './model/scenario/schema.ts';

export class WorkerInputError extends Error {
  override name = 'WorkerInputError';
}

export function createSimulateApi(initialData: ModelData | null = null) {
  let data = initialData;
  let lastKey = '';
  let last: CompiledModel | null = null;

  const compiled = (raw: unknown): CompiledModel => {
    if (!data) throw new WorkerInputError('model data not loaded: call init(data) first');
    const key = JSON.stringify(raw);
    if (key === lastKey && last) return last;
    const v = validateScenario(raw, data);
    if (!v.ok) throw new WorkerInputError(`scenario ${v.message}`);
    last = compile(v.scenario as Scenario, data);
    lastKey = key;
    return last;
  };
  const intArg = (name: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new WorkerInputError(`${name} must be an integer from ${min} to ${max}`);
    return v;
  };

  return {
    /** Loads (and validates) the model data in this worker. */
    init(raw: unknown): number {
      data = validateModelData(raw, 'model data sent to the worker');
      last = null;
      lastKey = '';
      return data.sites.length;
    },
    /**
     * Fetches the shipped model data file itself and validates it (browser). The page then uses the
     * same file without validating it a second time on the main thread, and no 1 MB object graph
     * is copied across the worker boundary.
     */
    async load(url: unknown, label: unknown = 'model data'): Promise<number> {
      if (typeof url !== 'string' || !/^(https?|blob):/.test(url)) throw new WorkerInputError('load: url must be an absolute http(s) URL');
      const name = typeof label === 'string' ? label.slice(0, 200) : 'model data';
      const res = await fetch(url);
      if (!res.ok) throw new WorkerInputError(`${name}: HTTP ${res.status}`);
      let raw: unknown;
      try { raw = await res.json(); } catch (e) { throw new WorkerInputError(`${name}: not JSON (${(e as Error).message})`); }
      data = validateModelData(raw, name);
      last = null;
      lastKey = '';
      return data.sites.length;
    },
    ping(): 'pong' {
      return 'pong';
    },
    /** The deterministic run, with per-site and per-district outputs. */
    deterministic(scenario: unknown, sites = true): Results {
      return runDeterministic(compiled(scenario), sites);
    },
    /** Monte Carlo draws [from, to): a (to − from) × (5 × years) matrix. */
    draws(scenario: unknown, seed: unknown, from: unknown, to: unknown): Float64Array {
      const m = compiled(scenario);
      const s = intArg('seed', seed, 0, 2 ** 32 - 1);
      const f = intArg('from', from, 0, 10_000_000);
      const t = intArg('to', to, f, f + 1_000_000);
      return runDraws(m, s, f, t);
    },
  };
}

export type SimulateApi = ReturnType<typeof createSimulateApi>;
