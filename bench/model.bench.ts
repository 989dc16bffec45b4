/**
 * Model benchmarks: one deterministic default run, Monte Carlo with 1 worker and with the pool,
 * and the model's inner-loop throughput against a baseline multiply-add loop measured in the same run.
 */
import os from 'node:os';
import { loadModelData } from '../workers/model/data/loadNode.ts';
import { defaultScenario } from '../workers/model/scenario/defaultScenario.ts';
import { simulate } from '../workers/model/simulate.ts';
import { compile } from '../workers/model/compile.ts';
import { run } from '../workers/model/run.ts';
import { drawParams } from '../workers/model/mc/monteCarlo.ts';
import { createNodePool, defaultPoolSize } from '../workers/pool/nodePool.ts';
import { multiplyAdds } from './baseline.ts';
import { median, timeMany, timeBatched } from './stats.ts';

export interface ModelBench {
  machine: { cores: number; node: string };
  deterministicRunMs: { median: number; p90: number; samples: number; goalMs: number };
  runCoreMs: { deterministic: number; monteCarloDraw: number };
  monteCarlo: { draws: number; oneWorkerMs: number; poolMs: number; poolSize: number; speedup: number; goalMs: number; spawnMs: number };
  throughput: { multiplyAddsPerDraw: number; modelNsPerMultiplyAdd: number; baselineNsPerMultiplyAdd: number; ratio: number; goal: number };
}

export async function benchModel(draws = 10_000): Promise<ModelBench> {
  const data = loadModelData();
  const scenario = defaultScenario();
  // deterministic run end to end: compile (distances cached after the first), run, shape results
  const det = timeMany(() => simulate(scenario, data, scenario.seed, { draws: 0 }), 60, 5);
  const m = compile(scenario, data);
  const coreDet = median(timeBatched(() => run(m, scenario.params, { sites: true, districts: true }), 50, 15));
  // the Monte Carlo draw's core: same work as a worker does per draw
  let d = 0;
  const coreDraw = median(timeBatched(() => run(m, drawParams(scenario.params, scenario.uncertainty, 1, d++), { sites: false, districts: false }), 200, 15));
  const madds = run(m, drawParams(scenario.params, scenario.uncertainty, 1, 0), { sites: false, districts: false }).multiplyAdds;
  const base = median(timeBatched(() => multiplyAdds(madds), 200, 15));
  // Monte Carlo wall time with 1 worker and with the pool (workers spawned and warmed before timing)
  const mc = async (size: number) => {
    const t0 = performance.now();
    const pool = createNodePool(size);
    await pool.monteCarlo(scenario, 1, 200 * size, m.years, { chunkSize: 100 });
    const spawn = performance.now() - t0;
    const t = performance.now();
    await pool.monteCarlo(scenario, scenario.seed, draws, m.years, { chunkSize: 500 });
    const ms = performance.now() - t;
    pool.terminate();
    return { ms, spawn };
  };
  const one = await mc(1);
  const size = defaultPoolSize();
  const pooled = await mc(size);
  return {
    machine: { cores: os.availableParallelism?.() ?? os.cpus().length, node: process.version },
    deterministicRunMs: { median: median(det), p90: [...det].sort((a, b) => a - b)[Math.floor(det.length * 0.9)], samples: det.length, goalMs: 5 },
    runCoreMs: { deterministic: coreDet, monteCarloDraw: coreDraw },
    monteCarlo: { draws, oneWorkerMs: one.ms, poolMs: pooled.ms, poolSize: size, speedup: one.ms / pooled.ms, goalMs: 2000, spawnMs: pooled.spawn },
    throughput: { multiplyAddsPerDraw: madds, modelNsPerMultiplyAdd: (coreDraw * 1e6) / madds, baselineNsPerMultiplyAdd: (base * 1e6) / madds, ratio: base / coreDraw, goal: 0.25 },
  };
}
