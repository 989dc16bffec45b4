/**
 * Property tests (fast-check) of the whole model: simulate() on the real data with generated
 * parameters, sites and years. Each deterministic run takes ~10 ms, so properties run 25–60 cases;
 * the Monte Carlo ones use few cases. The fast-check seed is fixed (FC_SEED in _helpers.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area as turfArea } from '@turf/turf';
import { simulate } from '../../workers/model/simulate.ts';
import { compile } from '../../workers/model/compile.ts';
import { runDraws, drawParams } from '../../workers/model/mc/monteCarlo.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { validateScenario } from '../../workers/model/scenario/validate.ts';
import type { Results } from '../../workers/model/results.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import { FC_SEED, arbDrawnSite, arbParams, arbYears, at, data, from2024, scenarioWith } from './_helpers.ts';

const TOL = 1e-6;
const run0 = (s: Scenario) => simulate(s, data, s.seed, { draws: 0 });

/** Every supply series of a result, with a name for the failure message. */
function supplySeries(r: Results): [string, number[]][] {
  const out: [string, number[]][] = [['sector.supply.total', r.sector.supply.total], ['sector.supply.ugcUniversities', r.sector.supply.ugcUniversities]];
  for (const [k, v] of Object.entries(r.sector.supply.bySource)) out.push([`sector.supply.bySource.${k}`, v]);
  for (const [c, inst] of Object.entries(r.institutions)) {
    out.push([`institutions.${c}.supply.total`, inst.supply.total], [`institutions.${c}.supply.owned`, inst.supply.owned]);
    for (const [k, v] of Object.entries(inst.supply.bySource)) out.push([`institutions.${c}.supply.bySource.${k}`, v]);
  }
  for (const [d, dist] of Object.entries(r.districts)) out.push([`districts.${d}.supply.total`, dist.supply.total]);
  if (r.sites) out.push(['sites.beds', r.sites.beds]);
  return out;
}

/** Every gap series: sector and institutions, both lenses. */
function gapSeries(r: Results): [string, number[]][] {
  const out: [string, number[]][] = [['sector.gap.entitlement', r.sector.gap.entitlement], ['sector.gap.market', r.sector.gap.market]];
  for (const [c, inst] of Object.entries(r.institutions)) out.push([`institutions.${c}.gap.entitlement`, inst.gap.entitlement], [`institutions.${c}.gap.market`, inst.gap.market]);
  return out;
}

/** Names of series/years where `after` exceeds `before` by more than TOL (so `after` ≤ `before` fails). */
function increases(before: Results, after: Results): string[] {
  const b = new Map(gapSeries(before));
  const bad: string[] = [];
  for (const [name, arr] of gapSeries(after)) {
    arr.forEach((v, t) => { if (v > b.get(name)![t] + TOL) bad.push(`${name}[${after.years[t]}]: ${b.get(name)![t].toFixed(3)} → ${v.toFixed(3)}`); });
  }
  return bad;
}

describe('(a) no negative beds', () => {
  it('for random in-range parameters every supply array is ≥ 0 and finite', () => {
    fc.assert(
      fc.property(arbParams(), (params) => {
        const s = scenarioWith((x) => { x.params = params; });
        const v = validateScenario(structuredClone(s), data);
        expect(v.ok, v.ok ? '' : v.message).toBe(true);
        const r = run0(s);
        const bad = supplySeries(r).flatMap(([name, arr]) => arr.flatMap((x, i) => (Number.isFinite(x) && x >= 0 ? [] : [`${name}[${i}] = ${x}`])));
        expect(bad.slice(0, 10)).toEqual([]);
        // demand is finite and non-negative too
        for (const x of [...r.sector.demand.entitlement, ...r.sector.demand.market]) expect(Number.isFinite(x) && x >= 0).toBe(true);
      }),
      { numRuns: 40, seed: FC_SEED },
    );
  });
});

describe('(b) adding a site never increases the gap', () => {
  it('adding 1–3 drawn sites leaves every sector and institution gap (both lenses) ≤ before, under random parameters', () => {
    fc.assert(
      fc.property(arbParams(), fc.array(arbDrawnSite(), { minLength: 1, maxLength: 3 }), (params, sites) => {
        const before = scenarioWith((x) => { x.params = params; });
        const after = structuredClone(before);
        after.drawnSites = sites.map((d, i) => ({ ...d, id: `drawn:p${i}` }));
        const v = validateScenario(structuredClone(after), data);
        expect(v.ok, v.ok ? '' : v.message).toBe(true);
        const rb = run0(before), ra = run0(after);
        expect(increases(rb, ra).slice(0, 10)).toEqual([]);
        // and the drawn beds are all counted as land-sale supply (sector total grows by exactly their beds once open)
        for (let t = 0; t < ra.years.length; t++) expect(ra.sector.supply.total[t]).toBeGreaterThanOrEqual(rb.sector.supply.total[t] - TOL);
      }),
      { numRuns: 40, seed: FC_SEED },
    );
  });

  it('a drawn site\'s beds are area × plot ratio × hostel share ÷ GFA per bed, open tender year + 48 months', () => {
    // 0.00086° × 102.98 km/° (cos 22.32°) ≈ 88.6 m by 0.00078° × 110.6 km/° ≈ 86.2 m ≈ 7,640 m²
    // → 7,640 × 5.8 × 100% ÷ 16.9 ≈ 2,622 beds (a Kai Tak-sized site); tender 2027/28 + 48 months → 2031/32
    const polygon = { type: 'Polygon' as const, coordinates: [[[114.2, 22.32], [114.20086, 22.32], [114.20086, 22.32078], [114.2, 22.32078], [114.2, 22.32]]] as [number, number][][] };
    const s = from2024((x) => {
      x.drawnSites = [{ id: 'drawn:kai-tak-twin', name: 'Twin', owner: null, included: true, plotRatio: 5.8, hostelSharePct: 100, gfaPerBedM2: 16.9, tenderYear: 2027, polygon }];
    });
    const r = run0(s), base = run0(from2024());
    const i = r.sites!.ids.indexOf('drawn:kai-tak-twin');
    const areaM2 = turfArea({ type: 'Feature', properties: {}, geometry: polygon });
    expect(areaM2).toBeGreaterThan(7500);
    expect(areaM2).toBeLessThan(7800);
    expect(r.sites!.beds[i]).toBeCloseTo((areaM2 * 5.8) / 16.9, 6);
    expect(r.sites!.openYear[i]).toBe(2031);
    expect(at(r, r.sector.supply.bySource.landSale, 2031) - at(base, base.sector.supply.bySource.landSale, 2031)).toBeCloseTo(r.sites!.beds[i], 6);
    expect(at(r, r.sector.supply.bySource.landSale, 2030) - at(base, base.sector.supply.bySource.landSale, 2030)).toBeCloseTo(0, 6);
  });
});

describe('(c) same seed, same result', () => {
  it('two simulate calls with 200 draws and the same seed are deep-equal; another seed gives other percentiles', () => {
    const s = scenarioWith();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 2 }), (seed) => {
        const a = simulate(s, data, seed, { draws: 200 });
        const b = simulate(s, data, seed, { draws: 200 });
        expect(a).toEqual(b);
        const c = simulate(s, data, seed + 1, { draws: 200 });
        expect(c.percentiles!.gap.entitlement.p50).not.toEqual(a.percentiles!.gap.entitlement.p50);
        expect(c.percentiles!.gap.market.p10).not.toEqual(a.percentiles!.gap.market.p10);
        // the deterministic part does not depend on the seed
        expect(c.sector).toEqual(a.sector);
      }),
      { numRuns: 3, seed: FC_SEED },
    );
  });

  it('draws do not depend on how they are split across workers (draw d uses the stream of (seed, d))', () => {
    const m = compile(scenarioWith(), data);
    const whole = runDraws(m, 42, 0, 60);
    const parts = [runDraws(m, 42, 0, 17), runDraws(m, 42, 17, 45), runDraws(m, 42, 45, 60)];
    const joined = new Float64Array(whole.length);
    let o = 0;
    for (const p of parts) { joined.set(p, o); o += p.length; }
    expect(Array.from(joined)).toEqual(Array.from(whole));
  });
});

describe('(d) one value per year in every output array', () => {
  /** Every array under `v`, with its path. */
  function arrays(v: unknown, p: string, out: [string, unknown[]][] = []): [string, unknown[]][] {
    if (Array.isArray(v)) out.push([p, v]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) arrays(x, `${p}.${k}`, out);
    return out;
  }

  it('for random baseYear/horizonYear, sector, institutions, districts, percentile bands and pClosedBy have years.length values', () => {
    fc.assert(
      fc.property(arbYears(), ({ baseYear, horizonYear }) => {
        const s = scenarioWith((x) => { x.params.baseYear = baseYear; x.params.horizonYear = horizonYear; });
        const r = simulate(s, data, s.seed, { draws: 12 });
        const Y = horizonYear - baseYear + 1;
        expect(r.years).toEqual(Array.from({ length: Y }, (_, i) => baseYear + i));
        const { closingYear, ...bands } = r.percentiles!;
        const all = [
          ...arrays(r.sector, 'sector'), ...arrays(r.institutions, 'institutions'), ...arrays(r.districts, 'districts'), ...arrays(bands, 'percentiles'),
        ];
        expect(Object.keys(r.institutions)).toHaveLength(data.institutions.length);
        expect(Object.keys(r.districts)).toHaveLength(18);
        expect(all.length).toBeGreaterThan(250); // 23 sector + 10 × 16 institution + 18 × 5 district + 17 percentile arrays = 290
        const wrong = all.filter(([, a]) => a.length !== Y).map(([n, a]) => `${n}: ${a.length}`);
        expect(wrong).toEqual([]);
        // percentile bands are ordered and closing probabilities are cumulative shares
        for (const band of [bands.gap.entitlement, bands.gap.market, bands.supplyTotal, bands.demand.entitlement, bands.demand.market]) {
          band.p10.forEach((v, t) => { expect(v).toBeLessThanOrEqual(band.p50[t] + TOL); expect(band.p50[t]).toBeLessThanOrEqual(band.p90[t] + TOL); });
        }
        for (const pc of [bands.pClosedBy.entitlement, bands.pClosedBy.market]) pc.forEach((v, t) => { expect(v).toBeGreaterThanOrEqual(t ? pc[t - 1] : 0); expect(v).toBeLessThanOrEqual(1); });
        for (const cy of [closingYear.entitlement, closingYear.market]) for (const y of [cy.p10, cy.p50, cy.p90]) if (y !== null) expect(r.years).toContain(y);
        // per-site arrays have one value per site instead
        for (const k of ['beds', 'openYear', 'fullYear', 'closeYear', 'decisionYear'] as const) expect(r.sites![k]).toHaveLength(r.sites!.ids.length);
      }),
      { numRuns: 30, seed: FC_SEED },
    );
  });
});

describe('(e) excluding a site never decreases the gap', () => {
  const base = run0(from2024());
  const siteIndex = new Map(data.sites.map((s, i) => [s.id, i]));
  // sites that carry beds in the default run, apart from conversions (see below)
  const withBeds = base.sites!.ids.filter((id, i) => base.sites!.beds[i] > 0 && data.sites[siteIndex.get(id)!]?.source !== 'conversion');
  const convertedInDefault = base.sites!.ids.filter((id, i) => base.sites!.beds[i] > 0 && data.sites[siteIndex.get(id)!]?.source === 'conversion');

  it('has enough sites to test', () => {
    expect(withBeds.length).toBeGreaterThan(25); // existing stock, pipeline, land sale, University Town
    expect(convertedInDefault).toContain('conversion:mu88');
  });

  it('excluding 1–5 sites that are not conversions leaves every sector and institution gap (both lenses) ≥ before', () => {
    fc.assert(
      fc.property(
        fc.subarray(withBeds, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (ids, decay, takeUpLocalUg) => {
          const before = from2024((x) => { x.params.gravityDecayKm = decay; x.params.takeUpLocalUgPct = takeUpLocalUg; });
          const after = structuredClone(before);
          for (const id of ids) after.sites[id] = { included: false };
          // "after" must not exceed "before" → swap the roles in `increases`
          expect(increases(run0(after), run0(before)).slice(0, 10)).toEqual([]);
        },
      ),
      { numRuns: 40, seed: FC_SEED },
    );
  });

  it('excluding conversions never lowers the sector market gap (the applied wave is refilled, never enlarged)', () => {
    fc.assert(
      fc.property(fc.subarray(convertedInDefault, { minLength: 1, maxLength: 3 }), (ids) => {
        const after = from2024((x) => { for (const id of ids) x.sites[id] = { included: false }; });
        const ra = run0(after);
        ra.sector.gap.market.forEach((g, t) => expect(g).toBeGreaterThanOrEqual(base.sector.gap.market[t] - TOL));
        ra.sector.supply.bySource.conversion.forEach((v, t) => expect(v).toBeLessThanOrEqual(base.sector.supply.bySource.conversion[t] + TOL));
      }),
      { numRuns: 25, seed: FC_SEED },
    );
  });

  // Regression test for a fixed bug (commit 9ddf698): run.ts started the hotel wave from the beds of
  // the *included* fixed conversion sites only, so excluding MU88 (430 beds, owned by OTHER/HKMU, counted
  // within the ~5,100 applied beds) made the hotel wave 430 beds larger; the refill is open-market beds
  // shared mostly with UGC universities, so the UGC entitlement gap *fell* by ≈ 374.5 beds in 2027/28
  // (sector.gap.entitlement[2027] 7,486.1 → 7,111.6; PolyU market gap −137.5, HKU −80.7).
  it('excluding MU88 (a named application within the 5,100 applied beds) does not lower any gap', () => {
    const ra = run0(from2024((x) => { x.sites['conversion:mu88'] = { included: false }; }));
    expect(increases(ra, base).slice(0, 10)).toEqual([]);
    // its 430 beds are gone from 2026/27 on: 5,100 − 430 = 4,670 conversion beds in 2027/28
    expect(at(ra, ra.sector.supply.bySource.conversion, 2027)).toBeCloseTo(at(base, base.sector.supply.bySource.conversion, 2027) - 430, 0);
  });
});

describe('(f) the not-itemised HDF places are all counted', () => {
  const withHdf = (hdf: number, delay: number) => from2024((x) => { x.params.hdfUnitemisedBeds = hdf; x.params.pipelineDelayYears = delay; });

  it('for whole-year pipeline delays, hdfUnitemisedBeds adds exactly that many pipeline beds from hdfUnitemisedOpenYear + delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 30_000 }), fc.integer({ min: 0, max: 10 }), (hdf, delay) => {
        const r = run0(withHdf(hdf, delay)), r0 = run0(withHdf(0, delay));
        const open = 2027 + delay; // hdfUnitemisedOpenYear 2027/28
        r.years.forEach((y, t) => {
          const added = r.sector.supply.bySource.pipeline[t] - r0.sector.supply.bySource.pipeline[t];
          expect(added).toBeCloseTo(y >= open ? hdf : 0, 6);
          // and they go to the UGC universities
          const ugcAdded = r.sector.supply.ugcUniversities[t] - r0.sector.supply.ugcUniversities[t];
          expect(ugcAdded).toBeCloseTo(y >= open ? hdf : 0, 6);
        });
      }),
      { numRuns: 25, seed: FC_SEED },
    );
  });

  // Delays are whole years: a fractional delay once made fractional year indices (beds written to
  // non-index properties of a Float64Array and lost) and truncated opening years. The schema now
  // refuses them, and Monte Carlo rounds its draws of integer parameters.
  it.each(['pipelineDelayYears', 'uniTownDelayYears'] as const)('%s must be a whole number of years', (key) => {
    const s = defaultScenario();
    (s.params as Record<string, unknown>)[key] = 0.5;
    const v = validateScenario(s);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.field).toBe(`params.${key}`);
  });

  it('Monte Carlo draws of the delays are whole years and a 1-year University Town delay postpones Ngau Tam Mei by one year', () => {
    const s = defaultScenario();
    for (let d = 0; d < 50; d++) {
      const p = drawParams(s.params, s.uncertainty, 7, d);
      expect(Number.isInteger(p.pipelineDelayYears)).toBe(true);
      expect(Number.isInteger(p.uniTownDelayYears)).toBe(true);
    }
    const r0 = run0(from2024(() => {})), r1 = run0(from2024((x) => { x.params.uniTownDelayYears = 1; }));
    const i = r0.sites!.ids.indexOf('unitown:ngau-tam-mei');
    expect(r1.sites!.openYear[i]).toBe(r0.sites!.openYear[i] + 1); // 2028 + 1 + 48 months → 2033/34
  });
});

describe('(g) beds are conserved by the allocation', () => {
  it('Σ institutions\' supply = sector supply and Σ owned + open-market shares add up, for random parameters with some non-local take-up', () => {
    // Open-market beds are shared in proportion to market demand; when every take-up is 0 there is
    // no demand to share them by and they stay unallocated (e.g. 12,273 of 63,608 beds in 2030/31),
    // so the property keeps takeUpNonLocalPct ≥ 1.
    fc.assert(
      fc.property(arbParams(), fc.integer({ min: 1, max: 100 }), (params, takeUp) => {
        const s = scenarioWith((x) => { x.params = { ...params, takeUpNonLocalPct: takeUp }; });
        const r = run0(s);
        r.years.forEach((_, t) => {
          const inst = Object.values(r.institutions).reduce((a, i) => a + i.supply.total[t], 0);
          expect(Math.abs(inst - r.sector.supply.total[t])).toBeLessThanOrEqual(1e-6 * Math.max(1, r.sector.supply.total[t]));
          // each institution's supply is the sum of its supply by source
          for (const i of Object.values(r.institutions)) {
            const bySrc = Object.values(i.supply.bySource).reduce((a, v) => a + v[t], 0);
            expect(Math.abs(bySrc - i.supply.total[t])).toBeLessThanOrEqual(1e-6 * Math.max(1, i.supply.total[t]));
            expect(i.supply.owned[t]).toBeLessThanOrEqual(i.supply.total[t] + TOL);
          }
        });
      }),
      { numRuns: 30, seed: FC_SEED },
    );
  });

  it('district supply adds up to the sector supply of located sites (the unlocated youth hostels are in no district)', () => {
    const r = run0(from2024((x) => { x.params.youthHostelStudentSharePct = 100; }));
    const unlocated = data.sites.filter((s) => s.lon === null).map((s) => s.id);
    expect(unlocated).toEqual(['youth:other-subsidy-conversions']); // 1,310 − 194 − 672 = 444 places
    const t = r.years.indexOf(2030);
    const districts = Object.values(r.districts).reduce((a, d) => a + d.supply.total[t], 0);
    expect(r.sector.supply.total[t] - districts).toBeCloseTo(444, 6);
  });
});
