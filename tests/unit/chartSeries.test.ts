/**
 * The chart view model: stacking, uPlot series layout, Monte Carlo bands, and the table/CSV rows
 * that must carry the same numbers as the chart.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../workers/model/simulate.ts';
import type { Results } from '../../workers/model/results.ts';
import {
  gapByInstitution, gapData, gapStructureKey, gapSummary, gapTable, percentilesFit, stackRows,
  supplyDemandData, supplyDemandLayout, supplyDemandSeries, supplyDemandStructureKey, supplyDemandSummary,
  supplyDemandTable, supplyDemandValueAt, tableCsvRows, yearIndex,
} from '../../src/viewmodel/chartSeries.ts';
import { STRINGS } from '../../src/i18n/strings.ts';
import { data, scenarioWith, UGC_CODES, ALL_CODES } from './_helpers.ts';

const scenario = scenarioWith();
const r = simulate(scenario, data, scenario.seed, { draws: 40 });
const p = r.percentiles!;
const fmt = (v: number) => Math.round(v).toLocaleString('en-HK');

/** The same results with some youth-hostel beds (the default scenario has none). */
function withYouthHostels(): Results {
  const c = structuredClone(r);
  c.sector.supply.bySource.youthHostel = c.years.map((_, i) => (i >= 2 ? 500 : 0));
  c.sector.supply.total = c.sector.supply.total.map((v, i) => v + c.sector.supply.bySource.youthHostel[i]);
  return c;
}

describe('yearIndex', () => {
  it('finds the year, or the nearest end outside the range', () => {
    expect(yearIndex([2025, 2026, 2027], 2026)).toBe(1);
    expect(yearIndex([2025, 2026, 2027], 2020)).toBe(0);
    expect(yearIndex([2025, 2026, 2027], 2050)).toBe(2);
    expect(yearIndex([], 2030)).toBe(0);
  });
});

describe('stackRows', () => {
  it('gives running totals bottom to top without touching the input', () => {
    const rows = [[1, 2], [10, 20], [100, 200]];
    expect(stackRows(rows)).toEqual([[1, 2], [11, 22], [111, 222]]);
    expect(rows[0]).toEqual([1, 2]);
    expect(stackRows([])).toEqual([]);
  });
});

describe('supply against demand', () => {
  const s = supplyDemandSeries(r, p);

  it('stacks the five sources with beds and leaves out youth hostels while they add none', () => {
    expect(r.sector.supply.bySource.youthHostel.every((v) => v === 0)).toBe(true);
    expect(s.sources).toEqual(['existing', 'pipeline', 'conversion', 'landSale', 'universityTown']);
    const y = supplyDemandSeries(withYouthHostels(), p);
    expect(y.sources).toEqual(['existing', 'pipeline', 'conversion', 'landSale', 'universityTown', 'youthHostel']);
    expect(supplyDemandStructureKey(y, 'en')).not.toBe(supplyDemandStructureKey(s, 'en'));
  });

  it('tops the stack at total beds in every year', () => {
    const top = s.stacked[s.stacked.length - 1];
    s.years.forEach((_, i) => expect(top[i]).toBeCloseTo(r.sector.supply.total[i], 6));
    const y = supplyDemandSeries(withYouthHostels(), p);
    y.years.forEach((_, i) => expect(y.stacked[y.stacked.length - 1][i]).toBeCloseTo(y.total[i], 6));
  });

  it('lays out x, the stacked sources, the band edges and then the demand lines, matching the data arrays', () => {
    const L = supplyDemandLayout(s.sources.length, true);
    const d = supplyDemandData(s);
    expect(d).toHaveLength(L.count);
    expect(d[0]).toEqual(r.years);
    L.sources.forEach((si, k) => expect(d[si]).toEqual(s.stacked[k]));
    expect(d[L.band!.supplyLo]).toEqual(p.supplyTotal.p10);
    expect(d[L.band!.supplyHi]).toEqual(p.supplyTotal.p90);
    expect(d[L.band!.marketLo]).toEqual(p.demand.market.p10);
    expect(d[L.band!.marketHi]).toEqual(p.demand.market.p90);
    expect(d[L.demandEntitlement]).toEqual(r.sector.demand.entitlement);
    expect(d[L.demandMarket]).toEqual(r.sector.demand.market);
    d.forEach((row) => expect(row).toHaveLength(r.years.length));
  });

  it('reports each source’s own beds on hover, not the running total', () => {
    const L = supplyDemandLayout(s.sources.length, true);
    const i = yearIndex(s.years, 2035);
    s.sources.forEach((k, j) => expect(supplyDemandValueAt(s, L.sources[j], i)).toBe(r.sector.supply.bySource[k][i]));
    expect(supplyDemandValueAt(s, L.demandMarket, i)).toBe(r.sector.demand.market[i]);
    expect(supplyDemandValueAt(s, 99, i)).toBeNull();
  });

  it('draws the P10–P90 band only when the percentiles fit the years', () => {
    expect(percentilesFit(r, p)).toBe(true);
    expect(s.band).not.toBeNull();
    expect(s.band!.draws).toBe(40);
    s.years.forEach((_, i) => {
      expect(s.band!.supplyP10[i]).toBeLessThanOrEqual(s.band!.supplyP90[i]);
      expect(s.band!.marketP10[i]).toBeLessThanOrEqual(s.band!.marketP90[i]);
    });
    expect(supplyDemandSeries(r, null).band).toBeNull();
    // Percentiles of a run with a shorter horizon do not belong to these results.
    const short = structuredClone(p);
    short.supplyTotal.p10 = short.supplyTotal.p10.slice(1);
    expect(percentilesFit(r, short)).toBe(false);
    const noBand = supplyDemandSeries(r, short);
    expect(noBand.band).toBeNull();
    expect(supplyDemandData(noBand)).toHaveLength(supplyDemandLayout(noBand.sources.length, false).count);
    expect(supplyDemandStructureKey(noBand, 'en')).not.toBe(supplyDemandStructureKey(s, 'en'));
  });

  it('tabulates the chart’s numbers with units in the headings', () => {
    const t = supplyDemandTable(s, 'en');
    expect(t.caption).toBe('Beds by source against students who need one');
    expect(t.columns.map((c) => c.label)).toEqual([
      'Academic year', 'Existing stock (beds)', 'Pipeline (HDF and projects) (beds)', 'Hotel conversions (beds)', 'Land sale sites (beds)',
      'University Town (beds)', 'Total beds (beds)', 'Need: entitlement (students)', 'Need: market (students)',
      'Total beds P10 (beds)', 'Total beds P90 (beds)', 'Need: market P10 (students)', 'Need: market P90 (students)',
    ]);
    expect(t.rows).toHaveLength(r.years.length);
    const i = yearIndex(r.years, 2030);
    expect(t.rows[i][0]).toBe('2030/31');
    expect(t.rows[i][1]).toBe(r.sector.supply.bySource.existing[i]);
    expect(t.rows[i][6]).toBe(r.sector.supply.total[i]);
    expect(t.rows[i][8]).toBe(r.sector.demand.market[i]);
    expect(t.rows[i][12]).toBe(p.demand.market.p90[i]);
    t.rows.forEach((row) => expect(row).toHaveLength(t.columns.length));

    const zh = supplyDemandTable(s, 'zh-HK');
    expect(zh.columns[0].label).toBe('學年');
    expect(zh.columns[1].label).toBe('現有宿舍（宿位）');
    expect(zh.columns[7].label).toBe('需求：資格（學生）');
  });

  it('gives CSV rows of whole numbers under the same headings', () => {
    const t = supplyDemandTable(s, 'en');
    const csv = tableCsvRows(t);
    expect(csv[0]).toEqual(t.columns.map((c) => c.label));
    expect(csv).toHaveLength(t.rows.length + 1);
    for (const row of csv.slice(1)) {
      expect(typeof row[0]).toBe('string');
      for (const v of row.slice(1)) expect(Number.isInteger(v)).toBe(true);
    }
    const i = yearIndex(r.years, 2030);
    expect(csv[i + 1][6]).toBe(Math.round(r.sector.supply.total[i]));
  });

  it('summarises the chart for screen readers with its span and the selected year', () => {
    const text = supplyDemandSummary(s, 2030, 'en', fmt);
    const i = yearIndex(r.years, 2030);
    expect(text).toContain('2025/26 to 2040/41');
    expect(text).toContain('In 2030/31');
    expect(text).toContain(fmt(r.sector.supply.total[i]));
    expect(text).toContain(fmt(r.sector.demand.market[i]));
    expect(supplyDemandSummary(s, 2030, 'zh-HK', fmt)).toContain('2025/26至2040/41');
  });
});

describe('gap by institution', () => {
  const g = gapByInstitution(r, 2030, 'en');
  const i = yearIndex(r.years, 2030);

  it('lists every institution with its market gap and, where the criteria apply, its entitlement gap', () => {
    expect(g.year).toBe(2030);
    expect(g.codes).toEqual(ALL_CODES);
    g.codes.forEach((c, k) => {
      expect(g.market[k]).toBe(r.institutions[c].gap.market[i]);
      if (UGC_CODES.includes(c)) expect(g.entitlement[k]).toBe(r.institutions[c].gap.entitlement[i]);
      else expect(g.entitlement[k]).toBeNull();
    });
    expect(g.entitlement.some((v) => v === null)).toBe(true);
    expect(g.names[0]).toBe('The University of Hong Kong');
    expect(gapByInstitution(r, 2030, 'zh-HK').names[0]).toBe('香港大學');
  });

  it('uses the nearest reported year when the selected one is outside the horizon', () => {
    expect(gapByInstitution(r, 2070, 'en').year).toBe(r.years[r.years.length - 1]);
    expect(gapByInstitution(r, 2000, 'en').year).toBe(r.years[0]);
  });

  it('gives uPlot positions 0…n−1 and the two gap series', () => {
    const d = gapData(g);
    expect(d[0]).toEqual(g.codes.map((_, k) => k));
    expect(d[1]).toBe(g.market);
    expect(d[2]).toBe(g.entitlement);
    expect(gapStructureKey(g, 'en')).not.toBe(gapStructureKey(g, 'zh-HK'));
    // Another year is new data for the same chart.
    expect(gapStructureKey(gapByInstitution(r, 2035, 'en'), 'en')).toBe(gapStructureKey(g, 'en'));
  });

  it('tabulates and exports the same numbers, n/a as an empty CSV cell', () => {
    const t = gapTable(g, 'en');
    expect(t.caption).toBe('Gap by institution, 2030/31');
    expect(t.columns.map((c) => c.label)).toEqual(['Code', 'Institution', 'Gap: market (beds)', 'Gap: entitlement (beds)']);
    expect(t.rows[0]).toEqual(['HKU', 'The University of Hong Kong', g.market[0], g.entitlement[0]]);
    const csv = tableCsvRows(t);
    const other = csv.find((row) => row[0] === 'OTHER')!;
    expect(other[2]).toBe(Math.round(g.market[g.codes.indexOf('OTHER')]));
    expect(other[3]).toBeNull();
    expect(gapTable(gapByInstitution(r, 2030, 'zh-HK'), 'zh-HK').columns[2].label).toBe('短缺：市場（宿位）');
  });

  it('summarises the largest market gap for screen readers', () => {
    const top = g.market.indexOf(Math.max(...g.market));
    const text = gapSummary(g, 'en', fmt);
    expect(text).toContain('Gap by institution, 2030/31');
    expect(text).toContain(`${g.codes.length} institutions`);
    expect(text).toContain(`${g.names[top]}, ${fmt(g.market[top])} beds`);
  });
});

describe('chart strings', () => {
  it('exist in both languages and are not empty', () => {
    const keys = ['chartSupplyDemandAria', 'chartGapAria', 'chartClickHint', 'bandSupply', 'bandMarket', 'supplyTotal', 'colWithUnit', 'colPercentile',
      'unitBeds', 'unitStudents', 'academicYear', 'institutionCode', 'gapMarketCol', 'gapEntitlementCol', 'gapAxis', 'notApplicable', 'actionOn', 'exportFailed'] as const;
    for (const lang of ['en', 'zh-HK'] as const) for (const k of keys) expect(STRINGS[lang][k], `${lang}.${k}`).toBeTruthy();
  });
});
