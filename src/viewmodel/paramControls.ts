/**
 * View model of the scenario panel (pure; unit-tested): which control each registry parameter
 * gets, its label with the unit in the current language, the validation of typed text (with the
 * reason as a translatable error), and the small updaters the panel needs that src/store/updaters.ts
 * does not have (Monte Carlo distributions and the seed).
 */
import { GROUPS, PARAMS, PARAM_BY_KEY, type Distribution, type ParamGroup, type ParamKey, type ParamSpec, type Params } from '../../workers/model/params/registry.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import { formatAcademicYear } from '../../workers/model/years.ts';
import { paramError } from '../store/updaters.ts';
import { translate, type Lang, type StringKey } from '../i18n/strings.ts';

// ---------------------------------------------------------------- errors

/** Why typed input is refused, as data, so the message is translated where it is shown. */
export type InputError =
  | { code: 'number' }
  | { code: 'whole' }
  | { code: 'range'; min: number; max: number }
  | { code: 'yearRange'; min: number; max: number }
  | { code: 'rangeAbove'; min: number; max: number }
  | { code: 'afterYear'; year: number }
  | { code: 'beforeYear'; year: number }
  | { code: 'order' }
  | { code: 'name'; max: number }
  | { code: 'needOpenYear' }
  | { code: 'unknownOwner' };

const locale = (lang: Lang) => (lang === 'zh-HK' ? 'zh-HK' : 'en-HK');
const num = (lang: Lang, v: number) => v.toLocaleString(locale(lang), { maximumFractionDigits: 6 });

/** The error as a sentence in the given language (years as 2026/27). */
export function errorText(lang: Lang, e: InputError): string {
  switch (e.code) {
    case 'number': return translate(lang, 'errNumber');
    case 'whole': return translate(lang, 'errWhole');
    case 'range': return translate(lang, 'errRange', { min: num(lang, e.min), max: num(lang, e.max) });
    case 'yearRange': return translate(lang, 'errRange', { min: formatAcademicYear(e.min), max: formatAcademicYear(e.max) });
    case 'rangeAbove': return translate(lang, 'errRangeAbove', { min: num(lang, e.min), max: num(lang, e.max) });
    case 'afterYear': return translate(lang, 'errAfterYear', { year: formatAcademicYear(e.year) });
    case 'beforeYear': return translate(lang, 'errBeforeYear', { year: formatAcademicYear(e.year) });
    case 'order': return translate(lang, 'errOrder');
    case 'name': return translate(lang, 'errName', { max: e.max });
    case 'needOpenYear': return translate(lang, 'errNeedOpenYear');
    case 'unknownOwner': return translate(lang, 'errUnknownOwner');
  }
}

/** Text typed in a number field → a number, or null when it is empty or not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** A number as an input's text: no exponent for the values the registry allows, no float noise. */
export function numberText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(12)));
}

// ---------------------------------------------------------------- units and labels

/** Registry units (English, as written in the registry) → string keys, so units are translated too. */
export const UNIT_KEYS: Record<string, StringKey> = {
  '% of GFA': 'unitPctOfGfa',
  '% of UGC-funded RPg places': 'unitPctOfRpgPlaces',
  '% of local UG': 'unitPctOfLocalUg',
  '% of local places': 'unitPctOfLocalPlaces',
  '% of places': 'unitPctOfPlaces',
  '% of remaining eligible rooms': 'unitPctOfRemainingRooms',
  '% of site area': 'unitPctOfSiteArea',
  '% per year': 'unitPctPerYear',
  '% who want a hostel bed': 'unitPctWantBed',
  'HK$ per bed': 'unitHkdPerBed',
  'HK$ per room': 'unitHkdPerRoom',
  'academic year': 'unitAcademicYear',
  'beds per room': 'unitBedsPerRoom',
  beds: 'unitBeds',
  draws: 'unitDraws',
  km: 'unitKm',
  months: 'unitMonths',
  'm² GFA per bed': 'unitM2GfaPerBed',
  'on/off': 'unitOnOff',
  phases: 'unitPhases',
  places: 'unitPlaces',
  'plot ratio': 'unitPlotRatio',
  rooms: 'unitRooms',
  'share of the gap closed per year': 'unitShareGapPerYear',
  'years (0 = never)': 'unitYearsZeroNever',
  years: 'unitYears',
  m: 'unitMetres',
};

/** A registry unit in the language; an unknown unit is shown as the registry wrote it. */
export function unitText(lang: Lang, unit: string): string {
  const k = UNIT_KEYS[unit];
  return k ? translate(lang, k) : unit;
}

/** "Label (unit)", or "標籤（單位）" in Chinese; switches (on/off) have no unit. */
export function withUnit(lang: Lang, label: string, unit: string | null): string {
  if (!unit) return label;
  return lang === 'zh-HK' ? `${label}（${unit}）` : `${label} (${unit})`;
}

export function paramLabel(p: ParamSpec, lang: Lang): string {
  return withUnit(lang, p.label[lang], p.type === 'boolean' ? null : unitText(lang, p.unit));
}

/** Only https links are offered; anything else (javascript:, http:, relative) is shown as nothing. */
export function safeHttpsUrl(url: string | undefined | null): string | null {
  if (!url || !url.startsWith('https://')) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- controls

export type ControlKind = 'number' | 'year' | 'boolean';

export interface ParamControlSpec {
  key: ParamKey;
  kind: ControlKind;
  min: number;
  max: number;
  step: number;
  /** A range slider is offered when it has at most 1000 stops; otherwise the number field alone. */
  slider: boolean;
  estimated: boolean;
}

/** Sliders with more than this many stops are too fine to drag to a value. */
export const MAX_SLIDER_STOPS = 1000;

export function hasSlider(p: ParamSpec): boolean {
  if (p.type === 'boolean' || p.type === 'year') return false;
  return p.max - p.min <= MAX_SLIDER_STOPS * p.step * (1 + 1e-9);
}

export function controlSpec(key: ParamKey): ParamControlSpec {
  const p = PARAM_BY_KEY[key];
  if (p.type === 'boolean') return { key, kind: 'boolean', min: 0, max: 1, step: 1, slider: false, estimated: p.estimated };
  return { key, kind: p.type === 'year' ? 'year' : 'number', min: p.min, max: p.max, step: p.step, slider: hasSlider(p), estimated: p.estimated };
}

export interface GroupSpec {
  key: ParamGroup;
  keys: ParamKey[];
}

/** The registry's groups in GROUPS order, 'run' (uncertainty and years) always last, each with its parameters in registry order. */
export function paramGroups(): GroupSpec[] {
  const order = [...GROUPS].sort((a, b) => Number(a.key === 'run') - Number(b.key === 'run'));
  return order.map((g) => ({ key: g.key, keys: PARAMS.filter((p) => p.group === g.key).map((p) => p.key as ParamKey) }));
}

export function groupLabel(key: ParamGroup, lang: Lang): string {
  return GROUPS.find((g) => g.key === key)?.label[lang] ?? key;
}

/** Classifies paramError's refusal so it can be said in either language. */
function paramInputError(key: ParamKey, value: number): InputError | null {
  if (paramError(key, value) === null) return null;
  const p = PARAM_BY_KEY[key];
  if (p.type === 'boolean') return { code: 'number' };
  if (p.type !== 'number' && !Number.isInteger(value)) return { code: 'whole' };
  return { code: p.type === 'year' ? 'yearRange' : 'range', min: p.min, max: p.max };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: InputError };

/**
 * Text typed for a numeric parameter → the value to set, or why not. Beyond the registry bounds,
 * the first year must stay before the last (setParam refuses otherwise, silently).
 */
export function checkParamText(key: ParamKey, text: string, params: Params): Checked<number> {
  const v = parseNumber(text);
  if (v === null) return { ok: false, error: { code: 'number' } };
  const e = paramInputError(key, v);
  if (e) return { ok: false, error: e };
  if (key === 'horizonYear' && v <= params.baseYear) return { ok: false, error: { code: 'afterYear', year: params.baseYear } };
  if (key === 'baseYear' && v >= params.horizonYear) return { ok: false, error: { code: 'beforeYear', year: params.horizonYear } };
  return { ok: true, value: v };
}

// ---------------------------------------------------------------- Monte Carlo distributions and seed

/** Parameters that carry a distribution in this scenario, in registry order. */
export function uncertainKeys(s: Scenario): ParamKey[] {
  return PARAMS.filter((p) => p.type !== 'boolean' && s.uncertainty[p.key as ParamKey]).map((p) => p.key as ParamKey);
}

/** Why a distribution is refused: min ≤ mode ≤ max, all finite and inside the parameter's bounds. */
export function distributionError(key: ParamKey, d: Distribution): InputError | null {
  const p = PARAM_BY_KEY[key];
  if (p.type === 'boolean') return { code: 'number' };
  if (d.dist !== 'triangular' && d.dist !== 'pert') return { code: 'number' };
  for (const v of [d.min, d.mode, d.max]) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'number' };
    if (v < p.min || v > p.max) return { code: 'range', min: p.min, max: p.max };
  }
  if (!(d.min <= d.mode && d.mode <= d.max)) return { code: 'order' };
  return null;
}

/** The three typed values of a distribution → the distribution, or the first reason to refuse it. */
export function checkDistributionText(key: ParamKey, dist: Distribution['dist'], text: { min: string; mode: string; max: string }): Checked<Distribution> {
  const min = parseNumber(text.min), mode = parseNumber(text.mode), max = parseNumber(text.max);
  if (min === null || mode === null || max === null) return { ok: false, error: { code: 'number' } };
  const d: Distribution = { dist, min, mode, max };
  const e = distributionError(key, d);
  return e ? { ok: false, error: e } : { ok: true, value: d };
}

/** Pure updater: sets a parameter's Monte Carlo distribution; invalid or unchanged → the same scenario. */
export function setDistribution(s: Scenario, key: ParamKey, dist: Distribution): Scenario {
  if (distributionError(key, dist) !== null) return s;
  const old = s.uncertainty[key];
  if (old && old.dist === dist.dist && old.min === dist.min && old.mode === dist.mode && old.max === dist.max) return s;
  return { ...s, uncertainty: { ...s.uncertainty, [key]: { dist: dist.dist, min: dist.min, mode: dist.mode, max: dist.max } } };
}

export const MAX_SEED = 2 ** 32 - 1;

export function checkSeedText(text: string): Checked<number> {
  const v = parseNumber(text);
  if (v === null) return { ok: false, error: { code: 'number' } };
  if (!Number.isInteger(v)) return { ok: false, error: { code: 'whole' } };
  if (v < 0 || v > MAX_SEED) return { ok: false, error: { code: 'range', min: 0, max: MAX_SEED } };
  return { ok: true, value: v };
}

/** Pure updater: the Monte Carlo seed (a whole number 0 … 2³²−1); invalid or unchanged → the same scenario. */
export function setSeed(s: Scenario, seed: number): Scenario {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED || seed === s.seed) return s;
  return { ...s, seed };
}

// ---------------------------------------------------------------- map year

/** The years the map slider covers: the results' years, or the scenario's years before the first result. */
export function mapYearRange(resultYears: readonly number[] | null | undefined, params: Pick<Params, 'baseYear' | 'horizonYear'>): { min: number; max: number } {
  if (resultYears && resultYears.length > 0) return { min: resultYears[0], max: resultYears[resultYears.length - 1] };
  return { min: params.baseYear, max: params.horizonYear };
}

export function clampYear(year: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, Math.round(year)));
}
