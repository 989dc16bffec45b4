/**
 * View model of the site inspector (pure; unit-tested): a site's published and estimated facts,
 * the model's figures for it, and the fields a planner may edit — with their current values,
 * defaults and validation — turned into SiteEdit / DrawnSite patches for the store's updaters.
 * Field bounds follow siteEditSchema and drawnSiteSchema (a test checks they agree).
 */
import { area as turfArea } from '@turf/turf';
import type { ModelData, SiteRecord, SourceKey } from '../../workers/model/data/schema.ts';
import type { DrawnSite, SiteEdit } from '../../workers/model/scenario/schema.ts';
import type { Params } from '../../workers/model/params/registry.ts';
import type { Results } from '../../workers/model/results.ts';
import { MAX_YEAR, MIN_YEAR } from '../../workers/model/years.ts';
import type { Lang, StringKey } from '../i18n/strings.ts';
import { parseNumber, type Checked, type InputError } from './paramControls.ts';

export const DRAWN_PREFIX = 'drawn:';
export const isDrawnId = (id: string) => id.startsWith(DRAWN_PREFIX);

// ---------------------------------------------------------------- lookups

export type SiteRef = { type: 'data'; site: SiteRecord } | { type: 'drawn'; site: DrawnSite };

/** The selected site: a data site, or (ids starting "drawn:") one the user drew. */
export function findSite(data: ModelData, drawnSites: readonly DrawnSite[], id: string | null): SiteRef | null {
  if (!id) return null;
  if (isDrawnId(id)) {
    const d = drawnSites.find((x) => x.id === id);
    return d ? { type: 'drawn', site: d } : null;
  }
  const s = data.sites.find((x) => x.id === id);
  return s ? { type: 'data', site: s } : null;
}

/** The name in the language; Chinese falls back to English where the data has no Chinese name. */
export function siteName(site: Pick<SiteRecord, 'nameEn' | 'nameZh'>, lang: Lang): string {
  return lang === 'zh-HK' && site.nameZh.trim() ? site.nameZh : site.nameEn;
}

export function institutionName(data: ModelData, code: string | null, lang: Lang): string | null {
  if (code === null) return null;
  const inst = data.institutions.find((i) => i.code === code);
  if (!inst) return code;
  return lang === 'zh-HK' ? inst.nameZh : inst.nameEn;
}

export function districtName(data: ModelData, code: string | null, lang: Lang): string | null {
  if (code === null) return null;
  const d = data.districts.find((x) => x.code === code);
  if (!d) return code;
  return lang === 'zh-HK' ? d.nameZh : d.nameEn;
}

export const SOURCE_LABEL: Record<SourceKey, StringKey> = {
  existing: 'sourceExisting',
  pipeline: 'sourcePipeline',
  conversion: 'sourceConversion',
  landSale: 'sourceLandSale',
  universityTown: 'sourceUniversityTown',
  youthHostel: 'sourceYouthHostel',
};

export const STATUS_LABEL: Record<SiteRecord['status'], StringKey> = {
  operating: 'siteStatusOperating',
  'under construction': 'siteStatusUnderConstruction',
  planned: 'siteStatusPlanned',
  candidate: 'siteStatusCandidate',
  applied: 'siteStatusApplied',
  converted: 'siteStatusConverted',
};

// ---------------------------------------------------------------- facts

export type FactKey = 'beds' | 'openYear' | 'rooms' | 'areaM2' | 'plotRatio' | 'maxGfaM2' | 'availableYear';

export interface Fact {
  key: FactKey;
  labelKey: StringKey;
  value: number;
  /** A string key for the unit, or null when the label says it (years, plot ratio). */
  unitKey: StringKey | null;
  isYear: boolean;
  estimated: boolean;
  source: string;
}

/** Every sourced number the data holds for the site, in a fixed order, with its provenance. */
export function siteFacts(site: SiteRecord): Fact[] {
  const out: Fact[] = [];
  const add = (key: FactKey, labelKey: StringKey, unitKey: StringKey | null, isYear = false) => {
    const f = site[key];
    if (f) out.push({ key, labelKey, value: f.value, unitKey, isYear, estimated: f.estimated, source: f.source });
  };
  add('beds', 'factBeds', 'unitBeds');
  add('rooms', 'factRooms', 'unitRooms');
  add('openYear', 'openYear', null, true);
  add('areaM2', 'factArea', 'unitM2');
  add('plotRatio', 'plotRatio', null);
  add('maxGfaM2', 'factMaxGfa', 'unitM2');
  add('availableYear', site.kind === 'landSale' ? 'tenderYear' : 'availableYear', null, true);
  return out;
}

/** Splits text into plain runs and https links so a provenance string's URLs can be followed; never HTML. */
export function splitLinks(text: string): ({ text: string } | { url: string })[] {
  const out: ({ text: string } | { url: string })[] = [];
  const re = /https:\/\/[^\s<>"')]+/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let url = m[0];
    // trailing punctuation belongs to the sentence, not the link
    while (/[.,;:]$/.test(url)) url = url.slice(0, -1);
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ url });
    last = m.index + url.length;
    re.lastIndex = last;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

// ---------------------------------------------------------------- model figures

export interface ModelFigures {
  /** Beds when fully open (0 for a candidate that does not convert or an excluded site). */
  beds: number;
  openYear: number | null;
  fullYear: number | null;
  closeYear: number | null;
  decisionYear: number | null;
}

/** The model's figures for a site (data or drawn) from the last results; null when it is not in them. */
export function siteModelFigures(results: Results | null, id: string): ModelFigures | null {
  const sites = results?.sites;
  if (!sites) return null;
  const k = sites.ids.indexOf(id);
  if (k < 0) return null;
  const year = (v: number | null | undefined) => (v === null || v === undefined || v < 0 ? null : v);
  return {
    beds: sites.beds[k],
    openYear: year(sites.openYear[k]),
    fullYear: year(sites.fullYear[k]),
    closeYear: year(sites.closeYear[k]),
    decisionYear: year(sites.decisionYear[k]),
  };
}

export type ConversionStatus = 'candidate' | 'converting' | 'open' | 'reverted';

export const CONVERSION_STATUS_LABEL: Record<ConversionStatus, StringKey> = {
  candidate: 'statusCandidate',
  converting: 'statusConverting',
  open: 'statusOpen',
  reverted: 'statusReverted',
};

/** Where a conversion candidate stands in a year: not chosen, works under way, beds in use, back to hotel. */
export function conversionStatus(f: ModelFigures | null, year: number): ConversionStatus {
  if (!f || f.beds <= 0 || f.openYear === null) return 'candidate';
  const start = f.decisionYear ?? f.openYear;
  if (year < start) return 'candidate';
  if (year < f.openYear) return 'converting';
  if (f.closeYear !== null && year >= f.closeYear) return 'reverted';
  return 'open';
}

// ---------------------------------------------------------------- editable fields of data sites

export interface NumberRule {
  min: number;
  max: number;
  /** The value must be greater than min (schema .positive()). */
  minExclusive?: boolean;
  integer?: boolean;
  /** Academic start years: errors name them as 2026/27. */
  year?: boolean;
}

/** Bounds of siteEditSchema's fields. */
export const SITE_EDIT_RULES = {
  beds: { min: 0, max: 100_000 },
  rooms: { min: 0, max: 10_000 },
  bedsPerRoom: { min: 0.1, max: 10 },
  openYear: { min: MIN_YEAR, max: MAX_YEAR, integer: true, year: true },
  closeYear: { min: MIN_YEAR, max: MAX_YEAR, integer: true, year: true },
  availableYear: { min: MIN_YEAR, max: MAX_YEAR, integer: true, year: true },
  areaM2: { min: 0, max: 10_000_000, minExclusive: true },
  plotRatio: { min: 0, max: 30, minExclusive: true },
} as const satisfies Record<string, NumberRule>;

/** Bounds of drawnSiteSchema's numeric fields, and the longest name. */
export const DRAWN_RULES = {
  plotRatio: { min: 0, max: 30, minExclusive: true },
  hostelSharePct: { min: 0, max: 100 },
  gfaPerBedM2: { min: 5, max: 100 },
  tenderYear: { min: MIN_YEAR, max: MAX_YEAR, integer: true, year: true },
} as const satisfies Record<string, NumberRule>;
export const MAX_NAME_LENGTH = 120;

export function checkNumber(text: string, rule: NumberRule): Checked<number> {
  const v = parseNumber(text);
  if (v === null) return { ok: false, error: { code: 'number' } };
  if (rule.integer && !Number.isInteger(v)) return { ok: false, error: { code: 'whole' } };
  const low = rule.minExclusive ? v <= rule.min : v < rule.min;
  if (low || v > rule.max) return { ok: false, error: { code: rule.minExclusive ? 'rangeAbove' : rule.year ? 'yearRange' : 'range', min: rule.min, max: rule.max } };
  return { ok: true, value: v };
}

export type SiteFieldKey =
  | 'included' | 'convertFirst' | 'beds' | 'rooms' | 'bedsPerRoom' | 'openYear' | 'closeYear' | 'leaseTerm'
  | 'areaM2' | 'plotRatio' | 'availableYear' | 'owner';

export interface SiteField {
  key: SiteFieldKey;
  kind: 'number' | 'year' | 'boolean' | 'owner';
  labelKey: StringKey;
  /** Current value: the scenario's override, else the data's; null when neither (the model's default applies). */
  value: number | boolean | string | null;
  /** What applies when the field is left empty (shown as the placeholder). */
  placeholder: number | null;
  /** Empty text is allowed and removes the override. */
  optional: boolean;
  overridden: boolean;
  rule?: NumberRule;
  /** A checkbox that cannot be used now (convert-first on an excluded site). */
  disabled?: boolean;
  /** Lease term: open year the term counts from. */
  termFrom?: number | null;
}

export interface SiteContext {
  params: Params;
  figures: ModelFigures | null;
  /** Institution codes that may own beds. */
  codes: readonly string[];
}

const isConversion = (s: SiteRecord) => s.kind === 'hotel' || s.kind === 'guesthouse';

/** The open year a lease term counts from: the override, else the model's, else none. */
function termBase(edit: SiteEdit, ctx: SiteContext): number | null {
  return edit.openYear ?? ctx.figures?.openYear ?? null;
}

function leaseTerm(edit: SiteEdit, ctx: SiteContext): number | null {
  const base = termBase(edit, ctx);
  return edit.closeYear != null && base !== null ? edit.closeYear - base : null;
}

/** The fields a planner may edit for a data site, by kind, with current values and defaults. */
export function siteFields(site: SiteRecord, edit: SiteEdit = {}, ctx: SiteContext): SiteField[] {
  const f: SiteField[] = [];
  const included = edit.included !== false;
  f.push({ key: 'included', kind: 'boolean', labelKey: 'included', value: included, placeholder: null, optional: false, overridden: edit.included !== undefined });
  const num = (key: 'beds' | 'rooms' | 'bedsPerRoom' | 'areaM2' | 'plotRatio', labelKey: StringKey, dataValue: number | null, placeholder: number | null = dataValue) => {
    const v = edit[key] ?? dataValue;
    f.push({ key, kind: 'number', labelKey, value: v, placeholder, optional: dataValue === null, overridden: edit[key] !== undefined, rule: SITE_EDIT_RULES[key] });
  };
  const yr = (key: 'openYear' | 'closeYear' | 'availableYear', labelKey: StringKey, dataValue: number | null, placeholder: number | null) => {
    const v = edit[key] ?? dataValue;
    f.push({ key, kind: 'year', labelKey, value: v, placeholder, optional: dataValue === null, overridden: edit[key] !== undefined, rule: SITE_EDIT_RULES[key] });
  };
  switch (site.kind) {
    case 'fixed':
      num('beds', 'factBeds', site.beds?.value ?? null);
      yr('openYear', 'openYear', site.openYear?.value ?? null, null);
      yr('closeYear', 'closeYear', null, null);
      break;
    case 'hotel':
    case 'guesthouse': {
      f.push({ key: 'convertFirst', kind: 'boolean', labelKey: 'convertFirst', value: edit.included === true, placeholder: null, optional: false, overridden: edit.included === true, disabled: !included });
      num('rooms', 'rooms', site.rooms?.value ?? null);
      num('bedsPerRoom', 'bedsPerRoom', null, ctx.params.bedsPerRoom);
      yr('openYear', 'openYearOverride', null, ctx.figures?.openYear ?? null);
      const base = termBase(edit, ctx);
      const revert = ctx.params.conversionRevertAfterYears;
      f.push({
        key: 'leaseTerm', kind: 'number', labelKey: 'leaseTerm', value: leaseTerm(edit, ctx), placeholder: revert > 0 ? revert : null,
        optional: true, overridden: edit.closeYear != null, rule: { min: 1, max: Math.max(1, MAX_YEAR - (base ?? MIN_YEAR)), integer: true }, termFrom: base,
      });
      break;
    }
    case 'landSale':
      num('areaM2', 'areaM2', site.areaM2?.value ?? null);
      num('plotRatio', 'plotRatio', site.plotRatio?.value ?? null);
      // the model tenders land-sale sites in the scenario's tender year unless a site says otherwise
      yr('availableYear', 'tenderYear', null, ctx.params.landSaleTenderYear);
      yr('openYear', 'openYearOverride', null, ctx.figures?.openYear ?? null);
      break;
    case 'uniTown':
      num('areaM2', 'areaM2', site.areaM2?.value ?? null);
      yr('availableYear', 'availableYear', site.availableYear?.value ?? null, site.availableYear?.value ?? null);
      break;
  }
  if (site.source !== 'existing') {
    const owner = edit.owner !== undefined ? edit.owner : site.owner;
    f.push({ key: 'owner', kind: 'owner', labelKey: 'owner', value: owner ?? '', placeholder: null, optional: false, overridden: edit.owner !== undefined });
  }
  return f;
}

/**
 * A field's new input (checkbox state, select value or typed text) → the SiteEdit to merge with
 * editSite (undefined removes an override), or why the input is refused.
 */
export function siteFieldEdit(site: SiteRecord, edit: SiteEdit = {}, key: SiteFieldKey, input: string | boolean, ctx: SiteContext): Checked<SiteEdit> {
  const ok = (e: SiteEdit): Checked<SiteEdit> => ({ ok: true, value: e });
  const bad = (error: InputError): Checked<SiteEdit> => ({ ok: false, error });
  if (key === 'included') {
    // unticking excludes; ticking returns to the data's default (for hotels: a ranked candidate again)
    return ok({ included: input === true ? undefined : false });
  }
  if (key === 'convertFirst') return ok({ included: input === true ? true : undefined });
  if (key === 'owner') {
    const code = String(input);
    if (code !== '' && !ctx.codes.includes(code)) return bad({ code: 'unknownOwner' });
    const owner = code === '' ? null : code;
    return ok({ owner: owner === site.owner ? undefined : owner });
  }
  const text = String(input);
  const empty = text.trim() === '';
  if (key === 'leaseTerm') {
    if (empty) return ok({ closeYear: undefined });
    const base = termBase(edit, ctx);
    if (base === null) return bad({ code: 'needOpenYear' });
    const c = checkNumber(text, { min: 1, max: MAX_YEAR - base, integer: true });
    if (!c.ok) return bad(base >= MAX_YEAR ? { code: 'needOpenYear' } : c.error);
    return ok({ closeYear: base + c.value });
  }
  const fields = siteFields(site, edit, ctx);
  const field = fields.find((x) => x.key === key);
  if (!field || !field.rule) return bad({ code: 'number' });
  if (empty) return field.optional ? ok({ [key]: undefined } as SiteEdit) : bad({ code: 'number' });
  const c = checkNumber(text, field.rule);
  if (!c.ok) return bad(c.error);
  const v = c.value;
  if (key === 'openYear') {
    if (isConversion(site)) {
      // keep a lease term the user set: it counts from the (new) open year
      const term = leaseTerm(edit, ctx);
      if (term !== null) {
        if (v + term > MAX_YEAR) return bad({ code: 'yearRange', min: MIN_YEAR, max: MAX_YEAR - term });
        return ok({ openYear: v, closeYear: v + term });
      }
    } else if (edit.closeYear != null && v >= edit.closeYear) {
      return bad({ code: 'beforeYear', year: edit.closeYear });
    }
    return ok({ openYear: v });
  }
  if (key === 'closeYear') {
    const open = edit.openYear ?? site.openYear?.value ?? null;
    if (open !== null && v <= open) return bad({ code: 'afterYear', year: open });
    return ok({ closeYear: v });
  }
  return ok({ [key]: v } as SiteEdit);
}

// ---------------------------------------------------------------- drawn sites

export type DrawnFieldKey = 'name' | 'plotRatio' | 'hostelSharePct' | 'gfaPerBedM2' | 'tenderYear' | 'owner' | 'included';

export interface DrawnField {
  key: DrawnFieldKey;
  kind: 'text' | 'number' | 'year' | 'boolean' | 'owner';
  labelKey: StringKey;
  value: string | number | boolean;
  rule?: NumberRule;
}

export function drawnFields(d: DrawnSite): DrawnField[] {
  return [
    { key: 'name', kind: 'text', labelKey: 'name', value: d.name },
    { key: 'included', kind: 'boolean', labelKey: 'included', value: d.included },
    { key: 'plotRatio', kind: 'number', labelKey: 'plotRatio', value: d.plotRatio, rule: DRAWN_RULES.plotRatio },
    { key: 'hostelSharePct', kind: 'number', labelKey: 'hostelShare', value: d.hostelSharePct, rule: DRAWN_RULES.hostelSharePct },
    { key: 'gfaPerBedM2', kind: 'number', labelKey: 'gfaPerBed', value: d.gfaPerBedM2, rule: DRAWN_RULES.gfaPerBedM2 },
    { key: 'tenderYear', kind: 'year', labelKey: 'tenderYear', value: d.tenderYear, rule: DRAWN_RULES.tenderYear },
    { key: 'owner', kind: 'owner', labelKey: 'owner', value: d.owner ?? '' },
  ];
}

export type DrawnPatch = Partial<Omit<DrawnSite, 'id'>>;

/** A drawn site field's new input → the patch for updateDrawnSite, or why the input is refused. */
export function drawnFieldPatch(key: DrawnFieldKey, input: string | boolean, codes: readonly string[]): Checked<DrawnPatch> {
  if (key === 'included') return { ok: true, value: { included: input === true } };
  const text = String(input);
  if (key === 'name') {
    const name = text.trim();
    if (name.length < 1 || name.length > MAX_NAME_LENGTH) return { ok: false, error: { code: 'name', max: MAX_NAME_LENGTH } };
    return { ok: true, value: { name } };
  }
  if (key === 'owner') {
    if (text !== '' && !codes.includes(text)) return { ok: false, error: { code: 'unknownOwner' } };
    return { ok: true, value: { owner: text === '' ? null : text } };
  }
  const c = checkNumber(text, DRAWN_RULES[key]);
  return c.ok ? { ok: true, value: { [key]: c.value } } : c;
}

/** Area of a drawn polygon (geodesic, as the model computes it). */
export function drawnSiteArea(d: Pick<DrawnSite, 'polygon'>): { m2: number; ha: number } {
  const m2 = turfArea({ type: 'Feature', properties: {}, geometry: d.polygon });
  return { m2, ha: m2 / 10_000 };
}
