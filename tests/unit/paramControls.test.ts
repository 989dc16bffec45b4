/**
 * The scenario panel's view model: every registry parameter gets exactly one control in its
 * group, labels carry translated units, typed text is accepted exactly when the store's updater
 * would accept it, and the distribution / seed updaters keep the scenario valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUPS, PARAMS, PARAM_BY_KEY, type Distribution, type ParamKey, type ParamSpec } from '../../workers/model/params/registry.ts';
import { validateScenario } from '../../workers/model/scenario/validate.ts';
import { setParam } from '../../src/store/updaters.ts';
import { STRINGS } from '../../src/i18n/strings.ts';
import {
  UNIT_KEYS, checkDistributionText, checkParamText, checkSeedText, clampYear, controlSpec, distributionError, errorText, groupLabel, hasSlider,
  mapYearRange, numberText, paramGroups, paramLabel, parseNumber, safeHttpsUrl, setDistribution, setSeed, uncertainKeys, unitText, withUnit,
  MAX_SEED, type InputError,
} from '../../src/viewmodel/paramControls.ts';
import { FC_SEED, data, scenarioWith } from './_helpers.ts';

const numericKeys = PARAMS.filter((p) => p.type !== 'boolean').map((p) => p.key as ParamKey);
const spec = (k: ParamKey) => PARAM_BY_KEY[k] as Extract<ParamSpec, { min: number }>;

describe('groups and controls come from the registry', () => {
  it('every parameter appears exactly once, in its own group, in registry order', () => {
    const groups = paramGroups();
    const all = groups.flatMap((g) => g.keys);
    expect(all.slice().sort()).toEqual(PARAMS.map((p) => p.key).sort());
    expect(new Set(all).size).toBe(PARAMS.length);
    for (const g of groups) {
      expect(g.keys.length).toBeGreaterThan(0);
      for (const k of g.keys) expect(PARAM_BY_KEY[k].group).toBe(g.key);
      const order = PARAMS.filter((p) => p.group === g.key).map((p) => p.key);
      expect(g.keys).toEqual(order);
    }
  });

  it('groups follow GROUPS, with "Uncertainty and years" (run) last', () => {
    const keys = paramGroups().map((g) => g.key);
    expect(keys[keys.length - 1]).toBe('run');
    expect(keys.filter((k) => k !== 'run')).toEqual(GROUPS.map((g) => g.key).filter((k) => k !== 'run'));
    expect(groupLabel('run', 'en')).toBe('Uncertainty and years');
    expect(groupLabel('enrolment', 'zh-HK')).toBe('收生');
  });

  it('control kinds: booleans are checkboxes, years year fields, the rest numbers', () => {
    expect(controlSpec('hitcFacilitation').kind).toBe('boolean');
    expect(controlSpec('baseYear').kind).toBe('year');
    expect(controlSpec('hitcDecisionYear').kind).toBe('year');
    expect(controlSpec('bedsPerRoom')).toMatchObject({ kind: 'number', min: 0.5, max: 6, step: 0.01, slider: true, estimated: true });
    expect(controlSpec('quotaCapPct').estimated).toBe(false);
  });

  it('a slider is offered when max − min ≤ 1000 steps, never for years or switches', () => {
    // monteCarloDraws: (100,000 − 0) / 100 = exactly 1000 stops → slider
    expect(hasSlider(PARAM_BY_KEY.monteCarloDraws)).toBe(true);
    // partialAdjustmentK: (1 − 0) / 0.001 = 1000 stops (floating point must not tip it over)
    expect(hasSlider(PARAM_BY_KEY.partialAdjustmentK)).toBe(true);
    expect(hasSlider({ ...spec('bedsPerRoom'), min: 0, max: 10.01, step: 0.01 })).toBe(false); // 1001 stops
    expect(hasSlider(PARAM_BY_KEY.baseYear)).toBe(false);
    expect(hasSlider(PARAM_BY_KEY.includeGuesthouses)).toBe(false);
    for (const p of PARAMS) {
      if (p.type === 'number' || p.type === 'integer') expect(hasSlider(p)).toBe((p.max - p.min) / p.step <= 1000 + 1e-6);
    }
  });
});

describe('labels and units in both languages', () => {
  it('every registry unit has a translation in both languages', () => {
    for (const p of PARAMS) {
      const key = UNIT_KEYS[p.unit];
      expect(key, `unit "${p.unit}" of ${p.key}`).toBeDefined();
      expect(STRINGS.en[key].trim()).not.toBe('');
      expect(STRINGS['zh-HK'][key].trim()).not.toBe('');
    }
    // the English translation of a unit is the registry's own text
    for (const [unit, key] of Object.entries(UNIT_KEYS)) expect(STRINGS.en[key]).toBe(unit);
  });

  it('labels are "label (unit)" in English and use full-width brackets in Chinese; switches have no unit', () => {
    expect(paramLabel(PARAM_BY_KEY.bedsPerRoom, 'en')).toBe('Beds per hotel room (beds per room)');
    expect(paramLabel(PARAM_BY_KEY.bedsPerRoom, 'zh-HK')).toBe('每酒店房間床位（每房床位）');
    expect(paramLabel(PARAM_BY_KEY.hitcFacilitation, 'en')).toBe('Planning, lands and building facilitation');
    expect(paramLabel(PARAM_BY_KEY.baseYear, 'en')).toBe('First year (academic year)');
  });

  it('an unknown unit is shown as written; no unit → the label alone', () => {
    expect(unitText('zh-HK', 'furlongs')).toBe('furlongs');
    expect(withUnit('en', 'X', null)).toBe('X');
  });

  it('every parameter label is unique within its group and language (controls are found by name in their group)', () => {
    for (const lang of ['en', 'zh-HK'] as const) {
      for (const g of paramGroups()) {
        const labels = g.keys.map((k) => paramLabel(PARAM_BY_KEY[k], lang));
        expect(new Set(labels).size, `${g.key} ${lang}`).toBe(labels.length);
      }
    }
  });
});

describe('source links', () => {
  it('only https URLs become links', () => {
    expect(safeHttpsUrl('https://www.ugc.edu.hk/eng/ugc/index.html')).toBe('https://www.ugc.edu.hk/eng/ugc/index.html');
    expect(safeHttpsUrl('http://example.com/')).toBeNull();
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHttpsUrl('/relative/path')).toBeNull();
    expect(safeHttpsUrl('https://')).toBeNull();
    expect(safeHttpsUrl('')).toBeNull();
    expect(safeHttpsUrl(undefined)).toBeNull();
  });

  it('every URL in the registry is an https link', () => {
    for (const p of PARAMS) if ('url' in p && p.url) expect(safeHttpsUrl(p.url), p.key).toBe(p.url);
  });
});

describe('typed numbers', () => {
  it('parseNumber: empty and non-numbers are null', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('   ')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
    expect(parseNumber(' 1.5 ')).toBe(1.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('2.')).toBe(2);
  });

  it('numberText drops float noise and prints nothing for missing values', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(0.1921)).toBe('0.1921');
    expect(numberText(2_900_000)).toBe('2900000');
    expect(numberText(null)).toBe('');
    expect(numberText(undefined)).toBe('');
    expect(numberText(NaN)).toBe('');
  });

  it('checkParamText refuses empty, non-numbers, fractions of whole-number parameters and out-of-range values', () => {
    const p = scenarioWith().params;
    expect(checkParamText('bedsPerRoom', '', p)).toEqual({ ok: false, error: { code: 'number' } });
    expect(checkParamText('bedsPerRoom', 'two', p)).toEqual({ ok: false, error: { code: 'number' } });
    expect(checkParamText('bedsPerRoom', '0.4', p)).toEqual({ ok: false, error: { code: 'range', min: 0.5, max: 6 } });
    expect(checkParamText('bedsPerRoom', '6.01', p)).toEqual({ ok: false, error: { code: 'range', min: 0.5, max: 6 } });
    expect(checkParamText('bedsPerRoom', '1.8', p)).toEqual({ ok: true, value: 1.8 });
    expect(checkParamText('uniTownPhases', '2.5', p)).toEqual({ ok: false, error: { code: 'whole' } });
    expect(checkParamText('hitcDecisionYear', '2026.5', p)).toEqual({ ok: false, error: { code: 'whole' } });
    expect(checkParamText('hitcDecisionYear', '2061', p)).toEqual({ ok: false, error: { code: 'yearRange', min: 2024, max: 2060 } });
  });

  it('the last year must stay after the first and the first before the last', () => {
    const p = scenarioWith().params; // 2025 … 2040
    expect(checkParamText('horizonYear', '2025', p)).toEqual({ ok: false, error: { code: 'yearRange', min: 2026, max: 2060 } });
    expect(checkParamText('horizonYear', '2026', p)).toEqual({ ok: true, value: 2026 });
    const late = scenarioWith((s) => { s.params.baseYear = 2028; }).params;
    expect(checkParamText('horizonYear', '2028', late)).toEqual({ ok: false, error: { code: 'afterYear', year: 2028 } });
    expect(checkParamText('horizonYear', '2027', late)).toEqual({ ok: false, error: { code: 'afterYear', year: 2028 } });
    expect(checkParamText('baseYear', '2030', p)).toEqual({ ok: true, value: 2030 });
    const short = scenarioWith((s) => { s.params.horizonYear = 2027; }).params;
    expect(checkParamText('baseYear', '2027', short)).toEqual({ ok: false, error: { code: 'beforeYear', year: 2027 } });
  });

  it('accepted text is exactly what setParam accepts (property, every numeric parameter)', () => {
    const s = scenarioWith();
    fc.assert(
      fc.property(fc.constantFrom(...numericKeys), fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: -10, max: 100_100 })), (k, v) => {
        const text = String(v);
        const typed = Number(text); // what the field holds (−0 is typed as 0)
        const c = checkParamText(k, text, s.params);
        const next = setParam(s, k, typed);
        if (c.ok) {
          expect(c.value).toBe(typed);
          expect(next.params[k]).toBe(typed);
        } else {
          expect(next).toBe(s);
        }
      }),
      { seed: FC_SEED, numRuns: 2000 },
    );
  });
});

describe('error messages', () => {
  const errors: InputError[] = [
    { code: 'number' }, { code: 'whole' }, { code: 'range', min: 0, max: 100_000 }, { code: 'yearRange', min: 2024, max: 2060 }, { code: 'rangeAbove', min: 0, max: 30 },
    { code: 'afterYear', year: 2025 }, { code: 'beforeYear', year: 2040 }, { code: 'order' }, { code: 'name', max: 120 },
    { code: 'needOpenYear' }, { code: 'unknownOwner' },
  ];
  it('every error reads as a sentence in both languages, placeholders filled', () => {
    for (const e of errors) {
      for (const lang of ['en', 'zh-HK'] as const) {
        const text = errorText(lang, e);
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/[{}]/);
      }
    }
    expect(errorText('en', { code: 'range', min: 0, max: 100_000 })).toBe('Must be from 0 to 100,000');
    expect(errorText('en', { code: 'afterYear', year: 2025 })).toBe('Must be after 2025/26');
    expect(errorText('en', { code: 'yearRange', min: 2026, max: 2060 })).toBe('Must be from 2026/27 to 2060/61');
    expect(errorText('zh-HK', { code: 'range', min: 0.5, max: 6 })).toBe('必須介乎0.5至6');
  });
});

describe('Monte Carlo distributions (setDistribution)', () => {
  it('the default scenario lists the registry parameters that carry a distribution, in registry order', () => {
    const expected = PARAMS.filter((p) => 'uncertainty' in p && p.uncertainty).map((p) => p.key);
    expect(uncertainKeys(scenarioWith())).toEqual(expected);
    expect(uncertainKeys(scenarioWith((s) => { delete s.uncertainty.bedsPerRoom; }))).not.toContain('bedsPerRoom');
  });

  it('distributionError: min ≤ mode ≤ max, finite, within the parameter bounds', () => {
    const d = (min: number, mode: number, max: number): Distribution => ({ dist: 'triangular', min, mode, max });
    expect(distributionError('bedsPerRoom', d(1.69, 2, 2.05))).toBeNull();
    expect(distributionError('bedsPerRoom', d(2, 2, 2))).toBeNull();
    expect(distributionError('bedsPerRoom', d(2.1, 2, 2.05))).toEqual({ code: 'order' });
    expect(distributionError('bedsPerRoom', d(1.5, 2.1, 2.05))).toEqual({ code: 'order' });
    expect(distributionError('bedsPerRoom', d(0.4, 2, 2.05))).toEqual({ code: 'range', min: 0.5, max: 6 });
    expect(distributionError('bedsPerRoom', d(1, 2, 7))).toEqual({ code: 'range', min: 0.5, max: 6 });
    expect(distributionError('bedsPerRoom', d(NaN, 2, 3))).toEqual({ code: 'number' });
    expect(distributionError('hitcFacilitation', d(0, 0, 1))).toEqual({ code: 'number' });
    expect(distributionError('bedsPerRoom', { dist: 'uniform' as 'pert', min: 1, mode: 2, max: 3 })).toEqual({ code: 'number' });
  });

  it('checkDistributionText reads the three fields', () => {
    expect(checkDistributionText('takeUpNonLocalPct', 'pert', { min: '60', mode: '75', max: '90' })).toEqual({ ok: true, value: { dist: 'pert', min: 60, mode: 75, max: 90 } });
    expect(checkDistributionText('takeUpNonLocalPct', 'triangular', { min: '', mode: '75', max: '90' })).toEqual({ ok: false, error: { code: 'number' } });
    expect(checkDistributionText('takeUpNonLocalPct', 'triangular', { min: '80', mode: '75', max: '90' })).toEqual({ ok: false, error: { code: 'order' } });
  });

  it('sets one distribution, leaves the rest and the input untouched', () => {
    const s = scenarioWith();
    const before = structuredClone(s);
    const next = setDistribution(s, 'takeUpNonLocalPct', { dist: 'pert', min: 60, mode: 75, max: 90 });
    expect(next).not.toBe(s);
    expect(next.uncertainty.takeUpNonLocalPct).toEqual({ dist: 'pert', min: 60, mode: 75, max: 90 });
    expect(next.uncertainty.bedsPerRoom).toBe(s.uncertainty.bedsPerRoom);
    expect(next.params).toBe(s.params);
    expect(s).toEqual(before);
  });

  it('can give a parameter without a default distribution one', () => {
    const s = scenarioWith();
    expect(s.uncertainty.hitcAppliedBeds).toBeUndefined();
    const next = setDistribution(s, 'hitcAppliedBeds', { dist: 'triangular', min: 4000, mode: 5100, max: 6000 });
    expect(next.uncertainty.hitcAppliedBeds?.mode).toBe(5100);
    expect(validateScenario(next, data).ok).toBe(true);
  });

  it('invalid or unchanged distributions return the same scenario object (no rerun)', () => {
    const s = scenarioWith();
    expect(setDistribution(s, 'bedsPerRoom', { dist: 'triangular', min: 3, mode: 2, max: 4 })).toBe(s);
    expect(setDistribution(s, 'bedsPerRoom', { dist: 'triangular', min: 0, mode: 2, max: 4 })).toBe(s);
    expect(setDistribution(s, 'hitcFacilitation', { dist: 'triangular', min: 0, mode: 0, max: 1 })).toBe(s);
    expect(setDistribution(s, 'bedsPerRoom', { ...s.uncertainty.bedsPerRoom! })).toBe(s);
  });

  it('whatever is typed, the scenario stays valid (property)', () => {
    const s = scenarioWith();
    const keys = numericKeys;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom('triangular', 'pert') as fc.Arbitrary<Distribution['dist']>,
        fc.double({ min: -1e5, max: 1e7, noNaN: true }), fc.double({ min: -1e5, max: 1e7, noNaN: true }), fc.double({ min: -1e5, max: 1e7, noNaN: true }),
        (k, dist, a, b, c) => {
          const next = setDistribution(s, k, { dist, min: a, mode: b, max: c });
          const r = validateScenario(next, data);
          expect(r.ok).toBe(true);
          if (next !== s) expect(distributionError(k, { dist, min: a, mode: b, max: c })).toBeNull();
        }),
      { seed: FC_SEED, numRuns: 500 },
    );
  });
});

describe('seed', () => {
  it('checkSeedText accepts whole numbers 0 … 2³² − 1', () => {
    expect(checkSeedText('42')).toEqual({ ok: true, value: 42 });
    expect(checkSeedText('0')).toEqual({ ok: true, value: 0 });
    expect(checkSeedText(String(MAX_SEED))).toEqual({ ok: true, value: MAX_SEED });
    expect(checkSeedText(String(MAX_SEED + 1))).toEqual({ ok: false, error: { code: 'range', min: 0, max: MAX_SEED } });
    expect(checkSeedText('-1')).toEqual({ ok: false, error: { code: 'range', min: 0, max: MAX_SEED } });
    expect(checkSeedText('1.5')).toEqual({ ok: false, error: { code: 'whole' } });
    expect(checkSeedText('')).toEqual({ ok: false, error: { code: 'number' } });
  });

  it('setSeed sets valid seeds only and keeps the scenario valid', () => {
    const s = scenarioWith();
    const next = setSeed(s, 7);
    expect(next.seed).toBe(7);
    expect(s.seed).not.toBe(7);
    expect(validateScenario(next, data).ok).toBe(true);
    expect(setSeed(s, s.seed)).toBe(s);
    expect(setSeed(s, -1)).toBe(s);
    expect(setSeed(s, 1.5)).toBe(s);
    expect(setSeed(s, MAX_SEED + 1)).toBe(s);
    expect(validateScenario(setSeed(s, MAX_SEED), data).ok).toBe(true);
  });
});

describe('map year slider', () => {
  it('covers the results years, or the scenario years before the first result', () => {
    expect(mapYearRange([2025, 2026, 2027], { baseYear: 2024, horizonYear: 2050 })).toEqual({ min: 2025, max: 2027 });
    expect(mapYearRange(null, { baseYear: 2025, horizonYear: 2040 })).toEqual({ min: 2025, max: 2040 });
    expect(mapYearRange([], { baseYear: 2025, horizonYear: 2040 })).toEqual({ min: 2025, max: 2040 });
  });

  it('clampYear keeps the selected year inside the range', () => {
    const r = { min: 2025, max: 2040 };
    expect(clampYear(2030, r)).toBe(2030);
    expect(clampYear(2020, r)).toBe(2025);
    expect(clampYear(2050, r)).toBe(2040);
    expect(clampYear(2030.4, r)).toBe(2030);
  });
});
