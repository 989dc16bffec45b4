/**
 * Scenario file migrations as data (after tldraw's `createMigrationSequence`): an ordered list of
 * steps with ids `scenario/1`, `scenario/2`, … where step n turns a version n−1 document into a
 * version n document. The list is checked when this module loads, so a gap or a duplicate id
 * fails at start-up, not when a user opens an old file.
 *
 * Version history
 * - 0 (pre-release, 2025): parameters flat at the top level, academic years as "2025/26" strings,
 *   no Monte Carlo `uncertainty`, `siteEdits` / `institutionEdits`, drawn sites as a bare `ring`
 *   with no `included` flag, no `description`.
 * - 1: the current schema (workers/model/scenario/schema.ts).
 *
 * Parameters added to the registry within a version (the University Town massing parameters, for
 * one) are additive: a document of the current version that lacks one gets the registry default,
 * and the import says which (`filledDefaults`), so scenarios saved by an older build still open.
 */
import { PARAM_BY_KEY, defaultParams, defaultUncertainty, type Distribution, type ParamKey } from '../../workers/model/params/registry.ts';
import { SCENARIO_SCHEMA_ID, SCENARIO_VERSION } from '../../workers/model/scenario/schema.ts';
import { parseAcademicYear } from '../../workers/model/years.ts';

export const MIGRATION_SEQUENCE_ID = 'scenario';

type Doc = Record<string, unknown>;

/** Thrown by a migration step when an old document cannot be upgraded; names the field. */
export class MigrationFailure extends Error {
  constructor(public readonly field: string, message: string) {
    super(message);
    this.name = 'MigrationFailure';
  }
}

export interface Migration {
  /** `scenario/<n>`: produces schema version n from version n − 1. */
  id: string;
  description: string;
  /** Pure: returns a new document, never edits its argument. Throws MigrationFailure. */
  up: (doc: Doc) => Doc;
}

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "2025/26", "2025" or 2025 → 2025; anything else fails naming the field. */
function yearFromV0(v: unknown, field: string): unknown {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const y = parseAcademicYear(v);
    if (y === null) throw new MigrationFailure(field, `"${v.slice(0, 40)}" is not an academic year like "2025/26"`);
    return y;
  }
  return v; // left for the schema to refuse with its own message
}

/** Default distributions, each re-centred on the document's value as the parameter editor does. */
function uncertaintyAround(params: Doc): Partial<Record<ParamKey, Distribution>> {
  const out = defaultUncertainty();
  for (const [k, d] of Object.entries(out) as [ParamKey, Distribution][]) {
    const v = params[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const spec = PARAM_BY_KEY[k];
    if (spec.type === 'boolean' || v < spec.min || v > spec.max) continue;
    out[k] = { ...d, min: Math.min(d.min, v), mode: v, max: Math.max(d.max, v) };
  }
  return out;
}

const v0ToV1: Migration = {
  id: 'scenario/1',
  description: 'Parameters move under `params` (years as numbers, missing ones at their defaults); adds `uncertainty` and `description`; `siteEdits` → `sites`, `institutionEdits` → `institutions`; drawn sites get a Polygon and `included`.',
  up(doc) {
    const params: Doc = { ...defaultParams() };
    const rest: Doc = {};
    for (const [k, v] of Object.entries(doc)) {
      if (k in PARAM_BY_KEY) params[k] = PARAM_BY_KEY[k as ParamKey].type === 'year' ? yearFromV0(v, k) : v;
      else rest[k] = v;
    }
    const { siteEdits, institutionEdits, drawnSites, ...others } = rest;
    if (siteEdits !== undefined && !isObject(siteEdits)) throw new MigrationFailure('siteEdits', 'must be an object of site edits');
    if (institutionEdits !== undefined && !isObject(institutionEdits)) throw new MigrationFailure('institutionEdits', 'must be an object of institution edits');
    if (drawnSites !== undefined && !Array.isArray(drawnSites)) throw new MigrationFailure('drawnSites', 'must be a list');
    const sites: Doc = {};
    for (const [id, e] of Object.entries(siteEdits ?? {})) {
      if (!isObject(e)) throw new MigrationFailure(`siteEdits.${id}`, 'must be an object');
      const edit: Doc = { ...e };
      for (const f of ['openYear', 'closeYear', 'availableYear']) if (f in edit && edit[f] !== null) edit[f] = yearFromV0(edit[f], `siteEdits.${id}.${f}`);
      sites[id] = edit;
    }
    const drawn = (drawnSites as unknown[] | undefined ?? []).map((d, i) => {
      if (!isObject(d)) throw new MigrationFailure(`drawnSites[${i}]`, 'must be an object');
      const { ring, ...site } = d;
      if (!Array.isArray(ring)) throw new MigrationFailure(`drawnSites[${i}].ring`, 'is missing');
      return { ...site, polygon: { type: 'Polygon', coordinates: [ring] }, tenderYear: yearFromV0(site.tenderYear, `drawnSites[${i}].tenderYear`), included: true };
    });
    return {
      ...others,
      schema: SCENARIO_SCHEMA_ID,
      schemaVersion: 1,
      description: typeof others.description === 'string' ? others.description : '',
      params,
      uncertainty: uncertaintyAround(params),
      sites,
      drawnSites: drawn,
      institutions: institutionEdits ?? {},
    };
  },
};

/** Every migration, oldest first. Append new steps here when SCENARIO_VERSION goes up. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/**
 * Asserts that migration ids are `scenario/1`, `scenario/2`, … with no gap or repeat, and that the
 * last one reaches `currentVersion`. Throws at start-up otherwise.
 */
export function validateMigrations(list: readonly Migration[], currentVersion: number = SCENARIO_VERSION): void {
  list.forEach((m, i) => {
    const expected = `${MIGRATION_SEQUENCE_ID}/${i + 1}`;
    if (m.id !== expected) throw new Error(`Migration ${i} has id "${m.id}"; expected "${expected}" (ids must be consecutive from /1)`);
  });
  if (list.length !== currentVersion) throw new Error(`Migrations reach version ${list.length}, but the scenario schema is version ${currentVersion}`);
}
validateMigrations(MIGRATIONS);

export type MigrateResult =
  | { ok: true; doc: Doc; from: number; /** parameters the document lacked, now at their defaults */ filledDefaults: ParamKey[] }
  | { ok: false; reason: 'WrongSchema' | 'TooNew' | 'MigrationError'; field: string; message: string };

/**
 * Brings a parsed scenario document to the current version. Refuses (never half-loads) a document
 * of another kind, from a newer app, or one a step cannot upgrade.
 * @param raw the parsed JSON
 * @param list the migrations (tests pass their own)
 */
export function migrateScenario(raw: unknown, list: readonly Migration[] = MIGRATIONS): MigrateResult {
  if (!isObject(raw)) return { ok: false, reason: 'WrongSchema', field: '(document)', message: 'a scenario must be a JSON object' };
  if (raw.schema !== SCENARIO_SCHEMA_ID) {
    return { ok: false, reason: 'WrongSchema', field: 'schema', message: `must be "${SCENARIO_SCHEMA_ID}" (got ${JSON.stringify(raw.schema)?.slice(0, 60) ?? 'nothing'})` };
  }
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    return { ok: false, reason: 'WrongSchema', field: 'schemaVersion', message: `must be a whole number from 0 to ${list.length} (got ${JSON.stringify(v)?.slice(0, 40) ?? 'nothing'})` };
  }
  if (v > list.length) {
    return { ok: false, reason: 'TooNew', field: 'schemaVersion', message: `version ${v} is newer than this app understands (${list.length}); update the app to open it` };
  }
  let doc: Doc = raw;
  for (let n = v; n < list.length; n++) {
    try {
      doc = list[n].up(doc);
    } catch (e) {
      const field = e instanceof MigrationFailure ? e.field : '(document)';
      return { ok: false, reason: 'MigrationError', field, message: `cannot be upgraded from version ${n} (${list[n].id}): ${(e as Error).message}` };
    }
  }
  const filled = withParamDefaults(doc);
  return { ok: true, doc: filled.doc, from: v, filledDefaults: filled.keys };
}

/** Adds registry defaults for parameters missing from `doc.params` (left alone when not an object). */
function withParamDefaults(doc: Doc): { doc: Doc; keys: ParamKey[] } {
  if (!isObject(doc.params)) return { doc, keys: [] };
  const defaults = defaultParams();
  const keys = (Object.keys(defaults) as ParamKey[]).filter((k) => !(k in (doc.params as Doc)));
  if (keys.length === 0) return { doc, keys };
  const params: Doc = { ...doc.params };
  for (const k of keys) params[k] = defaults[k];
  return { doc: { ...doc, params }, keys };
}
