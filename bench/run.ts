/**
 * npm run bench [-- --json] [-- --no-browser]
 * Prints the benchmark figures (and ratios against baselines measured in the same run). Not a test:
 * nothing here fails on a number; goals are printed beside the figures. Browser figures need a
 * built app (this script builds it when dist/ is missing) and Debian chromium.
 */
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { benchModel } from './model.bench.ts';
import { benchBrowser } from './browser.bench.ts';
import { benchThree, type ThreeBench } from './three.bench.ts';
import { startPreview, launchBrowser } from '../tests/e2e/_harness.mjs';

const json = process.argv.includes('--json');
const withBrowser = !process.argv.includes('--no-browser');
const model = await benchModel();
let browser: Awaited<ReturnType<typeof benchBrowser>> | { error: string } | null = null;
let three: ThreeBench | { error: string } | null = null;
if (withBrowser) {
  try {
    if (!fs.existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'ignore' });
    browser = await benchBrowser();
  } catch (e) {
    browser = { error: (e as Error).message };
  }
  try {
    const server = await startPreview(4391);
    const b = await launchBrowser();
    try { three = await benchThree(b, server.base); } finally { await b.close(); server.stop(); }
  } catch (e) {
    three = { error: (e as Error).message };
  }
}
const out = { model, browser, three };
const f = (x: number, d = 2) => x.toFixed(d);
if (json) {
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} else {
  const b = model;
  const lines = [
    `Hostel Planner benchmarks — ${b.machine.cores} cores, Node ${b.machine.node}`,
    '',
    `Deterministic default run (compile + run + results): median ${f(b.deterministicRunMs.median)} ms, p90 ${f(b.deterministicRunMs.p90)} ms over ${b.deterministicRunMs.samples} runs (goal ≤ ${b.deterministicRunMs.goalMs} ms)`,
    `  model core alone: ${f(b.runCoreMs.deterministic, 3)} ms with site and district outputs; ${f(b.runCoreMs.monteCarloDraw, 3)} ms per Monte Carlo draw`,
    `Monte Carlo ${b.monteCarlo.draws.toLocaleString('en')} draws: 1 worker ${f(b.monteCarlo.oneWorkerMs, 0)} ms, pool of ${b.monteCarlo.poolSize} ${f(b.monteCarlo.poolMs, 0)} ms (×${f(b.monteCarlo.speedup)}; goal ≤ ${b.monteCarlo.goalMs} ms with the pool; pool spawn + warm-up ${f(b.monteCarlo.spawnMs, 0)} ms, not counted)`,
    `Throughput: ${b.throughput.multiplyAddsPerDraw.toLocaleString('en')} multiply-adds per draw; model ${f(b.throughput.modelNsPerMultiplyAdd)} ns each, baseline Float64Array loop ${f(b.throughput.baselineNsPerMultiplyAdd)} ns each → ratio ${f(b.throughput.ratio, 3)} (goal ≥ ${b.throughput.goal})`,
  ];
  if (browser && 'error' in browser) lines.push('', `Browser benchmarks not run: ${browser.error}`);
  else if (browser) {
    const w = browser;
    lines.push('', 'Browser (headless Chromium, SwiftShader, built app):',
      `Navigation → map first full render: median ${f(w.mapFirstRenderMs.median, 0)} ms (runs ${w.mapFirstRenderMs.runs.map((x) => f(x, 0)).join(', ')}; goal ≤ ${w.mapFirstRenderMs.goalMs} ms)`,
      `  the same with Playwright holding every request (as the browser tests load the page), in turns with the above: median ${f(w.mapFirstRenderInterceptedMs.median, 0)} ms (runs ${w.mapFirstRenderInterceptedMs.runs.map((x) => f(x, 0)).join(', ')}); ratio ${f(w.mapFirstRenderInterceptedMs.median / w.mapFirstRenderMs.median)}`,
      `Control change → headline and charts updated: p50 ${f(w.controlToUpdateMs.p50, 1)} ms, p95 ${f(w.controlToUpdateMs.p95, 1)} ms, max ${f(w.controlToUpdateMs.max, 1)} ms over ${w.controlToUpdateMs.samples} changes (goal p95 ≤ ${w.controlToUpdateMs.goalP95Ms} ms)`,
      `Control change → map redrawn (district gap re-coloured, drawn and on screen): p50 ${f(w.controlToMapMs.p50, 0)} ms, p95 ${f(w.controlToMapMs.p95, 0)} ms over ${w.controlToMapMs.samples} changes (no goal; the map is drawn after the numbers)`,
      `JavaScript loaded before the map is idle: ${f(w.initialJs.mainThreadGzipKb, 0)} KB gzip on the page + ${f(w.initialJs.workersGzipKb, 0)} KB in workers = ${f(w.initialJs.loadedBeforeMapIdleGzipKb, 0)} KB (goal ≤ ${w.initialJs.goalKb} KB; entry + preloads alone ${f(w.initialJs.entryGraphGzipKb, 0)} KB); 3D chunk loaded: ${w.initialJs.includes3d ? 'YES' : 'no'}`);
  }
  if (three && 'error' in three) lines.push('', `3D benchmarks not run: ${three.error}`);
  else if (three) {
    lines.push('', '3D site view (same browser set-up):',
      `Draw calls: ${three.drawCalls} with ${three.buildings.toLocaleString('en')} buildings, ${three.drawCallsSite} for Ngau Tam Mei (goal ≤ ${three.goals.drawCalls})`,
      `Frame rate with ${three.buildings.toLocaleString('en')} buildings ${f(three.fps, 1)} fps vs ${f(three.emptyFps, 1)} fps for the same canvas empty → ratio ${f(three.fpsRatio)} (goal ≥ ${three.goals.fpsRatio}); Ngau Tam Mei ${f(three.siteFps, 1)} fps`,
      `Worker round trip of a model run: view closed ${f(three.workerRoundTripMs.viewClosed, 1)} ms, view open and idle ${f(three.workerRoundTripMs.viewIdle, 1)} ms → ×${f(three.workerRoundTripMs.ratio)} (goal ≤ ${three.goals.roundTripRatio}); 3D chunk loaded before the view opened: ${three.chunkLoadedBeforeOpen ? 'YES' : 'no'}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}
process.exit(0);
