/**
 * One model run on compiled inputs and one set of parameter values: demand in both lenses, supply
 * by source as "tranches" of beds with an opening and closing year, the gravity allocation of
 * open-market beds, and the sector, institution and district totals. Pure arithmetic on typed
 * arrays; the same function serves the deterministic run and each Monte Carlo draw.
 */
import { ANCHOR_YEAR, KIND, NO_YEAR, SOURCE_INDEX, type CompiledModel } from './compile.ts';
import type { Params } from './params/registry.ts';
import { partialAdjustmentStep, quotaCap } from './demand/partialAdjustment.ts';
import { taperedGrowthRate } from './demand/taperedGrowth.ts';
import { landSaleCapacity, uniTownCapacity } from './massing/capacity.ts';
import { uniTownPhaseYears } from './supply/uniTown.ts';
import { conversionLeadMonths, conversionOpenYear, furtherConvertedShare } from './supply/conversion.ts';
import { readyYear } from './years.ts';

export const NSRC = 6;

export interface RunOptions {
  /** Per-site outputs (beds, years) for the map and inspector. */
  sites: boolean;
  /** District totals. */
  districts: boolean;
}

/** Raw outputs, arrays laid out [row × Y + y] over the reported years. */
export interface RunOutput {
  Y: number;
  demandEnt: Float64Array; // N × Y
  demandMkt: Float64Array; // N × Y
  nonLocalUg: Float64Array; // N × Y
  localUg: Float64Array; // N × Y
  rpg: Float64Array; // N × Y
  otherNonLocal: Float64Array; // N × Y
  instSupply: Float64Array; // N × Y (owned + allocated)
  instSupplyBySource: Float64Array; // (N × NSRC) × Y
  instOwned: Float64Array; // N × Y
  sectorBySource: Float64Array; // NSRC × Y
  capexBySource: Float64Array; // NSRC × Y (HK$ in the opening year)
  districtSupply: Float64Array | null; // D × Y
  districtDemandEnt: Float64Array | null;
  districtDemandMkt: Float64Array | null;
  siteBeds: Float64Array | null; // S: beds when fully open
  siteOpen: Int32Array | null; // S: first year in use (-1 never)
  siteFull: Int32Array | null; // S: year all phases are in use
  siteClose: Int32Array | null; // S: first year no longer in use (NO_YEAR = never)
  siteDecision: Int32Array | null; // S: year works start (conversions), -1 otherwise
  /** Multiply-adds done by the inner loops (for the benchmark's baseline). */
  multiplyAdds: number;
}

// Scratch tranche buffers, reused between runs of the same size (no allocation per Monte Carlo draw).
let cap = 0;
let tSite = new Int32Array(0), tOpen = new Int32Array(0), tClose = new Int32Array(0), tOwner = new Int16Array(0);
let tSrc = new Uint8Array(0), tBeds = new Float64Array(0), tCost = new Float64Array(0);
function ensure(n: number) {
  if (n <= cap) return;
  cap = n;
  tSite = new Int32Array(n); tOpen = new Int32Array(n); tClose = new Int32Array(n); tOwner = new Int16Array(n);
  tSrc = new Uint8Array(n); tBeds = new Float64Array(n); tCost = new Float64Array(n);
}

export function run(m: CompiledModel, p: Params, opts: RunOptions): RunOutput {
  const { N, T, offset, S } = m;
  const Y = m.years.length;
  const y0 = m.years[0];
  const yEnd = m.years[Y - 1];
  let madds = 0;

  // ---------------- demand ----------------
  const demandEnt = new Float64Array(N * Y), demandMkt = new Float64Array(N * Y);
  const nonLocalUg = new Float64Array(N * Y), localUgOut = new Float64Array(N * Y), rpgOut = new Float64Array(N * Y), otherOut = new Float64Array(N * Y);
  const kUg = p.partialAdjustmentK, kR = p.rpgAdjustmentK;
  const gLocal = p.localUgGrowthPctPerYear / 100;
  const g0 = p.otherNonLocalGrowthPctPerYear / 100, half = p.otherNonLocalGrowthHalfLifeYears;
  const hallFrac = Math.min(1, p.entitlementUgYearsInHall / p.ugProgrammeYears);
  const travel = p.entitlementLongTravelSharePct / 100;
  const tuNL = p.takeUpNonLocalPct / 100, tuLU = p.takeUpLocalUgPct / 100, tuLR = p.takeUpLocalRpgPct / 100;
  // sector RPg path toward UGC places × (1 + ceiling)
  let rpg0 = 0;
  for (let i = 0; i < N; i++) rpg0 += m.rpgL0[i] + m.rpgN0[i];
  let rpgTotal = rpg0;
  let otherFactor = 1;
  const share = new Float64Array(N);
  for (let t = 0; t < T; t++) {
    const year = ANCHOR_YEAR + t;
    const ugCap = quotaCap(year, p.quotaCapPct, p.quotaCapRaisedPct, p.quotaCapRaisedFromYear);
    if (t > 0) {
      const ceiling = (year >= p.quotaCapRaisedFromYear ? p.rpgCeilingRaisedPct : p.rpgCeilingPct) / 100;
      rpgTotal = partialAdjustmentStep(rpgTotal, p.rpgUgcPlaces * (1 + ceiling), kR);
      // the first projected year after the anchor grows at g0, then the rate halves every `half` years
      otherFactor *= 1 + taperedGrowthRate(g0, half, t - 1);
    }
    const rpgScale = rpg0 > 0 ? rpgTotal / rpg0 : 1;
    const localScale = Math.pow(1 + gLocal, t);
    const r = t - offset;
    for (let i = 0; i < N; i++) {
      const local = m.localUg0[i] * localScale;
      const obs = m.nlObs[i * T + t];
      let nl: number;
      if (!Number.isNaN(obs)) {
        nl = obs;
        share[i] = local > 0 ? obs / local : 0;
      } else {
        share[i] = partialAdjustmentStep(share[i], ugCap, kUg);
        nl = share[i] * local;
      }
      if (r < 0) continue;
      const rl = m.rpgL0[i] * rpgScale, rn = m.rpgN0[i] * rpgScale;
      const other = m.otherNL0[i] * otherFactor;
      const idx = i * Y + r;
      nonLocalUg[idx] = nl;
      localUgOut[idx] = local;
      rpgOut[idx] = rl + rn;
      otherOut[idx] = other;
      demandEnt[idx] = m.isUgc[i] ? nl + rl + rn + local * hallFrac + local * travel * (1 - hallFrac) : 0;
      demandMkt[idx] = tuNL * (nl + rn + other) + tuLU * (local + m.otherL0[i]) + tuLR * rl;
      madds += 14;
    }
  }

  // ---------------- supply: tranches ----------------
  ensure(S * 2 + 64);
  let nT = 0;
  const push = (site: number, beds: number, open: number, close: number, src: number, owner: number, cost: number) => {
    if (!(beds > 0) || open < 0) return;
    tSite[nT] = site; tBeds[nT] = beds; tOpen[nT] = open; tClose[nT] = close; tSrc[nT] = src; tOwner[nT] = owner; tCost[nT] = cost; nT++;
  };
  const siteBeds = opts.sites ? new Float64Array(S) : null;
  const siteOpen = opts.sites ? new Int32Array(S).fill(-1) : null;
  const siteFull = opts.sites ? new Int32Array(S).fill(-1) : null;
  const siteClose = opts.sites ? new Int32Array(S).fill(NO_YEAR) : null;
  const siteDecision = opts.sites ? new Int32Array(S).fill(-1) : null;
  const note = (k: number, beds: number, open: number, full: number, close: number, decision = -1) => {
    if (!siteBeds) return;
    siteBeds[k] += beds;
    if (siteOpen![k] < 0 || open < siteOpen![k]) siteOpen![k] = open;
    if (full > siteFull![k]) siteFull![k] = full;
    siteClose![k] = close;
    if (decision >= 0 && (siteDecision![k] < 0 || decision < siteDecision![k])) siteDecision![k] = decision;
  };

  const youthShare = p.youthHostelStudentSharePct / 100;
  const lead = conversionLeadMonths(p.conversionLeadMonths, p.hitcFacilitation, p.facilitationSavingMonths);
  const revert = p.conversionRevertAfterYears;
  const convClose = (open: number) => (revert > 0 ? open + revert : NO_YEAR);
  const bedCost = p.newBuildCostHkdPerBed, roomCost = p.conversionCostHkdPerRoom;
  let fixedConversionBeds = 0;

  for (let k = 0; k < S; k++) {
    const kd = m.kind[k], src = m.source[k], own = m.owner[k];
    // Named conversions (MU88) are part of the applied beds whether or not they are counted, so
    // excluding one removes its beds instead of handing them to other hotels.
    if (kd === KIND.fixed && src === SOURCE_INDEX.conversion) fixedConversionBeds += m.beds[k];
    if (!m.included[k]) continue;
    if (kd === KIND.fixed) {
      let open = m.openYear[k];
      let b = m.beds[k];
      let cost = 0;
      if (src === SOURCE_INDEX.pipeline) { if (!m.operating[k]) open += p.pipelineDelayYears; cost = b * bedCost; }
      else if (src === SOURCE_INDEX.youthHostel) b *= youthShare;
      else if (src === SOURCE_INDEX.conversion) cost = (Number.isNaN(m.rooms[k]) ? b / p.bedsPerRoom : m.rooms[k]) * roomCost;
      push(k, b, open, m.closeYear[k], src, own, cost);
      note(k, b, open, open, m.closeYear[k]);
    } else if (kd === KIND.landSale || kd === KIND.drawn) {
      const share = kd === KIND.drawn ? m.hostelSharePct[k] : p.landSaleHostelSharePct;
      const gfa = kd === KIND.drawn ? m.gfaPerBedM2[k] : p.landSaleGfaPerBedM2;
      // the 3D view's massing of this site calls the same capacity function (workers/model/massing)
      const b = landSaleCapacity(m.areaM2[k], m.plotRatio[k], share, gfa).beds;
      const tender = m.availableYear[k] >= 0 ? m.availableYear[k] : p.landSaleTenderYear;
      const open = m.openYear[k] >= 0 ? m.openYear[k] : readyYear(tender, p.buildingCovenantMonths);
      push(k, b, open, m.closeYear[k], src, own, b * bedCost);
      note(k, b, open, open, m.closeYear[k]);
      madds += 3;
    } else if (kd === KIND.uniTown) {
      // shared with the 3D massing: a binding height limit or site coverage lowers the beds here too
      const b = uniTownCapacity(m.areaM2[k], p).beds;
      const phases = uniTownPhaseYears(m.availableYear[k], p.uniTownDelayYears, p.uniTownBuildMonths, p.uniTownPhases, p.uniTownPhaseGapYears);
      const per = b / phases.length;
      for (const open of phases) push(k, per, open, m.closeYear[k], src, own, per * bedCost);
      note(k, b, phases[0], phases[phases.length - 1], m.closeYear[k]);
      madds += 3;
    }
  }

  // Conversions: the applied wave (published beds) goes first to hotels the user marked, then to
  // the best-placed eligible candidates; the last hotel of a wave converts in part so the wave
  // matches its bed total. Later waves take a share of the remaining eligible rooms each year.
  {
    const d0 = p.hitcDecisionYear;
    const bprOf = (k: number) => (Number.isNaN(m.bedsPerRoom[k]) ? p.bedsPerRoom : m.bedsPerRoom[k]);
    const convert = (k: number, frac: number, decision: number) => {
      const rooms = m.rooms[k] * frac;
      const b = rooms * bprOf(k);
      const open = m.openYear[k] >= 0 && decision === d0 ? m.openYear[k] : conversionOpenYear(decision, lead);
      const close = m.closeYear[k] < NO_YEAR ? m.closeYear[k] : convClose(open);
      push(k, b, open, close, SOURCE_INDEX.conversion, m.owner[k], rooms * roomCost);
      note(k, b, open, open, close, decision);
      madds += 2;
      return b;
    };
    let cum = fixedConversionBeds;
    for (let j = 0; j < m.forcedCandidates.length; j++) {
      const k = m.forcedCandidates[j];
      if (m.rooms[k] > 0) cum += convert(k, 1, d0);
    }
    const target = p.hitcAppliedBeds;
    const order = m.candidateOrder;
    const maxRooms = p.conversionMaxRooms;
    const guesthouses = p.includeGuesthouses;
    const eligible = (k: number) => m.rooms[k] > 0 && m.rooms[k] <= maxRooms && (m.kind[k] === KIND.hotel || guesthouses);
    let j = 0;
    let partial = 0; // fraction of order[j] already converted
    for (; j < order.length && cum < target - 1e-9; j++) {
      const k = order[j];
      if (!eligible(k)) continue;
      const full = m.rooms[k] * bprOf(k);
      const frac = Math.min(1, (target - cum) / full);
      cum += convert(k, frac, d0);
      if (frac < 1) { partial = frac; break; }
    }
    const f = p.conversionFurtherSharePctPerYear / 100;
    if (f > 0) {
      // rooms left after the applied wave
      let remaining = 0;
      for (let q = j; q < order.length; q++) if (eligible(order[q])) remaining += m.rooms[order[q]] * (q === j ? 1 - partial : 1);
      let done = 0;
      for (let year = d0 + 1; year <= yEnd && j < order.length; year++) {
        const targetRooms = remaining * furtherConvertedShare(f, year - d0);
        while (j < order.length && done < targetRooms - 1e-9) {
          const k = order[j];
          if (!eligible(k)) { j++; continue; }
          const left = m.rooms[k] * (1 - partial);
          const takeRooms = Math.min(left, targetRooms - done);
          convert(k, takeRooms / m.rooms[k], year);
          done += takeRooms;
          partial += takeRooms / m.rooms[k];
          if (partial >= 1 - 1e-12) { j++; partial = 0; }
        }
      }
    }
  }
  // Not-itemised HDF places belong to the UGC universities; spread over them by entitlement demand.
  const hdf = p.hdfUnitemisedBeds;

  // ---------------- accumulate ----------------
  const sectorBySource = new Float64Array(NSRC * Y), capexBySource = new Float64Array(NSRC * Y);
  const instSupply = new Float64Array(N * Y), instOwned = new Float64Array(N * Y), instSupplyBySource = new Float64Array(N * NSRC * Y);
  const D = m.districtCodes.length;
  const districtSupply = opts.districts ? new Float64Array(D * Y) : null;
  // gravity kernel per tranche's site, computed once per run for open-market tranches
  const decay = p.gravityDecayKm;
  const kern = new Float64Array(N);
  for (let q = 0; q < nT; q++) {
    const b = tBeds[q], src = tSrc[q], own = tOwner[q];
    const first = Math.max(tOpen[q], y0), last = Math.min(tClose[q] - 1, yEnd);
    if (tOpen[q] >= y0 && tOpen[q] <= yEnd) capexBySource[src * Y + (tOpen[q] - y0)] += tCost[q];
    if (first > last) continue;
    const ds = districtSupply ? m.district[tSite[q]] : -1;
    for (let y = first; y <= last; y++) {
      const r = y - y0;
      sectorBySource[src * Y + r] += b;
      if (ds >= 0) districtSupply![ds * Y + r] += b;
    }
    if (own >= 0) {
      for (let y = first; y <= last; y++) {
        const r = y - y0;
        instSupply[own * Y + r] += b;
        instOwned[own * Y + r] += b;
        instSupplyBySource[(own * NSRC + src) * Y + r] += b;
      }
      madds += last - first + 1;
    } else {
      const s = tSite[q];
      if (m.located[s]) for (let i = 0; i < N; i++) kern[i] = Math.exp(-m.distKm[s * N + i] / decay);
      else kern.fill(1);
      for (let y = first; y <= last; y++) {
        const r = y - y0;
        let den = 0;
        for (let i = 0; i < N; i++) den += demandMkt[i * Y + r] * kern[i];
        // with no market demand anywhere (all take-up rates 0) share by distance alone, so no bed is lost
        const byDemand = den > 0;
        if (!byDemand) for (let i = 0; i < N; i++) den += kern[i];
        if (!(den > 0)) continue;
        const scale = b / den;
        for (let i = 0; i < N; i++) {
          const a = (byDemand ? demandMkt[i * Y + r] : 1) * kern[i] * scale;
          instSupply[i * Y + r] += a;
          instSupplyBySource[(i * NSRC + src) * Y + r] += a;
        }
      }
      madds += (last - first + 1) * 3 * N;
    }
  }
  if (hdf > 0) {
    for (let y = Math.max(p.hdfUnitemisedOpenYear + p.pipelineDelayYears, y0); y <= yEnd; y++) {
      const r = y - y0;
      let den = 0;
      for (let i = 0; i < N; i++) den += m.isUgc[i] ? demandEnt[i * Y + r] : 0;
      sectorBySource[SOURCE_INDEX.pipeline * Y + r] += hdf;
      for (let i = 0; i < N; i++) {
        if (!m.isUgc[i] || !(den > 0)) continue;
        const a = (hdf * demandEnt[i * Y + r]) / den;
        instSupply[i * Y + r] += a; instOwned[i * Y + r] += a; instSupplyBySource[(i * NSRC + SOURCE_INDEX.pipeline) * Y + r] += a;
      }
    }
    const oy = p.hdfUnitemisedOpenYear + p.pipelineDelayYears;
    if (oy >= y0 && oy <= yEnd) capexBySource[SOURCE_INDEX.pipeline * Y + (oy - y0)] += hdf * bedCost;
  }

  let districtDemandEnt: Float64Array | null = null, districtDemandMkt: Float64Array | null = null;
  if (opts.districts) {
    districtDemandEnt = new Float64Array(D * Y);
    districtDemandMkt = new Float64Array(D * Y);
    for (let i = 0; i < N; i++) for (let d = 0; d < D; d++) {
      const w = m.instDistrictW[i * D + d];
      if (w === 0) continue;
      for (let r = 0; r < Y; r++) {
        districtDemandEnt[d * Y + r] += w * demandEnt[i * Y + r];
        districtDemandMkt[d * Y + r] += w * demandMkt[i * Y + r];
      }
    }
  }

  return {
    Y, demandEnt, demandMkt, nonLocalUg, localUg: localUgOut, rpg: rpgOut, otherNonLocal: otherOut,
    instSupply, instSupplyBySource, instOwned, sectorBySource, capexBySource,
    districtSupply, districtDemandEnt, districtDemandMkt, siteBeds, siteOpen, siteFull, siteClose, siteDecision,
    multiplyAdds: madds,
  };
}
