import { describe, it, expect, afterAll } from 'vitest';
import { createNodePool } from '../../workers/pool/nodePool.ts';
import { AbortError } from '../../workers/pool/simulationPool.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { loadModelData } from '../../workers/model/data/loadNode.ts';
import { compile } from '../../workers/model/compile.ts';
import { runDraws, summariseDraws } from '../../workers/model/mc/monteCarlo.ts';

// Real worker_threads running workers/simulate.node-worker.ts through comlink's node adapter.
const pools = [createNodePool(1), createNodePool(2), createNodePool(3)];
afterAll(() => pools.forEach((p) => p.terminate()));

const scenario = defaultScenario();
const years = Array.from({ length: scenario.params.horizonYear - scenario.params.baseYear + 1 }, (_, i) => scenario.params.baseYear + i);

describe('worker pool', () => {
  it('gives identical Monte Carlo results for pool sizes 1, 2 and 3 and chunk sizes that do not divide the draws', async () => {
    const [a, b, c] = await Promise.all([
      pools[0].monteCarlo(scenario, 99, 301, years, { chunkSize: 64 }),
      pools[1].monteCarlo(scenario, 99, 301, years, { chunkSize: 17 }),
      pools[2].monteCarlo(scenario, 99, 301, years, { chunkSize: 301 }),
    ]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  }, 120_000);

  it('matches the same draws computed in this thread without workers', async () => {
    const viaPool = await pools[1].monteCarlo(scenario, 5, 120, years, { chunkSize: 50 });
    const m = compile(scenario, loadModelData());
    const direct = summariseDraws(runDraws(m, 5, 0, 120), 120, years, 5);
    expect(viaPool).toEqual(direct);
  }, 120_000);

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await pools[1].monteCarlo(scenario, 1, 200, years, { chunkSize: 50, onProgress: (d, t) => { expect(t).toBe(200); seen.push(d); } });
    expect(seen[seen.length - 1]).toBe(200);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  }, 120_000);

  it('stops and rejects with AbortError when cancelled', async () => {
    const ctrl = new AbortController();
    let progressCalls = 0;
    const run = pools[1].monteCarlo(scenario, 1, 100_000, years, { chunkSize: 100, signal: ctrl.signal, onProgress: () => { if (++progressCalls === 2) ctrl.abort(); } });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(progressCalls).toBeLessThan(10);
  }, 120_000);

  it('refuses an invalid scenario at the worker boundary with the field named', async () => {
    const bad = { ...scenario, params: { ...scenario.params, quotaCapPct: -3 } };
    await expect(pools[0].deterministic(bad as typeof scenario)).rejects.toThrow(/params\.quotaCapPct/);
  }, 60_000);
});
