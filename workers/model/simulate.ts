/**
 * The model's public entry point: (scenario, data, seed) → results. Pure and deterministic: the
 * deterministic run uses each parameter's value; Monte Carlo draws (when requested) use `seed`.
 * The CLI, the benchmarks, the tests and the browser workers all call these functions.
 */
import type { ModelData } from './data/schema.ts';
import type { Scenario } from './scenario/schema.ts';
import { compile, type CompiledModel } from './compile.ts';
import { run } from './run.ts';
import { toResults, type Results } from './results.ts';
import { runDraws, summariseDraws } from './mc/monteCarlo.ts';

export interface SimulateOptions {
  /** Monte Carlo draws; defaults to the scenario's monteCarloDraws. */
  draws?: number;
  /** Include per-site outputs (for the map). Default true. */
  sites?: boolean;
}

export function runDeterministic(m: CompiledModel, sites = true): Results {
  return toResults(m, run(m, m.scenario.params, { sites, districts: true }));
}

export function simulate(scenario: Scenario, data: ModelData, seed: number = scenario.seed, opts: SimulateOptions = {}): Results {
  const m = compile(scenario, data);
  const draws = opts.draws ?? scenario.params.monteCarloDraws;
  const out = run(m, scenario.params, { sites: opts.sites ?? true, districts: true });
  if (draws <= 0) return toResults(m, out);
  const matrix = runDraws(m, seed, 0, draws);
  return toResults(m, out, summariseDraws(matrix, draws, m.years, seed));
}
