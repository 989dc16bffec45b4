/**
 * A pool of simulation workers (browser Workers or Node worker_threads, both through comlink).
 * Monte Carlo draws are cut into chunks that idle workers pull from a queue; each chunk's rows land
 * at their draw index, so the result is the same for any pool size. Progress is reported per chunk;
 * an AbortSignal stops dispatching and rejects with an AbortError.
 */
import type { Remote } from 'comlink';
import type { SimulateApi } from '../simulate.api.ts';
import { summariseDraws, MC_SERIES, type Percentiles } from '../model/mc/monteCarlo.ts';
import type { Results } from '../model/results.ts';
import type { Scenario } from '../model/scenario/schema.ts';

export interface PoolWorker {
  api: Remote<SimulateApi>;
  terminate(): void;
}

export interface MonteCarloOptions {
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export class AbortError extends Error {
  override name = 'AbortError';
  constructor() {
    super('cancelled');
  }
}

export class SimulationPool {
  private workers: PoolWorker[];

  constructor(factory: (index: number) => PoolWorker, readonly size: number) {
    if (!(size >= 1)) throw new Error('pool size must be at least 1');
    this.workers = Array.from({ length: size }, (_, i) => factory(i));
  }

  /** Sends the model data to every worker (browser: the page loads it once). */
  async init(data: unknown): Promise<void> {
    await Promise.all(this.workers.map((w) => w.api.init(data)));
  }

  /** Every worker fetches and validates the model data file at `url` itself (browser). */
  async load(url: string, label: string): Promise<void> {
    await Promise.all(this.workers.map((w) => w.api.load(url, label)));
  }

  /** The deterministic run on the first worker. */
  deterministic(scenario: Scenario, sites = true): Promise<Results> {
    return this.workers[0].api.deterministic(scenario, sites) as Promise<Results>;
  }

  async monteCarlo(scenario: Scenario, seed: number, draws: number, years: number[], opts: MonteCarloOptions = {}): Promise<Percentiles> {
    const chunk = Math.max(1, opts.chunkSize ?? 250);
    const cols = MC_SERIES.length * years.length;
    const matrix = new Float64Array(draws * cols);
    let next = 0;
    let done = 0;
    const signal = opts.signal;
    const worker = async (w: PoolWorker) => {
      while (next < draws) {
        if (signal?.aborted) throw new AbortError();
        const from = next;
        const to = Math.min(draws, from + chunk);
        next = to;
        const rows = (await w.api.draws(scenario, seed, from, to)) as Float64Array;
        if (signal?.aborted) throw new AbortError();
        matrix.set(rows, from * cols);
        done += to - from;
        opts.onProgress?.(done, draws);
      }
    };
    await Promise.all(this.workers.map(worker));
    return summariseDraws(matrix, draws, years, seed);
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
