/**
 * 3D site view benchmark in headless Chromium (SwiftShader) against the built app:
 * - draw calls of the site's scene and of 2,000 synthetic buildings in the same canvas (goal ≤ 20),
 * - frame rate at 2,000 buildings beside the same canvas's empty-scene frame rate (goal ≥ 50% of it),
 *   each over ~3 s of a forced continuous render loop (the view itself renders on demand only),
 * - the model's worker round trip (window.__hp.client.deterministic.deterministic(scenario)) with the
 *   view closed and with it open and idle (goal: idle ≤ 2× closed),
 * - whether the 3D chunk was loaded before the view opened (goal: no).
 * Not a test: nothing fails on a number. Run alone (builds nothing): npx tsx bench/three.bench.ts
 */
import type { Browser, Page } from 'playwright-core';
import { evalWithTimeout, launchBrowser, openPage, startPreview, waitForResults } from '../tests/e2e/_harness.mjs';
import { median } from './stats.ts';

export interface ThreeBench {
  /** Draw calls of a frame at 2,000 buildings (the shadow map is drawn only when buildings or sun change). */
  drawCalls: number;
  /** …and of a frame that also redraws the shadow map. */
  drawCallsShadowFrame: number;
  /** Draw calls of the real site's scene (Ngau Tam Mei, all phases open). */
  drawCallsSite: number;
  /** Frame rate of the real site's scene under the same forced loop. */
  siteFps: number;
  buildings: number;
  fps: number;
  emptyFps: number;
  fpsRatio: number;
  /** Medians of 15 runs; viewClosed is the smaller of the before-open and after-close figures. */
  workerRoundTripMs: { viewClosed: number; viewClosedBeforeOpen: number; viewClosedAfterClose: number; viewIdle: number; ratio: number };
  chunkLoadedBeforeOpen: boolean;
  goals: { drawCalls: number; fpsRatio: number; roundTripRatio: number };
}

const SITE = 'unitown:ngau-tam-mei';
const N = 2000;

/** Median time of `runs` deterministic model runs through the worker, from the page. */
async function roundTrip(page: Page, runs = 15): Promise<number> {
  const times: number[] = await evalWithTimeout(page, async (n: number) => {
    const w = window as any;
    const scenario = w.__store.getState().scenario;
    const out: number[] = [];
    for (let i = 0; i < n + 2; i++) {
      const t0 = performance.now();
      await w.__hp.client.deterministic.deterministic(scenario);
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out.slice(2); // warm-up
  }, runs, 120_000);
  return median(times);
}

/** Frames per second over `ms` with the canvas forced to render every animation frame. */
async function fps(page: Page, ms = 3000): Promise<number> {
  return evalWithTimeout(page, async (dur: number) => {
    const w = window as any;
    let running = true;
    const tick = () => { if (!running) return; w.__three.invalidate(); requestAnimationFrame(tick); };
    // one frame first so that shader compilation is not counted
    await new Promise<void>((r) => { const f = w.__r3fFrames; w.__three.invalidate(); const c = () => (w.__r3fFrames > f ? r() : requestAnimationFrame(c)); c(); });
    const f0 = w.__r3fFrames, t0 = performance.now();
    tick();
    await new Promise((r) => setTimeout(r, dur));
    running = false;
    return (w.__r3fFrames - f0) / ((performance.now() - t0) / 1000);
  }, ms, ms + 60_000);
}

/** Renders one frame and returns renderer.info.render.calls of it. */
async function drawCalls(page: Page, withShadowPass = false): Promise<number> {
  return evalWithTimeout(page, async (shadowPass: boolean) => {
    const w = window as any;
    if (shadowPass) w.__three.renderer.shadowMap.needsUpdate = true;
    await new Promise<void>((r) => { const f = w.__r3fFrames; w.__three.invalidate(); const c = () => (w.__r3fFrames > f ? r() : requestAnimationFrame(c)); c(); });
    return w.__three.renderer.info.render.calls as number;
  }, withShadowPass, 60_000);
}

async function settle(page: Page) {
  // let React commit the new scene and the context data arrive
  await page.waitForTimeout(300);
  await drawCalls(page);
}

export async function benchThree(browser: Browser, baseUrl: string): Promise<ThreeBench> {
  const { page, context } = await openPage(browser, baseUrl);
  try {
    // tsx (esbuild keepNames) wraps named functions in __name(); page functions need it defined there
    await page.evaluate('window.__name = (f) => f');
    const js: string[] = [];
    page.on('response', (r) => { const u = r.url(); if (/\.m?js(\?|$)/.test(u)) js.push(u); });
    await waitForResults(page, 60_000);
    // Monte Carlo shares the cores: measure after it is done
    await page.waitForFunction(() => (window as any).__store.getState().mc.status !== 'running', null, { timeout: 180_000 }).catch(() => undefined);
    const viewClosed = await roundTrip(page);
    const chunkLoadedBeforeOpen = js.some((u) => /SiteView3D|three|react-three/i.test(u));

    await page.evaluate((id) => (window as any).__store.getState().setView({ view3dSiteId: id }), SITE);
    await page.waitForSelector('[data-testid="view3d-canvas"]', { timeout: 60_000 });
    await page.waitForFunction(() => ((window as any).__r3fFrames ?? 0) > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    // all phases open, so that the site's own scene has every building solid
    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('[data-testid="view3d"] input[type="range"]');
      if (!el) return;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(el, el.max);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(page);
    const drawCallsSite = await drawCalls(page);
    const siteFps = await fps(page);
    // idle: nothing invalidates the canvas, so it should cost the worker round trip nothing
    await page.waitForTimeout(500);
    const viewIdle = await roundTrip(page);

    await page.evaluate((n) => (window as any).__view3d.setSynthetic(n, { context: true }), N);
    await settle(page);
    const buildings: number = await page.evaluate(() => (window as any).__view3d.state().buildings);
    const calls = await drawCalls(page);
    const callsShadowFrame = await drawCalls(page, true);
    const fpsN = await fps(page);

    await page.evaluate(() => (window as any).__view3d.setSynthetic(0, { context: false }));
    await settle(page);
    const fpsEmpty = await fps(page);
    await page.evaluate(() => (window as any).__view3d.setSynthetic(null));
    // closed again (warm): the closed figure is the smaller of the two, so the ratio is not flattered
    await page.evaluate(() => (window as any).__store.getState().setView({ view3dSiteId: null }));
    await page.waitForSelector('[data-testid="view3d"]', { state: 'detached', timeout: 30_000 });
    await page.waitForTimeout(500);
    const viewClosedAfter = await roundTrip(page);
    const closed = Math.min(viewClosed, viewClosedAfter);

    return {
      drawCalls: calls, drawCallsShadowFrame: callsShadowFrame, drawCallsSite, siteFps, buildings, fps: fpsN, emptyFps: fpsEmpty, fpsRatio: fpsEmpty > 0 ? fpsN / fpsEmpty : 0,
      workerRoundTripMs: { viewClosed: closed, viewClosedBeforeOpen: viewClosed, viewClosedAfterClose: viewClosedAfter, viewIdle, ratio: closed > 0 ? viewIdle / closed : 0 },
      chunkLoadedBeforeOpen,
      goals: { drawCalls: 20, fpsRatio: 0.5, roundTripRatio: 2 },
    };
  } finally {
    await context.close();
  }
}

// `npx tsx bench/three.bench.ts [port]`: preview the built app and print the figures
if (process.argv[1]?.endsWith('three.bench.ts')) {
  const server = await startPreview(Number(process.argv[2] ?? 4311));
  const browser = await launchBrowser();
  try {
    process.stdout.write(JSON.stringify(await benchThree(browser, server.base), null, 2) + '\n');
  } finally {
    await browser.close();
    server.stop();
  }
}
