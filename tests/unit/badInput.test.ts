/**
 * A corpus of broken scenario files and data files. Each broken scenario must be refused with
 * ok === false, the path of the offending field, and a one-sentence message that starts with that
 * field. Cases are a table of { name, make, field, messageIncludes } run with it.each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenarioText, validateScenario, type ScenarioResult } from '../../workers/model/scenario/validate.ts';
import { MAX_SCENARIO_BYTES } from '../../workers/model/scenario/schema.ts';
import { DataValidationError, validateModelData } from '../../workers/model/data/schema.ts';
import { DATA_FILE, loadModelData } from '../../workers/model/data/loadNode.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

/** The default scenario as a plain, freely editable object (what JSON.parse of a file would give). */
const raw = (edit: (s: any) => void = () => {}): any => {
  const s: any = structuredClone(scenarioWith());
  edit(s);
  return s;
};
const withDrawn = (over: Record<string, unknown>) => raw((s) => { s.drawnSites = [{ ...drawnSite(), ...over }]; });

interface Case {
  name: string;
  /** Builds the input and checks it: returns the validation result. */
  make: () => ScenarioResult;
  field: string;
  messageIncludes: (string | RegExp)[];
}
const obj = (edit: (s: any) => void) => () => validateScenario(raw(edit), data);
const text = (t: string) => () => parseScenarioText(t, data);

const cases: Case[] = [
  // ---- missing field, wrong type, NaN ----
  { name: 'missing field params.quotaCapPct', make: obj((s) => { delete s.params.quotaCapPct; }), field: 'params.quotaCapPct', messageIncludes: ['missing'] },
  { name: 'missing top-level field drawnSites', make: obj((s) => { delete s.drawnSites; }), field: 'drawnSites', messageIncludes: ['missing'] },
  { name: 'wrong type: string for a number', make: obj((s) => { s.params.quotaCapPct = '40'; }), field: 'params.quotaCapPct', messageIncludes: ['number'] },
  { name: 'wrong type: number for a boolean', make: obj((s) => { s.params.hitcFacilitation = 1; }), field: 'params.hitcFacilitation', messageIncludes: ['boolean'] },
  { name: 'wrong type: fractional value for an integer parameter', make: obj((s) => { s.params.uniTownPhases = 2.5; }), field: 'params.uniTownPhases', messageIncludes: ['whole number', '2.5'] },
  { name: 'NaN in a JS object', make: obj((s) => { s.params.quotaCapPct = Number.NaN; }), field: 'params.quotaCapPct', messageIncludes: ['NaN'] },
  { name: 'NaN as JSON text (JSON cannot carry NaN)', make: text(JSON.stringify(raw()).replace('"quotaCapPct":40', '"quotaCapPct":NaN')), field: '(file)', messageIncludes: ['not valid JSON'] },
  { name: 'bare NaN text', make: text('NaN'), field: '(file)', messageIncludes: ['not valid JSON'] },

  // ---- negative areas and other out-of-range numbers ----
  { name: 'negative area in a site edit', make: obj((s) => { s.sites['landsale:kai-tak'] = { areaM2: -7400 }; }), field: 'sites.landsale:kai-tak.areaM2', messageIncludes: ['-7400'] },
  { name: 'zero area in a site edit', make: obj((s) => { s.sites['unitown:ngau-tam-mei'] = { areaM2: 0 }; }), field: 'sites.unitown:ngau-tam-mei.areaM2', messageIncludes: ['0'] },
  // a drawn site has no area field (its area is measured from the polygon): its negative inputs are the plot ratio and shares
  { name: 'negative plot ratio in a drawn site', make: () => validateScenario(withDrawn({ plotRatio: -5.8 }), data), field: 'drawnSites[0].plotRatio', messageIncludes: ['-5.8'] },
  { name: 'negative hostel share in a drawn site', make: () => validateScenario(withDrawn({ hostelSharePct: -1 }), data), field: 'drawnSites[0].hostelSharePct', messageIncludes: ['-1'] },
  { name: 'drawn-site polygon vertex outside Hong Kong', make: () => validateScenario(withDrawn({ polygon: { type: 'Polygon', coordinates: [[[114.17, 22.32], [121.5, 22.32], [114.171, 22.321], [114.17, 22.32]]] } }), data), field: 'drawnSites[0].polygon.coordinates[0][1][0]', messageIncludes: ['121.5'] },
  { name: 'drawn-site ring with too few points', make: () => validateScenario(withDrawn({ polygon: { type: 'Polygon', coordinates: [[[114.17, 22.32], [114.171, 22.32], [114.17, 22.32]]] } }), data), field: 'drawnSites[0].polygon.coordinates[0]', messageIncludes: ['4'] },
  { name: 'negative beds in a site edit', make: obj((s) => { s.sites['existing:hku'] = { beds: -1 }; }), field: 'sites.existing:hku.beds', messageIncludes: ['-1'] },
  { name: 'negative seed', make: obj((s) => { s.seed = -1; }), field: 'seed', messageIncludes: ['-1'] },

  // ---- years out of range, horizon before base ----
  { name: 'baseYear 1990', make: obj((s) => { s.params.baseYear = 1990; }), field: 'params.baseYear', messageIncludes: ['2024', '1990'] },
  { name: 'horizonYear 2100', make: obj((s) => { s.params.horizonYear = 2100; }), field: 'params.horizonYear', messageIncludes: ['2060', '2100'] },
  { name: 'drawn-site tenderYear 3000', make: () => validateScenario(withDrawn({ tenderYear: 3000 }), data), field: 'drawnSites[0].tenderYear', messageIncludes: ['2060', '3000'] },
  { name: 'site edit openYear 1999', make: obj((s) => { s.sites['pipeline:hku-high-west'] = { openYear: 1999 }; }), field: 'sites.pipeline:hku-high-west.openYear', messageIncludes: ['1999'] },
  { name: 'horizon before base', make: obj((s) => { s.params.baseYear = 2030; s.params.horizonYear = 2028; }), field: 'params.horizonYear', messageIncludes: ['baseYear', '2030'] },
  { name: 'horizon equal to base', make: obj((s) => { s.params.baseYear = 2028; s.params.horizonYear = 2028; }), field: 'params.horizonYear', messageIncludes: ['baseYear'] },

  // ---- huge numbers ----
  { name: 'huge number 1e308', make: obj((s) => { s.params.hitcAppliedBeds = 1e308; }), field: 'params.hitcAppliedBeds', messageIncludes: [/100[,\s]?000/] },
  { name: 'huge number 1e308 as JSON text', make: text(JSON.stringify(raw()).replace('"hitcAppliedBeds":5100', '"hitcAppliedBeds":1e308')), field: 'params.hitcAppliedBeds', messageIncludes: [/100[,\s]?000/] },
  { name: '1e999 as JSON text (parses to Infinity)', make: text(JSON.stringify(raw()).replace('"hitcAppliedBeds":5100', '"hitcAppliedBeds":1e999')), field: 'params.hitcAppliedBeds', messageIncludes: [/finite|infinity/i] },
  { name: 'Infinity in a JS object', make: obj((s) => { s.params.gravityDecayKm = Infinity; }), field: 'params.gravityDecayKm', messageIncludes: [/finite|infinity/i] },
  { name: '-Infinity in an institution edit', make: obj((s) => { s.institutions = { HKU: { localUg: -Infinity } }; }), field: 'institutions.HKU.localUg', messageIncludes: [/finite|infinity/i] },

  // ---- unknown codes and ids (checked against the data) ----
  { name: 'unknown institution code in institutions', make: obj((s) => { s.institutions = { ZZZ: { localUg: 100 } }; }), field: 'institutions.ZZZ', messageIncludes: ['ZZZ'] },
  { name: 'unknown institution code as a drawn site owner', make: () => validateScenario(withDrawn({ owner: 'ZZZ' }), data), field: 'drawnSites[0].owner', messageIncludes: ['ZZZ'] },
  { name: 'unknown institution code as a site edit owner', make: obj((s) => { s.sites['landsale:kai-tak'] = { owner: 'ZZZ' }; }), field: 'sites.landsale:kai-tak.owner', messageIncludes: ['ZZZ'] },
  { name: 'unknown site id in sites', make: obj((s) => { s.sites['hotel:999-no-such-hotel'] = { included: false }; }), field: 'sites.hotel:999-no-such-hotel', messageIncludes: ['not in the data'] },
  { name: 'duplicate drawn-site id', make: () => validateScenario(raw((s) => { s.drawnSites = [drawnSite(), drawnSite()]; }), data), field: 'drawnSites[1].id', messageIncludes: ['drawn:test-site'] },

  // ---- unknown fields: the field is the unknown one itself ----
  { name: 'unknown extra field at top level', make: obj((s) => { s.fooBar = 1; }), field: 'fooBar', messageIncludes: ['not a known field'] },
  { name: 'unknown extra field inside params', make: obj((s) => { s.params.quotaCapPctt = 40; }), field: 'params.quotaCapPctt', messageIncludes: ['not a known field'] },
  { name: 'unknown extra field inside a site edit', make: obj((s) => { s.sites['existing:hku'] = { bedz: 10 }; }), field: 'sites.existing:hku.bedz', messageIncludes: ['not a known field'] },

  // ---- distributions ----
  { name: 'distribution with min > max', make: obj((s) => { s.uncertainty.gravityDecayKm = { dist: 'triangular', min: 10, mode: 5, max: 3 }; }), field: 'uncertainty.gravityDecayKm', messageIncludes: ['min'] },
  { name: 'distribution outside the parameter bounds', make: obj((s) => { s.uncertainty.gravityDecayKm = { dist: 'triangular', min: 0.1, mode: 5, max: 10 }; }), field: 'uncertainty.gravityDecayKm', messageIncludes: ['0.5'] },
  { name: 'unknown distribution kind', make: obj((s) => { s.uncertainty.gravityDecayKm = { dist: 'normal', min: 3, mode: 5, max: 10 }; }), field: 'uncertainty.gravityDecayKm.dist', messageIncludes: ['triangular'] },

  // ---- document level ----
  { name: 'newer schemaVersion', make: obj((s) => { s.schemaVersion = 99; }), field: 'schemaVersion', messageIncludes: ['99', 'newer'] },
  { name: 'wrong schema id', make: obj((s) => { s.schema = 'hostel-planner/results'; }), field: 'schema', messageIncludes: ['hostel-planner/scenario'] },
  { name: 'not an object: array', make: () => validateScenario([raw()], data), field: '(document)', messageIncludes: ['object'] },
  { name: 'not an object: null', make: () => validateScenario(null, data), field: '(document)', messageIncludes: ['object'] },
  { name: 'not an object: number', make: () => validateScenario(42, data), field: '(document)', messageIncludes: ['object'] },
  { name: 'not an object: JSON text "[]"', make: text('[]'), field: '(document)', messageIncludes: ['object'] },
  { name: 'truncated JSON text', make: text(JSON.stringify(raw()).slice(0, 500)), field: '(file)', messageIncludes: ['not valid JSON'] },
  { name: 'empty text', make: text(''), field: '(file)', messageIncludes: ['not valid JSON'] },

  // ---- names ----
  { name: '121-character name', make: obj((s) => { s.name = 'x'.repeat(121); }), field: 'name', messageIncludes: ['120'] },
  { name: 'blank name', make: obj((s) => { s.name = '   '; }), field: 'name', messageIncludes: [] },
  { name: '121-character drawn-site name', make: () => validateScenario(withDrawn({ name: 'y'.repeat(121) }), data), field: 'drawnSites[0].name', messageIncludes: ['120'] },
];

/** One sentence: starts with the field, one line, no second sentence after the field name. */
function expectOneSentenceNaming(message: string, field: string) {
  expect(message.startsWith(`${field}:`), `"${message}" should start with "${field}:"`).toBe(true);
  expect(message).not.toMatch(/\n/);
  expect(message.slice(field.length + 1), `"${message}" should be one sentence`).not.toMatch(/[.!?]\s+[A-Z]/);
  expect(message.length).toBeLessThan(400);
}

describe('broken scenarios are refused with the field and a one-sentence message', () => {
  it.each(cases)('$name → $field', ({ make, field, messageIncludes }) => {
    const r = make();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expectOneSentenceNaming(r.message, field);
    for (const m of messageIncludes) {
      if (typeof m === 'string') expect(r.message).toContain(m);
      else expect(r.message).toMatch(m);
    }
  });

  it('the corpus covers every case of the brief', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});

describe('inputs that look odd but are valid', () => {
  it('an HTML/script name within 120 characters is accepted as plain text, unchanged', () => {
    const name = '<script>alert(1)</script>';
    const r = validateScenario(raw((s) => { s.name = name; s.description = '<img src=x onerror=alert(1)>'; }), data);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.name).toBe(name);
    const t = parseScenarioText(JSON.stringify(raw((s) => { s.drawnSites = [drawnSite({ name: '"><svg onload=alert(1)>' })]; })), data);
    expect(t.ok).toBe(true);
    if (t.ok) expect(t.scenario.drawnSites[0].name).toBe('"><svg onload=alert(1)>');
  });

  it('a 120-character name is accepted (the limit is inclusive)', () => {
    expect(validateScenario(raw((s) => { s.name = 'x'.repeat(120); }), data).ok).toBe(true);
  });

  it('validateScenario without data does not check codes and ids against the data', () => {
    expect(validateScenario(raw((s) => { s.institutions = { ZZZ: {} }; }), undefined).ok).toBe(true);
  });
});

describe('oversize files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a 50 MB file is refused by size, naming the size in MB, without parsing the JSON', () => {
    // a valid scenario padded with a ~50 MB description: 50 × 1,048,576 bytes of ASCII
    const big = JSON.stringify(raw((s) => { s.description = 'x'.repeat(50 * 1024 * 1024); }));
    expect(big.length).toBeGreaterThan(MAX_SCENARIO_BYTES);
    const parse = vi.spyOn(JSON, 'parse');
    const r = parseScenarioText(big, data);
    expect(parse).not.toHaveBeenCalled();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe('(file)');
    expect(r.message).toContain('MB');
    expect(r.message).toMatch(/50(\.0)?\s*MB/);
    expectOneSentenceNaming(r.message, '(file)');
  });

  it('the limit counts UTF-8 bytes, not characters (2.6 M three-byte characters = 7.8 MB)', () => {
    const big = JSON.stringify(raw((s) => { s.description = '宿'.repeat(2_600_000); }));
    expect(big.length).toBeLessThan(MAX_SCENARIO_BYTES); // 2.6 M UTF-16 units…
    const r = parseScenarioText(big, data);
    expect(r.ok).toBe(false); // …but 7.8 MB of UTF-8
    if (!r.ok) expect(r.message).toContain('MB');
  });
});

describe('data validation names the file and the field', () => {
  const rawData = () => JSON.parse(fs.readFileSync(DATA_FILE, 'utf8'));
  const expectDataError = (mutate: (d: any) => void, field: string, detail: string | RegExp, file?: string) => {
    const d = rawData();
    mutate(d);
    let err: unknown;
    try { file ? validateModelData(d, file) : validateModelData(d); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DataValidationError);
    const e = err as DataValidationError;
    expect(e.field).toBe(field);
    expect(e.file).toBe(file ?? 'geodata/model-data.json');
    expect(e.message).toContain(e.file);
    expect(e.message).toContain(field);
    if (typeof detail === 'string') expect(e.message).toContain(detail); else expect(e.message).toMatch(detail);
  };

  it('the real data file is valid', () => {
    expect(() => validateModelData(rawData())).not.toThrow();
  });

  it('a string where a number belongs: sites[5].lon = "x"', () => {
    expectDataError((d) => { d.sites[5].lon = 'x'; }, 'sites[5].lon', /number/);
  });

  it('a site owner that is not an institution', () => {
    expectDataError((d) => { d.sites[5].owner = 'ZZZ'; }, 'sites[5].owner', 'ZZZ');
  });

  it('a duplicate site id (reported at the second one)', () => {
    expectDataError((d) => { d.sites[6].id = d.sites[5].id; }, 'sites[6].id', 'duplicates');
  });

  it('an unknown district code and a lon without lat', () => {
    expectDataError((d) => { d.sites[5].district = 'Z'; }, 'sites[5].district', /Z/);
    expectDataError((d) => { const i = d.sites.findIndex((s: any) => s.district === null && s.lon === null); d.sites[i].lon = 114.2; }, `sites[${rawData().sites.findIndex((s: any) => s.district === null && s.lon === null)}].lon`, 'lat');
  });

  it('a non-finite sourced value and a point outside Hong Kong', () => {
    expectDataError((d) => { d.institutions[0].localUg.value = null; }, 'institutions[0].localUg.value', /number/);
    expectDataError((d) => { d.sites[5].lat = 40.7; }, 'sites[5].lat', /22\.6/);
  });

  it('the file name given by the caller is used in the message', () => {
    expectDataError((d) => { d.schema = 'something-else'; }, 'schema', /hostel-planner\/data/, 'data/other.json');
  });

  it('loadModelData names a file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostel-planner-test-'));
    const f = path.join(dir, 'broken.json');
    fs.writeFileSync(f, '{"schema": "hostel-planner/data", ');
    try {
      expect(() => loadModelData(f)).toThrow(/broken\.json.*JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
