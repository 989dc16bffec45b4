// Shared set-up for the browser tests and the browser benchmarks: `vite preview` of the built app on
// 127.0.0.1 and Debian's headless Chromium driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Starts `vite preview` on `port` and resolves when it answers; returns { base, stop }. */
export async function startPreview(port) {
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(base)).ok) return { base, stop: () => { try { process.kill(-server.pid); } catch { /* gone */ } } }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  try { process.kill(-server.pid); } catch { /* gone */ }
  throw new Error(`vite preview did not start on port ${port} (is dist/ built? run npm run build)`);
}

/**
 * Chromium's own resolver fails every host name but the preview server's address: the network is
 * cut off without intercepting requests (see openPage's `intercept`).
 */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 60_000 });
}

/** Console messages that are noise in headless SwiftShader, not app errors. */
const BENIGN = [/GPU stall due to ReadPixels/i, /Automatic fallback to software WebGL/i, /WebGL.*performance/i, /GL Driver Message/i];

/**
 * A new page that blocks every request that is not to the preview server (the app must work
 * offline) and records console errors and page errors.
 *
 * `intercept: false` (the first-render benchmark) leaves requests alone: Playwright's `route` holds
 * every request until the test process has answered it over the DevTools protocol, a cost no
 * planner's browser has (with the page's ~40 requests, the held first render was 0.07 s faster to
 * 0.35 s slower in four same-run comparisons on two cores; the benchmark prints both). Requests
 * elsewhere are then only recorded in `blocked` (the browser must be launched with OFFLINE_ARGS,
 * so that they fail as they would offline).
 */
export async function openPage(browser, base, path = '', { viewport = { width: 1400, height: 860 }, onPage = null, settleMs = 0, intercept = true } = {}) {
  const context = await browser.newContext({ viewport });
  // Functions passed to page.evaluate from TypeScript run through esbuild (tsx), which may wrap inner
  // functions in a __name() helper that does not exist in the page; give the page a no-op one.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  const blocked = [];
  page.on('console', (m) => { if (m.type() === 'error' && !BENIGN.some((re) => re.test(m.text()))) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const local = (url) => url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:');
  if (intercept) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (local(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
  } else {
    page.on('request', (r) => { if (!local(r.url())) blocked.push(r.url()); });
  }
  if (onPage) onPage(page); // listeners that must see the first requests
  // Benchmarks pass settleMs: every new context opens a window whose WebUI renderer (the omnibox
  // popup) burns ~1.4 s of CPU on start-up (measured from /proc), which on 2 cores would be billed
  // to our page's load; a user's browser window is already open when they navigate.
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  await page.goto(base + path);
  return { page, context, errors, blocked };
}

/** Runs `fn` in the page with a hard timeout (an un-timed await once hung a run for 10 minutes). */
export async function evalWithTimeout(page, fn, arg, ms = 20_000) {
  return Promise.race([
    page.evaluate(fn, arg),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`page.evaluate timed out after ${ms} ms`)), ms)),
  ]);
}

/** Waits until the map has loaded and is idle; returns window.__mapLoadMs. */
export async function waitForMap(page, ms = 30_000) {
  await page.waitForFunction(() => window.__mapLoadMs !== undefined, null, { timeout: ms });
  await evalWithTimeout(page, () => new Promise((r) => { const m = window.__map; if (m.loaded() && !m.isMoving()) r(); else m.once('idle', () => r()); setTimeout(r, 8000); }), undefined, 15_000);
  return page.evaluate(() => window.__mapLoadMs);
}

/**
 * Resolves with window.__mapLoadMs once the page has set it, reading it over a raw DevTools session
 * every 100 ms, for the first-render benchmark. waitForMap's page.waitForFunction first injects
 * Playwright's own script into the page and then runs its predicate every animation frame: main-thread
 * work no planner's browser does, which made the first render 0.21 s slower (paired median of 10
 * navigations each, taking turns, 9 of 10 slower). The figure itself is the page's own timestamp,
 * so polling every 100 ms does not round it.
 */
export async function readMapLoadMsPassively(page, ms = 30_000) {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const end = Date.now() + ms; Date.now() < end;) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__mapLoadMs', returnByValue: true });
      if (typeof result.value === 'number') return result.value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`window.__mapLoadMs not set within ${ms} ms`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits for the first deterministic results in the store. */
export async function waitForResults(page, ms = 30_000) {
  await page.waitForFunction(() => window.__store?.getState().results !== null && window.__store?.getState().run.status === 'done', null, { timeout: ms });
}

/** Counts canvas pixels that differ from the colour of its top-left pixel (the background). */
export async function nonBackgroundPixels(page, selector) {
  return evalWithTimeout(page, (sel) => {
    const src = document.querySelector(sel);
    if (!src) return -1;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const [r0, g0, b0] = [d[0], d[1], d[2]];
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 24) n++;
    return n;
  }, selector);
}
