/**
 * Monte Carlo draws of the sector figures. Draw d uses its own random stream from (seed, d), so a
 * block of draws gives the same numbers whichever worker computes it and however the draws are split.
 */
import { PARAMS, type ParamKey, type Params, type Distribution } from '../params/registry.ts';
import type { CompiledModel } from '../compile.ts';
import { run, NSRC } from '../run.ts';
import { drawStream } from './prng.ts';
import { sample } from './distributions.ts';
import { columnPercentiles } from './percentiles.ts';

/** Columns stored per draw and year. */
export const MC_SERIES = ['gapEntitlement', 'gapMarket', 'supplyTotal', 'demandEntitlement', 'demandMarket'] as const;

/** The parameter values of draw `d`: every parameter with a distribution is sampled in registry order. */
export function drawParams(base: Params, uncertainty: Partial<Record<ParamKey, Distribution>>, seed: number, d: number): Params {
  const rand = drawStream(seed, d);
  const p = { ...base } as Record<string, number | boolean>;
  for (const spec of PARAMS) {
    const dist = uncertainty[spec.key];
    if (!dist || spec.type === 'boolean') continue;
    let v = sample(dist, rand);
    if (spec.type !== 'number') v = Math.round(v);
    p[spec.key] = Math.min(spec.max, Math.max(spec.min, v));
  }
  return p as Params;
}

/** Sector gap (entitlement lens): UGC universities' entitlement demand less the beds serving them. */
export function sectorGaps(m: CompiledModel, out: ReturnType<typeof run>, r: number): { ent: number; mkt: number; supply: number; dEnt: number; dMkt: number } {
  const Y = out.Y;
  let supply = 0;
  for (let s = 0; s < NSRC; s++) supply += out.sectorBySource[s * Y + r];
  let dEnt = 0, dMkt = 0, sEnt = 0;
  for (let i = 0; i < m.N; i++) {
    dMkt += out.demandMkt[i * Y + r];
    if (m.isUgc[i]) { dEnt += out.demandEnt[i * Y + r]; sEnt += out.instSupply[i * Y + r]; }
  }
  return { ent: dEnt - sEnt, mkt: dMkt - supply, supply, dEnt, dMkt };
}

/**
 * Runs draws [from, to) and returns them as a (to − from) × (5 × Y) matrix, row by row:
 * for each draw the five MC_SERIES, each Y years long.
 */
export function runDraws(m: CompiledModel, seed: number, from: number, to: number, onProgress?: (done: number) => void): Float64Array {
  const Y = m.years.length;
  const cols = MC_SERIES.length * Y;
  const out = new Float64Array((to - from) * cols);
  const opts = { sites: false, districts: false };
  for (let d = from; d < to; d++) {
    const p = drawParams(m.scenario.params, m.scenario.uncertainty, seed, d);
    const res = run(m, p, opts);
    const row = (d - from) * cols;
    for (let r = 0; r < Y; r++) {
      const g = sectorGaps(m, res, r);
      out[row + r] = g.ent;
      out[row + Y + r] = g.mkt;
      out[row + 2 * Y + r] = g.supply;
      out[row + 3 * Y + r] = g.dEnt;
      out[row + 4 * Y + r] = g.dMkt;
    }
    if (onProgress && (d - from) % 100 === 99) onProgress(d - from + 1);
  }
  return out;
}

export interface Band { p10: number[]; p50: number[]; p90: number[] }
export interface Percentiles {
  draws: number;
  seed: number;
  gap: { entitlement: Band; market: Band };
  supplyTotal: Band;
  demand: { entitlement: Band; market: Band };
  /** Share of draws in which the gap has closed (≤ 0) in that year or an earlier one. */
  pClosedBy: { entitlement: number[]; market: number[] };
  /** Year the gap first closes: percentiles over draws; null when it does not close within the horizon. */
  closingYear: { entitlement: { p10: number | null; p50: number | null; p90: number | null }; market: { p10: number | null; p50: number | null; p90: number | null } };
}

const arr = (a: Float64Array) => Array.from(a);

/** Percentiles and closing probabilities from a full draws matrix (draws in index order). */
export function summariseDraws(matrix: Float64Array, draws: number, years: number[], seed: number): Percentiles {
  const Y = years.length;
  const cols = MC_SERIES.length * Y;
  const [p10, p50, p90] = columnPercentiles(matrix, draws, cols);
  const band = (s: number): Band => ({ p10: arr(p10.subarray(s * Y, (s + 1) * Y)), p50: arr(p50.subarray(s * Y, (s + 1) * Y)), p90: arr(p90.subarray(s * Y, (s + 1) * Y)) });
  const closing = (s: number) => {
    const first = new Float64Array(draws);
    const pBy = new Array<number>(Y).fill(0);
    for (let d = 0; d < draws; d++) {
      let f = Infinity;
      for (let r = 0; r < Y; r++) if (matrix[d * cols + s * Y + r] <= 0) { f = r; break; }
      first[d] = f;
      if (f < Infinity) pBy[f] += 1;
    }
    for (let r = 1; r < Y; r++) pBy[r] += pBy[r - 1];
    first.sort();
    const q = (p: number) => {
      const v = first[Math.min(draws - 1, Math.floor(p * (draws - 1) + 0.5))];
      return v === Infinity ? null : years[v];
    };
    return { pBy: pBy.map((c) => c / draws), years: { p10: q(0.1), p50: q(0.5), p90: q(0.9) } };
  };
  const ce = closing(0), cm = closing(1);
  return {
    draws, seed,
    gap: { entitlement: band(0), market: band(1) },
    supplyTotal: band(2),
    demand: { entitlement: band(3), market: band(4) },
    pClosedBy: { entitlement: ce.pBy, market: cm.pBy },
    closingYear: { entitlement: ce.years, market: cm.years },
  };
}
