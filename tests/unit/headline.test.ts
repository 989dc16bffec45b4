/**
 * Headline figures (src/viewmodel/headline.ts): the selected year's gaps in both lenses, the
 * Monte Carlo band and closing year only when percentiles match the results, the probability of
 * closure by 2030/31, and the beds each source adds — against hand-built results (exact numbers),
 * the stored default results, and a small real Monte Carlo run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_KEYS } from '../../workers/model/data/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import type { Percentiles } from '../../workers/model/mc/monteCarlo.ts';
import { simulate } from '../../workers/model/simulate.ts';
import { headline, P_CLOSED_YEAR } from '../../src/viewmodel/headline.ts';
import { data, scenarioWith } from './_helpers.ts';

const years = [2028, 2029, 2030, 2031];
const series = (...v: number[]) => v;
function results(): Results {
  const zero = years.map(() => 0);
  return {
    schema: 'hostel-planner/results', version: 1, scenario: { name: 't', seed: 1 }, years,
    sector: {
      demand: { entitlement: series(100, 110, 120, 130), market: series(200, 210, 220, 230) },
      enrolment: { localUg: zero, nonLocalUg: zero, rpg: zero, otherNonLocal: zero },
      supply: {
        total: series(50, 90, 140, 240),
        bySource: { existing: series(50, 50, 50, 40), pipeline: series(0, 40, 40, 40), conversion: series(0, 0, 50, 100), landSale: series(0, 0, 0, 60), universityTown: zero, youthHostel: zero },
        ugcUniversities: zero,
      },
      gap: { entitlement: series(50, 20, -20, -110), market: series(150, 120, 80, -10) },
      capitalCostHkd: { total: zero, bySource: { existing: zero, pipeline: zero, conversion: zero, landSale: zero, universityTown: zero, youthHostel: zero } },
    },
    institutions: {}, districts: {},
  };
}
const band = (p10: number[], p50: number[], p90: number[]) => ({ p10, p50, p90 });
function percentiles(n = years.length): Percentiles {
  const a = (v: number) => Array.from({ length: n }, (_, i) => v + i);
  return {
    draws: 100, seed: 1,
    gap: { entitlement: band(a(10), a(40), a(70)), market: band(a(100), a(140), a(180)) },
    supplyTotal: band(a(0), a(0), a(0)),
    demand: { entitlement: band(a(0), a(0), a(0)), market: band(a(0), a(0), a(0)) },
    pClosedBy: { entitlement: [0, 0.25, 0.6, 0.9].slice(0, n), market: [0, 0, 0.1, 0.55].slice(0, n) },
    closingYear: { entitlement: { p10: 2029, p50: 2030, p90: 2031 }, market: { p10: 2030, p50: null, p90: null } },
  };
}

describe('headline (hand-built results)', () => {
  it('gaps in the selected year in both lenses; positive = short, negative = surplus', () => {
    const h = headline(results(), 2030, null);
    expect(h.year).toBe(2030);
    expect(h.gapEntitlement).toBe(-20);
    expect(h.gapMarket).toBe(80);
    expect(h.firstYear).toBe(2028);
    expect(h.lastYear).toBe(2031);
  });

  it('a year outside the results is clamped to the first or last reported year', () => {
    expect(headline(results(), 2020, null)).toMatchObject({ year: 2028, gapMarket: 150 });
    expect(headline(results(), 2050, null)).toMatchObject({ year: 2031, gapMarket: -10 });
  });

  it('beds added by each source from the first year to the selected year (closures count as negative)', () => {
    // 2031 less 2028: existing 40 − 50 = −10, pipeline 40, conversion 100, land sale 60
    expect(headline(results(), 2031, null).addedBySource).toEqual({ existing: -10, pipeline: 40, conversion: 100, landSale: 60, universityTown: 0, youthHostel: 0 });
    // first year: nothing added yet
    expect(Object.values(headline(results(), 2028, null).addedBySource).every((v) => v === 0)).toBe(true);
    expect(Object.keys(headline(results(), 2030, null).addedBySource)).toEqual([...SOURCE_KEYS]);
  });

  it('without Monte Carlo: no band, no closing year, no probability', () => {
    const h = headline(results(), 2030, null);
    expect(h.bandEntitlement).toBeNull();
    expect(h.bandMarket).toBeNull();
    expect(h.closesP50).toBeUndefined();
    expect(h.pClosedBy).toBeUndefined();
  });

  it('with Monte Carlo: P10–P90 of the selected year, P50 closing years (null = not within the horizon), P(closed by 2030/31)', () => {
    const h = headline(results(), 2029, percentiles());
    expect(h.bandEntitlement).toEqual([11, 71]); // index 1: 10 + 1, 70 + 1
    expect(h.bandMarket).toEqual([101, 181]);
    expect(h.closesP50).toEqual({ entitlement: 2030, market: null });
    expect(P_CLOSED_YEAR).toBe(2030);
    // probability is read at 2030 (index 2) whatever year is selected
    expect(h.pClosedBy).toEqual({ year: 2030, entitlement: 0.6, market: 0.1 });
  });

  it('percentiles for other years than the results (a stale run) are ignored', () => {
    const h = headline(results(), 2030, percentiles(3));
    expect(h.bandMarket).toBeNull();
    expect(h.closesP50).toBeUndefined();
    expect(h.pClosedBy).toBeUndefined();
  });

  it('the probability falls back to the last year when the horizon ends before 2030/31', () => {
    const r = results();
    const short: Results = { ...r, years: [2025, 2026, 2027, 2028] };
    expect(headline(short, 2026, percentiles()).pClosedBy).toEqual({ year: 2028, entitlement: 0.9, market: 0.55 });
  });
});

describe('headline (stored default results)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/default-results.json', import.meta.url), 'utf8')) as Results;

  it('reads the fixture arrays at the selected year', () => {
    for (const y of [fixture.years[0], 2030, fixture.years[fixture.years.length - 1]]) {
      const i = fixture.years.indexOf(y);
      const h = headline(fixture, y, null);
      expect(h.gapMarket).toBe(fixture.sector.gap.market[i]);
      expect(h.gapEntitlement).toBe(fixture.sector.gap.entitlement[i]);
      const added = SOURCE_KEYS.reduce((a, k) => a + h.addedBySource[k], 0);
      expect(added).toBeCloseTo(fixture.sector.supply.total[i] - fixture.sector.supply.total[0], 6);
    }
  });
});

describe('headline (a real Monte Carlo run)', () => {
  const s = scenarioWith((x) => { x.params.monteCarloDraws = 200; });
  const r = simulate(s, data, s.seed, { draws: 200, sites: false });

  it('takes band, closing year and probability straight from the percentiles', () => {
    const p = r.percentiles!;
    const h = headline(r, 2032, p);
    const i = r.years.indexOf(2032);
    expect(h.bandMarket).toEqual([p.gap.market.p10[i], p.gap.market.p90[i]]);
    expect(h.bandEntitlement![0]).toBeLessThanOrEqual(h.bandEntitlement![1]);
    expect(h.closesP50).toEqual({ entitlement: p.closingYear.entitlement.p50, market: p.closingYear.market.p50 });
    const j = r.years.indexOf(2030);
    expect(h.pClosedBy).toEqual({ year: 2030, entitlement: p.pClosedBy.entitlement[j], market: p.pClosedBy.market[j] });
    for (const v of [h.pClosedBy!.entitlement, h.pClosedBy!.market]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('the gap is need less beds in the market lens', () => {
    const h = headline(r, 2030, null);
    const i = r.years.indexOf(2030);
    expect(h.gapMarket).toBeCloseTo(r.sector.demand.market[i] - r.sector.supply.total[i], 6);
  });
});
