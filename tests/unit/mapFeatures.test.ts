/**
 * The map's view data (src/viewmodel/mapFeatures.ts): site statuses by year, the join of data,
 * scenario and results, campus sizes, the district choropleth and drawn sites.
 */
import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import { simulate } from '../../workers/model/simulate.ts';
import { landSaleBeds } from '../../workers/model/supply/landSaleBeds.ts';
import { addDrawnSite } from '../../src/store/updaters.ts';
import {
  bedsInYear, buildMapSites, campusFeatures, conversionStatus, districtGapStates, drawnSiteEstimate, drawnSiteFromRing,
  gapScaleMax, gapShare, niceCeil, normaliseRing, polygonFeatures, ringCentroid, siteFeatures, sitePhase, yearIndex,
} from '../../src/viewmodel/mapFeatures.ts';
import { data, drawnSite, rectangle, scenarioWith } from './_helpers.ts';

const scenario = scenarioWith((s) => { s.drawnSites = [drawnSite()]; });
const results = simulate(scenario, data, scenario.seed, { draws: 0 });
const sites = buildMapSites(data, scenario, results);
const p = scenario.params;

describe('conversionStatus', () => {
  const hotel = { kind: 'hotel' as const, beds: 500, decisionYear: 2025, openYear: 2027, closeYear: 2037 };
  it('follows candidate → converting → open → reverted through the years', () => {
    expect(conversionStatus(2024, hotel)).toBe('candidate');
    expect(conversionStatus(2025, hotel)).toBe('converting');
    expect(conversionStatus(2026, hotel)).toBe('converting');
    expect(conversionStatus(2027, hotel)).toBe('open');
    expect(conversionStatus(2036, hotel)).toBe('open');
    expect(conversionStatus(2037, hotel)).toBe('reverted');
    expect(conversionStatus(2050, hotel)).toBe('reverted');
  });
  it('is a candidate with no beds or no decision, and stays open without a close year', () => {
    expect(conversionStatus(2030, { ...hotel, beds: 0 })).toBe('candidate');
    expect(conversionStatus(2030, { ...hotel, decisionYear: null })).toBe('candidate');
    expect(conversionStatus(2060, { ...hotel, closeYear: null })).toBe('open');
  });
  it('treats an already-applied (fixed) conversion as converting until it opens', () => {
    expect(conversionStatus(2025, { ...hotel, kind: 'fixed', decisionYear: null })).toBe('converting');
    expect(conversionStatus(2027, { ...hotel, kind: 'fixed', decisionYear: null })).toBe('open');
  });
});

describe('sitePhase and bedsInYear', () => {
  it('gives planned / open / closed', () => {
    expect(sitePhase(2025, 2027, null)).toBe('planned');
    expect(sitePhase(2027, 2027, null)).toBe('open');
    expect(sitePhase(2030, 2027, 2030)).toBe('closed');
    expect(sitePhase(2030, null, null)).toBe('planned');
  });
  it('opens University Town beds in equal phases', () => {
    const ut = { kind: 'uniTown' as const, beds: 20_000, openYear: 2032, closeYear: null };
    const q = { uniTownPhases: 2, uniTownPhaseGapYears: 3 };
    expect(bedsInYear(ut, 2031, q)).toBe(0);
    expect(bedsInYear(ut, 2032, q)).toBe(10_000);
    expect(bedsInYear(ut, 2034, q)).toBe(10_000);
    expect(bedsInYear(ut, 2035, q)).toBe(20_000);
    expect(bedsInYear({ ...ut, kind: 'fixed' }, 2032, q)).toBe(20_000);
  });
});

describe('buildMapSites', () => {
  it('has every data site and drawn site once, in the right layer', () => {
    expect(sites).toHaveLength(data.sites.length + 1);
    const count = (l: string) => sites.filter((s) => s.layer === l).length;
    expect(count('conversions')).toBe(data.sites.filter((s) => s.source === 'conversion').length);
    expect(count('universityTown')).toBe(3);
    expect(count('landSale')).toBe(data.sites.filter((s) => s.source === 'landSale').length + 1);
    const d = sites.find((s) => s.id === 'drawn:test-site')!;
    expect(d.kind).toBe('drawn');
    expect(d.polygon).not.toBeNull();
  });
  it('takes beds and years from the results by id', () => {
    const k = results.sites!.ids.indexOf('landsale:kai-tak');
    const s = sites.find((x) => x.id === 'landsale:kai-tak')!;
    expect(s.beds).toBe(results.sites!.beds[k]);
    expect(s.openYear).toBe(results.sites!.openYear[k]);
    expect(s.beds).toBeCloseTo(landSaleBeds(7400, 5.8, 100, 16.9), 6);
  });
  it('converts hotels in the applied wave and shows them open after the lead time', () => {
    const converted = sites.filter((s) => s.kind === 'hotel' && s.beds > 0);
    expect(converted.length).toBeGreaterThan(0);
    const total = converted.reduce((a, s) => a + s.beds, 0);
    const fixed = sites.filter((s) => s.layer === 'conversions' && s.kind === 'fixed').reduce((a, s) => a + s.beds, 0);
    expect(total + fixed).toBeCloseTo(p.hitcAppliedBeds, 3);
    for (const s of converted) {
      expect(conversionStatus(s.decisionYear!, s)).toBe('converting');
      expect(conversionStatus(s.openYear!, s)).toBe('open');
    }
  });
  it('applies the scenario owner edit and excluded sites', () => {
    const sc = scenarioWith((s) => { s.sites['landsale:kai-tak'] = { owner: 'HKU', included: false }; });
    const m = buildMapSites(data, sc, null).find((x) => x.id === 'landsale:kai-tak')!;
    expect(m.owner).toBe('HKU');
    expect(m.included).toBe(false);
  });
  it('estimates a drawn site the results do not know yet by the land-sale formula', () => {
    const d = drawnSite({ id: 'drawn:new-one' });
    const m = buildMapSites(data, scenarioWith((s) => { s.drawnSites = [d]; }), results).find((x) => x.id === 'drawn:new-one')!;
    const est = drawnSiteEstimate(d, p);
    expect(m.beds).toBeCloseTo(est.beds, 6);
    expect(m.openYear).toBe(2027 + 4);
  });
});

describe('features for a year', () => {
  it('draws points for located sites without an outline, polygons for University Town and drawn sites', () => {
    const pts = siteFeatures(sites, 2030, p);
    const polys = polygonFeatures(sites, 2030, p);
    const located = data.sites.filter((s) => s.lon !== null && !s.polygon).length;
    expect(pts.features).toHaveLength(located);
    expect(polys.features).toHaveLength(4);
    expect(polys.features.filter((f) => f.properties.illustrative)).toHaveLength(3);
    expect(pts.features.filter((f) => f.properties.kind === 'guesthouse')).toHaveLength(1568);
  });
  it('gives conversion statuses, and beds only while open', () => {
    const at = (y: number) => siteFeatures(sites, y, p).features.filter((f) => f.properties.layer === 'conversions');
    const open2030 = at(2030).filter((f) => f.properties.status === 'open');
    expect(open2030.length).toBeGreaterThan(0);
    expect(at(2024).filter((f) => f.properties.status === 'open' && f.properties.kind !== 'fixed')).toHaveLength(0);
    for (const f of at(2030)) {
      if (f.properties.status !== 'open') expect(f.properties.beds).toBe(0);
      else expect(f.properties.beds).toBeGreaterThan(0);
    }
  });
  it('clamps the year index to the reported years', () => {
    expect(yearIndex(results, 1990)).toBe(0);
    expect(yearIndex(results, results.years[3])).toBe(3);
    expect(yearIndex(results, 2100)).toBe(results.years.length - 1);
  });
  it('sizes campuses by the non-local students of the year, split between campuses', () => {
    const fc = campusFeatures(data, results, 2030);
    expect(fc.features).toHaveLength(data.institutions.reduce((a, i) => a + i.campuses.length, 0));
    const yi = yearIndex(results, 2030);
    const e = results.institutions.HKU.enrolment;
    const hku = fc.features.find((f) => f.properties.code === 'HKU')!;
    expect(hku.properties.nonLocal).toBeCloseTo(e.nonLocalUg[yi] + e.otherNonLocal[yi], 6);
    const other = fc.features.filter((f) => f.properties.code === 'OTHER');
    expect(other.reduce((a, f) => a + f.properties.size, 0)).toBeCloseTo(other[0].properties.nonLocal, 6);
  });
  it('colours the 18 districts by the market gap of the year', () => {
    const states = districtGapStates(data, results, 2030);
    expect(states).toHaveLength(18);
    const yi = yearIndex(results, 2030);
    for (const s of states) {
      expect(s.gap).toBe(results.districts[s.code].gap.market[yi]);
      expect(s.gap).toBeCloseTo(s.demand - s.supply, 6);
    }
    expect(new Set(states.map((s) => s.code))).toEqual(new Set(data.districts.map((d) => d.code)));
    const max = gapScaleMax(results);
    for (const d of Object.values(results.districts)) for (const g of d.gap.market) expect(Math.abs(g)).toBeLessThanOrEqual(max);
  });
  it('gives each district its gap as a share of the scale: 1,250 of 5,000 is 0.25, clamped to ±1', () => {
    expect(gapShare(1250, 5000)).toBe(0.25);
    expect(gapShare(-2500, 5000)).toBe(-0.5);
    expect(gapShare(7000, 5000)).toBe(1);
    expect(gapShare(-7000, 5000)).toBe(-1);
    expect(gapShare(Number.NaN, 5000)).toBe(0);
    expect(gapShare(100, 0)).toBe(0);
    const max = gapScaleMax(results);
    for (const s of districtGapStates(data, results, 2030)) expect(gapShare(s.gap, max)).toBeCloseTo(s.gap / max, 12);
  });
  it('rounds the scale up to 1–2–5 steps', () => {
    expect(niceCeil(0)).toBe(1000);
    expect(niceCeil(4321)).toBe(5000);
    expect(niceCeil(12_000)).toBe(20_000);
    expect(niceCeil(50_000)).toBe(50_000);
  });
});

describe('drawn sites', () => {
  const ring = rectangle(114.17, 22.32, 0.001, 0.001);
  it('closes and rounds a ring', () => {
    const r = normaliseRing(ring.slice(0, 4).map(([x, y]) => [x + 1e-9, y] as [number, number]))!;
    expect(r).toHaveLength(5);
    expect(r[0]).toEqual(r[4]);
    expect(normaliseRing([[114, 22.3], [114.1, 22.3]])).toBeNull();
  });
  it('makes a valid drawn site with the scenario land-sale settings and the next free id', () => {
    let s = scenarioWith();
    const d = drawnSiteFromRing(s, ring, 'Drawn site')!;
    expect(d.id).toBe('drawn:site-1');
    expect(d.name).toBe('Drawn site 1');
    expect(d.plotRatio).toBe(5.8);
    expect(d.gfaPerBedM2).toBe(s.params.landSaleGfaPerBedM2);
    expect(d.tenderYear).toBe(s.params.landSaleTenderYear);
    expect(d.hostelSharePct).toBe(s.params.landSaleHostelSharePct);
    s = addDrawnSite(s, d);
    expect(drawnSiteFromRing(s, ring, 'Drawn site')!.id).toBe('drawn:site-2');
    const est = drawnSiteEstimate(d, s.params);
    const a = turfArea({ type: 'Feature', properties: {}, geometry: d.polygon });
    expect(est.areaM2).toBeCloseTo(a, 6);
    expect(est.beds).toBeCloseTo(landSaleBeds(a, 5.8, 100, 16.9), 6);
  });
  it('refuses rings outside Hong Kong or without area', () => {
    const s = scenarioWith();
    expect(drawnSiteFromRing(s, rectangle(120, 22.3, 0.001, 0.001), 'x')).toBeNull();
    expect(drawnSiteFromRing(s, [[114.17, 22.32], [114.17, 22.32], [114.17, 22.32]], 'x')).toBeNull();
  });
  it('measures from the vertex mean, like the model', () => {
    expect(ringCentroid(rectangle(114.2, 22.3, 0.01, 0.02))).toEqual([expect.closeTo(114.2, 9), expect.closeTo(22.3, 9)]);
  });
});

describe('map helpers', async () => {
  const { sameFeatures } = await import('../../src/map/siteLayers.ts');
  const { isStyleUrl } = await import('../../src/map/onlineStyle.ts');
  const { siteTooltip, districtTooltip } = await import('../../src/map/tooltipText.ts');
  it('skips re-sending a source only when nothing drawn changed', () => {
    const a = siteFeatures(sites, 2030, p);
    expect(sameFeatures(a, siteFeatures(sites, 2030, p))).toBe(true);
    expect(sameFeatures(undefined, a)).toBe(false);
    const b = siteFeatures(sites, 2026, p);
    expect(sameFeatures(a, b)).toBe(false);
  });
  it('accepts only http(s) style URLs', () => {
    expect(isStyleUrl('https://tiles.example.org/style.json')).toBe(true);
    expect(isStyleUrl('javascript:alert(1)')).toBe(false);
    expect(isStyleUrl('style.json')).toBe(false);
  });
  it('writes tooltips in the chosen language', () => {
    const kt = sites.find((s) => s.id === 'landsale:kai-tak')!;
    const f = siteFeatures(sites, 2035, p).features.find((x) => x.properties.id === kt.id)!;
    const en = siteTooltip('en', kt, f.properties as unknown as Record<string, unknown>, 2035);
    expect(en[0]).toBe(kt.nameEn);
    expect(en[1]).toMatch(/beds in 2035\/36 · open/);
    const zh = districtTooltip('zh-HK', { nameEn: 'Sha Tin', nameZh: '沙田', gap: -1200 }, 2030);
    expect(zh[0]).toBe('沙田');
    expect(zh[1]).toMatch(/盈餘1,200個宿位/);
  });
});
