// Browser end-to-end tests of named scenarios, files, share links, languages and persistence in
// real (headless Debian) Chromium against the built app (`vite preview` on port 4321):
// export → import gives an identical scenario; every file of the bad-file corpus is refused with
// its message and leaves the stored scenarios unchanged; a share link opens the same results; in
// zh-HK no English is left on screen; a reload keeps the work and the language.
// Run after `npx vite build`:  node --test tests/e2e/scenarios.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview, launchBrowser, openPage, waitForResults, evalWithTimeout } from './_harness.mjs';

const PORT = 4321;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIX = path.resolve(HERE, '../fixtures');
const CORPUS = JSON.parse(fs.readFileSync(path.join(FIX, 'bad-scenarios/manifest.json'), 'utf8')).files;
const ALLOWED = JSON.parse(fs.readFileSync(path.join(FIX, 'i18n-allowed-tokens.json'), 'utf8')).tokens;
let server, browser;

before(async () => {
  server = await startPreview(PORT);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** A fresh browser context (its own IndexedDB) on the app, with results and the scenario card ready. */
async function fresh(hash = '') {
  const o = await openPage(browser, server.base, hash);
  await waitForResults(o.page, 60_000);
  await o.page.waitForFunction(() => window.__session?.state.getState().ready === true, null, { timeout: 30_000 });
  await o.page.getByRole('combobox', { name: 'Open' }).waitFor();
  return o;
}

/** Every record in the app's IndexedDB scenario store, as stored. */
const storedRecords = (page) => evalWithTimeout(page, () => new Promise((resolve, reject) => {
  const req = indexedDB.open('hostel-planner');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const tx = req.result.transaction('scenarios', 'readonly');
    const all = tx.objectStore('scenarios').getAll();
    all.onsuccess = () => { resolve(all.result.sort((a, b) => a.id.localeCompare(b.id))); req.result.close(); };
    all.onerror = () => reject(all.error);
  };
}), undefined, 10_000);

const scenarioOf = (page) => page.evaluate(() => window.__store.getState().scenario);
const flush = (page) => evalWithTimeout(page, () => window.__session.flush(), undefined, 10_000);
const waitRun = (page) => page.waitForFunction(() => window.__store.getState().run.status === 'done', null, { timeout: 30_000 });
/** Waits for the first finished Monte Carlo (the page's first scenario). */
const waitMc = async (page) => { await waitRun(page); await page.waitForFunction(() => window.__store.getState().mc.status === 'done', null, { timeout: 120_000 }); };
/**
 * Runs `action` and waits for a Monte Carlo that starts after it to finish (a 'done' left from
 * before the action would be stale: the runner only starts the new one after the new results).
 */
async function mcAfter(page, action) {
  const done = evalWithTimeout(page, () => new Promise((resolve) => {
    let seen = false;
    const un = window.__store.subscribe((s) => {
      if (s.mc.status === 'running') seen = true;
      else if (seen && s.mc.status === 'done') { un(); resolve(); }
    });
  }), undefined, 120_000);
  await action();
  await done;
}

async function setNumber(page, label, value) {
  const box = page.getByRole('spinbutton', { name: label }).first();
  await box.fill(String(value));
  await box.press('Enter');
}

test('export → import gives an identical scenario', async () => {
  const { page, context, errors } = await fresh();
  await setNumber(page, /Non-local take-up/, 72);
  await setNumber(page, /Beds per hotel room/, 1.85);
  await page.evaluate(() => window.__store.getState().setScenario((s) => ({ ...s, name: 'Round <b>trip</b> 測試', drawnSites: [{ id: 'drawn:site-1', name: '<script>x</script> site', polygon: { type: 'Polygon', coordinates: [[[114.17, 22.32], [114.171, 22.32], [114.171, 22.321], [114.17, 22.321], [114.17, 22.32]]] }, plotRatio: 6, hostelSharePct: 100, gfaPerBedM2: 16.9, tenderYear: 2027, owner: 'HKU', included: true }] })));
  const original = await scenarioOf(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = path.join(os.tmpdir(), `hp-export-${process.pid}.json`);
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^\{\n {2}"schema": "hostel-planner\/scenario",\n {2}"schemaVersion": 1,/);
  // delete it, then import the file: the scenario comes back identical (same name, as no other has it)
  await page.getByRole('button', { name: 'Delete' }).click();
  assert.notEqual((await scenarioOf(page)).name, original.name);
  await page.getByLabel('Scenario file to import (JSON)').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'from the file' }).waitFor();
  assert.deepEqual(await scenarioOf(page), original);
  // the name is shown as text, not markup
  assert.equal(await page.locator('.sm-select option:checked').textContent(), 'Round <b>trip</b> 測試');
  assert.equal(await page.locator('.scenario-manager b, .scenario-manager script').count(), 0);
  fs.rmSync(file, { force: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('every bad file in the corpus is refused with its message; stored scenarios are unchanged', async () => {
  const { page, context, errors } = await fresh();
  await setNumber(page, /Local UG take-up/, 35);
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await flush(page);
  const before = await storedRecords(page);
  const libraryBefore = await page.evaluate(() => JSON.stringify(window.__session.state.getState().library));
  assert.equal(before.length, 2);
  const big = path.join(os.tmpdir(), `hp-50mb-${process.pid}.json`);
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const cases = [...CORPUS.map((c) => ({ ...c, path: path.join(FIX, 'bad-scenarios', c.file) })), { file: '50 MB', path: big, reason: 'TooLarge', says: '50.0 MB' }];
  for (const c of cases) {
    await page.getByRole('button', { name: 'Dismiss the message' }).click().catch(() => {});
    await page.getByLabel('Scenario file to import (JSON)').setInputFiles(c.path);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
    await alert.waitFor({ timeout: 10_000 });
    const text = await alert.textContent();
    assert.ok(text.includes(c.says), `${c.file}: "${text}" does not say "${c.says}"`);
    if (c.field) assert.ok(text.includes(c.field), `${c.file}: "${text}" does not name ${c.field}`);
    assert.equal(await page.evaluate(() => JSON.stringify(window.__session.state.getState().library)), libraryBefore, `${c.file} changed the library`);
  }
  await flush(page);
  assert.deepEqual(await storedRecords(page), before);
  fs.rmSync(big, { force: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared URL opens the same scenario and the same results', async () => {
  const a = await fresh();
  await waitMc(a.page);
  await mcAfter(a.page, async () => {
    await setNumber(a.page, /Non-local take-up/, 66);
    await setNumber(a.page, /Pipeline delay/, 2);
  });
  await a.page.getByRole('button', { name: 'Copy share link' }).click();
  const url = await a.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(url, /#s=[A-Za-z0-9+\-$]+$/);
  const figures = (page) => page.evaluate(() => {
    const { results: r, mc } = window.__store.getState();
    return { years: r.years, gapMkt: r.sector.gap.market, gapEnt: r.sector.gap.entitlement, supply: r.sector.supply.total, p90: mc.percentiles.gap.market.p90, closes: mc.percentiles.closingYear };
  });
  const headline = (page) => page.locator('.headline-table tbody tr').first().textContent();
  const want = { scenario: await scenarioOf(a.page), figures: await figures(a.page), headline: await headline(a.page) };
  await a.context.close();

  const b = await fresh(url.slice(server.base.length));
  await waitMc(b.page);
  assert.deepEqual(await scenarioOf(b.page), want.scenario);
  assert.deepEqual(await figures(b.page), want.figures);
  assert.equal(await headline(b.page), want.headline);
  await b.page.getByRole('status').filter({ hasText: 'from a shared link' }).waitFor();
  assert.equal(await b.page.evaluate(() => location.hash), '', 'the hash is removed so a reload does not open it again');
  assert.ok((await b.page.getByRole('combobox', { name: 'Open' }).textContent()).includes('(not saved)'));
  // a damaged link: the message, and the baseline stays
  const c = await fresh('#s=' + url.split('#s=')[1].slice(0, 40));
  await c.page.getByRole('alert').filter({ hasText: 'damaged' }).waitFor();
  assert.equal((await scenarioOf(c.page)).name, 'Policy baseline');
  assert.deepEqual([...b.errors, ...c.errors], []);
  await b.context.close();
  await c.context.close();
});

/**
 * Visible English words on the page, in text and in aria-label/title/placeholder/alt, except the
 * allowed tokens (tests/fixtures/i18n-allowed-tokens.json) and data text marked data-i18n-exempt
 * (user names, site names only in English in the data, citations); a select counts only its
 * chosen option.
 */
const englishOnScreen = (page) => evalWithTimeout(page, (allowed) => {
  const ok = new Set(allowed);
  const found = [];
  const visible = (el) => {
    if (!el || el.closest('[data-i18n-exempt]')) return false;
    if (el.tagName === 'OPTION') return el.selected && visible(el.closest('select'));
    if (el.closest('[hidden], [aria-hidden="true"]')) return false;
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none' && !el.closest('details:not([open]) > :not(summary)');
  };
  const check = (text, where) => {
    for (const w of text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) if (!ok.has(w)) found.push(`${w} ← ${where}: ${text.trim().slice(0, 80)}`);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !n.textContent.trim()) continue;
    if (!visible(el)) continue;
    check(n.textContent, el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
    if (!visible(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      // a tooltip that quotes a source citation (English-only data) is marked data-i18n-exempt-title
      if (a === 'title' && el.hasAttribute('data-i18n-exempt-title')) continue;
      const v = el.getAttribute(a);
      if (v) check(v, `${el.tagName.toLowerCase()}[${a}]`);
    }
  }
  return [...new Set(found)];
}, ALLOWED, 20_000);

test('zh-HK: the language switch changes every visible label (no English left)', async () => {
  const { page, context, errors } = await fresh();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  const enText = await page.locator('body').innerText();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-HK');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-HK');
  await page.waitForTimeout(800);
  assert.notEqual(await page.locator('body').innerText(), enText);
  const main = await englishOnScreen(page);
  assert.deepEqual(main, [], `English left on the main screen:\n${main.join('\n')}`);
  // the scenario tools in Chinese too
  await page.getByRole('button', { name: '比較' }).click();
  await page.locator('.cmp-table').waitFor({ timeout: 30_000 });
  const compare = await englishOnScreen(page);
  await page.getByRole('button', { name: '關閉' }).first().click();
  await page.getByRole('button', { name: '匯入用地' }).click();
  await page.getByLabel('GeoJSON或CSV檔案').setInputFiles(path.join(FIX, 'gis/sites-wgs84.csv'));
  await page.locator('.gis-errors').waitFor();
  const gis = await englishOnScreen(page);
  await page.getByRole('button', { name: '取消' }).click();
  assert.deepEqual([...compare, ...gis], [], `English left in the compare or GIS dialogs:\n${[...compare, ...gis].join('\n')}`);
  await page.screenshot({ path: '/tmp/scenarios-zh.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('reloading the page keeps the work and the language', async () => {
  const { page, context, errors } = await fresh();
  await setNumber(page, /Conversion works/, 14);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Kept across reloads');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-HK');
  // no explicit flush: the debounced autosave (and pagehide) must be enough
  await page.waitForTimeout(700);
  await page.reload();
  await waitForResults(page, 60_000);
  await page.waitForFunction(() => window.__session?.state.getState().ready === true, null, { timeout: 30_000 });
  const s = await scenarioOf(page);
  assert.equal(s.params.conversionLeadMonths, 14);
  assert.equal(s.name, 'Kept across reloads');
  assert.equal(await page.evaluate(() => window.__store.getState().view.lang), 'zh-HK');
  assert.equal(await page.getByRole('spinbutton', { name: /改裝工程期/ }).first().inputValue(), '14');
  // an edit immediately followed by a reload is kept too (flushed on pagehide)
  await setNumber(page, /改裝工程期/, 20);
  await page.reload();
  await waitForResults(page, 60_000);
  await page.waitForFunction(() => window.__session?.state.getState().ready === true, null, { timeout: 30_000 });
  assert.equal((await scenarioOf(page)).params.conversionLeadMonths, 20);
  assert.deepEqual(errors, []);
  await context.close();
});
