/**
 * The user's session of named scenarios: keeps the app store's scenario, the library of named
 * scenarios, per-scenario undo history and IndexedDB in step.
 *
 * - Every scenario change is recorded for undo and saved (debounced SAVE_DELAY_MS, flushed on
 *   pagehide and when the tab is hidden), so closing the tab loses nothing.
 * - On start (`restore`), the language and the last open scenario come back; a `#s=` share link
 *   opens as a new unsaved scenario, validated like a file (on error the message is shown and the
 *   stored scenarios are untouched); the hash is then removed so a reload does not open it again.
 * - Storage that is unavailable (private windows, blocked IndexedDB) degrades to an in-memory
 *   library with a notice.
 *
 * No React here: components read `sessionStore` and call the actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { appStore, type AppStore } from '../store/appStore.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import type { ModelData } from '../../workers/model/data/schema.ts';
import type { Lang, StringKey } from '../i18n/strings.ts';
import {
  addEntry, createEntry, createLibrary, currentEntry, deleteEntry, duplicateEntry, keepEntry, libraryFrom, nameError, switchEntry,
  undoDelete, uniqueName, updateEntry, type DeleteToken, type Library, type LibraryEntry, type NameError,
} from '../store/scenarioLibrary.ts';
import { changeKey, createHistory, record, redo as redoStep, undo as undoStep, type History } from '../store/history.ts';
import { importScenarioFile, importScenarioObject, type ImportFailureReason, type ImportResult } from '../io/scenarioFile.ts';
import { scenarioFromHash } from '../io/shareUrl.ts';
import { PARAM_BY_KEY, type ParamKey } from '../../workers/model/params/registry.ts';
import { deleteScenario, getSetting, listScenarios, openPlannerDb, saveScenario, setSetting, type BrokenRecord, type PlannerDatabase } from './db.ts';

/** Debounce between a change and its save, ms. */
export const SAVE_DELAY_MS = 300;
/** How long opening the database may take before the app carries on without it, ms. */
export const OPEN_TIMEOUT_MS = 4000;

/** A message for the user: a string key (translated by the view), optional field and technical detail. */
export interface Notice {
  kind: 'error' | 'info';
  key: StringKey;
  vars?: Record<string, string | number>;
  /** The field a refused file names (shown as code). */
  field?: string;
  /** The validator's sentence (English, technical), shown under the translated message. */
  detail?: string;
  /** Increments so that the same message twice is announced twice. */
  seq: number;
}

export interface SessionState {
  ready: boolean;
  library: Library | null;
  /** Undo history of the open scenario. */
  history: History<Scenario>;
  /** The last deletion, while it can be undone. */
  deleted: { token: DeleteToken; name: string } | null;
  notice: Notice | null;
  storage: 'pending' | 'ok' | 'unavailable';
  /** Stored records that could not be opened. */
  broken: BrokenRecord[];
  /** True while changes wait to be written. */
  dirty: boolean;
}

/** Translated headline for each way a scenario file or link can be refused. */
export const REASON_KEYS: Record<ImportFailureReason, StringKey> = {
  NotJson: 'smErrNotJson',
  TooLarge: 'smErrTooLarge',
  WrongSchema: 'smErrWrongSchema',
  TooNew: 'smErrTooNew',
  Invalid: 'smErrInvalid',
  MigrationError: 'smErrMigration',
};

export const NAME_ERROR_KEYS: Record<NameError, StringKey> = {
  empty: 'smNameEmpty',
  tooLong: 'smNameTooLong',
  control: 'smNameControl',
  duplicate: 'smNameDuplicate',
};

export interface SessionDeps {
  store: AppStore;
  openDb?: () => Promise<PlannerDatabase>;
  now?: () => number;
  newId?: () => string;
  /** The page's hash (`location.hash`) and a way to remove it. */
  getHash?: () => string;
  clearHash?: () => void;
  /** Registers the pagehide / visibility flush; returns an unregister function. */
  onLeave?: (flush: () => void) => () => void;
  /** Synchronous write-ahead copy of unsaved edits (localStorage in the browser); see backupStore(). */
  backup?: BackupStore | null;
}

/**
 * IndexedDB writes are asynchronous, and a tab closed right after an edit may never finish them.
 * Every edit is therefore also written synchronously here first, and removed once IndexedDB has it;
 * restore() takes any copy newer than the stored scenario.
 */
export interface BackupStore {
  write(id: string, rec: { scenario: Scenario; createdAt: number; updatedAt: number }): void;
  remove(id: string, updatedAt: number): void;
  readAll(): { id: string; scenario: unknown; createdAt: number; updatedAt: number }[];
  /** The language, written synchronously too: an IndexedDB write started just before a reload can be lost. */
  writeLang(lang: string): void;
  readLang(): string | null;
}

const BACKUP_PREFIX = 'hostel-planner:unsaved:';
const LANG_KEY = 'hostel-planner:lang';

export function localStorageBackup(): BackupStore | null {
  let ls: Storage;
  try {
    ls = globalThis.localStorage;
    if (!ls) return null;
  } catch {
    return null;
  }
  return {
    write(id, rec) { try { ls.setItem(BACKUP_PREFIX + id, JSON.stringify(rec)); } catch { /* full or disabled: IndexedDB still saves */ } },
    remove(id, updatedAt) {
      try {
        const raw = ls.getItem(BACKUP_PREFIX + id);
        if (raw && (JSON.parse(raw) as { updatedAt: number }).updatedAt <= updatedAt) ls.removeItem(BACKUP_PREFIX + id);
      } catch { /* ignore */ }
    },
    readAll() {
      const out: { id: string; scenario: unknown; createdAt: number; updatedAt: number }[] = [];
      try {
        for (let i = 0; i < ls.length; i++) {
          const key = ls.key(i);
          if (!key?.startsWith(BACKUP_PREFIX)) continue;
          const rec = JSON.parse(ls.getItem(key) ?? 'null') as { scenario: unknown; createdAt: number; updatedAt: number } | null;
          if (rec && typeof rec.updatedAt === 'number') out.push({ id: key.slice(BACKUP_PREFIX.length), scenario: rec.scenario, createdAt: rec.createdAt, updatedAt: rec.updatedAt });
        }
      } catch { /* ignore */ }
      return out;
    },
    writeLang(lang) { try { ls.setItem(LANG_KEY, lang); } catch { /* IndexedDB still has it */ } },
    readLang() { try { return ls.getItem(LANG_KEY); } catch { return null; } },
  };
}

function randomId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function browserLeave(flush: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onHide = () => { if (document.visibilityState === 'hidden') flush(); };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHide);
  return () => { window.removeEventListener('pagehide', flush); document.removeEventListener('visibilitychange', onHide); };
}

const withTimeout = <T,>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);

/** Waits for the model data (site ids and codes are checked against it); null when it failed to load. */
function dataReady(store: AppStore): Promise<ModelData | null> {
  const s = store.getState();
  if (s.data || s.dataError) return Promise.resolve(s.data);
  return new Promise((resolve) => {
    const un = store.subscribe((st) => { if (st.data || st.dataError) { un(); resolve(st.data); } });
  });
}

export type Session = ReturnType<typeof createSession>;

/** A session bound to an app store (the app uses `session`; tests make their own). */
export function createSession(deps: SessionDeps) {
  const store = deps.store;
  const now = deps.now ?? (() => Date.now());
  const newId = deps.newId ?? randomId;
  const getHash = deps.getHash ?? (() => (typeof location === 'undefined' ? '' : location.hash));
  const clearHash = deps.clearHash ?? (() => { if (typeof history !== 'undefined' && typeof location !== 'undefined') history.replaceState(history.state, '', location.pathname + location.search); });
  const openDb = deps.openDb ?? (() => openPlannerDb());
  const backup = deps.backup === undefined ? localStorageBackup() : deps.backup;

  const state: StoreApi<SessionState> = createStore<SessionState>()(() => ({
    ready: false, library: null, history: createHistory(), deleted: null, notice: null, storage: 'pending', broken: [], dirty: false,
  }));

  let db: PlannerDatabase | null = null;
  let data: ModelData | null = null;
  /** True while the session itself sets the store's scenario (a switch, undo or redo): not a user edit. */
  let applying = false;
  const histories = new Map<string, History<Scenario>>();
  const pending = new Set<string>();
  const deletes = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;
  let restoring: Promise<void> | null = null;
  const unsubs: (() => void)[] = [];

  const notify = (n: Omit<Notice, 'seq'> | null) => state.setState({ notice: n ? { ...n, seq: ++seq } : null });
  const lib = () => state.getState().library!;

  /** Puts an entry's scenario into the app store without recording it as an edit. */
  const apply = (scenario: Scenario) => {
    applying = true;
    try {
      const prev = store.getState().scenario;
      store.getState().setScenario(() => scenario);
      if (prev !== scenario) {
        const v = store.getState().view;
        const sel = v.selectedSiteId;
        // a drawn site selected in the old scenario may not exist in this one
        if (sel?.startsWith('drawn:') && !scenario.drawnSites.some((d) => d.id === sel)) store.getState().setView({ selectedSiteId: null, view3dSiteId: null });
      }
    } finally {
      applying = false;
    }
  };

  /** Makes `library` current: stores it, swaps in that entry's history, shows its scenario. */
  const setLibrary = (library: Library, show = true) => {
    const old = state.getState().library;
    if (old) histories.set(old.currentId, state.getState().history);
    state.setState({ library, history: histories.get(library.currentId) ?? createHistory() });
    if (show) apply(currentEntry(library).scenario);
  };

  // ------------------------------------------------------------------ saving

  const scheduleSave = (id: string) => {
    const e = state.getState().library?.entries.find((x) => x.id === id);
    if (e && !e.unsaved) backup?.write(id, { scenario: e.scenario, createdAt: e.createdAt, updatedAt: e.updatedAt });
    pending.add(id);
    state.setState({ dirty: true });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; void flush(); }, SAVE_DELAY_MS);
  };

  /** Writes every pending change now. Safe to call any time; resolves when written. */
  async function flush(): Promise<void> {
    if (timer) { clearTimeout(timer); timer = null; }
    const library = state.getState().library;
    const ids = [...pending];
    const gone = [...deletes];
    pending.clear();
    deletes.clear();
    if (!db || !library) { state.setState({ dirty: false }); return; }
    try {
      for (const id of gone) await deleteScenario(db, id);
      for (const id of ids) {
        const e = library.entries.find((x) => x.id === id);
        if (e && !e.unsaved) {
          await saveScenario(db, { id: e.id, name: e.scenario.name, scenario: e.scenario, createdAt: e.createdAt, updatedAt: e.updatedAt });
          backup?.remove(e.id, e.updatedAt);
        }
      }
      const cur = currentEntry(library);
      if (!cur.unsaved) await setSetting(db, 'lastScenarioId', cur.id);
      state.setState({ dirty: pending.size > 0 });
    } catch (e) {
      notify({ kind: 'error', key: 'smSaveFailed', detail: (e as Error).message });
      state.setState({ dirty: false });
    }
  }

  // ------------------------------------------------------------------ start

  const onStoreChange: Parameters<AppStore['subscribe']>[0] = (s, prev) => {
    if (s.view.lang !== prev.view.lang) {
      backup?.writeLang(s.view.lang);
      if (db) void setSetting(db, 'lang', s.view.lang).catch(() => {});
    }
    if (s.scenario === prev.scenario || applying) return;
    const library = state.getState().library;
    if (!library) return;
    const t = now();
    const history = record(state.getState().history, prev.scenario, t, changeKey(prev.scenario, s.scenario));
    let next = updateEntry(library, library.currentId, s.scenario, t);
    if (currentEntry(next).unsaved) next = keepEntry(next, next.currentId, t); // editing a shared scenario keeps it
    state.setState({ library: next, history });
    scheduleSave(next.currentId);
  };

  /**
   * Brings back the language, the named scenarios and the last open one, then opens a `#s=` link if
   * the URL has one. Idempotent: later calls return the first call's promise. Never rejects.
   * `modelData` hands over the data before it is in the store (start-up); by default the store's.
   */
  function restore(modelData?: Promise<ModelData | null>): Promise<void> {
    restoring ??= (async () => {
      const initial = store.getState().scenario;
      try {
        db = await withTimeout(openDb(), OPEN_TIMEOUT_MS);
      } catch {
        db = null;
      }
      data = await (modelData ?? dataReady(store));
      let library: Library | null = null;
      const applyLang = (lang: unknown) => { if (lang === 'en' || lang === 'zh-HK') store.getState().setView({ lang: lang as Lang }); };
      // the synchronous copy first: it is never older than the IndexedDB one
      const quickLang = backup?.readLang() ?? null;
      if (db) {
        try {
          applyLang(quickLang ?? await getSetting(db, 'lang'));
          const { scenarios, broken } = await listScenarios(db, data);
          const last = await getSetting(db, 'lastScenarioId');
          const entries = scenarios.map((r): LibraryEntry => ({ id: r.id, scenario: r.scenario, createdAt: r.createdAt, updatedAt: r.updatedAt, unsaved: false }));
          // edits whose IndexedDB write did not finish before the tab closed
          for (const b of backup?.readAll() ?? []) {
            // the same path as stored records: migrated, missing parameters at their defaults
            const v = importScenarioObject(b.scenario, data ?? undefined);
            if (!v.ok) continue;
            const i = entries.findIndex((e) => e.id === b.id);
            if (i >= 0 && entries[i].updatedAt < b.updatedAt) entries[i] = { ...entries[i], scenario: v.scenario, updatedAt: b.updatedAt };
            else if (i < 0) entries.push({ id: b.id, scenario: v.scenario, createdAt: b.createdAt, updatedAt: b.updatedAt, unsaved: false });
            if (!pending.has(b.id)) pending.add(b.id);
          }
          if (entries.length) library = libraryFrom(entries, last);
          state.setState({ storage: 'ok', broken });
          if (broken.length) notify({ kind: 'error', key: 'smBroken', vars: { n: broken.length, names: broken.map((b) => b.name).join(', ') }, detail: broken.map((b) => b.message).join('; ') });
        } catch (e) {
          db = null;
          notify({ kind: 'error', key: 'smStorageOff', detail: (e as Error).message });
        }
      }
      if (!db) { state.setState({ storage: 'unavailable' }); applyLang(quickLang); }
      const first = !library;
      library ??= createLibrary(newId(), now(), initial);
      // an edit made while storage was opening wins over the stored copy
      const edited = store.getState().scenario !== initial;
      if (edited) library = updateEntry(library, library.currentId, store.getState().scenario, now());
      setLibrary(library, !edited);
      if (first || edited) scheduleSave(library.currentId);
      else if (pending.size && !timer) timer = setTimeout(() => { timer = null; void flush(); }, SAVE_DELAY_MS);

      const shared = scenarioFromHash(getHash(), data ?? undefined);
      if (shared) {
        clearHash();
        if (shared.ok) {
          setLibrary(addEntry(lib(), newId(), shared.scenario, now(), true));
          notify({ kind: 'info', key: 'smOpenedShared', vars: { name: currentEntry(lib()).scenario.name } });
        } else {
          notify({ kind: 'error', key: REASON_KEYS[shared.reason], vars: {}, field: shared.field, detail: shared.message });
        }
      }
      unsubs.push(store.subscribe(onStoreChange));
      unsubs.push((deps.onLeave ?? browserLeave)(() => { void flush(); }));
      state.setState({ ready: true });
    })();
    return restoring;
  }

  // ------------------------------------------------------------------ actions

  /** A new scenario at the policy baseline, opened. */
  function newScenario(name: string): void {
    const library = createEntry(lib(), newId(), now(), uniqueName(lib(), name));
    setLibrary(library);
    scheduleSave(library.currentId);
  }

  /** A copy of the open scenario, named `name` (made unique), opened. */
  function duplicate(name: string): void {
    const library = duplicateEntry(lib(), lib().currentId, newId(), now(), uniqueName(lib(), name));
    setLibrary(library);
    scheduleSave(library.currentId);
  }

  /** Renames the open scenario (an undoable edit); returns why a name is refused, or null. */
  function rename(name: string): NameError | null {
    const e = nameError(lib(), name, lib().currentId);
    if (e) return e;
    const n = name.trim();
    store.getState().setScenario((s) => (s.name === n ? s : { ...s, name: n }));
    return null;
  }

  /** Deletes a scenario (the open one by default); `undoDelete` can put it back. */
  function remove(id: string = lib().currentId, replacementName = 'Policy baseline'): void {
    const name = lib().entries.find((e) => e.id === id)?.scenario.name ?? '';
    const r = deleteEntry(lib(), id, newId(), now(), replacementName);
    if (!r) return;
    histories.set(`deleted:${id}`, id === lib().currentId ? state.getState().history : histories.get(id) ?? createHistory());
    pending.delete(id);
    deletes.add(id);
    const wasCurrent = id === lib().currentId;
    if (wasCurrent) state.setState({ history: createHistory() }); // the deleted one's history must not follow into the next
    histories.delete(id);
    setLibrary(r.library, true);
    state.setState({ deleted: { token: r.token, name } });
    if (r.token.replacementId) pending.add(r.token.replacementId);
    scheduleSave(r.library.currentId);
  }

  function undoRemove(): void {
    const d = state.getState().deleted;
    if (!d) return;
    const library = undoDelete(lib(), d.token);
    const h = histories.get(`deleted:${d.token.entry.id}`);
    if (h) { histories.set(d.token.entry.id, h); histories.delete(`deleted:${d.token.entry.id}`); }
    if (d.token.replacementId && !library.entries.some((e) => e.id === d.token.replacementId)) deletes.add(d.token.replacementId);
    deletes.delete(d.token.entry.id);
    setLibrary(library);
    state.setState({ deleted: null });
    scheduleSave(d.token.entry.id);
  }

  function dismissDeleted(): void {
    state.setState({ deleted: null });
  }

  function switchTo(id: string): void {
    const library = switchEntry(lib(), id);
    if (library === lib()) return;
    setLibrary(library);
    scheduleSave(library.currentId);
  }

  /** One step back or forward in the current scenario's history; false when there is none. */
  function stepHistory(step: typeof undoStep): boolean {
    const r = step(state.getState().history, store.getState().scenario);
    if (!r) return false;
    state.setState({ history: r.history });
    apply(r.value);
    state.setState({ library: updateEntry(lib(), lib().currentId, r.value, now()) });
    scheduleSave(lib().currentId);
    return true;
  }
  const undo = (): boolean => stepHistory(undoStep);
  const redo = (): boolean => stepHistory(redoStep);

  /** Opens a scenario file as a new named scenario; on any problem nothing changes and a notice says why. */
  async function importFile(file: Blob): Promise<ImportResult> {
    const r = await importScenarioFile(file, data ?? store.getState().data ?? undefined);
    if (!r.ok) {
      notify({ kind: 'error', key: REASON_KEYS[r.reason], field: r.field, detail: r.message });
      return r;
    }
    const library = addEntry(lib(), newId(), r.scenario, now());
    setLibrary(library);
    scheduleSave(library.currentId);
    const name = currentEntry(library).scenario.name;
    const lang = store.getState().view.lang;
    const filled = r.filledDefaults.map((k) => PARAM_BY_KEY[k as ParamKey]?.label[lang] ?? k);
    notify(r.migratedFrom < r.scenario.schemaVersion
      ? { kind: 'info', key: 'smImportedMigrated', vars: { name, v: r.migratedFrom } }
      : filled.length
        ? { kind: 'info', key: 'smImportedDefaults', vars: { name, n: filled.length, params: filled.join(', ') } }
        : { kind: 'info', key: 'smImported', vars: { name } });
    return r;
  }

  /** Keeps the scenario opened from a link. */
  function keepShared(): void {
    const library = keepEntry(lib(), lib().currentId, now());
    state.setState({ library });
    scheduleSave(library.currentId);
  }

  function dispose(): void {
    for (const u of unsubs.splice(0)) u();
    if (timer) clearTimeout(timer);
    db?.close();
  }

  return {
    state, restore, flush, notify, newScenario, duplicate, rename, remove, undoRemove, dismissDeleted, switchTo, undo, redo, importFile, keepShared, dispose,
    /** For tests: the open database, if any. */
    get db() { return db; },
  };
}

let appSession: Session | null = null;

/** The app's session over the app store (created on first use; also `window.__session` for tests). */
export function getSession(): Session {
  if (!appSession) {
    appSession = createSession({ store: appStore });
    (globalThis as unknown as { __session?: Session }).__session = appSession;
  }
  return appSession;
}

/**
 * Start-up hook: restores the language and the named scenarios and opens a share link. boot()
 * calls it before the runner starts, handing over the model data as soon as the worker has
 * validated it; calling it again is harmless. Never rejects.
 */
export function restore(modelData?: Promise<ModelData | null>): Promise<void> {
  return getSession().restore(modelData);
}

/** React access to the session state. */
export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(getSession().state, selector);
}
