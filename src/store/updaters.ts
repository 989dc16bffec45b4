/**
 * Scenario edits as small pure updaters: (scenario, …) → new scenario. Invalid edits return the
 * scenario unchanged (the UI validates first and shows why), so the store never holds a scenario
 * the schema would refuse.
 */
import { PARAM_BY_KEY, PARAMS, type ParamGroup, type ParamKey } from '../../workers/model/params/registry.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { drawnSiteSchema, siteEditSchema, type DrawnSite, type Scenario, type SiteEdit } from '../../workers/model/scenario/schema.ts';

/** Why a parameter value is refused, or null when it is acceptable. */
export function paramError(key: ParamKey, value: unknown): string | null {
  const p = PARAM_BY_KEY[key];
  if (p.type === 'boolean') return typeof value === 'boolean' ? null : 'must be on or off';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (p.type !== 'number' && !Number.isInteger(value)) return 'must be a whole number';
  if (value < p.min || value > p.max) return `must be from ${p.min} to ${p.max}`;
  return null;
}

export function setParam(s: Scenario, key: ParamKey, value: number | boolean): Scenario {
  if (paramError(key, value) !== null || s.params[key] === value) return s;
  const params = { ...s.params, [key]: value };
  if (params.horizonYear <= params.baseYear) return s;
  // keep the distribution centred on the new value so Monte Carlo varies around what the user chose
  let uncertainty = s.uncertainty;
  const d = s.uncertainty[key];
  if (d && typeof value === 'number') {
    const spread = { min: Math.min(d.min, value), max: Math.max(d.max, value) };
    uncertainty = { ...s.uncertainty, [key]: { ...d, ...spread, mode: value } };
  }
  return { ...s, params, uncertainty };
}

/** Resets every parameter of a group (and its distributions) to the registry defaults. */
export function resetGroup(s: Scenario, group: ParamGroup): Scenario {
  const def = defaultScenario();
  const params = { ...s.params };
  const uncertainty = { ...s.uncertainty };
  for (const p of PARAMS) {
    if (p.group !== group) continue;
    (params as Record<string, unknown>)[p.key] = def.params[p.key];
    if (def.uncertainty[p.key]) uncertainty[p.key] = def.uncertainty[p.key];
    else delete uncertainty[p.key];
  }
  const same = PARAMS.every((p) => params[p.key] === s.params[p.key] && JSON.stringify(uncertainty[p.key]) === JSON.stringify(s.uncertainty[p.key]));
  return same ? s : { ...s, params, uncertainty };
}

/**
 * Merges an edit into a data site's overrides; `undefined` values remove that override. Edits the
 * schema refuses, and ids outside `siteIds` when it is given, leave the scenario unchanged.
 */
export function editSite(s: Scenario, id: string, edit: SiteEdit, siteIds?: ReadonlySet<string>): Scenario {
  if (siteIds && !siteIds.has(id)) return s;
  const merged: Record<string, unknown> = { ...(s.sites[id] ?? {}) };
  for (const [k, v] of Object.entries(edit)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  if (!siteEditSchema.safeParse(merged).success) return s;
  const sites = { ...s.sites };
  if (Object.keys(merged).length === 0) delete sites[id];
  else sites[id] = merged as SiteEdit;
  return { ...s, sites };
}

export function resetSite(s: Scenario, id: string): Scenario {
  if (!(id in s.sites)) return s;
  const sites = { ...s.sites };
  delete sites[id];
  return { ...s, sites };
}

export function addDrawnSite(s: Scenario, site: DrawnSite): Scenario {
  if (s.drawnSites.some((d) => d.id === site.id) || !drawnSiteSchema.safeParse(site).success) return s;
  return { ...s, drawnSites: [...s.drawnSites, site] };
}

export function updateDrawnSite(s: Scenario, id: string, patch: Partial<Omit<DrawnSite, 'id'>>): Scenario {
  const current = s.drawnSites.find((d) => d.id === id);
  if (!current) return s;
  const next = { ...current, ...patch };
  if (!drawnSiteSchema.safeParse(next).success) return s;
  return { ...s, drawnSites: s.drawnSites.map((d) => (d.id === id ? next : d)) };
}

export function deleteDrawnSite(s: Scenario, id: string): Scenario {
  if (!s.drawnSites.some((d) => d.id === id)) return s;
  return { ...s, drawnSites: s.drawnSites.filter((d) => d.id !== id) };
}

/** A fresh id for a drawn site that does not clash with existing ones. */
export function nextDrawnId(s: Scenario): string {
  let n = s.drawnSites.length + 1;
  while (s.drawnSites.some((d) => d.id === `drawn:site-${n}`)) n++;
  return `drawn:site-${n}`;
}
