/**
 * The gravity flows the map draws for a selected institution (src/viewmodel/gravityFlows.ts)
 * must add up to what the model allocated.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../workers/model/simulate.ts';
import { gravityShares } from '../../workers/model/allocation/gravity.ts';
import { buildMapSites, yearIndex } from '../../src/viewmodel/mapFeatures.ts';
import { flowFeatures, institutionFlows, nearestCampus } from '../../src/viewmodel/gravityFlows.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

const scenario = scenarioWith((s) => { s.drawnSites = [drawnSite({ tenderYear: 2025 })]; });
const results = simulate(scenario, data, scenario.seed, { draws: 0 });
const sites = buildMapSites(data, scenario, results);
const p = scenario.params;

describe('institutionFlows', () => {
  it('finds the nearest campus', () => {
    const other = data.institutions.find((i) => i.campuses.length > 1)!;
    const c = other.campuses[1];
    const n = nearestCampus(c.lon, c.lat, other);
    expect(n.km).toBe(0);
    expect(n.at).toEqual([c.lon, c.lat]);
  });

  it.each([2027, 2030, 2035])('market + owned beds equal the model supply of every institution in %i', (year) => {
    const yi = yearIndex(results, year);
    for (const inst of data.institutions) {
      const f = institutionFlows(data, sites, results, p, inst.code, year);
      const model = results.institutions[inst.code].supply.total[yi];
      expect(f.marketBeds + f.ownedBeds, inst.code).toBeCloseTo(model, 3);
    }
  });

  it('shares each site among institutions by the model gravity rule', () => {
    const year = 2030;
    const all = data.institutions.map((i) => institutionFlows(data, sites, results, p, i.code, year));
    const bySite = new Map<string, number>();
    for (const f of all) for (const x of f.flows) bySite.set(x.siteId, (bySite.get(x.siteId) ?? 0) + x.share);
    expect(bySite.size).toBeGreaterThan(10);
    for (const total of bySite.values()) expect(total).toBeCloseTo(1, 9);
    // one site by hand
    const yi = yearIndex(results, year);
    const x = all[0].flows[0];
    const site = sites.find((s) => s.id === x.siteId)!;
    const km = data.institutions.map((i) => nearestCampus(site.lon!, site.lat!, i).km);
    const mass = data.institutions.map((i) => results.institutions[i.code].demand.market[yi]);
    expect(x.share).toBeCloseTo(gravityShares(mass, km, p.gravityDecayKm)[0], 12);
  });

  it('includes the drawn open-market site and lists owned sites', () => {
    const f = institutionFlows(data, sites, results, p, 'HKUST', 2035);
    expect(f.flows.some((x) => x.siteId === 'drawn:test-site')).toBe(true);
    expect(f.ownedSiteIds.length).toBeGreaterThan(0);
    expect(f.ownedSiteIds.every((id) => sites.find((s) => s.id === id)!.owner === 'HKUST')).toBe(true);
  });

  it('returns nothing for an unknown institution, and lines weighted to the largest flow', () => {
    expect(institutionFlows(data, sites, results, p, 'NOPE', 2030).flows).toHaveLength(0);
    const fc = flowFeatures(institutionFlows(data, sites, results, p, 'CityU', 2030));
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features[0].properties.weight).toBe(1);
    for (const f of fc.features) expect(f.properties.beds).toBeGreaterThanOrEqual(1);
    expect(flowFeatures(null).features).toHaveLength(0);
  });
});
