/**
 * What the two charts draw, derived from results (pure; unit-tested): the uPlot data arrays, the
 * stacking of beds by source, the Monte Carlo bands, and the rows of the data table and CSV — one
 * source for all of them, so the table and the export always carry the numbers the chart shows.
 */
import { SOURCE_KEYS, type SourceKey } from '../../workers/model/data/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import type { Percentiles } from '../../workers/model/mc/monteCarlo.ts';
import { formatAcademicYear } from '../../workers/model/years.ts';
import { translate, type Lang, type StringKey } from '../i18n/strings.ts';

export const SOURCE_LABEL: Record<SourceKey, StringKey> = {
  existing: 'sourceExisting',
  pipeline: 'sourcePipeline',
  conversion: 'sourceConversion',
  landSale: 'sourceLandSale',
  universityTown: 'sourceUniversityTown',
  youthHostel: 'sourceYouthHostel',
};

/** Index of `year` in `years`, or the nearest end when it lies outside (never −1 for a non-empty list). */
export function yearIndex(years: readonly number[], year: number): number {
  const i = years.indexOf(year);
  if (i >= 0) return i;
  return years.length === 0 || year < years[0] ? 0 : years.length - 1;
}

/**
 * Percentiles carry no years of their own: they belong to these results only when every array we
 * draw has one value per reported year (a run with another horizon leaves them behind until the
 * next Monte Carlo finishes).
 */
export function percentilesFit(r: Results, p: Percentiles | null | undefined): p is Percentiles {
  if (!p) return false;
  const n = r.years.length;
  return [p.supplyTotal.p10, p.supplyTotal.p90, p.demand.market.p10, p.demand.market.p90].every((a) => a.length === n);
}

// ---------------------------------------------------------------------------------------------
// Beds by source against demand

export interface SupplyDemandSeries {
  years: number[];
  /** Sources drawn, bottom of the stack first (youth hostels only when they add any beds). */
  sources: SourceKey[];
  /** Beds of each drawn source per year, as in the results. */
  bySource: number[][];
  /** Running totals bottom → top: stacked[k] = bySource[0] + … + bySource[k]. */
  stacked: number[][];
  total: number[];
  demandEntitlement: number[];
  demandMarket: number[];
  /** P10–P90 of total beds and of market demand, when Monte Carlo percentiles fit these results. */
  band: { supplyP10: number[]; supplyP90: number[]; marketP10: number[]; marketP90: number[]; draws: number } | null;
}

export function supplyDemandSeries(r: Results, p: Percentiles | null | undefined): SupplyDemandSeries {
  const bs = r.sector.supply.bySource;
  const sources = SOURCE_KEYS.filter((k) => k !== 'youthHostel' || bs[k].some((v) => v !== 0));
  const bySource = sources.map((k) => bs[k]);
  return {
    years: r.years,
    sources,
    bySource,
    stacked: stackRows(bySource),
    total: r.sector.supply.total,
    demandEntitlement: r.sector.demand.entitlement,
    demandMarket: r.sector.demand.market,
    band: percentilesFit(r, p)
      ? { supplyP10: p.supplyTotal.p10, supplyP90: p.supplyTotal.p90, marketP10: p.demand.market.p10, marketP90: p.demand.market.p90, draws: p.draws }
      : null,
  };
}

/** Running sums of equal-length rows, first row at the bottom. */
export function stackRows(rows: readonly (readonly number[])[]): number[][] {
  const out: number[][] = [];
  rows.forEach((row, k) => out.push(k === 0 ? row.slice() : row.map((v, i) => out[k - 1][i] + v)));
  return out;
}

/**
 * Where each series sits in the uPlot data (index 0 is x): the stacked sources, then the bands'
 * lower and upper edges, then the two demand lines — so the lines are drawn on top.
 */
export interface SupplyDemandLayout {
  sources: number[];
  band: { supplyLo: number; supplyHi: number; marketLo: number; marketHi: number } | null;
  demandEntitlement: number;
  demandMarket: number;
  count: number;
}

export function supplyDemandLayout(sourceCount: number, hasBand: boolean): SupplyDemandLayout {
  let i = 1;
  const sources = Array.from({ length: sourceCount }, () => i++);
  const band = hasBand ? { supplyLo: i++, supplyHi: i++, marketLo: i++, marketHi: i++ } : null;
  const demandEntitlement = i++;
  const demandMarket = i++;
  return { sources, band, demandEntitlement, demandMarket, count: i };
}

/** The uPlot data arrays, in the order of supplyDemandLayout. */
export function supplyDemandData(s: SupplyDemandSeries): number[][] {
  const out: number[][] = [s.years, ...s.stacked];
  if (s.band) out.push(s.band.supplyP10, s.band.supplyP90, s.band.marketP10, s.band.marketP90);
  out.push(s.demandEntitlement, s.demandMarket);
  return out;
}

/** Changes here need a new chart (other series); anything else is a setData. */
export function supplyDemandStructureKey(s: SupplyDemandSeries, lang: Lang): string {
  return `${lang}|${s.sources.join(',')}|${s.band ? 'band' : ''}`;
}

/** The value shown for series `seriesIdx` at point `idx`: beds of that source, not the running total. */
export function supplyDemandValueAt(s: SupplyDemandSeries, seriesIdx: number, idx: number): number | null {
  const L = supplyDemandLayout(s.sources.length, s.band !== null);
  const k = L.sources.indexOf(seriesIdx);
  if (k >= 0) return s.bySource[k][idx] ?? null;
  const row = supplyDemandData(s)[seriesIdx];
  return row ? (row[idx] ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// Tables (on screen and CSV)

export type Cell = string | number | null;
export interface TableModel {
  caption: string;
  /** Column headings with units; the first column heads the rows. */
  columns: { label: string; numeric: boolean }[];
  /** The first cell of each row is its heading (text); numbers are unrounded; null = not applicable. */
  rows: Cell[][];
}

const col = (lang: Lang, label: string, unit: 'unitBeds' | 'unitStudents') => translate(lang, 'colWithUnit', { label, unit: translate(lang, unit) });
const pct = (lang: Lang, label: string, p: string) => translate(lang, 'colPercentile', { label, p });

export function supplyDemandTable(s: SupplyDemandSeries, lang: Lang): TableModel {
  const t = (k: StringKey) => translate(lang, k);
  const columns = [
    { label: t('academicYear'), numeric: false },
    ...s.sources.map((k) => ({ label: col(lang, t(SOURCE_LABEL[k]), 'unitBeds'), numeric: true })),
    { label: col(lang, t('supplyTotal'), 'unitBeds'), numeric: true },
    { label: col(lang, t('demandEntitlement'), 'unitStudents'), numeric: true },
    { label: col(lang, t('demandMarket'), 'unitStudents'), numeric: true },
  ];
  if (s.band) {
    columns.push(
      { label: col(lang, pct(lang, t('supplyTotal'), 'P10'), 'unitBeds'), numeric: true },
      { label: col(lang, pct(lang, t('supplyTotal'), 'P90'), 'unitBeds'), numeric: true },
      { label: col(lang, pct(lang, t('demandMarket'), 'P10'), 'unitStudents'), numeric: true },
      { label: col(lang, pct(lang, t('demandMarket'), 'P90'), 'unitStudents'), numeric: true },
    );
  }
  const rows = s.years.map((y, i) => {
    const row: Cell[] = [formatAcademicYear(y), ...s.bySource.map((a) => a[i]), s.total[i], s.demandEntitlement[i], s.demandMarket[i]];
    if (s.band) row.push(s.band.supplyP10[i], s.band.supplyP90[i], s.band.marketP10[i], s.band.marketP90[i]);
    return row;
  });
  return { caption: t('chartSupplyDemand'), columns, rows };
}

/** Screen-reader summary of the supply chart: span of years and the figures of the selected year. */
export function supplyDemandSummary(s: SupplyDemandSeries, year: number, lang: Lang, fmt: (v: number) => string): string {
  if (s.years.length === 0) return translate(lang, 'chartSupplyDemand');
  const i = yearIndex(s.years, year);
  return translate(lang, 'chartSupplyDemandAria', {
    title: translate(lang, 'chartSupplyDemand'),
    from: formatAcademicYear(s.years[0]),
    to: formatAcademicYear(s.years[s.years.length - 1]),
    year: formatAcademicYear(s.years[i]),
    beds: fmt(s.total[i]),
    ent: fmt(s.demandEntitlement[i]),
    mkt: fmt(s.demandMarket[i]),
  });
}

// ---------------------------------------------------------------------------------------------
// Gap by institution

export interface GapByInstitution {
  year: number;
  codes: string[];
  names: string[];
  market: number[];
  /** null where the 1996 entitlement criteria do not apply (no bar, "n/a" in the table). */
  entitlement: (number | null)[];
}

export function gapByInstitution(r: Results, year: number, lang: Lang): GapByInstitution {
  const i = yearIndex(r.years, year);
  const codes = Object.keys(r.institutions);
  const inst = codes.map((c) => r.institutions[c]);
  return {
    year: r.years[i] ?? year,
    codes,
    names: inst.map((x) => (lang === 'zh-HK' ? x.nameZh : x.nameEn)),
    market: inst.map((x) => x.gap.market[i]),
    entitlement: inst.map((x) => (x.entitlementApplies ? x.gap.entitlement[i] : null)),
  };
}

/** uPlot data: x is the institution's position 0 … n−1, then market and entitlement gaps. */
export function gapData(g: GapByInstitution): (number | null)[][] {
  return [g.codes.map((_, i) => i), g.market, g.entitlement];
}

export function gapStructureKey(g: GapByInstitution, lang: Lang): string {
  return `${lang}|${g.codes.join(',')}`;
}

export function gapTable(g: GapByInstitution, lang: Lang): TableModel {
  const t = (k: StringKey) => translate(lang, k);
  return {
    caption: translate(lang, 'chartGapByInstitution', { year: formatAcademicYear(g.year) }),
    columns: [
      { label: t('institutionCode'), numeric: false },
      { label: t('institution'), numeric: false },
      { label: col(lang, t('gapMarketCol'), 'unitBeds'), numeric: true },
      { label: col(lang, t('gapEntitlementCol'), 'unitBeds'), numeric: true },
    ],
    rows: g.codes.map((c, i) => [c, g.names[i], g.market[i], g.entitlement[i]]),
  };
}

export function gapSummary(g: GapByInstitution, lang: Lang, fmt: (v: number) => string): string {
  const title = translate(lang, 'chartGapByInstitution', { year: formatAcademicYear(g.year) });
  if (g.codes.length === 0) return title;
  let top = 0;
  g.market.forEach((v, i) => { if (v > g.market[top]) top = i; });
  return translate(lang, 'chartGapAria', { title, n: g.codes.length, name: g.names[top], gap: fmt(g.market[top]) });
}

// ---------------------------------------------------------------------------------------------

/** CSV rows of a table: the heading row, then whole numbers without grouping; n/a cells empty. */
export function tableCsvRows(table: TableModel): Cell[][] {
  return [
    table.columns.map((c) => c.label),
    ...table.rows.map((row) => row.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? Math.round(v) : null) : v))),
  ];
}
