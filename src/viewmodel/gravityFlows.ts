/**
 * "Where do this institution's beds come from?" — the model's gravity allocation made visible
 * (pure; unit-tested in tests/unit/gravityFlows.test.ts).
 *
 * Open-market beds of a site are shared among institutions by the same rule the model uses
 * (workers/model/allocation/gravity.ts): weight_i = market demand_i × exp(−distance_i ÷ decay),
 * share_i = weight_i ÷ Σ weights, where distance_i is the straight-line (turf) distance from the
 * site to institution i's nearest campus. Owned beds serve their owner only.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { distance } from '@turf/turf';
import { gravityShares } from '../../workers/model/allocation/gravity.ts';
import type { Institution, ModelData } from '../../workers/model/data/schema.ts';
import type { Params } from '../../workers/model/params/registry.ts';
import type { Results } from '../../workers/model/results.ts';
import { bedsInYear, yearIndex, type MapSite } from './mapFeatures.ts';

export interface Flow {
  siteId: string;
  from: [number, number];
  /** the institution's campus nearest to the site */
  to: [number, number];
  /** beds of this site allocated to the institution in the year */
  beds: number;
  /** the institution's share of the site's beds */
  share: number;
}

export interface InstitutionFlows {
  code: string;
  flows: Flow[];
  /** open-market beds allocated to the institution (Σ flow beds) */
  marketBeds: number;
  /** sites the institution owns (any year) */
  ownedSiteIds: string[];
  /** beds in use at owned sites in the year */
  ownedBeds: number;
}

export function nearestCampus(lon: number, lat: number, inst: Pick<Institution, 'campuses'>): { km: number; at: [number, number] } {
  let km = Infinity;
  let at: [number, number] = [lon, lat];
  for (const c of inst.campuses) {
    const d = distance([lon, lat], [c.lon, c.lat], { units: 'kilometers' });
    if (d < km) { km = d; at = [c.lon, c.lat]; }
  }
  return { km, at };
}

/**
 * Flows of open-market beds in `year` to institution `code`, one per located site with beds in use.
 * Sites with no location are skipped (the model shares them by demand alone; they cannot be drawn).
 */
export function institutionFlows(
  data: ModelData,
  sites: MapSite[],
  results: Results,
  params: Pick<Params, 'gravityDecayKm' | 'uniTownPhases' | 'uniTownPhaseGapYears'>,
  code: string,
  year: number,
): InstitutionFlows {
  const target = data.institutions.findIndex((i) => i.code === code);
  const out: InstitutionFlows = { code, flows: [], marketBeds: 0, ownedSiteIds: [], ownedBeds: 0 };
  if (target < 0) return out;
  const yi = yearIndex(results, year);
  const masses = data.institutions.map((i) => results.institutions[i.code]?.demand.market[yi] ?? 0);
  for (const s of sites) {
    if (!s.included) continue;
    if (s.owner !== null) {
      if (s.owner === code) {
        out.ownedSiteIds.push(s.id);
        out.ownedBeds += bedsInYear(s, year, params);
      }
      continue;
    }
    if (s.lon === null || s.lat === null) continue;
    const beds = bedsInYear(s, year, params);
    if (!(beds > 0)) continue;
    const near = data.institutions.map((inst) => nearestCampus(s.lon!, s.lat!, inst));
    const shares = gravityShares(masses, near.map((n) => n.km), params.gravityDecayKm);
    const share = shares[target];
    const b = beds * share;
    if (!(b > 0)) continue;
    out.flows.push({ siteId: s.id, from: [s.lon, s.lat], to: near[target].at, beds: b, share });
    out.marketBeds += b;
  }
  out.flows.sort((a, b) => b.beds - a.beds);
  return out;
}

export interface FlowProps {
  siteId: string;
  beds: number;
  share: number;
  /** 0–1: beds relative to the largest flow (line width and opacity) */
  weight: number;
}

/** Lines from each site to the campus, weighted by allocated beds; flows under `minBeds` are left out. */
export function flowFeatures(f: InstitutionFlows | null, minBeds = 1): FeatureCollection<LineString, FlowProps> {
  if (!f || f.flows.length === 0) return { type: 'FeatureCollection', features: [] };
  const max = f.flows[0].beds;
  return {
    type: 'FeatureCollection',
    features: f.flows
      .filter((x) => x.beds >= minBeds)
      .map((x) => ({
        type: 'Feature' as const,
        geometry: { type: 'LineString' as const, coordinates: [x.from, x.to] },
        properties: { siteId: x.siteId, beds: x.beds, share: x.share, weight: max > 0 ? x.beds / max : 0 },
      })),
  };
}
