/**
 * The 3D massing (workers/model/massing, src/viewmodel/massingView.ts): parcels add up to the site,
 * GFA ÷ area is the plot ratio, no building is above the height limit, and the beds the massing
 * shows are the beds the model reports for the site — by default and after changing the plot ratio,
 * the hostel share or a binding height limit.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area as turfArea } from '@turf/turf';
import basemapLand from '../../geodata/basemap/land.json';
import basemapStations from '../../geodata/basemap/mtr_stations.json';
import basemapLightRail from '../../geodata/basemap/light_rail_stops.json';
import basemapLines from '../../geodata/basemap/mtr_lines.json';
import { simulate } from '../../workers/model/simulate.ts';
import { defaultParams, PARAM_BY_KEY } from '../../workers/model/params/registry.ts';
import { achievablePlotRatio, bedsFromGfa, landSaleCapacity, storeysUnder, uniTownCapacity, uniTownHostelGfaM2, uniTownLimits } from '../../workers/model/massing/capacity.ts';
import { frameFor, polysArea, rotateRing, toLocal, type Poly } from '../../workers/model/massing/geometry.ts';
import { splitIntoParcels, type UseShare } from '../../workers/model/massing/parcels.ts';
import { fillParcel } from '../../workers/model/massing/buildings.ts';
import { bedsOpenIn, landSaleMassing, uniTownMassing, uniTownUseShares, type Massing } from '../../workers/model/massing/massing.ts';
import { uniTownBeds, uniTownPhaseYears } from '../../workers/model/supply/uniTown.ts';
import { landSaleBeds } from '../../workers/model/supply/landSaleBeds.ts';
import { buildingOpen, massingForSite, publishedLimits, siteContext, syntheticBuildings, view3dKind, type ContextData } from '../../src/viewmodel/massingView.ts';
import { sunAt } from '../../src/three/sun.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import { FC_SEED, at, data, drawnSite, scenarioWith } from './_helpers.ts';

const NTM = 'unitown:ngau-tam-mei';
const uniTownSites = data.sites.filter((s) => s.kind === 'uniTown');
const run = (s: Scenario): Results => simulate(s, data, s.seed, { draws: 0 });
const modelBeds = (r: Results, id: string) => r.sites!.beds[r.sites!.ids.indexOf(id)];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const hostelBuildingGfa = (m: Massing) => sum(m.buildings.filter((b) => b.use === 'hostel').map((b) => b.gfaM2));
const hostelBuildingBeds = (m: Massing) => sum(m.buildings.filter((b) => b.use === 'hostel').map((b) => b.beds));

function massing(s: Scenario, id = NTM, r: Results | null = null): Massing {
  const v = massingForSite(data, s, r, id);
  if (!v) throw new Error(`no massing for ${id}`);
  return v.massing;
}

/** A site outline in local metres from a lon/lat ring. */
function local(ring: [number, number][]): Poly[] {
  const f = frameFor(ring);
  return [[ring.map((q) => toLocal(f, q))]];
}

const rect = (w: number, h: number): Poly[] => [[[[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2], [-w / 2, -h / 2]]]];
// shapes a planner might draw (metres): a rotated rectangle, a convex pentagon, an L and a U (concave)
const SHAPES: Record<string, Poly[]> = {
  rotatedRectangle: [[rotateRing(rect(420, 180)[0][0], 0.6)]],
  pentagon: [[[[0, -200], [190, -60], [120, 170], [-120, 170], [-190, -60], [0, -200]]]],
  lShape: [[[[0, 0], [400, 0], [400, 120], [130, 120], [130, 380], [0, 380], [0, 0]]]],
  uShape: [[[[0, 0], [360, 0], [360, 300], [260, 300], [260, 90], [100, 90], [100, 300], [0, 300], [0, 0]]]],
};

describe('capacity: the one function for hostel GFA and beds', () => {
  it('achievable plot ratio = min(plot ratio, coverage × storeys under the height limit)', () => {
    expect(storeysUnder(100, 3.2)).toBe(31);
    expect(storeysUnder(96, 3.2)).toBe(30); // not 29 by binary rounding
    expect(achievablePlotRatio(5.8, { coveragePct: 40, heightLimitM: 100, floorToFloorM: 3.2 })).toBe(5.8);
    expect(achievablePlotRatio(5.8, { coveragePct: 40, heightLimitM: 30, floorToFloorM: 3.2 })).toBeCloseTo(0.4 * 9, 12);
    expect(achievablePlotRatio(5.8)).toBe(5.8);
    expect(achievablePlotRatio(5.8, { coveragePct: 40, heightLimitM: 2, floorToFloorM: 3.2 })).toBe(0);
  });

  it('gives the model\'s original formulas when the limits do not bind (Ngau Tam Mei 20,049.5 beds, Kai Tak 2,539.6)', () => {
    const p = defaultParams();
    expect(uniTownHostelGfaM2(460_000, 12.7, 5.8)).toBeCloseTo(338_836, 6);
    expect(uniTownCapacity(460_000, p).beds).toBe((460_000 * (12.7 / 100) * 5.8) / 16.9);
    expect(uniTownBeds(460_000, 12.7, 5.8, 16.9)).toBe((460_000 * (12.7 / 100) * 5.8) / 16.9);
    expect(landSaleCapacity(7400, 5.8, 100, 16.9).beds).toBe(landSaleBeds(7400, 5.8, 100, 16.9));
    expect(bedsFromGfa(338_836, 16.9)).toBeCloseTo(20_049.47, 2);
  });

  it('the registry defaults of site coverage, floor-to-floor height and height limit do not bind the default plot ratios', () => {
    const p = defaultParams();
    const cap = (p.uniTownSiteCoveragePct / 100) * storeysUnder(p.uniTownHeightLimitM, p.uniTownFloorToFloorM);
    expect(cap).toBeGreaterThan(p.uniTownPlotRatio);
    expect(cap).toBeGreaterThan(p.uniTownAcademicPlotRatio);
    expect(cap).toBeGreaterThan(p.uniTownOtherPlotRatio);
    for (const key of ['uniTownSiteCoveragePct', 'uniTownFloorToFloorM', 'uniTownHeightLimitM', 'uniTownRoadsSharePct', 'uniTownOpenSpaceSharePct',
      'uniTownHospitalSharePct', 'uniTownResidentialSharePct', 'uniTownAcademicPlotRatio', 'uniTownOtherPlotRatio'] as const) {
      const spec = PARAM_BY_KEY[key];
      expect(spec.group).toBe('universityTown');
      expect(spec.source.length).toBeGreaterThan(20);
      expect(spec.label['zh-HK'].length).toBeGreaterThan(0);
    }
  });
});

describe('parcels: the site split by the land budget', () => {
  it('the University Town sites\' parcels add up to the site area within 1% and each matches its share within 1%', () => {
    const p = defaultParams();
    for (const s of uniTownSites) {
      const m = uniTownMassing(local(s.polygon!.coordinates[0] as [number, number][]), s.areaM2!.value, 2030, p);
      const total = sum(m.parcels.map((q) => q.areaM2));
      expect(Math.abs(total - s.areaM2!.value) / s.areaM2!.value, s.id).toBeLessThan(0.01);
      expect(Math.abs(total - m.siteAreaM2) / m.siteAreaM2).toBeLessThan(1e-6);
      const { uses } = uniTownUseShares(p);
      for (const u of uses.filter((x) => x.sharePct > 0)) {
        const got = sum(m.parcels.filter((q) => q.use === u.use).map((q) => q.areaM2));
        expect(Math.abs(got - (u.sharePct / 100) * m.siteAreaM2) / ((u.sharePct / 100) * m.siteAreaM2), `${s.id} ${u.use}`).toBeLessThan(0.01);
      }
    }
  });

  it('land budget shares: hostel 12.7%, roads 23%, open space 10%, academic the remainder (54.3%)', () => {
    const { uses, scaled } = uniTownUseShares(defaultParams());
    const share = (u: string) => uses.find((x) => x.use === u)?.sharePct ?? 0;
    expect(scaled).toBe(false);
    expect(share('hostel')).toBe(12.7);
    expect(share('road')).toBe(23);
    expect(share('openSpace')).toBe(10);
    expect(share('academic')).toBeCloseTo(54.3, 10);
    expect(sum(uses.map((u) => u.sharePct))).toBeCloseTo(100, 10);
    // shares over 100%: the hostel share stays, the others are scaled down, academic gets nothing
    const over = uniTownUseShares({ ...defaultParams(), uniTownHostelLandSharePct: 40, uniTownRoadsSharePct: 60, uniTownOpenSpaceSharePct: 30 });
    expect(over.scaled).toBe(true);
    expect(over.uses.find((u) => u.use === 'hostel')!.sharePct).toBe(40);
    expect(sum(over.uses.map((u) => u.sharePct))).toBeCloseTo(100, 10);
  });

  it.each(Object.keys(SHAPES))('a drawn %s: parcel areas add up to the site within 1%, each parcel within 1% of its share', (name) => {
    const shape = SHAPES[name];
    const shares: UseShare[] = [{ use: 'academic', share: 0.45 }, { use: 'hostel', share: 0.2 }, { use: 'openSpace', share: 0.12 }, { use: 'road', share: 0.23 }];
    const split = splitIntoParcels(shape, shares);
    const total = polysArea(shape);
    expect(Math.abs(sum(split.parcels.map((p) => p.areaM2)) - total) / total).toBeLessThan(0.01);
    for (const s of shares) {
      const got = sum(split.parcels.filter((p) => p.use === s.use).map((p) => p.areaM2));
      expect(Math.abs(got - s.share * total) / (s.share * total), s.use).toBeLessThan(0.01);
    }
    // roads are strips between the use parcels
    expect(split.parcels.map((p) => p.use)).toEqual(['academic', 'road', 'hostel', 'road', 'openSpace']);
  });

  it('for random rectangles and shares the parcels add up to the site within 1%', () => {
    fc.assert(fc.property(
      fc.double({ min: 30, max: 1500, noNaN: true }), fc.double({ min: 30, max: 1500, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
      (w, h, angle, raw) => {
        const shape: Poly[] = [[rotateRing(rect(w, h)[0][0], angle)]];
        const uses = (['hostel', 'academic', 'openSpace', 'hospital', 'road'] as const).slice(0, raw.length);
        const t = sum(raw);
        const split = splitIntoParcels(shape, uses.map((u, i) => ({ use: u, share: raw[i] / t })));
        expect(Math.abs(sum(split.parcels.map((p) => p.areaM2)) - w * h) / (w * h)).toBeLessThan(0.01);
      },
    ), { numRuns: 40, seed: FC_SEED });
  });
});

describe('buildings: plot ratio, coverage and height limit', () => {
  it('Ngau Tam Mei by default: hostel GFA ÷ hostel parcel area = plot ratio 5.8 and academic = 3.0, within 2%; footprints within the coverage', () => {
    const m = massing(scenarioWith());
    const parcel = (u: string) => m.parcels.find((p) => p.use === u)!;
    const gfaOf = (u: string) => sum(m.buildings.filter((b) => b.use === u).map((b) => b.gfaM2));
    expect(Math.abs(gfaOf('hostel') / parcel('hostel').areaM2 - 5.8) / 5.8).toBeLessThan(0.02);
    expect(Math.abs(gfaOf('academic') / parcel('academic').areaM2 - 3) / 3).toBeLessThan(0.02);
    for (const u of ['hostel', 'academic']) {
      const fp = sum(m.buildings.filter((b) => b.use === u).map((b) => b.footprintM2));
      expect(fp / parcel(u).areaM2).toBeLessThanOrEqual(0.4 + 1e-9);
      for (const b of m.buildings.filter((x) => x.use === u)) expect(b.length * b.depth).toBeCloseTo(b.footprintM2, 6);
    }
    expect(m.warnings).toEqual({ sharesScaled: false, overCoverage: false, notFitted: false });
    // 5.8 ÷ 40% = 14.5 → 15 storeys × 3.2 m = 48 m
    expect(m.maxHeightM).toBeCloseTo(48, 9);
  });

  it('the hostel buildings\' GFA adds up exactly to the model\'s hostel GFA, and their beds to its beds', () => {
    const m = massing(scenarioWith());
    expect(hostelBuildingGfa(m)).toBeCloseTo(m.hostelGfaM2, 6);
    expect(Math.abs(hostelBuildingGfa(m) - m.hostelGfaM2)).toBeLessThan(1e-6);
    expect(Math.abs(hostelBuildingBeds(m) - m.beds)).toBeLessThan(1e-6);
  });

  it('no building is above the height limit, for random plot ratios, coverages, floor heights and limits', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.5, max: 15, noNaN: true }), fc.double({ min: 10, max: 100, noNaN: true }), fc.double({ min: 2.5, max: 8, noNaN: true }),
      fc.double({ min: 10, max: 300, noNaN: true }), fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0.1, max: 15, noNaN: true }),
      (pr, cov, ftf, limit, share, apr) => {
        const s = scenarioWith((x) => {
          Object.assign(x.params, { uniTownPlotRatio: pr, uniTownSiteCoveragePct: cov, uniTownFloorToFloorM: ftf, uniTownHeightLimitM: limit, uniTownHostelLandSharePct: share, uniTownAcademicPlotRatio: apr });
        });
        const m = massing(s);
        for (const b of m.buildings) {
          expect(b.heightM).toBeLessThanOrEqual(limit + 1e-9);
          expect(b.heightM).toBeCloseTo(b.storeys * ftf, 9);
        }
        // hostel GFA fits the parcel under the coverage (the capacity function caps it)
        const parcel = m.parcels.find((p) => p.use === 'hostel');
        if (parcel && m.hostelGfaM2 > 0) {
          expect(m.hostelGfaM2 / parcel.areaM2).toBeLessThanOrEqual(achievablePlotRatio(pr, uniTownLimits(s.params)) * 1.001 + 1e-9);
          expect(Math.abs(hostelBuildingGfa(m) - m.hostelGfaM2) / m.hostelGfaM2).toBeLessThan(1e-9);
        }
      },
    ), { numRuns: 25, seed: FC_SEED });
  });

  it('a binding height limit makes the buildings lower and the hostel GFA smaller', () => {
    const m0 = massing(scenarioWith());
    const m1 = massing(scenarioWith((x) => { x.params.uniTownHeightLimitM = 30; }));
    expect(m1.maxHeightM).toBeLessThanOrEqual(30);
    expect(m1.maxHeightM).toBeLessThan(m0.maxHeightM);
    // 40% × floor(30 ÷ 3.2) = 40% × 9 = 3.6 < 5.8
    expect(m1.hostelGfaM2).toBeCloseTo(460_000 * 0.127 * 3.6, 6);
  });

  it('fillParcel never leaves the parcel\'s GFA short and respects the height limit on concave parcels', () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      const res = fillParcel([shape[0]], { use: 'hostel', gfaM2: polysArea(shape) * 4, limits: { coveragePct: 40, heightLimitM: 60, floorToFloorM: 3.2 }, typicalFootprintM2: 900, aspect: 2.5, multipleOf: 2 });
      expect(Math.abs(sum(res.buildings.map((b) => b.gfaM2)) - polysArea(shape) * 4), name).toBeLessThan(1e-6);
      expect(res.buildings.length % 2).toBe(0);
      for (const b of res.buildings) expect(b.heightM).toBeLessThanOrEqual(60);
      expect(res.fitted, name).toBe(true);
    }
  });
});

describe('the beds the 3D view shows are the beds the model reports', () => {
  const cases: [string, (s: Scenario) => void][] = [
    ['default scenario', () => {}],
    ['plot ratio 8', (s) => { s.params.uniTownPlotRatio = 8; }],
    ['hostel share 20%', (s) => { s.params.uniTownHostelLandSharePct = 20; }],
    ['GFA per bed 20 m²', (s) => { s.params.uniTownGfaPerBedM2 = 20; }],
    ['binding height limit 30 m', (s) => { s.params.uniTownHeightLimitM = 30; }],
    ['site coverage 25% with a 40 m limit', (s) => { s.params.uniTownSiteCoveragePct = 25; s.params.uniTownHeightLimitM = 40; }],
    ['edited site area and availability', (s) => { s.sites[NTM] = { areaM2: 520_000, availableYear: 2030 }; }],
  ];
  it.each(cases)('%s: Ngau Tam Mei massing beds = results.sites beds', (_name, edit) => {
    const s = scenarioWith(edit);
    const r = run(s);
    const m = massing(s, NTM, r);
    expect(m.beds).toBe(modelBeds(r, NTM));
    expect(Math.abs(hostelBuildingBeds(m) - modelBeds(r, NTM))).toBeLessThan(1e-6);
  });

  it('a binding height limit lowers the model\'s beds too (30 m: 20,049.5 → 12,444.5)', () => {
    const r0 = run(scenarioWith()), r1 = run(scenarioWith((s) => { s.params.uniTownHeightLimitM = 30; }));
    expect(modelBeds(r0, NTM)).toBeCloseTo(20_049.47, 1);
    expect(modelBeds(r1, NTM)).toBeCloseTo((460_000 * 0.127 * 3.6) / 16.9, 6);
  });

  it('every University Town site, a land-sale site (Kai Tak) and a drawn site agree with the model', () => {
    const s = scenarioWith((x) => { x.drawnSites = [drawnSite({ plotRatio: 7, hostelSharePct: 80 })]; });
    const r = run(s);
    for (const id of [...uniTownSites.map((u) => u.id), 'landsale:kai-tak', 'landsale:siu-lek-yuen', 'drawn:test-site']) {
      const m = massing(s, id, r);
      expect(m.beds, id).toBe(modelBeds(r, id));
      expect(Math.abs(hostelBuildingBeds(m) - m.beds), id).toBeLessThan(1e-6);
    }
    // the drawn site's area is turf's, as in the model
    const d = s.drawnSites[0];
    expect(massing(s, 'drawn:test-site', r).siteAreaM2 / turfArea({ type: 'Feature', properties: {}, geometry: d.polygon })).toBeCloseTo(1, 3);
  });

  it('phases: equal beds per phase in the model\'s phase years; the beds in use each year sum to the model\'s University Town supply', () => {
    const s = scenarioWith();
    const r = run(s);
    const p = s.params;
    for (const site of uniTownSites) {
      const m = massing(s, site.id, r);
      expect(m.phaseYears).toEqual(uniTownPhaseYears(site.availableYear!.value, p.uniTownDelayYears, p.uniTownBuildMonths, p.uniTownPhases, p.uniTownPhaseGapYears));
      const k = r.sites!.ids.indexOf(site.id);
      expect(m.phaseYears[0]).toBe(r.sites!.openYear[k]);
      expect(m.phaseYears[m.phaseYears.length - 1]).toBe(r.sites!.fullYear[k]);
      for (let ph = 0; ph < m.phaseYears.length; ph++) {
        const bedsInPhase = sum(m.buildings.filter((b) => b.use === 'hostel' && b.phase === ph).map((b) => b.beds));
        expect(bedsInPhase).toBeCloseTo(m.beds / m.phaseYears.length, 6);
      }
    }
    for (const year of r.years) {
      const open = sum(uniTownSites.map((site) => bedsOpenIn(massing(s, site.id, r), year)));
      expect(open, String(year)).toBeCloseTo(at(r, r.sector.supply.bySource.universityTown, year), 6);
    }
  });

  it('buildings of a phase not yet open are ghosted', () => {
    const m = massing(scenarioWith());
    const [y1, y2] = m.phaseYears;
    const openIn = (y: number) => m.buildings.filter((b) => buildingOpen(m, b, y)).length;
    expect(openIn(y1 - 1)).toBe(0);
    expect(openIn(y1)).toBeGreaterThan(0);
    expect(openIn(y1)).toBeLessThan(m.buildings.length);
    expect(openIn(y2)).toBe(m.buildings.length);
  });
});

describe('massing view model', () => {
  it('the 3D view applies to University Town, land-sale, drawn and hotel sites only', () => {
    const s = scenarioWith((x) => { x.drawnSites = [drawnSite()]; });
    expect(view3dKind(data, s, NTM)).toBe('uniTown');
    expect(view3dKind(data, s, 'landsale:kai-tak')).toBe('landSale');
    expect(view3dKind(data, s, 'drawn:test-site')).toBe('drawn');
    const hotel = data.sites.find((x) => x.kind === 'hotel' && x.lon !== null)!;
    expect(view3dKind(data, s, hotel.id)).toBe('hotel');
    expect(view3dKind(data, s, 'conversion:mu88')).toBe('hotel');
    const fixed = data.sites.find((x) => x.kind === 'fixed' && x.source !== 'conversion')!;
    expect(view3dKind(data, s, fixed.id)).toBe(null);
    expect(massingForSite(data, s, null, fixed.id)).toBe(null);
  });

  it('land-sale sites are drawn with their published site coverage and height restriction (Kai Tak SC 65%, BHR 80 mPD)', () => {
    expect(publishedLimits('PR 5.8, BHR 80 mPD, SC 65%; share of 4,500 beds not published')).toEqual({ coveragePct: 65, heightLimitM: 80 });
    expect(publishedLimits('PR 9.5, BHR 120 mPD; near HSUHK')).toEqual({ coveragePct: null, heightLimitM: 120 });
    const s = scenarioWith();
    const v = massingForSite(data, s, run(s), 'landsale:kai-tak')!;
    expect(v.massing.limits.coveragePct).toBe(65);
    expect(v.massing.limits.heightLimitM).toBe(80);
    expect(v.limitsFrom).toBe('published');
    expect(v.massing.maxHeightM).toBeLessThanOrEqual(80);
    expect(Math.abs(v.massing.siteAreaM2 - 7400) / 7400).toBeLessThan(0.01);
  });

  it('a converted hotel carries the model\'s beds; one not converted shows none', () => {
    const s = scenarioWith();
    const r = run(s);
    const converted = r.sites!.ids.find((id, k) => id.startsWith('hotel') && r.sites!.beds[k] > 0 && data.sites.find((x) => x.id === id)?.lon != null);
    expect(converted).toBeDefined();
    const v = massingForSite(data, s, r, converted!)!;
    expect(v.kind).toBe('hotel');
    expect(v.massing.beds).toBe(modelBeds(r, converted!));
    expect(v.notConverted).toBe(false);
    const other = r.sites!.ids.find((id, k) => data.sites.find((x) => x.id === id)?.kind === 'hotel' && r.sites!.beds[k] === 0 && data.sites.find((x) => x.id === id)?.lon != null)!;
    const w = massingForSite(data, s, r, other)!;
    expect(w.massing.beds).toBe(0);
    expect(w.notConverted).toBe(true);
    expect(w.massing.buildings).toHaveLength(1);
    // a named conversion (MU88) carries its published beds as the model counts them
    const mu = massingForSite(data, s, r, 'conversion:mu88')!;
    expect(mu.massing.beds).toBe(modelBeds(r, 'conversion:mu88'));
    expect(mu.massing.beds).toBeGreaterThan(0);
  });

  it('context: land around Ngau Tam Mei and its planned Northern Link station nearest', () => {
    const s = scenarioWith();
    const v = massingForSite(data, s, null, NTM)!;
    const ctx = siteContext(v.frame, 2000, { land: basemapLand, stations: basemapStations, lightRail: basemapLightRail, lines: basemapLines } as unknown as ContextData);
    expect(ctx.land.length).toBeGreaterThan(0);
    expect(polysArea(ctx.land)).toBeGreaterThan(0.5 * 4000 * 4000);
    expect(ctx.stations[0].nameEn).toBe('Ngau Tam Mei');
    expect(ctx.stations[0].planned).toBe(true);
  });

  it('synthetic benchmark scenes have the requested number of buildings', () => {
    const b = syntheticBuildings(2000, 400);
    expect(b).toHaveLength(2000);
    expect(new Set(b.map((x) => x.use)).size).toBe(5);
    for (const x of b) expect(Math.abs(x.x) <= 400 && Math.abs(x.y) <= 400).toBe(true);
  });

  it('changing the scenario\'s plot ratio changes the massing\'s heights (what the 3D view redraws)', () => {
    const h = (pr: number) => massing(scenarioWith((s) => { s.params.uniTownPlotRatio = pr; })).maxHeightM;
    expect(h(9)).toBeGreaterThan(h(5.8));
    expect(h(3)).toBeLessThan(h(5.8));
  });

  it('land-sale massing: GFA ÷ area = plot ratio within 2% at Tung Chung East (PR 9, BHR 160 mPD)', () => {
    const m = landSaleMassing(rect(50, 50), 2500, 9, 100, 16.9, { coveragePct: 40, heightLimitM: 160, floorToFloorM: 3.2 }, 2030);
    expect(Math.abs(hostelBuildingGfa(m) / 2500 - 9) / 9).toBeLessThan(0.02);
    expect(m.maxHeightM).toBeLessThanOrEqual(160);
    expect(m.beds).toBeCloseTo(landSaleBeds(2500, 9, 100, 16.9), 9);
  });
});

describe('sun position (SunCalc) for Hong Kong time', () => {
  it('high at noon near the June solstice, below the horizon before dawn in December', () => {
    const noon = sunAt('2026-06-21', 12.5, 22.48, 114.06);
    expect(noon.up).toBe(true);
    expect(noon.altitudeDeg).toBeGreaterThan(85);
    const dawn = sunAt('2026-12-21', 5, 22.48, 114.06);
    expect(dawn.up).toBe(false);
    // mid-afternoon in winter: the sun is in the south-west, so the direction points west (−x) and south (+z)
    const pm = sunAt('2026-12-21', 15, 22.48, 114.06);
    expect(pm.dir[0]).toBeLessThan(0);
    expect(pm.dir[2]).toBeGreaterThan(0);
    expect(pm.bearingDeg).toBeGreaterThan(180);
    expect(pm.bearingDeg).toBeLessThan(270);
  });
});

