/**
 * Side-by-side comparison of scenarios (pure; unit-tested): the overlaid chart series over the
 * union of their years, and one table row per headline figure, per kind of edit and per registry
 * parameter (registry order, label, unit), each marked when the scenarios differ.
 */
import { PARAMS, type ParamSpec } from '../../workers/model/params/registry.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import { formatAcademicYear } from '../../workers/model/years.ts';
import { translate, type Lang, type StringKey } from '../i18n/strings.ts';
import { formatHkd, formatInt } from '../i18n/format.ts';
import { paramLabel } from './paramControls.ts';
import { yearIndex } from './chartSeries.ts';

export interface CompareInput {
  id: string;
  name: string;
  scenario: Scenario;
  results: Results;
}

export interface CompareRow {
  key: string;
  section: 'headline' | 'edits' | 'param';
  label: string;
  /** Text per scenario, in input order. */
  values: string[];
  differs: boolean;
}

/**
 * The first academic year from which the gap stays at or below zero to the last reported year;
 * null when it never closes within the horizon.
 * @param gap beds short per year (positive = short)
 */
export function closingYear(years: readonly number[], gap: readonly number[]): number | null {
  let y: number | null = null;
  for (let i = years.length - 1; i >= 0; i--) {
    if (gap[i] > 0) break;
    y = years[i];
  }
  return y;
}

/** The years of every input, sorted, and each input's total beds and market need on them (null where it does not report). */
export function compareChart(inputs: readonly CompareInput[]): { years: number[]; beds: (number | null)[][]; need: (number | null)[][] } {
  const years = [...new Set(inputs.flatMap((c) => c.results.years))].sort((a, b) => a - b);
  const on = (c: CompareInput, arr: number[]) => years.map((y) => { const i = c.results.years.indexOf(y); return i < 0 ? null : arr[i]; });
  return {
    years,
    beds: inputs.map((c) => on(c, c.results.sector.supply.total)),
    need: inputs.map((c) => on(c, c.results.sector.demand.market)),
  };
}

function paramValueText(p: ParamSpec, v: number | boolean, lang: Lang): string {
  if (p.type === 'boolean') return translate(lang, v ? 'valueOn' : 'valueOff');
  if (p.type === 'year') return formatAcademicYear(v as number);
  return (v as number).toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 4 });
}

/**
 * Table rows for `year` (each scenario's nearest reported year when it does not report that one).
 */
export function compareRows(inputs: readonly CompareInput[], lang: Lang, year: number): CompareRow[] {
  const t = (k: StringKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
  const rows: CompareRow[] = [];
  const num = (v: number | null) => (v === null ? '–' : formatInt(lang, v));
  const ay = (v: number | null, last: number) => (v === null ? t('notWithinHorizon', { year: formatAcademicYear(last) }) : formatAcademicYear(v));
  const push = (key: string, section: CompareRow['section'], label: string, raw: (number | string | boolean | null)[], text: string[]) => {
    rows.push({ key, section, label, values: text, differs: raw.some((r) => r !== raw[0]) });
  };
  const at = (c: CompareInput) => yearIndex(c.results.years, year);
  const yearLabel = formatAcademicYear(year);
  const figure = (key: string, label: string, get: (c: CompareInput, i: number) => number) => {
    const raw = inputs.map((c) => Math.round(get(c, at(c))));
    push(key, 'headline', label, raw, raw.map(num));
  };
  const gapLabel = (lens: StringKey) => t('cmpLabelLens', { label: t('gapInYear', { year: yearLabel }), lens: t(lens) });
  figure('gapEntitlement', gapLabel('lensEntitlement'), (c, i) => c.results.sector.gap.entitlement[i]);
  figure('gapMarket', gapLabel('lensMarket'), (c, i) => c.results.sector.gap.market[i]);
  figure('supplyTotal', t('cmpBedsIn', { year: yearLabel }), (c, i) => c.results.sector.supply.total[i]);
  figure('demandEntitlement', t('cmpNeedIn', { year: yearLabel, lens: t('lensEntitlement') }), (c, i) => c.results.sector.demand.entitlement[i]);
  figure('demandMarket', t('cmpNeedIn', { year: yearLabel, lens: t('lensMarket') }), (c, i) => c.results.sector.demand.market[i]);
  for (const lens of ['entitlement', 'market'] as const) {
    const raw = inputs.map((c) => closingYear(c.results.years, c.results.sector.gap[lens]));
    push(`closes.${lens}`, 'headline', t('cmpGapCloses', { lens: t(lens === 'market' ? 'lensMarket' : 'lensEntitlement') }), raw,
      raw.map((v, k) => ay(v, inputs[k].results.years[inputs[k].results.years.length - 1])));
  }
  {
    const raw = inputs.map((c) => { const i = at(c); let s = 0; for (let k = 0; k <= i; k++) s += c.results.sector.capitalCostHkd.total[k]; return Math.round(s); });
    push('capex', 'headline', t('cmpCapex', { year: yearLabel }), raw, raw.map((v) => formatHkd(lang, v)));
  }
  const count = (key: string, label: string, n: (s: Scenario) => number) => {
    const raw = inputs.map((c) => n(c.scenario));
    push(key, 'edits', label, raw, raw.map((v) => formatInt(lang, v)));
  };
  count('siteEdits', t('cmpSiteEdits'), (s) => Object.keys(s.sites).length);
  count('drawnSites', t('cmpDrawnSites'), (s) => s.drawnSites.length);
  count('institutionEdits', t('cmpInstitutionEdits'), (s) => Object.keys(s.institutions).length);
  {
    const raw = inputs.map((c) => c.scenario.seed);
    push('seed', 'edits', t('seed'), raw, raw.map(String));
  }
  for (const p of PARAMS as readonly ParamSpec[]) {
    const key = p.key as keyof Scenario['params'];
    const raw = inputs.map((c) => c.scenario.params[key]);
    push(`params.${p.key}`, 'param', paramLabel(p, lang), raw, raw.map((v) => paramValueText(p, v, lang)));
  }
  return rows;
}
