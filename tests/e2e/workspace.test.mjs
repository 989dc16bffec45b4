// The planner's workspace in real headless Chromium against the built app (`vite preview`), with
// every request that is not to the app blocked: the map renders, layers toggle, a hotel opens its
// inspector and an edit moves the headline, a drawn polygon becomes a site with beds, a control
// change redraws the chart, and the console stays clean. Controls are found by accessible name.
import fs from 'node:fs';
import path from 'node:path';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPreview, launchBrowser, openPage, waitForMap, waitForResults, nonBackgroundPixels, evalWithTimeout } from './_harness.mjs';

let server, browser, session;

before(async () => {
  server = await startPreview(4301);
  browser = await launchBrowser();
  session = await openPage(browser, server.base);
  await waitForMap(session.page);
  await waitForResults(session.page);
});
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => evalWithTimeout(page, () => {
  const s = window.__store.getState();
  return { view: s.view, drawn: s.scenario.drawnSites.map((d) => d.id), sites: s.scenario.sites, version: s.run.version };
});
const headlineValue = (page, id) => page.locator(`[data-testid="${id}"]`).getAttribute('data-value').then(Number);
/** Waits for a deterministic result newer than `version`. */
const nextResult = (page, version) => page.waitForFunction((v) => window.__store.getState().run.version > v && window.__store.getState().run.status === 'done', version, { timeout: 30_000 });

test('the map renders offline: the canvas has drawn features and nothing outside the app was requested', async () => {
  const { page, blocked } = session;
  const ms = await page.evaluate(() => window.__mapLoadMs);
  assert.ok(ms > 0 && Number.isFinite(ms), `window.__mapLoadMs = ${ms}`);
  const n = await nonBackgroundPixels(page, '.maplibregl-canvas');
  assert.ok(n > 5000, `only ${n} non-background pixels on the map canvas`);
  assert.deepEqual(blocked, [], 'the app asked for something outside its origin');
  // the hidden sky pass is skipped (src/map/skipHiddenSky.ts): if a MapLibre upgrade moves it,
  // its shader program is back in the cache and this fails
  // (MapLibre 6 keeps them in programCache.programs, earlier versions in programCache itself)
  const programs = await page.evaluate(() => {
    const cache = window.__map.painter.programCache;
    const byKey = cache.programs ?? cache;
    return [...(byKey.keys?.() ?? Object.keys(byKey))];
  });
  assert.ok(['fill/', 'line/', 'circle/'].every((p) => programs.some((k) => k.startsWith(p))), `fill, line and circle programs not read from the painter: ${programs.join(', ')}`);
  assert.ok(!programs.some((k) => k.startsWith('sky')), `the sky program was built: ${programs.join(', ')}`);
  // the all-Hong-Kong view has no MapLibre text (src/map/districtLabels.ts): no SDF text shaders
  assert.ok(!programs.some((k) => k.startsWith('symbol')), `a symbol program was built at the start view: ${programs.join(', ')}`);
  // the panels mount once the map has drawn (src/map/mapSettled.ts)
  await page.getByRole('slider', { name: 'Map year', exact: true }).waitFor();
  await page.screenshot({ path: 'shots/e2e-workspace-map.png' });
});

test('district names: page text over the all-Hong-Kong view, MapLibre\'s layer from zoom 10, in both languages and in the report\'s map image', async () => {
  const s = await openPage(browser, server.base);
  const { page } = s;
  try {
    await waitForMap(page);
    await waitForResults(page);
    await page.getByRole('button', { name: 'Printable report' }).waitFor();
    const start = await evalWithTimeout(page, () => {
      const map = window.__map;
      const box = map.getContainer().getBoundingClientRect();
      const shown = [...document.querySelectorAll('[data-testid="district-label"]')]
        .filter((el) => getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden]') && el.getBoundingClientRect().width > 0);
      const rects = shown.map((el) => el.getBoundingClientRect());
      let overlaps = 0;
      for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i], b = rects[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
      }
      const glyphsBeforeRender = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.pbf') && e.startTime < window.__mapLoadMs).length;
      return {
        zoom: map.getZoom(),
        shown: shown.map((el) => [...el.children].map((c) => [c.lang, c.textContent])),
        inside: rects.every((r) => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom),
        overlaps,
        layerMinzoom: map.getLayer('basemap-district-label')?.minzoom,
        drawnByMapLibre: map.queryRenderedFeatures({ layers: ['basemap-district-label'] }).length,
        glyphsBeforeRender,
        label: rects[0] && { x: rects[0].left - box.left, y: rects[0].top - box.top, w: rects[0].width, h: rects[0].height },
      };
    });
    assert.ok(start.zoom < 10, `the start view is at zoom ${start.zoom}`);
    assert.ok(start.shown.length >= 8, `only ${start.shown.length} district names shown`);
    for (const [[l1, t1], [l2, t2]] of start.shown) {
      assert.equal(l1, 'en');
      assert.match(t1, /^[A-Za-z &]+$/);
      assert.equal(l2, 'zh-HK');
      assert.match(t2, /^[\u4e00-\u9fff]+區$/);
    }
    assert.ok(start.inside, 'a district name crosses the map edge');
    assert.equal(start.overlaps, 0, 'two district names overlap');
    assert.equal(start.layerMinzoom, 10);
    assert.equal(start.drawnByMapLibre, 0);
    // the point of page text: the first render needs no glyph files
    assert.equal(start.glyphsBeforeRender, 0);

    // the report's map image has the names painted in where the page shows them
    await page.getByRole('button', { name: 'Printable report' }).click();
    const img = page.getByRole('img', { name: /^Map of sites and district gaps in/ });
    await img.waitFor();
    const differing = await evalWithTimeout(page, async ({ label }) => {
      const imgEl = [...document.querySelectorAll('img')].find((i) => i.alt.startsWith('Map of sites'));
      await imgEl.decode();
      const map = window.__map.getCanvas();
      const scale = map.width / map.getBoundingClientRect().width;
      const read = (src) => {
        const c = document.createElement('canvas');
        c.width = map.width; c.height = map.height;
        const ctx = c.getContext('2d');
        ctx.drawImage(src, 0, 0);
        return ctx.getImageData(Math.floor(label.x * scale), Math.floor(label.y * scale), Math.ceil(label.w * scale), Math.ceil(label.h * scale)).data;
      };
      const a = read(imgEl), b = read(map);
      let n = 0;
      for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 60) n++;
      return { n, of: a.length / 4 };
    }, { label: start.label });
    assert.ok(differing.n > differing.of * 0.05, `the report's map image differs from the bare canvas in ${differing.n} of ${differing.of} pixels under a district name`);
    await page.keyboard.press('Escape');
    await img.waitFor({ state: 'detached' });

    // Chinese first in zh-HK
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-HK');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-HK');
    const zh = await page.locator('[data-testid="district-label"]').first().evaluate((el) => [...el.children].map((c) => c.lang));
    assert.deepEqual(zh, ['zh-HK', 'en']);

    // from zoom 10 MapLibre draws them, with the station names, and the page's are hidden
    await page.evaluate(() => window.__map.jumpTo({ zoom: 11, center: [114.17, 22.32] }));
    await page.waitForFunction(() => window.__map.loaded() && window.__map.queryRenderedFeatures({ layers: ['basemap-district-label'] }).length > 0, null, { timeout: 20_000 });
    const pageShown = await page.locator('[data-testid="district-label"]').evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
    assert.equal(pageShown, 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.context.close();
  }
});

test('without WebGL the map says so and every panel still works', async () => {
  // a browser that cannot give MapLibre a WebGL context
  const s = await openPage(browser, server.base, '', {
    onPage: (page) => page.addInitScript({ content: `
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return /webgl/.test(kind) ? null : get.call(this, kind, ...rest); };` }),
  });
  try {
    await s.page.getByRole('alert').filter({ hasText: 'The map could not start' }).waitFor({ timeout: 20_000 });
    await waitForResults(s.page);
    // the panels did not wait for the 8 s deadline: the failed map released them at once
    await s.page.getByRole('slider', { name: 'Map year', exact: true }).waitFor({ timeout: 5_000 });
    const gaps = await s.page.locator('[data-testid^="headline-gap-"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    assert.ok(gaps.length === 2 && gaps.every(Number.isFinite), `headline gaps ${gaps}`);
    assert.deepEqual(s.errors.filter((e) => !/WebGL/i.test(e)), [], 'console errors other than the missing WebGL');
  } finally { await s.context.close(); }
});

test('the preview server sends the files the build compressed, not compressing them on the fly', async () => {
  const html = await (await fetch(server.base)).text();
  const entry = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(entry, 'no entry script in index.html');
  for (const [accept, expected] of [['br', 'br'], ['gzip', 'gzip'], ['identity', null]]) {
    const res = await fetch(server.base + entry, { headers: { 'accept-encoding': accept } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), expected, `Accept-Encoding: ${accept}`);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
  }
});

test("the build's own JavaScript is ASCII-only (vite.config.ts: a non-ASCII character makes Chrome decode a whole script as two-byte text)", () => {
  const dir = path.resolve('dist/assets');
  // MapLibre's worker is copied as it is (an asset, .mjs); every chunk the build writes is .js
  const chunks = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  assert.ok(chunks.length > 5, `only ${chunks.length} chunks in dist/assets`);
  for (const f of chunks) {
    const bytes = fs.readFileSync(path.join(dir, f));
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `${f}: non-ASCII byte at ${at}`);
  }
});

test('every layer has a legend toggle that shows and hides its map layers', async () => {
  const { page } = session;
  const layers = {
    campuses: 'Campuses', existing: 'Existing hostels', pipeline: 'Pipeline projects', conversions: 'Hotel and guesthouse candidates',
    landSale: 'Land-sale hostel sites', universityTown: 'University Town sites', youthHostels: 'Youth hostels', districtGap: 'District gap',
  };
  for (const [id, name] of Object.entries(layers)) {
    const box = page.getByRole('checkbox', { name: new RegExp(name) });
    const before = await box.isChecked();
    await box.click();
    await page.waitForFunction(([i, b]) => window.__store.getState().view.layers[i] === !b, [id, before]);
    const vis = await evalWithTimeout(page, (i) => {
      const map = window.__map;
      const ids = { campuses: ['campuses'], existing: ['existing'], pipeline: ['pipeline'], conversions: ['conversions'], landSale: ['landSale'], universityTown: ['unitown-fill'], youthHostels: ['youthHostels'], districtGap: ['districtGap'] }[i];
      return ids.map((l) => (map.getLayer(l) ? map.getLayoutProperty(l, 'visibility') ?? 'visible' : 'missing'));
    }, id);
    assert.ok(vis.every((v) => v === (before ? 'none' : 'visible')), `${id}: map layer visibility ${vis} after toggling from ${before}`);
    await box.click(); // back as it was
    await page.waitForFunction(([i, b]) => window.__store.getState().view.layers[i] === b, [id, before]);
  }
});

test('clicking a converting hotel opens its inspector, and delaying its opening changes the headline', async () => {
  const { page } = session;
  // a hotel the model converts by the selected year that no other site overlaps on screen
  const target = await evalWithTimeout(page, async () => {
    const s = window.__store.getState();
    const r = s.results.sites;
    const map = window.__map;
    for (let k = 0; k < r.ids.length; k++) {
      if (!r.ids[k].startsWith('hotel:') || !(r.beds[k] > 50) || r.openYear[k] > s.view.year) continue;
      const site = s.data.sites[k];
      map.jumpTo({ center: [site.lon, site.lat], zoom: 16 });
      await new Promise((res) => { if (map.loaded()) res(); else map.once('idle', res); setTimeout(res, 3000); });
      const p = map.project([site.lon, site.lat]);
      const near = map.queryRenderedFeatures([[p.x - 14, p.y - 14], [p.x + 14, p.y + 14]])
        .filter((f) => f.properties && typeof f.properties.id === 'string' && f.properties.id !== site.id);
      if (near.length) continue;
      return { id: site.id, name: site.nameEn, beds: r.beds[k], rooms: site.rooms.value };
    }
    return null;
  }, undefined, 60_000);
  assert.ok(target, 'no converting hotel found in the results');
  await waitForMap(page);
  const pt = await evalWithTimeout(page, (id) => {
    const s = window.__store.getState();
    const site = s.data.sites.find((x) => x.id === id);
    const p = window.__map.project([site.lon, site.lat]);
    const r = window.__map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, target.id);
  await page.mouse.move(pt.x, pt.y);
  await page.mouse.click(pt.x, pt.y);
  await page.waitForFunction((id) => window.__store.getState().view.selectedSiteId === id, target.id, { timeout: 10_000 });
  await page.getByText(target.name, { exact: false }).first().waitFor();
  const before = await headlineValue(page, 'headline-gap-market');
  const { version } = await state(page);
  // The applied wave is a published bed total, so more rooms here only means fewer other hotels;
  // opening this hotel after the map year removes its beds from that year instead.
  const openYear = page.getByRole('spinbutton', { name: /Open year/ }).first();
  await openYear.fill('2039');
  await openYear.press('Enter');
  await nextResult(page, version);
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="headline-gap-market"]').getAttribute('data-value')) !== b, before, { timeout: 10_000 });
  const after = await headlineValue(page, 'headline-gap-market');
  assert.ok(Math.abs(after - before - target.beds) < 1, `opening a ${Math.round(target.beds)}-bed hotel in 2039/40 should widen the market gap by its beds (${before} → ${after})`);
  await page.screenshot({ path: 'shots/e2e-workspace-inspector.png' });
  // put it back
  await page.getByRole('button', { name: /Reset site/ }).click();
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="headline-gap-market"]').getAttribute('data-value')) === b, before, { timeout: 20_000 });
});

test('a polygon drawn on the map becomes a site with beds and an opening year', async () => {
  const { page } = session;
  await evalWithTimeout(page, () => { window.__map.jumpTo({ center: [114.185, 22.335], zoom: 15 }); });
  await waitForMap(page);
  const { drawn, version } = await state(page);
  await page.getByRole('button', { name: /Draw a site/ }).click();
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const pts = [[cx - 60, cy - 60], [cx + 60, cy - 60], [cx + 60, cy + 60], [cx - 60, cy + 60]];
  for (const [x, y] of pts) { await page.mouse.move(x, y); await page.waitForTimeout(100); await page.mouse.click(x, y); await page.waitForTimeout(200); }
  await page.mouse.move(pts[0][0], pts[0][1]);
  await page.waitForTimeout(100);
  await page.mouse.click(pts[0][0], pts[0][1]); // closing on the first point finishes the polygon
  await page.waitForFunction((n) => window.__store.getState().scenario.drawnSites.length > n, drawn.length, { timeout: 10_000 });
  await nextResult(page, version);
  const site = await evalWithTimeout(page, () => {
    const s = window.__store.getState();
    const d = s.scenario.drawnSites[s.scenario.drawnSites.length - 1];
    const i = s.results.sites.ids.indexOf(d.id);
    return { id: d.id, beds: s.results.sites.beds[i], openYear: s.results.sites.openYear[i], selected: s.view.selectedSiteId };
  });
  assert.ok(site.beds > 100, `drawn site has ${site.beds} beds`);
  assert.ok(site.openYear >= 2026, `drawn site opens ${site.openYear}`);
  assert.equal(site.selected, site.id, 'the new site is selected in the inspector');
  await page.screenshot({ path: 'shots/e2e-workspace-drawn.png' });
});

test('changing a scenario control updates the supply chart and the headline', async () => {
  const { page } = session;
  const canvas = page.locator('.chart-card canvas, [data-testid="chart-supply-demand"] canvas').first();
  const hash = () => canvas.evaluate((c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let h = 0; for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) | 0; return h; });
  const before = await hash();
  const gapBefore = await headlineValue(page, 'headline-gap-market');
  const { version } = await state(page);
  const input = page.getByRole('spinbutton', { name: /Hostel share of site area/ }).first();
  await input.fill('25');
  await input.press('Enter');
  await nextResult(page, version);
  await page.waitForTimeout(300); // the chart repaints on the next frames
  const after = await hash();
  assert.notEqual(after, before, 'the chart canvas did not change');
  const gapAfter = await headlineValue(page, 'headline-gap-market');
  assert.notEqual(gapAfter, gapBefore, 'the headline did not change');
});

test('an online basemap that cannot load falls back to the offline map, and the console stayed clean', async () => {
  const { page, errors } = session;
  await page.getByRole('button', { name: /Settings/ }).click();
  const url = page.getByRole('textbox', { name: /Online basemap style URL/ });
  await url.fill('https://tiles.example.invalid/style.json');
  await page.getByRole('button', { name: /^Apply$/ }).click();
  await page.waitForFunction(() => /offline|離線/i.test(document.querySelector('[data-testid="map-message"]')?.textContent ?? ''), null, { timeout: 20_000 });
  await waitForMap(page);
  const n = await nonBackgroundPixels(page, '.maplibregl-canvas');
  assert.ok(n > 5000, `map blank after fallback (${n} pixels)`);
  // the only failed requests were the ones we blocked on purpose (the invalid style host)
  const unexpected = errors.filter((e) => !/example\.invalid|Failed to load resource|ERR_FAILED|net::/.test(e));
  assert.deepEqual(unexpected, [], `console errors: ${unexpected.join(' | ')}`);
});
