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
  /** 1 for sites already in use in the data (status "operating"): delays do not apply to them. */
  operating: Uint8Array;
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
    const ds = campusDistricts(data, i);
    for (const d of ds) instDistrictW[i * D + d] += 1 / ds.length;
  });

  const S = data.sites.length + scenario.drawnSites.length;
  const base = baseSiteArrays(data, codes, districtCodes);
  const grow = <T extends Int8Array | Uint8Array | Int16Array | Int32Array | Float64Array>(a: T, fill: number): T => {
    const out = new (a.constructor as new (n: number) => T)(S);
    out.set(a);
    if (S > a.length) out.fill(fill, a.length);
    return out;
  };
  const kind = grow(base.kind, 0), source = grow(base.source, 0), operating = grow(base.operating, 0), included = grow(base.included, 1), located = grow(base.located, 0);
  const owner = grow(base.owner, -1), district = grow(base.district, -1);
  const beds = grow(base.beds, 0), rooms = grow(base.rooms, NaN), bedsPerRoom = new Float64Array(S).fill(NaN);
  const areaM2 = grow(base.areaM2, 0), plotRatio = grow(base.plotRatio, 0), hostelSharePct = new Float64Array(S), gfaPerBedM2 = new Float64Array(S);
  const openYear = grow(base.openYear, -1), closeYear = grow(base.closeYear, NO_YEAR), availableYear = grow(base.availableYear, -1);
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const siteIds: string[] = base.ids.slice();

  // scenario edits of data sites
  for (const [id, e] of Object.entries(scenario.sites)) {
    const k = base.index.get(id);
    if (k === undefined) continue; // validation has refused unknown ids already
    if (e.owner !== undefined) owner[k] = e.owner === null ? -1 : codeIndex.get(e.owner) ?? -1;
    if (e.included === false) included[k] = 0;
    if (e.beds !== undefined) beds[k] = e.beds;
    if (e.openYear !== undefined) openYear[k] = e.openYear;
    if (e.closeYear != null) closeYear[k] = e.closeYear;
    if (e.rooms !== undefined) rooms[k] = e.rooms;
    if (e.bedsPerRoom !== undefined) bedsPerRoom[k] = e.bedsPerRoom;
    if (e.areaM2 !== undefined) areaM2[k] = e.areaM2;
    if (e.plotRatio !== undefined) plotRatio[k] = e.plotRatio;
    if (e.availableYear !== undefined) availableYear[k] = e.availableYear;
  }
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
  const ranked = rankedCandidates(data, distKm, N, mass, p.gravityDecayKm, kind);
  const order: number[] = [];
  const forced: number[] = [];
  for (let j = 0; j < ranked.length; j++) {
    const k = ranked[j];
    if (!included[k]) continue;
    if (scenario.sites[siteIds[k]]?.included === true) forced.push(k);
    else order.push(k);
  }

  return {
    scenario, data, years, T, offset, codes, N, isUgc, localUg0, rpgL0, rpgN0, otherNL0, otherL0, nlObs, instDistrictW,
    siteIds, S, kind, source, operating, owner, district, included, located, distKm, beds, openYear, closeYear, rooms, bedsPerRoom,
    areaM2, plotRatio, availableYear, hostelSharePct, gfaPerBedM2,
    candidateOrder: Int32Array.from(order), forcedCandidates: Int32Array.from(forced), districtCodes,
  };
}

// The ranking depends on the data, the decay and the institutions' non-local numbers only: cache it.
const rankCache = new WeakMap<ModelData, Map<string, Int32Array>>();

/** All hotel and guesthouse sites, best placed first: Σ_i mass_i × exp(−distance_i ÷ decay), ties by data order. */
function rankedCandidates(data: ModelData, distKm: Float64Array, N: number, mass: Float64Array, decayKm: number, kind: Uint8Array): Int32Array {
  let byKey = rankCache.get(data);
  if (!byKey) rankCache.set(data, (byKey = new Map()));
  const key = `${decayKm}|${Array.from(mass).join(',')}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const cands: { k: number; score: number }[] = [];
  for (let k = 0; k < data.sites.length; k++) {
    if (kind[k] !== KIND.hotel && kind[k] !== KIND.guesthouse) continue;
    let score = 0;
    for (let i = 0; i < N; i++) score += mass[i] * Math.exp(-distKm[k * N + i] / decayKm);
    cands.push({ k, score });
  }
  cands.sort((a, b) => b.score - a.score || a.k - b.k);
  const out = Int32Array.from(cands.map((c) => c.k));
  if (byKey.size > 16) byKey.clear();
  byKey.set(key, out);
  return out;
}

interface BaseSiteArrays {
  ids: string[];
  index: Map<string, number>;
  kind: Uint8Array; source: Uint8Array; operating: Uint8Array; included: Uint8Array; located: Uint8Array;
  owner: Int16Array; district: Int8Array;
  beds: Float64Array; rooms: Float64Array; areaM2: Float64Array; plotRatio: Float64Array;
  openYear: Int32Array; closeYear: Int32Array; availableYear: Int32Array;
}
const baseCache = new WeakMap<ModelData, BaseSiteArrays>();

/** The data's sites as typed arrays, before any scenario edit (cached per data object). */
function baseSiteArrays(data: ModelData, codes: string[], districtCodes: string[]): BaseSiteArrays {
  const hit = baseCache.get(data);
  if (hit) return hit;
  const n = data.sites.length;
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const districtIndex = new Map(districtCodes.map((c, i) => [c, i]));
  const b: BaseSiteArrays = {
    ids: data.sites.map((s) => s.id), index: new Map(data.sites.map((s, k) => [s.id, k])),
    kind: new Uint8Array(n), source: new Uint8Array(n), operating: new Uint8Array(n), included: new Uint8Array(n).fill(1), located: new Uint8Array(n),
    owner: new Int16Array(n).fill(-1), district: new Int8Array(n).fill(-1),
    beds: new Float64Array(n), rooms: new Float64Array(n).fill(NaN), areaM2: new Float64Array(n), plotRatio: new Float64Array(n),
    openYear: new Int32Array(n).fill(-1), closeYear: new Int32Array(n).fill(NO_YEAR), availableYear: new Int32Array(n).fill(-1),
  };
  data.sites.forEach((s, k) => {
    b.kind[k] = KIND[s.kind];
    b.source[k] = SOURCE_INDEX[s.source];
    b.operating[k] = s.status === 'operating' ? 1 : 0;
    b.owner[k] = s.owner === null ? -1 : codeIndex.get(s.owner) ?? -1;
    b.district[k] = s.district === null ? -1 : districtIndex.get(s.district) ?? -1;
    b.located[k] = s.lon !== null ? 1 : 0;
    b.beds[k] = s.beds?.value ?? 0;
    b.openYear[k] = s.openYear?.value ?? -1;
    b.rooms[k] = s.rooms?.value ?? NaN;
    b.areaM2[k] = s.areaM2?.value ?? 0;
    b.plotRatio[k] = s.plotRatio?.value ?? 0;
    if (s.kind === 'uniTown') b.availableYear[k] = s.availableYear?.value ?? -1;
  });
  baseCache.set(data, b);
  return b;
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

const campusDistrictCache = new WeakMap<ModelData, number[][]>();
function campusDistricts(data: ModelData, i: number): number[] {
  let all = campusDistrictCache.get(data);
  if (!all) {
    all = data.institutions.map((inst) => inst.campuses.map((c) => pointDistrict(c.lon, c.lat, data)).filter((d) => d >= 0));
    campusDistrictCache.set(data, all);
  }
  return all[i];
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
