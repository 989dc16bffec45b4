/**
 * Turns (scenario, data) into flat typed arrays once, so that a run — and each of thousands of
 * Monte Carlo draws — only does arithmetic. Everything here is independent of the parameters
 * that Monte Carlo varies, except the conversion ranking, which uses the scenario's decay value.
 */
import { distance, area as turfArea } from '@turf/turf';
import { SOURCE_KEYS, type ModelData, type SourceKey } from './data/schema.ts';
import type { Scenario } from './scenario/schema.ts';

/** First year the model steps through: the latest year with per-institution stock and enrolment data. */
export const ANCHOR_YEAR = 2024;
export const NO_YEAR = 1_000_000; // "never" for close years

export const KIND = { fixed: 0, hotel: 1, guesthouse: 2, landSale: 3, uniTown: 4, drawn: 5 } as const;
export const SOURCE_INDEX: Record<SourceKey, number> = Object.fromEntries(SOURCE_KEYS.map((k, i) => [k, i])) as Record<SourceKey, number>;

export interface CompiledModel {
  scenario: Scenario;
  data: ModelData;
  /** Reported years (start years) from baseYear to horizonYear. */
  years: number[];
  /** Number of projected years from ANCHOR_YEAR to horizonYear, and where reporting starts in them. */
  T: number;
  offset: number;
  // institutions
  codes: string[];
  N: number;
  isUgc: Uint8Array;
  localUg0: Float64Array;
  rpgL0: Float64Array;
  rpgN0: Float64Array;
  otherNL0: Float64Array;
  otherL0: Float64Array;
  /** Observed non-local UG by [i × T + t]; NaN where not observed. */
  nlObs: Float64Array;
  /** Institution demand spread over districts: [i × D + d] weights summing to 1. */
  instDistrictW: Float64Array;
  // sites (data sites then drawn sites)
  siteIds: string[];
  S: number;
  kind: Uint8Array;
  source: Uint8Array;
  owner: Int16Array;
  district: Int8Array;
  included: Uint8Array;
  /** 1 when the site has a location; unlocated open-market beds are shared by demand only. */
  located: Uint8Array;
  /** Distance in km from each site to each institution's nearest campus: [s × N + i]. */
  distKm: Float64Array;
  beds: Float64Array;
  openYear: Int32Array;
  closeYear: Int32Array;
  rooms: Float64Array;
  bedsPerRoom: Float64Array; // NaN = scenario value
  areaM2: Float64Array;
  plotRatio: Float64Array;
  availableYear: Int32Array; // land-sale tender year override or UniTown availability; -1 = scenario value
  hostelSharePct: Float64Array; // drawn sites
  gfaPerBedM2: Float64Array; // drawn sites
  /** Conversion candidates (hotels and guesthouses), best placed first. */
  candidateOrder: Int32Array;
  /** Candidates the user marked as converting; they take the applied wave first. */
  forcedCandidates: Int32Array;
  districtCodes: string[];
}

function nearestCampusKm(lon: number, lat: number, campuses: { lon: number; lat: number }[]): number {
  let best = Infinity;
  for (const c of campuses) best = Math.min(best, distance([lon, lat], [c.lon, c.lat], { units: 'kilometers' }));
  return best;
}

// Distances depend only on the data; cache them per data object and site count.
const distCache = new WeakMap<ModelData, Float64Array>();

export function compile(scenario: Scenario, data: ModelData): CompiledModel {
  const p = scenario.params;
  const years: number[] = [];
  for (let y = p.baseYear; y <= p.horizonYear; y++) years.push(y);
  const T = p.horizonYear - ANCHOR_YEAR + 1;
  const offset = p.baseYear - ANCHOR_YEAR;

  const N = data.institutions.length;
  const codes = data.institutions.map((i) => i.code);
  const isUgc = new Uint8Array(N);
  const localUg0 = new Float64Array(N), rpgL0 = new Float64Array(N), rpgN0 = new Float64Array(N), otherNL0 = new Float64Array(N), otherL0 = new Float64Array(N);
  const nlObs = new Float64Array(N * T).fill(NaN);
  const districtCodes = data.districts.map((d) => d.code);
  const D = districtCodes.length;
  const instDistrictW = new Float64Array(N * D);
  data.institutions.forEach((inst, i) => {
    const edit = scenario.institutions[inst.code] ?? {};
    isUgc[i] = inst.funding === 'UGC' ? 1 : 0;
    localUg0[i] = edit.localUg ?? inst.localUg.value;
    rpgL0[i] = edit.rpgLocal ?? inst.rpgLocal.value;
    rpgN0[i] = edit.rpgNonLocal ?? inst.rpgNonLocal.value;
    otherNL0[i] = edit.otherNonLocal ?? inst.otherNonLocal.value;
    otherL0[i] = edit.otherLocal ?? inst.otherLocal.value;
    const obsYears = Object.keys(inst.nonLocalUgObserved).map(Number).sort((a, b) => a - b);
    for (const y of obsYears) {
      const t = y - ANCHOR_YEAR;
      if (t >= 0 && t < T) nlObs[i * T + t] = inst.nonLocalUgObserved[String(y)].value;
    }
    const last = obsYears[obsYears.length - 1];
    if (edit.nonLocalUgBase !== undefined && last !== undefined && last - ANCHOR_YEAR < T) nlObs[i * T + (last - ANCHOR_YEAR)] = edit.nonLocalUgBase;
    // demand location: the district of each campus, equally
    const ds = inst.campuses.map((c) => pointDistrict(c.lon, c.lat, data)).filter((d) => d >= 0);
    for (const d of ds) instDistrictW[i * D + d] += 1 / ds.length;
  });

  const S = data.sites.length + scenario.drawnSites.length;
  const kind = new Uint8Array(S), source = new Uint8Array(S), included = new Uint8Array(S).fill(1), located = new Uint8Array(S);
  const owner = new Int16Array(S).fill(-1), district = new Int8Array(S).fill(-1);
  const beds = new Float64Array(S), rooms = new Float64Array(S).fill(NaN), bedsPerRoom = new Float64Array(S).fill(NaN);
  const areaM2 = new Float64Array(S), plotRatio = new Float64Array(S), hostelSharePct = new Float64Array(S), gfaPerBedM2 = new Float64Array(S);
  const openYear = new Int32Array(S).fill(-1), closeYear = new Int32Array(S).fill(NO_YEAR), availableYear = new Int32Array(S).fill(-1);
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const districtIndex = new Map(districtCodes.map((c, i) => [c, i]));
  const siteIds: string[] = [];

  data.sites.forEach((s, k) => {
    const e = scenario.sites[s.id] ?? {};
    siteIds.push(s.id);
    kind[k] = KIND[s.kind];
    source[k] = SOURCE_INDEX[s.source];
    const own = e.owner !== undefined ? e.owner : s.owner;
    owner[k] = own === null ? -1 : codeIndex.get(own) ?? -1;
    district[k] = s.district === null ? -1 : districtIndex.get(s.district) ?? -1;
    located[k] = s.lon !== null ? 1 : 0;
    if (e.included === false) included[k] = 0;
    beds[k] = e.beds ?? s.beds?.value ?? 0;
    openYear[k] = e.openYear ?? s.openYear?.value ?? -1;
    if (e.closeYear != null) closeYear[k] = e.closeYear;
    rooms[k] = e.rooms ?? s.rooms?.value ?? NaN;
    if (e.bedsPerRoom !== undefined) bedsPerRoom[k] = e.bedsPerRoom;
    areaM2[k] = e.areaM2 ?? s.areaM2?.value ?? 0;
    plotRatio[k] = e.plotRatio ?? s.plotRatio?.value ?? 0;
    availableYear[k] = e.availableYear ?? -1;
    if (s.kind === 'uniTown' && e.availableYear === undefined) availableYear[k] = s.availableYear?.value ?? -1;
  });
  scenario.drawnSites.forEach((d, j) => {
    const k = data.sites.length + j;
    siteIds.push(d.id);
    kind[k] = KIND.drawn;
    source[k] = SOURCE_INDEX.landSale;
    owner[k] = d.owner === null ? -1 : codeIndex.get(d.owner) ?? -1;
    included[k] = d.included ? 1 : 0;
    located[k] = 1;
    const [lon, lat] = centroidOfRing(d.polygon.coordinates[0]);
    district[k] = pointDistrict(lon, lat, data);
    areaM2[k] = turfArea({ type: 'Feature', properties: {}, geometry: d.polygon });
    plotRatio[k] = d.plotRatio;
    hostelSharePct[k] = d.hostelSharePct;
    gfaPerBedM2[k] = d.gfaPerBedM2;
    availableYear[k] = d.tenderYear;
  });

  // distances (data sites cached; drawn sites computed)
  let dist = distCache.get(data);
  if (!dist) {
    dist = new Float64Array(data.sites.length * N);
    data.sites.forEach((s, k) => {
      for (let i = 0; i < N; i++) dist![k * N + i] = s.lon === null ? 0 : nearestCampusKm(s.lon, s.lat!, data.institutions[i].campuses);
    });
    distCache.set(data, dist);
  }
  const distKm = new Float64Array(S * N);
  distKm.set(dist);
  scenario.drawnSites.forEach((d, j) => {
    const [lon, lat] = centroidOfRing(d.polygon.coordinates[0]);
    for (let i = 0; i < N; i++) distKm[(data.sites.length + j) * N + i] = nearestCampusKm(lon, lat, data.institutions[i].campuses);
  });

  // Conversion ranking: hotels nearest to where non-local students study convert first.
  const mass = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const t25 = 2025 - ANCHOR_YEAR;
    const nl = t25 < T && !Number.isNaN(nlObs[i * T + t25]) ? nlObs[i * T + t25] : 0;
    mass[i] = nl + rpgN0[i] + otherNL0[i];
  }
  const cands: { k: number; score: number }[] = [];
  const forced: number[] = [];
  for (let k = 0; k < data.sites.length; k++) {
    if (kind[k] !== KIND.hotel && kind[k] !== KIND.guesthouse) continue;
    if (!included[k]) continue;
    if (scenario.sites[siteIds[k]]?.included === true) { forced.push(k); continue; }
    let score = 0;
    for (let i = 0; i < N; i++) score += mass[i] * Math.exp(-distKm[k * N + i] / p.gravityDecayKm);
    cands.push({ k, score });
  }
  cands.sort((a, b) => b.score - a.score || a.k - b.k);

  return {
    scenario, data, years, T, offset, codes, N, isUgc, localUg0, rpgL0, rpgN0, otherNL0, otherL0, nlObs, instDistrictW,
    siteIds, S, kind, source, owner, district, included, located, distKm, beds, openYear, closeYear, rooms, bedsPerRoom,
    areaM2, plotRatio, availableYear, hostelSharePct, gfaPerBedM2,
    candidateOrder: Int32Array.from(cands.map((c) => c.k)), forcedCandidates: Int32Array.from(forced), districtCodes,
  };
}

function centroidOfRing(ring: [number, number][]): [number, number] {
  let x = 0, y = 0;
  const n = ring.length - 1 || 1;
  for (let i = 0; i < n; i++) { x += ring[i][0]; y += ring[i][1]; }
  return [x / n, y / n];
}

function inRing(x: number, y: number, ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Index of the district containing a point (simplified boundaries), or the nearest by vertex when none does. */
export function pointDistrict(lon: number, lat: number, data: ModelData): number {
  for (let d = 0; d < data.districts.length; d++) {
    for (const poly of data.districts[d].geometry.coordinates) {
      if (inRing(lon, lat, poly[0]) && !poly.slice(1).some((h) => inRing(lon, lat, h))) return d;
    }
  }
  let best = -1, bestD = Infinity;
  data.districts.forEach((dd, d) => {
    for (const poly of dd.geometry.coordinates) for (const [x, y] of poly[0]) {
      const q = (x - lon) ** 2 + (y - lat) ** 2;
      if (q < bestD) { bestD = q; best = d; }
    }
  });
  return best;
}
