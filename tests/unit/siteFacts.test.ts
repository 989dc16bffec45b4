/**
 * The site inspector's view model against the real data: facts with provenance, the model's
 * figures for a site, the fields each kind of site offers, and edits that are accepted exactly when
 * the scenario schema accepts them (so the store never holds a scenario the schema refuses).
 */
import fc from 'fast-check';
import { area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { siteEditSchema, drawnSiteSchema } from '../../workers/model/scenario/schema.ts';
import { validateScenario } from '../../workers/model/scenario/validate.ts';
import { simulate } from '../../workers/model/simulate.ts';
import type { SiteRecord } from '../../workers/model/data/schema.ts';
import { addDrawnSite, editSite, updateDrawnSite } from '../../src/store/updaters.ts';
import { STRINGS } from '../../src/i18n/strings.ts';
import {
  CONVERSION_STATUS_LABEL, DRAWN_RULES, SITE_EDIT_RULES, SOURCE_LABEL, STATUS_LABEL, checkNumber, conversionStatus, districtName, drawnFieldPatch, drawnFields,
  drawnSiteArea, findSite, institutionName, isDrawnId, siteFacts, siteFieldEdit, siteFields, siteModelFigures, siteName, splitLinks,
  type ModelFigures, type SiteContext, type SiteFieldKey,
} from '../../src/viewmodel/siteFacts.ts';
import { ALL_CODES, FC_SEED, data, drawnSite, scenarioWith } from './_helpers.ts';

const site = (id: string): SiteRecord => {
  const s = data.sites.find((x) => x.id === id);
  if (!s) throw new Error(`no site ${id}`);
  return s;
};
const firstOfKind = (kind: SiteRecord['kind'], source?: SiteRecord['source']) => data.sites.find((s) => s.kind === kind && (!source || s.source === source))!;
const HKU = site('existing:hku');
const KAI_TAK = site('landsale:kai-tak');
const NTM = site('unitown:ngau-tam-mei');
const HOTEL = firstOfKind('hotel');
const GUESTHOUSE = firstOfKind('guesthouse');
const PIPELINE = firstOfKind('fixed', 'pipeline');

const baseScenario = scenarioWith((s) => { s.params.monteCarloDraws = 0; });
const baseResults = simulate(baseScenario, data, baseScenario.seed, { draws: 0 });
const ctxFor = (id: string, params = baseScenario.params, results = baseResults): SiteContext => ({ params, figures: siteModelFigures(results, id), codes: ALL_CODES });
const convertedHotel = data.sites.find((s) => s.kind === 'hotel' && (siteModelFigures(baseResults, s.id)?.beds ?? 0) > 0)!;
const idleHotel = data.sites.find((s) => s.kind === 'hotel' && siteModelFigures(baseResults, s.id)?.beds === 0)!;

describe('finding and naming sites', () => {
  it('finds data sites and drawn sites by id; unknown or no id → null', () => {
    const d = drawnSite();
    expect(findSite(data, [d], HKU.id)).toEqual({ type: 'data', site: HKU });
    expect(findSite(data, [d], d.id)).toEqual({ type: 'drawn', site: d });
    expect(findSite(data, [], d.id)).toBeNull();
    expect(findSite(data, [d], 'nope')).toBeNull();
    expect(findSite(data, [d], null)).toBeNull();
    expect(isDrawnId('drawn:site-1')).toBe(true);
    expect(isDrawnId('hotel:001')).toBe(false);
  });

  it('names by language, English where the data has no Chinese name', () => {
    expect(siteName(HKU, 'zh-HK')).toBe('香港大學宿舍（現有）');
    expect(siteName(HKU, 'en')).toBe('The University of Hong Kong halls (existing)');
    expect(KAI_TAK.nameZh).toBe('');
    expect(siteName(KAI_TAK, 'zh-HK')).toBe(KAI_TAK.nameEn);
  });

  it('owner and district names; null stays null (the view says "open market" / "no data")', () => {
    expect(institutionName(data, 'HKU', 'en')).toBe('The University of Hong Kong');
    expect(institutionName(data, 'HKU', 'zh-HK')).toBe(data.institutions.find((i) => i.code === 'HKU')!.nameZh);
    expect(institutionName(data, null, 'en')).toBeNull();
    expect(districtName(data, 'A', 'en')).toBe(data.districts.find((d) => d.code === 'A')!.nameEn);
    expect(districtName(data, null, 'zh-HK')).toBeNull();
  });

  it('every source and status in the data has a label in both languages', () => {
    for (const s of data.sites) {
      expect(STRINGS.en[SOURCE_LABEL[s.source]]).toBeTruthy();
      expect(STRINGS['zh-HK'][STATUS_LABEL[s.status]]).toBeTruthy();
    }
    for (const k of Object.values(CONVERSION_STATUS_LABEL)) expect(STRINGS['zh-HK'][k]).toBeTruthy();
  });
});

describe('facts with provenance', () => {
  it('existing hall: beds (estimated) and open year (published), each with its source', () => {
    const f = siteFacts(HKU);
    expect(f.map((x) => x.key)).toEqual(['beds', 'openYear']);
    expect(f[0]).toMatchObject({ value: HKU.beds!.value, estimated: true, unitKey: 'unitBeds', isYear: false, source: HKU.beds!.source });
    expect(f[1]).toMatchObject({ value: 2024, estimated: false, isYear: true });
  });

  it('land-sale site: area, plot ratio, maximum GFA and tender year', () => {
    const f = siteFacts(KAI_TAK);
    expect(f.map((x) => x.key)).toEqual(['areaM2', 'plotRatio', 'maxGfaM2', 'availableYear']);
    expect(f.find((x) => x.key === 'availableYear')!.labelKey).toBe('tenderYear');
    expect(f.find((x) => x.key === 'areaM2')).toMatchObject({ value: 7400, unitKey: 'unitM2' });
  });

  it('University Town: area and the year the land is available', () => {
    const f = siteFacts(NTM);
    expect(f.find((x) => x.key === 'availableYear')).toMatchObject({ labelKey: 'availableYear', value: 2028, isYear: true });
  });

  it('a guesthouse without facts has none', () => {
    const g = data.sites.find((s) => s.kind === 'guesthouse' && !s.rooms && !s.beds)!;
    expect(siteFacts(g)).toEqual([]);
  });

  it('every fact of every site has a non-empty source', () => {
    for (const s of data.sites) for (const f of siteFacts(s)) expect(f.source.trim().length).toBeGreaterThan(0);
  });
});

describe('splitLinks: provenance URLs as links, everything else as text', () => {
  it('splits out https URLs, leaving trailing punctuation in the text', () => {
    expect(splitLinks('see https://a.example/x?y=1 (2025), and https://b.example/z.')).toEqual([
      { text: 'see ' }, { url: 'https://a.example/x?y=1' }, { text: ' (2025), and ' }, { url: 'https://b.example/z' }, { text: '.' },
    ]);
    expect(splitLinks('no links here')).toEqual([{ text: 'no links here' }]);
    expect(splitLinks('')).toEqual([]);
  });

  it('never links http:, javascript: or markup', () => {
    const parts = splitLinks('http://x.example javascript:alert(1) <img src=x onerror=alert(1)>');
    expect(parts.every((p) => 'text' in p)).toBe(true);
  });

  it('the parts put back together are the original text (property and real sources)', () => {
    const join = (t: string) => splitLinks(t).map((p) => ('url' in p ? p.url : p.text)).join('');
    for (const s of data.sites) for (const f of siteFacts(s)) expect(join(f.source)).toBe(f.source);
    fc.assert(fc.property(fc.string(), fc.webUrl({ validSchemes: ['https'] }), fc.string(), (a, u, b) => {
      const t = `${a} ${u} ${b}`;
      expect(join(t)).toBe(t);
      for (const p of splitLinks(t)) if ('url' in p) expect(p.url.startsWith('https://')).toBe(true);
    }), { seed: FC_SEED, numRuns: 300 });
  });
});

describe("the model's figures for a site", () => {
  it('a converting hotel: beds, works start, opening; a candidate that does not convert: 0 beds, no years', () => {
    const f = siteModelFigures(baseResults, convertedHotel.id)!;
    expect(f.beds).toBeGreaterThan(0);
    expect(f.decisionYear).toBe(baseScenario.params.hitcDecisionYear);
    expect(f.openYear).toBeGreaterThan(f.decisionYear!);
    expect(f.closeYear).toBeNull(); // conversionRevertAfterYears = 0: stays open
    const idle = siteModelFigures(baseResults, idleHotel.id)!;
    expect(idle).toEqual({ beds: 0, openYear: null, fullYear: null, closeYear: null, decisionYear: null });
  });

  it('unknown ids and results without sites give null', () => {
    expect(siteModelFigures(baseResults, 'nope')).toBeNull();
    expect(siteModelFigures(null, HKU.id)).toBeNull();
    expect(siteModelFigures({ ...baseResults, sites: undefined }, HKU.id)).toBeNull();
  });

  it('drawn sites are reported after the data sites', () => {
    const s = addDrawnSite(baseScenario, drawnSite({ tenderYear: 2027 }));
    const f = siteModelFigures(simulate(s, data, s.seed, { draws: 0 }), 'drawn:test-site')!;
    expect(f.beds).toBeGreaterThan(0);
    expect(f.openYear).toBe(2027 + 4); // 48-month building covenant
  });

  it('conversion status through the years', () => {
    const f: ModelFigures = { beds: 100, openYear: 2027, fullYear: 2027, closeYear: 2035, decisionYear: 2025 };
    expect(conversionStatus(f, 2024)).toBe('candidate');
    expect(conversionStatus(f, 2025)).toBe('converting');
    expect(conversionStatus(f, 2026)).toBe('converting');
    expect(conversionStatus(f, 2027)).toBe('open');
    expect(conversionStatus(f, 2034)).toBe('open');
    expect(conversionStatus(f, 2035)).toBe('reverted');
    expect(conversionStatus({ ...f, closeYear: null }, 2060)).toBe('open');
    expect(conversionStatus({ ...f, beds: 0 }, 2030)).toBe('candidate');
    expect(conversionStatus(null, 2030)).toBe('candidate');
  });
});

describe('editable fields by kind of site', () => {
  const keys = (s: SiteRecord, edit = {}) => siteFields(s, edit, ctxFor(s.id)).map((f) => f.key);

  it('fixed sites: included, beds, open and close year; owner except for existing stock', () => {
    expect(keys(HKU)).toEqual(['included', 'beds', 'openYear', 'closeYear']);
    expect(keys(PIPELINE)).toEqual(['included', 'beds', 'openYear', 'closeYear', 'owner']);
  });

  it('hotels and guesthouses: rooms, beds per room, open year override, lease term, owner', () => {
    expect(keys(HOTEL)).toEqual(['included', 'convertFirst', 'rooms', 'bedsPerRoom', 'openYear', 'leaseTerm', 'owner']);
    expect(keys(GUESTHOUSE)).toEqual(keys(HOTEL));
  });

  it('land sale: area, plot ratio, tender year, open year; University Town: area, available year', () => {
    expect(keys(KAI_TAK)).toEqual(['included', 'areaM2', 'plotRatio', 'availableYear', 'openYear', 'owner']);
    expect(keys(NTM)).toEqual(['included', 'areaM2', 'availableYear', 'owner']);
  });

  it('values are the override, else the data; defaults are shown where the model decides', () => {
    const ctx = ctxFor(convertedHotel.id);
    const f = siteFields(convertedHotel, {}, ctx);
    const get = (k: SiteFieldKey, fs = f) => fs.find((x) => x.key === k)!;
    expect(get('included').value).toBe(true);
    expect(get('convertFirst').value).toBe(false);
    expect(get('rooms')).toMatchObject({ value: convertedHotel.rooms!.value, optional: false, overridden: false });
    expect(get('bedsPerRoom')).toMatchObject({ value: null, placeholder: 2, optional: true });
    expect(get('openYear')).toMatchObject({ value: null, placeholder: ctx.figures!.openYear, optional: true });
    expect(get('leaseTerm')).toMatchObject({ value: null, optional: true, termFrom: ctx.figures!.openYear });
    expect(get('owner').value).toBe('');
    const edited = siteFields(convertedHotel, { included: false, rooms: 120, owner: 'CityU', closeYear: ctx.figures!.openYear! + 10 }, ctx);
    expect(get('included', edited).value).toBe(false);
    expect(get('convertFirst', edited).disabled).toBe(true);
    expect(get('rooms', edited)).toMatchObject({ value: 120, overridden: true });
    expect(get('owner', edited).value).toBe('CityU');
    expect(get('leaseTerm', edited).value).toBe(10);
  });

  it('land sale tender year defaults to the scenario tender year (the model ignores the data year)', () => {
    const p = scenarioWith((s) => { s.params.landSaleTenderYear = 2029; }).params;
    const f = siteFields(KAI_TAK, {}, { ...ctxFor(KAI_TAK.id), params: p }).find((x) => x.key === 'availableYear')!;
    expect(f).toMatchObject({ value: null, placeholder: 2029, optional: true, labelKey: 'tenderYear' });
  });
});

describe('edits from the fields', () => {
  const ctx = ctxFor(convertedHotel.id);
  const edit = (s: SiteRecord, key: SiteFieldKey, input: string | boolean, e = {}, c = ctxFor(s.id)) => siteFieldEdit(s, e, key, input, c);

  it('included: unticking excludes, ticking removes the override; convert first forces the hotel into the applied wave', () => {
    expect(edit(HKU, 'included', false)).toEqual({ ok: true, value: { included: false } });
    expect(edit(HKU, 'included', true)).toEqual({ ok: true, value: { included: undefined } });
    expect(edit(HOTEL, 'convertFirst', true)).toEqual({ ok: true, value: { included: true } });
    expect(edit(HOTEL, 'convertFirst', false)).toEqual({ ok: true, value: { included: undefined } });
  });

  it('owner: the data owner removes the override; unknown codes are refused', () => {
    expect(edit(PIPELINE, 'owner', PIPELINE.owner ?? '')).toEqual({ ok: true, value: { owner: undefined } });
    expect(edit(HOTEL, 'owner', 'HKU')).toEqual({ ok: true, value: { owner: 'HKU' } });
    expect(edit(HOTEL, 'owner', '')).toEqual({ ok: true, value: { owner: undefined } });
    expect(edit(PIPELINE, 'owner', '')).toEqual({ ok: true, value: { owner: PIPELINE.owner === null ? undefined : null } });
    expect(edit(HOTEL, 'owner', 'XYZ')).toEqual({ ok: false, error: { code: 'unknownOwner' } });
  });

  it('numbers: checked against the schema bounds; empty is refused where the data has a value', () => {
    expect(edit(HKU, 'beds', '8000')).toEqual({ ok: true, value: { beds: 8000 } });
    expect(edit(HKU, 'beds', '-1')).toEqual({ ok: false, error: { code: 'range', min: 0, max: 100_000 } });
    expect(edit(HKU, 'beds', '')).toEqual({ ok: false, error: { code: 'number' } });
    expect(edit(HKU, 'beds', 'lots')).toEqual({ ok: false, error: { code: 'number' } });
    expect(edit(KAI_TAK, 'areaM2', '0')).toEqual({ ok: false, error: { code: 'rangeAbove', min: 0, max: 10_000_000 } });
    expect(edit(KAI_TAK, 'plotRatio', '31')).toEqual({ ok: false, error: { code: 'rangeAbove', min: 0, max: 30 } });
    expect(edit(KAI_TAK, 'plotRatio', '6.5')).toEqual({ ok: true, value: { plotRatio: 6.5 } });
    expect(edit(HOTEL, 'bedsPerRoom', '')).toEqual({ ok: true, value: { bedsPerRoom: undefined } });
    expect(edit(HOTEL, 'bedsPerRoom', '0.05')).toEqual({ ok: false, error: { code: 'range', min: 0.1, max: 10 } });
    expect(edit(GUESTHOUSE, 'rooms', '')).toEqual({ ok: true, value: { rooms: undefined } }); // no data rooms: optional
    expect(edit(GUESTHOUSE, 'rooms', '12')).toEqual({ ok: true, value: { rooms: 12 } });
  });

  it('years: whole academic years 2024–2060; a close year after the open year', () => {
    expect(edit(HKU, 'openYear', '2026.5')).toEqual({ ok: false, error: { code: 'whole' } });
    expect(edit(HKU, 'openYear', '2023')).toEqual({ ok: false, error: { code: 'yearRange', min: 2024, max: 2060 } });
    expect(edit(HKU, 'closeYear', '2024')).toEqual({ ok: false, error: { code: 'afterYear', year: 2024 } });
    expect(edit(HKU, 'closeYear', '2035')).toEqual({ ok: true, value: { closeYear: 2035 } });
    expect(edit(HKU, 'closeYear', '')).toEqual({ ok: true, value: { closeYear: undefined } });
    expect(edit(HKU, 'openYear', '2035', { closeYear: 2030 })).toEqual({ ok: false, error: { code: 'beforeYear', year: 2030 } });
    expect(edit(NTM, 'availableYear', '2031')).toEqual({ ok: true, value: { availableYear: 2031 } });
  });

  it('lease term: stored as close year = open year + term, counted from the override or the model', () => {
    const open = ctx.figures!.openYear!;
    expect(edit(convertedHotel, 'leaseTerm', '10', {}, ctx)).toEqual({ ok: true, value: { closeYear: open + 10 } });
    expect(edit(convertedHotel, 'leaseTerm', '10', { openYear: 2030 }, ctx)).toEqual({ ok: true, value: { closeYear: 2040 } });
    expect(edit(convertedHotel, 'leaseTerm', '', { closeYear: 2040 }, ctx)).toEqual({ ok: true, value: { closeYear: undefined } });
    expect(edit(convertedHotel, 'leaseTerm', '0', {}, ctx)).toEqual({ ok: false, error: { code: 'range', min: 1, max: 2060 - open } });
    expect(edit(convertedHotel, 'leaseTerm', '2.5', {}, ctx)).toEqual({ ok: false, error: { code: 'whole' } });
    expect(edit(convertedHotel, 'leaseTerm', '100', {}, ctx).ok).toBe(false);
    // a hotel the model does not convert has no open year to count from
    expect(edit(idleHotel, 'leaseTerm', '10')).toEqual({ ok: false, error: { code: 'needOpenYear' } });
    expect(edit(idleHotel, 'leaseTerm', '10', { openYear: 2028 })).toEqual({ ok: true, value: { closeYear: 2038 } });
  });

  it('moving the open year keeps a lease term the user set', () => {
    expect(edit(convertedHotel, 'openYear', '2030', { openYear: 2028, closeYear: 2038 }, ctx)).toEqual({ ok: true, value: { openYear: 2030, closeYear: 2040 } });
    expect(edit(convertedHotel, 'openYear', '2055', { openYear: 2028, closeYear: 2038 }, ctx)).toEqual({ ok: false, error: { code: 'yearRange', min: 2024, max: 2050 } });
    expect(edit(convertedHotel, 'openYear', '', { openYear: 2028 }, ctx)).toEqual({ ok: true, value: { openYear: undefined } });
  });

  it('the rules agree with siteEditSchema and drawnSiteSchema (property)', () => {
    const shape = siteEditSchema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    const dshape = drawnSiteSchema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    const value = fc.oneof(fc.double({ min: -10, max: 2e7, noNaN: true }), fc.integer({ min: 2020, max: 2065 }), fc.constantFrom(0, 0.1, 5, 10, 30, 100, 100_000, 10_000_000, 2024, 2060));
    fc.assert(fc.property(fc.constantFrom(...Object.keys(SITE_EDIT_RULES)), value, (k, v) => {
      const rule = SITE_EDIT_RULES[k as keyof typeof SITE_EDIT_RULES];
      expect(checkNumber(String(v), rule).ok, `${k} = ${v}`).toBe(shape[k].safeParse(Number(String(v))).success);
    }), { seed: FC_SEED, numRuns: 3000 });
    fc.assert(fc.property(fc.constantFrom(...Object.keys(DRAWN_RULES)), value, (k, v) => {
      const rule = DRAWN_RULES[k as keyof typeof DRAWN_RULES];
      expect(checkNumber(String(v), rule).ok, `${k} = ${v}`).toBe(dshape[k].safeParse(Number(String(v))).success);
    }), { seed: FC_SEED, numRuns: 3000 });
  });

  it('any accepted edit, applied with editSite, leaves a valid scenario (property)', () => {
    const sites = [HKU, PIPELINE, convertedHotel, idleHotel, GUESTHOUSE, KAI_TAK, NTM];
    const fieldKeys: SiteFieldKey[] = ['included', 'convertFirst', 'beds', 'rooms', 'bedsPerRoom', 'openYear', 'closeYear', 'leaseTerm', 'areaM2', 'plotRatio', 'availableYear', 'owner'];
    const input = fc.oneof(fc.boolean(), fc.constantFrom('', 'abc', 'HKU', 'XYZ', '2030', '2061', '-5', '0', '12.5'), fc.double({ min: -100, max: 1e7, noNaN: true }).map(String), fc.integer({ min: 2020, max: 2065 }).map(String));
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...sites), fc.constantFrom(...fieldKeys), input), { minLength: 1, maxLength: 8 }), (steps) => {
      let s = baseScenario;
      for (const [st, key, inp] of steps) {
        const c = siteFieldEdit(st, s.sites[st.id], key, inp, ctxFor(st.id, s.params));
        if (c.ok) s = editSite(s, st.id, c.value);
      }
      const r = validateScenario(s, data);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
    }), { seed: FC_SEED, numRuns: 400 });
  });

  it('edits reach the model: a forced guesthouse with rooms converts, a lease term closes it', () => {
    let s = editSite(baseScenario, GUESTHOUSE.id, { included: true, rooms: 20 });
    let r = simulate(s, data, s.seed, { draws: 0 });
    const f = siteModelFigures(r, GUESTHOUSE.id)!;
    expect(f.beds).toBeCloseTo(20 * 2, 6); // 20 rooms × 2 beds per room
    const term = siteFieldEdit(GUESTHOUSE, s.sites[GUESTHOUSE.id], 'leaseTerm', '5', { params: s.params, figures: f, codes: ALL_CODES });
    expect(term.ok).toBe(true);
    if (!term.ok) return;
    s = editSite(s, GUESTHOUSE.id, term.value);
    r = simulate(s, data, s.seed, { draws: 0 });
    expect(siteModelFigures(r, GUESTHOUSE.id)!.closeYear).toBe(f.openYear! + 5);
    expect(conversionStatus(siteModelFigures(r, GUESTHOUSE.id), f.openYear! + 5)).toBe('reverted');
  });
});

describe('drawn sites', () => {
  const codes = ALL_CODES;

  it('fields: name, included, plot ratio, hostel share, GFA per bed, tender year, owner', () => {
    const f = drawnFields(drawnSite({ owner: 'HKU' }));
    expect(f.map((x) => x.key)).toEqual(['name', 'included', 'plotRatio', 'hostelSharePct', 'gfaPerBedM2', 'tenderYear', 'owner']);
    expect(f.find((x) => x.key === 'owner')!.value).toBe('HKU');
    expect(drawnFields(drawnSite()).find((x) => x.key === 'owner')!.value).toBe('');
  });

  it('names are trimmed, 1–120 characters; markup is just text', () => {
    expect(drawnFieldPatch('name', '  Site A  ', codes)).toEqual({ ok: true, value: { name: 'Site A' } });
    expect(drawnFieldPatch('name', '   ', codes)).toEqual({ ok: false, error: { code: 'name', max: 120 } });
    expect(drawnFieldPatch('name', 'x'.repeat(121), codes)).toEqual({ ok: false, error: { code: 'name', max: 120 } });
    expect(drawnFieldPatch('name', '<img src=x onerror=alert(1)>', codes)).toEqual({ ok: true, value: { name: '<img src=x onerror=alert(1)>' } });
  });

  it('numbers, years, owner and included', () => {
    expect(drawnFieldPatch('plotRatio', '0', codes)).toEqual({ ok: false, error: { code: 'rangeAbove', min: 0, max: 30 } });
    expect(drawnFieldPatch('plotRatio', '7', codes)).toEqual({ ok: true, value: { plotRatio: 7 } });
    expect(drawnFieldPatch('hostelSharePct', '101', codes)).toEqual({ ok: false, error: { code: 'range', min: 0, max: 100 } });
    expect(drawnFieldPatch('gfaPerBedM2', '4.9', codes)).toEqual({ ok: false, error: { code: 'range', min: 5, max: 100 } });
    expect(drawnFieldPatch('tenderYear', '2027.5', codes)).toEqual({ ok: false, error: { code: 'whole' } });
    expect(drawnFieldPatch('tenderYear', '', codes)).toEqual({ ok: false, error: { code: 'number' } });
    expect(drawnFieldPatch('owner', 'HKU', codes)).toEqual({ ok: true, value: { owner: 'HKU' } });
    expect(drawnFieldPatch('owner', '', codes)).toEqual({ ok: true, value: { owner: null } });
    expect(drawnFieldPatch('owner', 'XYZ', codes)).toEqual({ ok: false, error: { code: 'unknownOwner' } });
    expect(drawnFieldPatch('included', false, codes)).toEqual({ ok: true, value: { included: false } });
  });

  it('accepted patches keep the scenario valid (property)', () => {
    const keys = ['name', 'plotRatio', 'hostelSharePct', 'gfaPerBedM2', 'tenderYear', 'owner', 'included'] as const;
    const input = fc.oneof(fc.boolean(), fc.string({ maxLength: 130 }), fc.constantFrom('', 'HKU', 'XYZ', '2030', '0', '30', '100'), fc.double({ min: -10, max: 200, noNaN: true }).map(String));
    const start = addDrawnSite(baseScenario, drawnSite());
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), input), { maxLength: 8 }), (steps) => {
      let s = start;
      for (const [k, v] of steps) {
        const c = drawnFieldPatch(k, v, codes);
        if (c.ok) s = updateDrawnSite(s, 'drawn:test-site', c.value);
      }
      const r = validateScenario(s, data);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
    }), { seed: FC_SEED, numRuns: 400 });
  });

  it('area is the geodesic area of the polygon, in m² and ha', () => {
    const d = drawnSite(); // 0.001° × 0.001° around 114.17 E, 22.32 N
    const a = drawnSiteArea(d);
    expect(a.m2).toBeCloseTo(turfArea({ type: 'Feature', properties: {}, geometry: d.polygon }), 6);
    expect(a.ha).toBeCloseTo(a.m2 / 10_000, 9);
    // ≈ (111.32 km × cos 22.32° × 0.001) × (110.75 km × 0.001) ≈ 103.0 m × 110.8 m ≈ 11,400 m²
    expect(a.m2).toBeGreaterThan(11_200);
    expect(a.m2).toBeLessThan(11_600);
  });
});
