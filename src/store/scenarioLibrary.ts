/**
 * The user's named scenarios as a pure value with pure updaters: create from the default,
 * duplicate, rename (validated), delete with an undo token, switch, and keep the current one up to
 * date. Ids and times are passed in, so every updater is deterministic; the session module
 * (src/persist/session.ts) supplies them and writes the result to IndexedDB.
 */
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { MAX_NAME_CHARS } from '../io/scenarioFile.ts';

export interface LibraryEntry {
  id: string;
  scenario: Scenario;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** True for a scenario opened from a share link and not yet kept. */
  unsaved: boolean;
}

export interface Library {
  readonly entries: readonly LibraryEntry[];
  /** Always the id of one of the entries. */
  readonly currentId: string;
}

/** What `deleteEntry` removed, enough to put it back. */
export interface DeleteToken {
  entry: LibraryEntry;
  index: number;
  wasCurrent: boolean;
  previousCurrentId: string;
  /** Id of the default scenario created because the last one was deleted, if any. */
  replacementId: string | null;
}

export type NameError = 'empty' | 'tooLong' | 'control' | 'duplicate';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why a scenario name is refused (checked after trimming), or null. */
export function nameError(lib: Library | null, name: string, exceptId?: string): NameError | null {
  const n = name.trim();
  if (!n) return 'empty';
  if (CONTROL.test(n)) return 'control';
  if ([...n].length > MAX_NAME_CHARS) return 'tooLong';
  if (lib?.entries.some((e) => e.id !== exceptId && e.scenario.name.trim().toLowerCase() === n.toLowerCase())) return 'duplicate';
  return null;
}

/** `base`, or `base (2)`, `base (3)` … whichever no entry has yet; kept within the name limit. */
export function uniqueName(lib: Library, base: string): string {
  const b = [...base.trim()].slice(0, MAX_NAME_CHARS - 5).join('') || 'Scenario';
  const taken = new Set(lib.entries.map((e) => e.scenario.name.trim().toLowerCase()));
  if (!taken.has(b.toLowerCase())) return b;
  for (let i = 2; ; i++) if (!taken.has(`${b} (${i})`.toLowerCase())) return `${b} (${i})`;
}

const entry = (id: string, scenario: Scenario, now: number, unsaved = false): LibraryEntry => ({ id, scenario, createdAt: now, updatedAt: now, unsaved });

/** A library holding one scenario (the first visit: the policy baseline). */
export function createLibrary(id: string, now: number, scenario: Scenario = defaultScenario()): Library {
  return { entries: [entry(id, scenario, now)], currentId: id };
}

/** A library from stored entries (at least one), opening `currentId` if present. */
export function libraryFrom(entries: readonly LibraryEntry[], currentId?: string | null): Library {
  if (!entries.length) throw new Error('a library needs at least one scenario');
  return { entries, currentId: currentId && entries.some((e) => e.id === currentId) ? currentId : entries[entries.length - 1].id };
}

export function currentEntry(lib: Library): LibraryEntry {
  return lib.entries.find((e) => e.id === lib.currentId)!;
}

/**
 * Adds a scenario (from the default, an import or a share link) and switches to it. Its name is
 * made unique, except for a shared (unsaved) one, which must stay exactly the scenario that was
 * shared; the list marks it "not saved".
 */
export function addEntry(lib: Library, id: string, scenario: Scenario, now: number, unsaved = false): Library {
  const named = unsaved ? scenario : { ...scenario, name: uniqueName(lib, scenario.name) };
  return { entries: [...lib.entries, entry(id, named, now, unsaved)], currentId: id };
}

/** A new scenario at the policy baseline called `name`. */
export function createEntry(lib: Library, id: string, now: number, name: string): Library {
  return addEntry(lib, id, { ...defaultScenario(), name }, now);
}

/** A copy of entry `sourceId`, named `name` (made unique), opened. */
export function duplicateEntry(lib: Library, sourceId: string, id: string, now: number, name: string): Library {
  const src = lib.entries.find((e) => e.id === sourceId);
  if (!src) return lib;
  return addEntry(lib, id, { ...structuredClone(src.scenario), name }, now);
}

/** Renames an entry; refuses an empty, over-long, control-character or duplicate name. */
export function renameEntry(lib: Library, id: string, name: string, now: number): { ok: true; library: Library } | { ok: false; error: NameError } {
  const e = nameError(lib, name, id);
  if (e) return { ok: false, error: e };
  return { ok: true, library: { ...lib, entries: lib.entries.map((x) => (x.id === id ? { ...x, scenario: { ...x.scenario, name: name.trim() }, updatedAt: now } : x)) } };
}

/**
 * Removes an entry. Deleting the open one opens its neighbour; deleting the last one creates a
 * fresh baseline (`replacementId`) so a library is never empty.
 */
export function deleteEntry(lib: Library, id: string, replacementId: string, now: number, replacementName: string): { library: Library; token: DeleteToken } | null {
  const index = lib.entries.findIndex((e) => e.id === id);
  if (index < 0) return null;
  const rest = lib.entries.filter((e) => e.id !== id);
  const wasCurrent = lib.currentId === id;
  let library: Library;
  let replacement: string | null = null;
  if (!rest.length) {
    library = createLibrary(replacementId, now, { ...defaultScenario(), name: replacementName });
    replacement = replacementId;
  } else {
    library = { entries: rest, currentId: wasCurrent ? rest[Math.min(index, rest.length - 1)].id : lib.currentId };
  }
  return { library, token: { entry: lib.entries[index], index, wasCurrent, previousCurrentId: lib.currentId, replacementId: replacement } };
}

/** Puts a deleted entry back where it was (and drops the baseline made to replace it, if untouched). */
export function undoDelete(lib: Library, token: DeleteToken): Library {
  if (lib.entries.some((e) => e.id === token.entry.id)) return lib;
  let entries = lib.entries.filter((e) => !(e.id === token.replacementId && e.updatedAt === e.createdAt));
  entries = [...entries.slice(0, token.index), token.entry, ...entries.slice(token.index)];
  const currentId = token.wasCurrent ? token.entry.id : entries.some((e) => e.id === lib.currentId) ? lib.currentId : token.entry.id;
  return { entries, currentId };
}

export function switchEntry(lib: Library, id: string): Library {
  return lib.entries.some((e) => e.id === id) && id !== lib.currentId ? { ...lib, currentId: id } : lib;
}

/** Stores an edited scenario in its entry (the store's scenario is the source; this mirrors it). */
export function updateEntry(lib: Library, id: string, scenario: Scenario, now: number): Library {
  const e = lib.entries.find((x) => x.id === id);
  if (!e || e.scenario === scenario) return lib;
  return { ...lib, entries: lib.entries.map((x) => (x.id === id ? { ...x, scenario, updatedAt: now } : x)) };
}

/** Marks an unsaved (shared-link) entry as kept. */
export function keepEntry(lib: Library, id: string, now: number): Library {
  return { ...lib, entries: lib.entries.map((x) => (x.id === id && x.unsaved ? { ...x, unsaved: false, updatedAt: now } : x)) };
}
