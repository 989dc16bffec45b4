/**
 * Headline figures for the selected year, derived from results (pure; unit-tested).
 */
import { SOURCE_KEYS, type SourceKey } from '../../workers/model/data/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import type { Percentiles } from '../../workers/model/mc/monteCarlo.ts';

export interface Headline {
  /** The reported year nearest the one asked for (the selected year clamped to the results' years). */
  year: number;
  /** First and last reported years ("beds added from …", "not by …"). */
  firstYear: number;
  lastYear: number;
  gapEntitlement: number;
  gapMarket: number;
  /** Monte Carlo band for the gaps in that year, when available. */
  bandEntitlement: [number, number] | null;
  bandMarket: [number, number] | null;
  /** P50 year the gap closes; null = not within the horizon; undefined = no Monte Carlo yet. */
  closesP50: { entitlement: number | null; market: number | null } | undefined;
  /** Probability the gap is closed by 2030/31 (or by the last year when the horizon is shorter). */
  pClosedBy: { year: number; entitlement: number; market: number } | undefined;
  /** Beds each source adds from the first year to the selected year. */
  addedBySource: Record<SourceKey, number>;
}

export const P_CLOSED_YEAR = 2030;

/**
 * @param p Monte Carlo percentiles, or null while they are not done; percentiles over other years
 *   than the results (a stale run) are ignored.
 */
export function headline(r: Results, year: number, p: Percentiles | null): Headline {
  const last = r.years.length - 1;
  const at = r.years.indexOf(year);
  const i = at >= 0 ? at : year < r.years[0] ? 0 : last;
  const addedBySource = Object.fromEntries(SOURCE_KEYS.map((k) => [k, r.sector.supply.bySource[k][i] - r.sector.supply.bySource[k][0]])) as Record<SourceKey, number>;
  const pAt = r.years.indexOf(P_CLOSED_YEAR);
  const pi = pAt >= 0 ? pAt : P_CLOSED_YEAR < r.years[0] ? 0 : last;
  const fresh = p && p.gap.market.p50.length === r.years.length && p.pClosedBy.market.length === r.years.length ? p : null;
  return {
    year: r.years[i],
    firstYear: r.years[0],
    lastYear: r.years[last],
    gapEntitlement: r.sector.gap.entitlement[i],
    gapMarket: r.sector.gap.market[i],
    bandEntitlement: fresh ? [fresh.gap.entitlement.p10[i], fresh.gap.entitlement.p90[i]] : null,
    bandMarket: fresh ? [fresh.gap.market.p10[i], fresh.gap.market.p90[i]] : null,
    closesP50: fresh ? { entitlement: fresh.closingYear.entitlement.p50, market: fresh.closingYear.market.p50 } : undefined,
    pClosedBy: fresh ? { year: r.years[pi], entitlement: fresh.pClosedBy.entitlement[pi], market: fresh.pClosedBy.market[pi] } : undefined,
    addedBySource,
  };
}
