/**
 * Shared helpers for the unit tests (not a test file itself): the real data, scenarios built from
 * the default one, fast-check arbitraries drawn from the parameter registry, and small lookups.
 */
import fc from 'fast-check';
import { loadModelData } from '../../workers/model/data/loadNode.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { PARAMS, type Params } from '../../workers/model/params/registry.ts';
import type { DrawnSite, Scenario } from '../../workers/model/scenario/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import type { ModelData } from '../../workers/model/data/schema.ts';

export const data: ModelData = loadModelData();

/** Fixed fast-check seed so that a red property is reproducible; override with FC_SEED=<n>. */
export const FC_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20250917;

/** A fresh copy of the default scenario, optionally edited. */
export function scenarioWith(edit?: (s: Scenario) => void): Scenario {
  const s = structuredClone(defaultScenario());
  edit?.(s);
  return s;
}

/** The default scenario reporting from 2024/25 (the anchor year), as the regression tests use it. */
export const from2024 = (edit?: (s: Scenario) => void): Scenario =>
  scenarioWith((s) => {
    s.params.baseYear = 2024;
    edit?.(s);
  });

/** Value of a per-year array in a given academic start year. */
export function at(r: Results, arr: number[], year: number): number {
  const i = r.years.indexOf(year);
  if (i < 0) throw new Error(`year ${year} is not reported (years ${r.years[0]}–${r.years[r.years.length - 1]})`);
  return arr[i];
}

export const UGC_CODES = data.institutions.filter((i) => i.funding === 'UGC').map((i) => i.code);
export const ALL_CODES = data.institutions.map((i) => i.code);

/**
 * Random parameter values inside the registry bounds: doubles for 'number', integers for
 * 'integer' and 'year', booleans for 'boolean'; horizonYear is drawn after baseYear so that the
 * scenario stays valid (horizonYear > baseYear).
 */
export function arbParams(): fc.Arbitrary<Params> {
  const fields: Record<string, fc.Arbitrary<number | boolean>> = {};
  for (const p of PARAMS) {
    if (p.key === 'horizonYear' || p.key === 'baseYear') continue;
    if (p.type === 'boolean') fields[p.key] = fc.boolean();
    else if (p.type === 'number') fields[p.key] = fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true });
    else fields[p.key] = fc.integer({ min: p.min, max: p.max });
  }
  const base = PARAMS.find((p) => p.key === 'baseYear')!;
  const horizon = PARAMS.find((p) => p.key === 'horizonYear')!;
  if (base.type === 'boolean' || horizon.type === 'boolean') throw new Error('years are numbers');
  const years = fc
    .integer({ min: base.min, max: base.max })
    .chain((b) => fc.integer({ min: Math.max(b + 1, horizon.min), max: horizon.max }).map((h) => ({ baseYear: b, horizonYear: h })));
  return fc.record(fields).chain((rest) => years.map((y) => ({ ...rest, ...y }) as unknown as Params));
}

/** Random baseYear/horizonYear pair in range with horizonYear > baseYear. */
export const arbYears = () =>
  fc.integer({ min: 2024, max: 2030 }).chain((b) => fc.integer({ min: Math.max(b + 1, 2026), max: 2060 }).map((h) => ({ baseYear: b, horizonYear: h })));

/** A closed rectangle ring of half-sizes dx, dy degrees around (lon, lat). */
export function rectangle(lon: number, lat: number, dx: number, dy: number): [number, number][] {
  return [[lon - dx, lat - dy], [lon + dx, lat - dy], [lon + dx, lat + dy], [lon - dx, lat + dy], [lon - dx, lat - dy]];
}

/** A valid drawn site (≈ 0.2 ha around Mong Kok) for hand-built scenarios. */
export function drawnSite(over: Partial<DrawnSite> = {}): DrawnSite {
  return {
    id: 'drawn:test-site', name: 'Test site', polygon: { type: 'Polygon', coordinates: [rectangle(114.17, 22.32, 0.0005, 0.0005)] },
    plotRatio: 6, hostelSharePct: 100, gfaPerBedM2: 16.9, tenderYear: 2027, owner: null, included: true, ...over,
  };
}

/** Random drawn sites: a small rectangle inside urban Hong Kong, any plot ratio, share, GFA per bed, tender year and owner. */
export function arbDrawnSite(ownerCodes: string[] = ALL_CODES): fc.Arbitrary<DrawnSite> {
  return fc.record({
    lon: fc.double({ min: 114.1, max: 114.25, noNaN: true }),
    lat: fc.double({ min: 22.28, max: 22.4, noNaN: true }),
    dx: fc.double({ min: 0.0002, max: 0.005, noNaN: true }),
    dy: fc.double({ min: 0.0002, max: 0.005, noNaN: true }),
    plotRatio: fc.double({ min: 0.1, max: 30, noNaN: true }),
    hostelSharePct: fc.double({ min: 0, max: 100, noNaN: true }),
    gfaPerBedM2: fc.double({ min: 5, max: 100, noNaN: true }),
    tenderYear: fc.integer({ min: 2024, max: 2060 }),
    owner: fc.option(fc.constantFrom(...ownerCodes), { nil: null }),
    suffix: fc.integer({ min: 0, max: 999_999 }),
  }).map((d) => ({
    id: `drawn:p${d.suffix}`, name: `Drawn ${d.suffix}`,
    polygon: { type: 'Polygon' as const, coordinates: [rectangle(d.lon, d.lat, d.dx, d.dy)] },
    plotRatio: d.plotRatio, hostelSharePct: d.hostelSharePct, gfaPerBedM2: d.gfaPerBedM2, tenderYear: d.tenderYear, owner: d.owner, included: true,
  }));
}
