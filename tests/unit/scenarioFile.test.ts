/**
 * Scenario files: export → import gives the same scenario; a version-0 file (tests/fixtures/
 * scenario.v0.json) migrates to the current schema; every file in the bad-file corpus
 * (tests/fixtures/bad-scenarios) is refused with its reason, field and message; names with HTML
 * stay text; the migration list is checked at start-up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { SCENARIO_VERSION } from '../../workers/model/scenario/schema.ts';
import { defaultParams, defaultUncertainty, PARAM_KEYS } from '../../workers/model/params/registry.ts';
import { exportScenarioText, importScenarioFile, importScenarioText, nameProblem, scenarioFileName } from '../../src/io/scenarioFile.ts';
import { MIGRATIONS, migrateScenario, validateMigrations, type Migration } from '../../src/io/migrations.ts';
import { setParam, addDrawnSite, editSite } from '../../src/store/updaters.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

const FIX = path.resolve(import.meta.dirname, '../fixtures');
const corpus = JSON.parse(fs.readFileSync(path.join(FIX, 'bad-scenarios/manifest.json'), 'utf8')) as {
  files: { file: string; reason: string; field?: string; says: string }[];
};

describe('export and import', () => {
  it('export → import gives an identical scenario (default and edited)', () => {
    let edited = setParam(defaultScenario(), 'quotaCapPct', 45.5);
    edited = editSite(edited, 'landsale:kai-tak', { plotRatio: 6.1 });
    edited = addDrawnSite(edited, drawnSite({ owner: 'HKU' }));
    for (const s of [defaultScenario(), edited]) {
      const text = exportScenarioText(s);
      const r = importScenarioText(text, data);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (r.ok) { expect(r.scenario).toEqual(s); expect(r.migratedFrom).toBe(SCENARIO_VERSION); }
      expect(exportScenarioText((r as { scenario: typeof s }).scenario)).toBe(text);
    }
  });

  it('writes the schema id and version first, pretty-printed', () => {
    const text = exportScenarioText(defaultScenario());
    expect(text.startsWith('{\n  "schema": "hostel-planner/scenario",\n  "schemaVersion": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps names with HTML or script as text, unchanged', () => {
    const name = '<img src=x onerror=alert(1)> & <script>alert("x")</script>';
    const s = scenarioWith((x) => { x.name = name; x.drawnSites = [drawnSite({ name: '<b>bold</b> site' })]; });
    const r = importScenarioText(exportScenarioText(s), data);
    expect(r.ok).toBe(true);
    if (r.ok) { expect(r.scenario.name).toBe(name); expect(r.scenario.drawnSites[0].name).toBe('<b>bold</b> site'); }
  });

  it('accepts a byte-order mark and Chinese names', () => {
    const s = scenarioWith((x) => { x.name = '加快改裝 2026'; });
    const r = importScenarioText('\uFEFF' + exportScenarioText(s), data);
    expect(r.ok && r.scenario.name).toBe('加快改裝 2026');
  });

  it('makes safe file names', () => {
    expect(scenarioFileName({ name: 'Policy baseline' })).toBe('hostel-scenario-policy-baseline.json');
    expect(scenarioFileName({ name: '../../<x>' })).toBe('hostel-scenario-x.json');
    expect(scenarioFileName({ name: '加快改裝' })).toBe('hostel-scenario-加快改裝.json');
  });

  it('names: control characters and more than 120 characters are refused', () => {
    expect(nameProblem('ok')).toBeNull();
    expect(nameProblem('a\nb')).toMatch(/control/);
    expect(nameProblem('x'.repeat(121))).toMatch(/120/);
    expect(nameProblem('x'.repeat(120))).toBeNull();
    expect(nameProblem('   ')).toMatch(/empty/);
  });
});

describe('bad files are refused with a reason, the field and a message', () => {
  for (const c of corpus.files) {
    it(`${c.file}: ${c.reason}${c.field ? ` at ${c.field}` : ''}`, () => {
      const r = importScenarioText(fs.readFileSync(path.join(FIX, 'bad-scenarios', c.file), 'utf8'), data);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.reason).toBe(c.reason);
      if (c.field) expect(r.field).toBe(c.field);
      expect(r.message).toContain(c.says);
      expect(r.message.length).toBeLessThan(300);
    });
  }

  it('a 50 MB file is refused from its size, before reading', async () => {
    let read = false;
    const blob = { size: 50 * 1024 * 1024, text: async () => { read = true; return ''; } } as unknown as Blob;
    const r = await importScenarioFile(blob, data);
    expect(r).toMatchObject({ ok: false, reason: 'TooLarge' });
    expect(!r.ok && r.message).toMatch(/50\.0 MB.*at most 5 MB/);
    expect(read).toBe(false);
  });

  it('text over 5 MB is refused without parsing', () => {
    const r = importScenarioText(' '.repeat(5 * 1024 * 1024 + 1) + '{}');
    expect(r).toMatchObject({ ok: false, reason: 'TooLarge' });
  });

  it('a good file read through importScenarioFile opens', async () => {
    const r = await importScenarioFile(new Blob([exportScenarioText(defaultScenario())]), data);
    expect(r.ok).toBe(true);
  });
});

describe('migration', () => {
  const v0 = JSON.parse(fs.readFileSync(path.join(FIX, 'scenario.v0.json'), 'utf8'));

  it('the fixture is a version-0 document: flat parameters, years as text, no uncertainty', () => {
    expect(v0.schemaVersion).toBe(0);
    expect(v0.params).toBeUndefined();
    expect(v0.uncertainty).toBeUndefined();
    expect(v0.baseYear).toBe('2025/26');
  });

  it('version 0 → 1: parameters under params, years as numbers, defaults filled, edits renamed', () => {
    const r = importScenarioText(JSON.stringify(v0), data);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(r.migratedFrom).toBe(0);
    expect(s.schemaVersion).toBe(1);
    expect(s.name).toBe(v0.name);
    expect(Object.keys(s.params).sort()).toEqual([...PARAM_KEYS].sort());
    expect(s.params).toMatchObject({ baseYear: 2025, horizonYear: 2040, quotaCapRaisedFromYear: 2026, hitcDecisionYear: 2025, landSaleTenderYear: 2027, takeUpNonLocalPct: 75, bedsPerRoom: 1.9, monteCarloDraws: 500 });
    // parameters the v0 file did not have take the registry default
    expect(s.params.gravityDecayKm).toBe(defaultParams().gravityDecayKm);
    // distributions are the defaults, centred on the file's values
    expect(s.uncertainty.takeUpNonLocalPct).toEqual({ ...defaultUncertainty().takeUpNonLocalPct, mode: 75 });
    expect(s.uncertainty.conversionLeadMonths).toEqual({ dist: 'triangular', min: 12, mode: 12, max: 24 });
    expect(s.sites['existing:hku']).toEqual({ beds: 7600 });
    expect(s.sites['landsale:kai-tak']).toEqual({ plotRatio: 6.2, availableYear: 2026 });
    expect(s.institutions).toEqual({ CUHK: { rpgNonLocal: 3000 } });
    expect(s.drawnSites[0]).toMatchObject({ id: 'drawn:site-1', tenderYear: 2027, included: true, polygon: { type: 'Polygon', coordinates: [v0.drawnSites[0].ring] } });
    expect(s.description).toBe('');
  });

  it('a migrated file exports as the current version and re-imports unchanged', () => {
    const r = importScenarioText(JSON.stringify(v0), data);
    if (!r.ok) throw new Error(r.message);
    const again = importScenarioText(exportScenarioText(r.scenario), data);
    expect(again.ok && again.scenario).toEqual(r.scenario);
    expect(again.ok && again.migratedFrom).toBe(1);
  });

  it('does not modify the document it migrates', () => {
    const copy = structuredClone(v0);
    migrateScenario(copy);
    expect(copy).toEqual(v0);
  });

  it('the migration list is consecutive from scenario/1 and reaches the current version', () => {
    expect(MIGRATIONS.map((m) => m.id)).toEqual(Array.from({ length: SCENARIO_VERSION }, (_, i) => `scenario/${i + 1}`));
    expect(() => validateMigrations(MIGRATIONS)).not.toThrow();
    const step = (id: string): Migration => ({ id, description: '', up: (d) => d });
    expect(() => validateMigrations([step('scenario/1'), step('scenario/3')], 2)).toThrow(/scenario\/2/);
    expect(() => validateMigrations([step('scenario/2')], 1)).toThrow(/consecutive/);
    expect(() => validateMigrations([step('scenario/1')], 2)).toThrow(/version 1.*version 2/);
  });

  it('a step that throws gives MigrationError naming the step, not a half-migrated scenario', () => {
    const boom: Migration = { id: 'scenario/1', description: '', up: () => { throw new Error('boom'); } };
    const r = migrateScenario({ schema: 'hostel-planner/scenario', schemaVersion: 0 }, [boom]);
    expect(r).toMatchObject({ ok: false, reason: 'MigrationError' });
    expect(!r.ok && r.message).toMatch(/scenario\/1.*boom/);
  });

  it('a missing or fractional schemaVersion is WrongSchema', () => {
    for (const v of [undefined, 0.5, -1, '1']) {
      expect(migrateScenario({ schema: 'hostel-planner/scenario', schemaVersion: v })).toMatchObject({ ok: false, reason: 'WrongSchema', field: 'schemaVersion' });
    }
  });
});

describe('parameters added since a file was saved', () => {
  const massing = ['uniTownSiteCoveragePct', 'uniTownFloorToFloorM', 'uniTownHeightLimitM'] as const;
  it('opens a current-version file without them, at their defaults, and says which', () => {
    const s = setParam(defaultScenario(), 'bedsPerRoom', 1.5);
    const doc = JSON.parse(exportScenarioText(s));
    for (const k of massing) delete doc.params[k];
    const r = importScenarioText(JSON.stringify(doc), data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.filledDefaults).toEqual([...massing]);
    for (const k of massing) expect(r.scenario.params[k]).toBe(defaultParams()[k]);
    expect(r.scenario.params.bedsPerRoom).toBe(1.5); // what the file had is kept
  });
  it('still refuses a parameter that is there but wrong, naming it', () => {
    const doc = JSON.parse(exportScenarioText(defaultScenario()));
    delete doc.params.uniTownPhases;
    doc.params.uniTownHeightLimitM = 'tall';
    const r = importScenarioText(JSON.stringify(doc), data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe('params.uniTownHeightLimitM');
  });
  it('reports nothing filled for a complete file', () => {
    const r = importScenarioText(exportScenarioText(defaultScenario()), data);
    expect(r.ok && r.filledDefaults).toEqual([]);
  });
});
