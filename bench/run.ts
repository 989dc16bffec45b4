/**
 * npm run bench [-- --json]
 * Prints the benchmark figures (and ratios against baselines measured in the same run). Not a test:
 * nothing here fails on a number; goals are printed beside the figures.
 */
import { benchModel } from './model.bench.ts';

const json = process.argv.includes('--json');
const model = await benchModel();
const out = { model };
if (json) {
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} else {
  const f = (x: number, d = 2) => x.toFixed(d);
  const b = model;
  const lines = [
    `Hostel Planner benchmarks — ${b.machine.cores} cores, Node ${b.machine.node}`,
    '',
    `Deterministic default run (compile + run + results): median ${f(b.deterministicRunMs.median)} ms, p90 ${f(b.deterministicRunMs.p90)} ms over ${b.deterministicRunMs.samples} runs (goal ≤ ${b.deterministicRunMs.goalMs} ms)`,
    `  model core alone: ${f(b.runCoreMs.deterministic, 3)} ms with site and district outputs; ${f(b.runCoreMs.monteCarloDraw, 3)} ms per Monte Carlo draw`,
    `Monte Carlo ${b.monteCarlo.draws.toLocaleString('en')} draws: 1 worker ${f(b.monteCarlo.oneWorkerMs, 0)} ms, pool of ${b.monteCarlo.poolSize} ${f(b.monteCarlo.poolMs, 0)} ms (×${f(b.monteCarlo.speedup)}; goal ≤ ${b.monteCarlo.goalMs} ms with the pool; pool spawn + warm-up ${f(b.monteCarlo.spawnMs, 0)} ms, not counted)`,
    `Throughput: ${b.throughput.multiplyAddsPerDraw.toLocaleString('en')} multiply-adds per draw; model ${f(b.throughput.modelNsPerMultiplyAdd)} ns each, baseline Float64Array loop ${f(b.throughput.baselineNsPerMultiplyAdd)} ns each → ratio ${f(b.throughput.ratio, 3)} (goal ≥ ${b.throughput.goal})`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
process.exit(0);
