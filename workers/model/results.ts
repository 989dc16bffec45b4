/**
 * The results document: what the CLI prints with --format json, what the worker returns to the app.
 * Arrays have one value per reported year (`years`, start years). Gaps are positive when beds are short.
 */
import { SOURCE_KEYS, type SourceKey } from './data/schema.ts';
import type { CompiledModel } from './compile.ts';
import { NSRC, type RunOutput } from './run.ts';
import type { Percentiles } from './mc/monteCarlo.ts';
import { sectorGaps } from './mc/monteCarlo.ts';

export type BySource = Record<SourceKey, number[]>;
export interface Lenses { entitlement: number[]; market: number[] }
export interface Enrolment { localUg: number[]; nonLocalUg: number[]; rpg: number[]; otherNonLocal: number[] }

export interface InstitutionResult {
  nameEn: string;
  nameZh: string;
  funding: string;
  /** False for institutions outside the 1996 criteria (not UGC-funded): their entitlement demand is 0. */
  entitlementApplies: boolean;
  demand: Lenses;
  enrolment: Enrolment;
  supply: { total: number[]; owned: number[]; bySource: BySource };
  gap: Lenses;
}
export interface DistrictResult {
  nameEn: string;
  nameZh: string;
  demand: Lenses;
  supply: { total: number[] };
  gap: Lenses;
}
export interface SiteResults {
  ids: string[];
  /** Beds when fully open (0 for candidates that do not convert). */
  beds: number[];
  openYear: number[];
  fullYear: number[];
  /** First year no longer in use; null = stays open. */
  closeYear: (number | null)[];
  /** Conversions: year works start; null otherwise. */
  decisionYear: (number | null)[];
}
export interface Results {
  schema: 'hostel-planner/results';
  version: 1;
  scenario: { name: string; seed: number };
  years: number[];
  sector: {
    demand: Lenses;
    enrolment: Enrolment;
    supply: { total: number[]; bySource: BySource; ugcUniversities: number[] };
    gap: Lenses;
    capitalCostHkd: { total: number[]; bySource: BySource };
  };
  institutions: Record<string, InstitutionResult>;
  districts: Record<string, DistrictResult>;
  sites?: SiteResults;
  percentiles?: Percentiles;
}

const slice = (a: Float64Array, row: number, Y: number) => Array.from(a.subarray(row * Y, (row + 1) * Y));
const bySource = (a: Float64Array, rowOf: (s: number) => number, Y: number): BySource =>
  Object.fromEntries(SOURCE_KEYS.map((k, s) => [k, slice(a, rowOf(s), Y)])) as BySource;

export function toResults(m: CompiledModel, out: RunOutput, percentiles?: Percentiles): Results {
  const Y = out.Y;
  const sum = (rows: (r: number) => number) => Array.from({ length: Y }, (_, r) => rows(r));
  const supplyTotal = sum((r) => { let t = 0; for (let s = 0; s < NSRC; s++) t += out.sectorBySource[s * Y + r]; return t; });
  const gaps = Array.from({ length: Y }, (_, r) => sectorGaps(m, out, r));
  const sectorEnrol = (a: Float64Array) => sum((r) => { let t = 0; for (let i = 0; i < m.N; i++) t += a[i * Y + r]; return t; });
  const capexTotal = sum((r) => { let t = 0; for (let s = 0; s < NSRC; s++) t += out.capexBySource[s * Y + r]; return t; });

  const institutions: Record<string, InstitutionResult> = {};
  m.data.institutions.forEach((inst, i) => {
    const dEnt = slice(out.demandEnt, i, Y), dMkt = slice(out.demandMkt, i, Y), sup = slice(out.instSupply, i, Y);
    institutions[inst.code] = {
      nameEn: inst.nameEn, nameZh: inst.nameZh, funding: inst.funding, entitlementApplies: m.isUgc[i] === 1,
      demand: { entitlement: dEnt, market: dMkt },
      enrolment: { localUg: slice(out.localUg, i, Y), nonLocalUg: slice(out.nonLocalUg, i, Y), rpg: slice(out.rpg, i, Y), otherNonLocal: slice(out.otherNonLocal, i, Y) },
      supply: { total: sup, owned: slice(out.instOwned, i, Y), bySource: bySource(out.instSupplyBySource, (s) => i * NSRC + s, Y) },
      gap: { entitlement: m.isUgc[i] ? dEnt.map((d, r) => d - sup[r]) : dEnt.map(() => 0), market: dMkt.map((d, r) => d - sup[r]) },
    };
  });

  const districts: Record<string, DistrictResult> = {};
  if (out.districtSupply) {
    m.data.districts.forEach((d, j) => {
      const s = slice(out.districtSupply!, j, Y), de = slice(out.districtDemandEnt!, j, Y), dm = slice(out.districtDemandMkt!, j, Y);
      districts[d.code] = { nameEn: d.nameEn, nameZh: d.nameZh, demand: { entitlement: de, market: dm }, supply: { total: s }, gap: { entitlement: de.map((v, r) => v - s[r]), market: dm.map((v, r) => v - s[r]) } };
    });
  }

  const results: Results = {
    schema: 'hostel-planner/results', version: 1,
    scenario: { name: m.scenario.name, seed: m.scenario.seed },
    years: m.years.slice(),
    sector: {
      demand: { entitlement: gaps.map((g) => g.dEnt), market: gaps.map((g) => g.dMkt) },
      enrolment: { localUg: sectorEnrol(out.localUg), nonLocalUg: sectorEnrol(out.nonLocalUg), rpg: sectorEnrol(out.rpg), otherNonLocal: sectorEnrol(out.otherNonLocal) },
      supply: {
        total: supplyTotal, bySource: bySource(out.sectorBySource, (s) => s, Y),
        ugcUniversities: sum((r) => { let t = 0; for (let i = 0; i < m.N; i++) if (m.isUgc[i]) t += out.instOwned[i * Y + r]; return t; }),
      },
      gap: { entitlement: gaps.map((g) => g.ent), market: gaps.map((g) => g.mkt) },
      capitalCostHkd: { total: capexTotal, bySource: bySource(out.capexBySource, (s) => s, Y) },
    },
    institutions,
    districts,
  };
  if (out.siteBeds) {
    results.sites = {
      ids: m.siteIds.slice(),
      beds: Array.from(out.siteBeds),
      openYear: Array.from(out.siteOpen!),
      fullYear: Array.from(out.siteFull!),
      closeYear: Array.from(out.siteClose!, (c) => (c >= 1_000_000 ? null : c)),
      decisionYear: Array.from(out.siteDecision!, (c) => (c < 0 ? null : c)),
    };
  }
  if (percentiles) results.percentiles = percentiles;
  return results;
}
