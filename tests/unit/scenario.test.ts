/**
 * The default scenario and the parameter registry it is made from: every parameter documented in
 * both languages with a unit, a source and an in-range default; every Monte Carlo distribution inside
 * its parameter's bounds with the default as its mode; and scenarios survive a JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import { PARAMS as PARAM_LIST, PARAM_KEYS, defaultParams, defaultUncertainty, type ParamSpec } from '../../workers/model/params/registry.ts';
import { defaultScenario, DEFAULT_SEED } from '../../workers/model/scenario/defaultScenario.ts';
import { parseScenarioText, validateScenario } from '../../workers/model/scenario/validate.ts';
import { SCENARIO_SCHEMA_ID, SCENARIO_VERSION } from '../../workers/model/scenario/schema.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

/** The registry widened to its declared spec type (its literal types would make some checks look impossible to the compiler). */
const PARAMS: readonly ParamSpec[] = PARAM_LIST;

describe('default scenario', () => {
  it('validates against the schema and the data', () => {
    const r = validateScenario(structuredClone(defaultScenario()), data);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
  });

  it('is the registry defaults with no edits', () => {
    const s = defaultScenario();
    expect(s.schema).toBe(SCENARIO_SCHEMA_ID);
    expect(s.schemaVersion).toBe(SCENARIO_VERSION);
    expect(s.seed).toBe(DEFAULT_SEED);
    expect(s.params).toEqual(defaultParams());
    expect(s.uncertainty).toEqual(defaultUncertainty());
    expect(s).toMatchObject({ sites: {}, drawnSites: [], institutions: {} });
    expect(Object.keys(s.params).sort()).toEqual([...PARAM_KEYS].sort());
    // 2025/26 … 2040/41 (DESIGN.md §1)
    expect([s.params.baseYear, s.params.horizonYear]).toEqual([2025, 2040]);
  });

  it('returns a fresh object each time (editing one does not change the next)', () => {
    const a = defaultScenario();
    a.params.quotaCapPct = 1;
    a.uncertainty.gravityDecayKm!.max = 99;
    const b = defaultScenario();
    expect(b.params.quotaCapPct).toBe(40);
    expect(b.uncertainty.gravityDecayKm!.max).toBe(10);
  });
});

describe('parameter registry', () => {
  it('has unique keys', () => {
    expect(new Set(PARAM_KEYS).size).toBe(PARAMS.length);
  });

  it('every parameter has an English and a Traditional Chinese label, a unit, a description and a source', () => {
    const bad: string[] = [];
    for (const p of PARAMS) {
      if (!p.label.en?.trim()) bad.push(`${p.key}: label.en`);
      if (!p.label['zh-HK']?.trim()) bad.push(`${p.key}: label.zh-HK`);
      // zh-HK labels are written in Chinese (at least one CJK character), not copied from English
      else if (!/[\u3400-\u9fff]/.test(p.label['zh-HK'])) bad.push(`${p.key}: label.zh-HK has no Chinese characters`);
      if (!p.unit?.trim()) bad.push(`${p.key}: unit`);
      if (!p.description?.trim()) bad.push(`${p.key}: description`);
      if (!p.source?.trim()) bad.push(`${p.key}: source`);
      if (typeof p.estimated !== 'boolean') bad.push(`${p.key}: estimated`);
      if ('url' in p && p.url !== undefined && !/^https:\/\//.test(p.url)) bad.push(`${p.key}: url ${p.url}`);
    }
    expect(bad).toEqual([]);
  });

  it('every default is within [min, max], integers for integer and year parameters, and a boolean for switches', () => {
    const bad: string[] = [];
    for (const p of PARAMS) {
      const def: unknown = p.default; // checked at run time: the registry is data as much as code
      if (p.type === 'boolean') {
        if (typeof def !== 'boolean') bad.push(`${p.key}: default ${String(def)}`);
        continue;
      }
      if (!(p.min <= p.default && p.default <= p.max)) bad.push(`${p.key}: default ${p.default} outside ${p.min}–${p.max}`);
      if (!(p.min < p.max)) bad.push(`${p.key}: min ${p.min} ≥ max ${p.max}`);
      if (!(p.step > 0)) bad.push(`${p.key}: step ${p.step}`);
      if (p.type !== 'number' && !Number.isInteger(p.default)) bad.push(`${p.key}: ${p.type} default ${p.default} is not whole`);
      if (p.type === 'year' && (p.min < 2024 || p.max > 2060)) bad.push(`${p.key}: year bounds ${p.min}–${p.max} outside 2024–2060`);
    }
    expect(bad).toEqual([]);
  });

  it('every uncertainty distribution lies within its parameter bounds, min ≤ mode ≤ max, with the default as its mode', () => {
    const bad: string[] = [];
    let n = 0;
    for (const p of PARAMS) {
      if (p.type === 'boolean' || !('uncertainty' in p) || !p.uncertainty) continue;
      n++;
      const d = p.uncertainty;
      if (!['triangular', 'pert'].includes(d.dist)) bad.push(`${p.key}: dist ${d.dist}`);
      if (!(d.min <= d.mode && d.mode <= d.max)) bad.push(`${p.key}: min ${d.min} ≤ mode ${d.mode} ≤ max ${d.max} fails`);
      if (d.min < p.min || d.max > p.max) bad.push(`${p.key}: ${d.min}–${d.max} outside the bounds ${p.min}–${p.max}`);
      if (d.mode !== p.default) bad.push(`${p.key}: mode ${d.mode} ≠ default ${p.default}`);
      if (!(d.min < d.max)) bad.push(`${p.key}: zero-width distribution ${d.min}–${d.max}`);
    }
    expect(n).toBeGreaterThanOrEqual(15);
    if (bad.length) console.log('uncertainty distributions that break the rules:\n' + bad.join('\n'));
    expect(bad).toEqual([]);
  });

  it('defaultUncertainty holds exactly the parameters that declare a distribution, as copies', () => {
    const u = defaultUncertainty();
    const declared = PARAMS.filter((p) => p.type !== 'boolean' && 'uncertainty' in p && p.uncertainty).map((p) => p.key);
    expect(Object.keys(u).sort()).toEqual(declared.sort());
    u.gravityDecayKm!.mode = 7;
    expect(defaultUncertainty().gravityDecayKm!.mode).toBe(5);
  });
});

describe('JSON round trip', () => {
  it('JSON.stringify → parseScenarioText gives a deep-equal default scenario', () => {
    const s = defaultScenario();
    const r = parseScenarioText(JSON.stringify(s), data);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (r.ok) expect(r.scenario).toEqual(s);
  });

  it('a scenario with edits, a drawn site, institution edits and non-ASCII text also round-trips', () => {
    const s = scenarioWith((x) => {
      x.name = '大學城 + 改裝 <b>test</b>';
      x.description = 'Line 1\nLine 2 — “quoted” 宿舍';
      x.seed = 2 ** 32 - 1;
      x.params.gravityDecayKm = 7.25;
      x.params.hitcFacilitation = false;
      x.params.baseYear = 2024;
      x.uncertainty.takeUpNonLocalPct = { dist: 'pert', min: 55, mode: 80, max: 97.5 };
      delete x.uncertainty.gravityDecayKm;
      x.sites['landsale:kai-tak'] = { areaM2: 8000, plotRatio: 6.2, availableYear: 2027, owner: 'HKUST' };
      x.sites['conversion:mu88'] = { included: false };
      x.sites['existing:hku'] = { beds: 9000, closeYear: null };
      x.drawnSites = [drawnSite({ owner: 'CityU', name: '九龍塘 site' }), drawnSite({ id: 'drawn:second', included: false, tenderYear: 2030 })];
      x.institutions = { HKU: { localUg: 14_000, nonLocalUgBase: 5000 }, OTHER: { otherNonLocal: 40_000 } };
    });
    const r = parseScenarioText(JSON.stringify(s), data);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (r.ok) expect(r.scenario).toEqual(s);
  });

  it('a missing description is filled with the empty string (the one defaulted field)', () => {
    const s: Record<string, unknown> = structuredClone(defaultScenario());
    delete s.description;
    const r = validateScenario(s, data);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.description).toBe('');
  });
});
