/**
 * Scenario files: export as pretty JSON carrying the schema id and version; import with size
 * limits, migration of older versions and full validation. Import returns a result naming what is
 * wrong (reason, field, message) and never a half-loaded scenario, so a bad file changes nothing.
 */
import { MAX_SCENARIO_BYTES, SCENARIO_SCHEMA_ID, SCENARIO_VERSION, type Scenario } from '../../workers/model/scenario/schema.ts';
import { validateScenario } from '../../workers/model/scenario/validate.ts';
import type { ModelData } from '../../workers/model/data/schema.ts';
import { migrateScenario } from './migrations.ts';

export type ImportFailureReason = 'NotJson' | 'TooLarge' | 'WrongSchema' | 'TooNew' | 'Invalid' | 'MigrationError';

export type ImportResult =
  | { ok: true; scenario: Scenario; /** version the document was written in (< current when migrated) */ migratedFrom: number; /** parameters the file lacked (added since), now at their defaults */ filledDefaults: string[] }
  | { ok: false; reason: ImportFailureReason; field?: string; message: string };

/** Largest scenario file accepted, bytes (the schema's limit: 5 MB). */
export const MAX_FILE_BYTES = MAX_SCENARIO_BYTES;
/** Longest scenario or site name, characters (after trimming). */
export const MAX_NAME_CHARS = 120;

/** C0/C1 control characters; names may hold none, descriptions only tab and line breaks. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const failure = (reason: ImportFailureReason, field: string | undefined, detail: string): ImportResult =>
  ({ ok: false, reason, field, message: field ? `${field}: ${detail}` : detail });

/**
 * The scenario as file text: pretty JSON (2 spaces) with `schema` and `schemaVersion` first, and a
 * final newline.
 * @example exportScenarioText(defaultScenario()).startsWith('{\n  "schema": "hostel-planner/scenario"')
 */
export function exportScenarioText(s: Scenario): string {
  const { schema, schemaVersion, ...rest } = s;
  return JSON.stringify({ schema, schemaVersion, ...rest }, null, 2) + '\n';
}

/** A safe download name for a scenario: "hostel-scenario-<name>.json" with only letters, digits and dashes. */
export function scenarioFileName(s: Pick<Scenario, 'name'>): string {
  const slug = s.name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase();
  return `hostel-scenario-${slug || 'untitled'}.json`;
}

/** Why a name is refused, or null. Names with "<", ">" or "&" are fine: the app renders them as text. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'must be text';
  if (CONTROL.test(name)) return 'contains a control character (such as a line break or NUL)';
  const n = [...name.trim()].length;
  if (n === 0) return 'is empty';
  if (n > MAX_NAME_CHARS) return `is ${n} characters long; names are at most ${MAX_NAME_CHARS}`;
  return null;
}

/** Explains a JSON.parse error in words: truncation, NaN/Infinity, or where the syntax breaks. */
function describeJsonError(text: string, err: Error): { field?: string; detail: string } {
  const nonNumber = /"([^"\\]{1,80})"\s*:\s*(-?NaN|[-+]?Infinity|undefined)\b/.exec(text);
  if (nonNumber) return { field: nonNumber[1], detail: `is ${nonNumber[2]}, which is not a number (JSON cannot hold it)` };
  const trimmed = text.trimEnd();
  if (!trimmed.replace(/^\uFEFF/, '')) return { detail: 'the file is empty' };
  const pos = /position (\d+)/.exec(err.message);
  if (/end of JSON input/i.test(err.message) || (pos && Number(pos[1]) >= trimmed.length - 1)) {
    return { detail: 'the file ends too early (it looks truncated); export the scenario again' };
  }
  if (/^\s*</.test(text)) return { detail: 'the file is HTML or XML, not a scenario JSON file' };
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const col = Number(pos[1]) - before.lastIndexOf('\n');
    return { detail: `is not valid JSON: the syntax breaks at line ${line}, column ${col}` };
  }
  if (!/^\s*[[{]/.test(text.replace(/^\uFEFF/, ''))) return { detail: 'the file is not JSON (a scenario file starts with "{")' };
  return { detail: `is not valid JSON (${err.message.slice(0, 80)})` };
}

/** Text checks the schema does not make: control characters in names and descriptions, name length. */
function textProblem(doc: Record<string, unknown>): { field: string; detail: string } | null {
  const p = nameProblem(doc.name);
  if (p) return { field: 'name', detail: p };
  if (typeof doc.description === 'string' && CONTROL_EXCEPT_BREAKS.test(doc.description)) {
    return { field: 'description', detail: 'contains a control character' };
  }
  if (Array.isArray(doc.drawnSites)) {
    for (const [i, d] of doc.drawnSites.entries()) {
      const name = (d as { name?: unknown } | null)?.name;
      const q = name === undefined ? null : nameProblem(name);
      if (q) return { field: `drawnSites[${i}].name`, detail: q };
    }
  }
  return null;
}

/**
 * Validates an already-parsed document: migrates it to the current version, then checks text and
 * the schema (and, with `data`, that site ids and institution codes exist).
 */
export function importScenarioObject(raw: unknown, data?: ModelData): ImportResult {
  const m = migrateScenario(raw);
  if (!m.ok) return failure(m.reason, m.field, m.message);
  const t = textProblem(m.doc);
  if (t) return failure('Invalid', t.field, t.detail);
  const v = validateScenario(m.doc, data);
  if (!v.ok) return { ok: false, reason: 'Invalid', field: v.field, message: v.message };
  return { ok: true, scenario: v.scenario, migratedFrom: m.from, filledDefaults: m.from < SCENARIO_VERSION ? [] : m.filledDefaults };
}

/**
 * Parses scenario file text (or a decoded share link).
 * @param text the file contents (UTF-8 decoded)
 * @param data the model data, to check site ids and institution codes
 */
export function importScenarioText(text: string, data?: ModelData): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return failure('TooLarge', undefined, `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; scenario files are at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const { field, detail } = describeJsonError(text, e as Error);
    return failure('NotJson', field, detail);
  }
  return importScenarioObject(raw, data);
}

/**
 * Reads a chosen file. Oversize files are refused from their size alone, before reading.
 * @param file a File or Blob from an <input type="file"> or a drop
 */
export async function importScenarioFile(file: Blob, data?: ModelData): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) return failure('TooLarge', undefined, `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; scenario files are at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return failure('NotJson', undefined, `the file could not be read (${(e as Error).message.slice(0, 80)})`);
  }
  return importScenarioText(text, data);
}

export { SCENARIO_SCHEMA_ID, SCENARIO_VERSION };
