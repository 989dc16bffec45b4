// Browser end-to-end test of the 3D site view in real (headless Debian) Chromium against the built
// app: it opens from the map for the Ngau Tam Mei University Town site, renders, shows the same
// beds as the inspector and the model, and its buildings follow the plot ratio set in the
// scenario panel. Run after `npx vite build`:  node --test tests/e2e/view3d.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, launchBrowser, openPage, waitForResults, nonBackgroundPixels, evalWithTimeout } from './_harness.mjs';

const PORT = 4311;
const SITE = 'unitown:ngau-tam-mei';
let server, browser, page, errors;

before(async () => {
  server = await startPreview(PORT);
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, server.base));
  await waitForResults(page, 60_000);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const framesAbove = (n) => page.waitForFunction((k) => (window.__r3fFrames ?? 0) > k, n, { timeout: 60_000 });

test('the 3D chunk is not loaded before the view opens; opening it from the map renders the site', async () => {
  const before3d = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /SiteView3D/.test(n)));
  assert.deepEqual(before3d, [], '3D chunk loaded before the view was opened');
  // select the site as a click on the map does, then use the inspector's "Open 3D view" button
  await page.evaluate((id) => window.__store.getState().setView({ selectedSiteId: id }), SITE);
  await page.locator('[data-testid="site-inspector"]').getByRole('button', { name: 'Open 3D view' }).click();
  await page.waitForSelector('[data-testid="view3d-canvas"]', { timeout: 60_000 });
  await framesAbove(0);
  // let the context data and shadows settle, then one more frame
  await page.waitForFunction(() => document.querySelector('[data-testid="view3d"]')?.getAttribute('data-buildings') !== '0', null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await evalWithTimeout(page, () => new Promise((r) => { const f = window.__r3fFrames; window.__three.invalidate(); const tick = () => (window.__r3fFrames > f ? r() : requestAnimationFrame(tick)); tick(); }), undefined, 20_000);
  const after3d = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /SiteView3D/.test(n)));
  assert.ok(after3d.length > 0, 'the 3D chunk loads when the view opens');
  const gl2 = await page.evaluate(() => window.__three.renderer.capabilities.isWebGL2);
  assert.equal(gl2, true);
  const n = await nonBackgroundPixels(page, '[data-testid="view3d-canvas"]');
  assert.ok(n > 10_000, `only ${n} non-background pixels`);
  const calls = await page.evaluate(() => window.__three.renderer.info.render.calls);
  assert.ok(calls > 0 && calls <= 20, `${calls} draw calls`);
  await page.screenshot({ path: '/tmp/view3d-e2e.png' });
  assert.deepEqual(errors, []);
});

test('the bed figure in the 3D view is the inspector\'s and the model\'s', async () => {
  await page.waitForSelector('[data-testid="view3d-beds"]');
  await page.waitForSelector('[data-testid="site-inspector"] [data-testid="site-beds"]');
  const shown = await page.textContent('[data-testid="view3d-beds"]');
  const inspector = await page.textContent('[data-testid="site-inspector"] [data-testid="site-beds"]');
  assert.equal(shown.trim(), inspector.trim());
  const model = await page.evaluate((id) => { const s = window.__store.getState().results.sites; return s.beds[s.ids.indexOf(id)]; }, SITE);
  assert.ok(model > 19_000 && model < 21_000, `model beds ${model}`);
  assert.equal(Number(shown.replace(/[^0-9]/g, '')), Math.round(model));
  const hookBeds = await page.evaluate(() => window.__view3d.state().beds);
  assert.ok(Math.abs(hookBeds - model) < 1e-6, `massing ${hookBeds} vs model ${model}`);
});

test('the year slider ghosts the buildings of phases not open yet; hovering a building shows its figures; the image saves as PNG', async () => {
  const slider = page.getByRole('slider', { name: 'Year shown' });
  const phases = await page.evaluate((id) => { const s = window.__store.getState().results.sites; const k = s.ids.indexOf(id); return [s.openYear[k], s.fullYear[k]]; }, SITE);
  await slider.fill(String(phases[0] - 1));
  await page.waitForFunction(() => { const s = window.__view3d.state(); return s.ghosted === s.buildings; }, null, { timeout: 10_000 });
  await slider.fill(String(phases[0]));
  await page.waitForFunction(() => { const s = window.__view3d.state(); return s.ghosted > 0 && s.ghosted < s.buildings; }, null, { timeout: 10_000 });
  await slider.fill(String(phases[1]));
  await page.waitForFunction(() => window.__view3d.state().ghosted === 0, null, { timeout: 10_000 });
  // sweep the pointer over the canvas until it is over a building
  const box = await page.locator('[data-testid="view3d-canvas"]').boundingBox();
  let found = false;
  for (let i = 0; i < 49 && !found; i++) {
    await page.mouse.move(box.x + box.width * (0.3 + 0.4 * ((i % 7) / 6)), box.y + box.height * (0.3 + 0.4 * (Math.floor(i / 7) / 6)));
    found = await page.locator('[data-testid="view3d-building"] dl').count() > 0;
  }
  assert.ok(found, 'no building under the pointer anywhere in the middle of the canvas');
  const text = await page.textContent('[data-testid="view3d-building"]');
  assert.match(text, /Storeys/);
  assert.match(text, /Student hostel|Academic/);
  await page.mouse.move(box.x + 2, box.y + 2);
  // screenshot export: a PNG download
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Save image (PNG)' }).click()]);
  assert.match(download.suggestedFilename(), /^hostel-planner-3d-unitown-ngau-tam-mei-\d{4}\.png$/);
});

test('changing the plot ratio in the scenario panel changes the building heights and the beds', async () => {
  const h0 = Number(await page.getAttribute('[data-testid="view3d"]', 'data-max-height'));
  const beds0 = await page.textContent('[data-testid="view3d-beds"]');
  const group = page.locator('details[data-group="universityTown"]');
  if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
  const input = group.getByRole('spinbutton', { name: /^Hostel plot ratio/ });
  await input.fill('9');
  await page.waitForFunction((h) => Number(document.querySelector('[data-testid="view3d"]').getAttribute('data-max-height')) > h, h0, { timeout: 30_000 });
  const h1 = Number(await page.getAttribute('[data-testid="view3d"]', 'data-max-height'));
  assert.ok(h1 > h0, `max height ${h0} → ${h1}`);
  // and the model's rerun agrees with the view
  await page.waitForFunction((id) => { const st = window.__store.getState(); const s = st.results?.sites; return st.scenario.params.uniTownPlotRatio === 9 && st.run.status === 'done' && s && Math.abs(s.beds[s.ids.indexOf(id)] - window.__view3d.state().beds) < 1e-6; }, SITE, { timeout: 30_000 });
  const beds1 = await page.textContent('[data-testid="view3d-beds"]');
  assert.notEqual(beds1, beds0);
  const inspector = await page.textContent('[data-testid="site-inspector"] [data-testid="site-beds"]');
  assert.equal(beds1.trim(), inspector.trim());
  // the close button closes the view
  await page.getByRole('button', { name: 'Close' }).first().waitFor();
  await page.locator('[data-testid="view3d"] button[aria-label="Close"]').click();
  await page.waitForSelector('[data-testid="view3d"]', { state: 'detached', timeout: 10_000 });
  assert.deepEqual(errors, []);
});
