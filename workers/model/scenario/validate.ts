/**
 * Validation of scenarios at every boundary (files, URL, worker messages, CLI): a result type that
 * either holds the scenario or says, in one sentence, which field is wrong and why.
 */
import { scenarioSchema, MAX_SCENARIO_BYTES, SCENARIO_SCHEMA_ID, SCENARIO_VERSION, type Scenario } from './schema.ts';
import type { ModelData } from '../data/schema.ts';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; field: string; message: string };

function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(document)';
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const fail = (field: string, message: string): ScenarioResult => ({ ok: false, field, message: `${field}: ${message}` });

/**
 * Checks a parsed object against the scenario schema and, when data is given, against the data
 * (site ids and institution codes must exist).
 */
export function validateScenario(raw: unknown, data?: ModelData): ScenarioResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('(document)', 'a scenario must be a JSON object');
  const doc = raw as Record<string, unknown>;
  if (doc.schema !== SCENARIO_SCHEMA_ID) return fail('schema', `must be "${SCENARIO_SCHEMA_ID}" (got ${JSON.stringify(doc.schema)?.slice(0, 60)})`);
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > SCENARIO_VERSION) {
    return fail('schemaVersion', `${doc.schemaVersion} is newer than this app understands (${SCENARIO_VERSION}); update the app`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const value = valueAt(raw, issue.path);
    let message = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'unrecognized_keys') {
      // name the unknown field itself, where a reader would look for it
      const extra = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : '';
      return fail(fieldPath([...issue.path, issue.keys[0]]), `is not a known field${extra}`);
    }
    else if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof value === 'number') message = `must be a whole number (got ${value})`;
    else if (value === undefined) message = 'is missing';
    else if (typeof value === 'number' && Number.isNaN(value)) message = 'is not a number (NaN)';
    else if (typeof value === 'number' && !Number.isFinite(value)) message = 'must be a finite number';
    else if (issue.code === 'too_big' || issue.code === 'too_small') message = `${message.replace(/^Too (big|small): expected number to be /, 'must be ')} (got ${JSON.stringify(value)?.slice(0, 40)})`;
    return fail(fieldPath(issue.path), message);
  }
  const scenario = parsed.data as Scenario;
  if (data) {
    const siteIds = new Set(data.sites.map((s) => s.id));
    const codes = new Set(data.institutions.map((i) => i.code));
    for (const id of Object.keys(scenario.sites)) if (!siteIds.has(id)) return fail(`sites.${id}`, 'names a site that is not in the data');
    for (const [id, edit] of Object.entries(scenario.sites)) {
      if (edit.owner != null && !codes.has(edit.owner)) return fail(`sites.${id}.owner`, `unknown institution code "${edit.owner}"`);
    }
    for (const code of Object.keys(scenario.institutions)) if (!codes.has(code)) return fail(`institutions.${code}`, `unknown institution code "${code}"`);
    for (const [i, d] of scenario.drawnSites.entries()) {
      if (d.owner !== null && !codes.has(d.owner)) return fail(`drawnSites[${i}].owner`, `unknown institution code "${d.owner}"`);
    }
  }
  return { ok: true, scenario };
}

/** Parses scenario text (a file or a decoded URL), refusing oversize or non-JSON input with a clear message. */
export function parseScenarioText(text: string, data?: ModelData): ScenarioResult {
  // UTF-8 never has fewer bytes than UTF-16 code units, so a long text is refused without encoding it
  const bytes = text.length > MAX_SCENARIO_BYTES ? Math.max(text.length, MAX_SCENARIO_BYTES + 1) : new TextEncoder().encode(text).length;
  if (bytes > MAX_SCENARIO_BYTES) return fail('(file)', `is ${(bytes / 1024 / 1024).toFixed(1)} MB; scenario files are at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('(file)', `is not valid JSON (${(e as Error).message.slice(0, 120)})`);
  }
  return validateScenario(raw, data);
}
