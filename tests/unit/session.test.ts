/**
 * The session over the app store and IndexedDB (fake-indexeddb): the first visit saves the
 * baseline; every edit is saved after the debounce and survives a "reload" (a new store and
 * session on the same database); language and last open scenario come back; a share link opens as
 * a new unsaved scenario, and a bad one leaves the stored scenarios as they were; undo/redo and
 * delete/undo work through the store.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/appStore.ts';
import { createSession, type BackupStore, SAVE_DELAY_MS, type Session } from '../../src/persist/session.ts';
import { listScenarios, openPlannerDb, setSetting } from '../../src/persist/db.ts';
import { setParam } from '../../src/store/updaters.ts';
import { scenarioToHash } from '../../src/io/shareUrl.ts';
import { exportScenarioText } from '../../src/io/scenarioFile.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { currentEntry } from '../../src/store/scenarioLibrary.ts';
import { data } from './_helpers.ts';

let dbn = 0;
const open: Session[] = [];
afterEach(() => { for (const s of open.splice(0)) s.dispose(); });

/** A page load: a fresh app store (with data) and session on database `name`. */
function load(name: string, hash = '', backup: BackupStore | null = null) {
  const store = createAppStore();
  store.setState({ data });
  let h = hash;
  let id = 0;
  const session = createSession({
    store, openDb: () => openPlannerDb(name), newId: () => `id-${name}-${++id}-${Math.random().toString(36).slice(2, 6)}`,
    getHash: () => h, clearHash: () => { h = ''; }, onLeave: () => () => {}, backup,
  });
  open.push(session);
  return { store, session, hash: () => h };
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An in-memory stand-in for the localStorage write-ahead copy. */
function memoryBackup(): BackupStore & { map: Map<string, { scenario: unknown; createdAt: number; updatedAt: number }> } {
  const map = new Map<string, { scenario: unknown; createdAt: number; updatedAt: number }>();
  let lang: string | null = null;
  return {
    map,
    writeLang: (l) => { lang = l; },
    readLang: () => lang,
    write: (id, rec) => { map.set(id, JSON.parse(JSON.stringify(rec))); },
    remove: (id, updatedAt) => { const r = map.get(id); if (r && r.updatedAt <= updatedAt) map.delete(id); },
    readAll: () => [...map].map(([id, r]) => ({ id, ...r })),
  };
}

describe('session', () => {
  it('an edit whose IndexedDB write never happened (tab closed at once) comes back from the write-ahead copy', async () => {
    const name = `s-${++dbn}`;
    const backup = memoryBackup();
    const a = load(name, '', backup);
    await a.session.restore();
    await a.session.flush();
    a.store.getState().setScenario((s) => setParam(s, 'conversionLeadMonths', 14));
    expect([...backup.map.values()].some((r) => (r.scenario as { params: { conversionLeadMonths: number } }).params.conversionLeadMonths === 14)).toBe(true);
    a.session.dispose(); // closed before the debounced save: IndexedDB still has the old value

    const b = load(name, '', backup);
    await b.session.restore();
    expect(b.store.getState().scenario.params.conversionLeadMonths).toBe(14);
    await b.session.flush();
    expect(backup.map.size).toBe(0); // written to IndexedDB, so the copy is dropped
  });

  it('first visit: the baseline is saved; an edit is saved after the debounce and is there after reload', async () => {
    const name = `s-${++dbn}`;
    const a = load(name);
    await a.session.restore();
    expect(a.session.state.getState()).toMatchObject({ ready: true, storage: 'ok' });
    a.store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 47));
    expect(a.session.state.getState().dirty).toBe(true);
    await wait(SAVE_DELAY_MS + 100);
    expect(a.session.state.getState().dirty).toBe(false);
    a.session.dispose();

    const b = load(name);
    await b.session.restore();
    expect(b.store.getState().scenario.params.quotaCapPct).toBe(47);
    expect(b.session.state.getState().library!.entries).toHaveLength(1);
  });

  it('flush writes pending changes at once (pagehide)', async () => {
    const name = `s-${++dbn}`;
    const a = load(name);
    await a.session.restore();
    a.store.getState().setScenario((s) => setParam(s, 'bedsPerRoom', 1.7));
    await a.session.flush();
    const db = await openPlannerDb(name);
    expect((await listScenarios(db)).scenarios[0].scenario.params.bedsPerRoom).toBe(1.7);
    db.close();
  });

  it('the language comes back from the synchronous copy when its IndexedDB write was lost (reload at once)', async () => {
    const name = `s-${++dbn}`;
    const backup = memoryBackup();
    const a = load(name, '', backup);
    await a.session.restore();
    a.store.getState().setView({ lang: 'zh-HK' });
    a.session.dispose();
    // the database never got it: put the old value back, as if the write had not committed
    const db = await openPlannerDb(name);
    await setSetting(db, 'lang', 'en');
    db.close();
    const b = load(name, '', backup);
    await b.session.restore();
    expect(b.store.getState().view.lang).toBe('zh-HK');
    // and without any database at all
    const store = createAppStore();
    store.setState({ data });
    const c = createSession({ store, openDb: () => Promise.reject(new Error('blocked')), getHash: () => '', clearHash: () => {}, onLeave: () => () => {}, backup });
    open.push(c);
    await c.restore();
    expect(store.getState().view.lang).toBe('zh-HK');
  });

  it('language and the open scenario come back', async () => {
    const name = `s-${++dbn}`;
    const a = load(name);
    await a.session.restore();
    a.session.newScenario('Second');
    a.store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 30));
    a.store.getState().setView({ lang: 'zh-HK' });
    await a.session.flush();
    await wait(50);
    a.session.dispose();
    const b = load(name);
    await b.session.restore();
    expect(b.store.getState().view.lang).toBe('zh-HK');
    expect(b.store.getState().scenario).toMatchObject({ name: 'Second', params: { quotaCapPct: 30 } });
    expect(b.session.state.getState().library!.entries.map((e) => e.scenario.name)).toEqual(['Policy baseline', 'Second']);
  });

  it('a share link opens as a new unsaved scenario and the hash is removed; editing it keeps it', async () => {
    const name = `s-${++dbn}`;
    const shared = { ...setParam(defaultScenario(), 'takeUpNonLocalPct', 65), name: 'From a colleague' };
    const enc = scenarioToHash(shared);
    if (!enc.ok) throw new Error('encode');
    const a = load(name, enc.hash);
    await a.session.restore();
    expect(a.hash()).toBe('');
    expect(a.store.getState().scenario).toEqual(shared);
    const lib = a.session.state.getState().library!;
    expect(lib.entries).toHaveLength(2);
    expect(currentEntry(lib).unsaved).toBe(true);
    expect(a.session.state.getState().notice).toMatchObject({ kind: 'info', key: 'smOpenedShared' });
    await a.session.flush();
    const db = await openPlannerDb(name);
    expect((await listScenarios(db)).scenarios).toHaveLength(1); // not saved until kept
    a.store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 41));
    await a.session.flush();
    expect((await listScenarios(db)).scenarios).toHaveLength(2);
    db.close();
  });

  it('a bad share link shows why and leaves the stored scenarios unchanged', async () => {
    const name = `s-${++dbn}`;
    const a = load(name);
    await a.session.restore();
    a.store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 44));
    await a.session.flush();
    a.session.dispose();
    const b = load(name, '#s=NoThIsIsNotAScenario');
    await b.session.restore();
    expect(b.session.state.getState().notice).toMatchObject({ kind: 'error', key: 'smErrNotJson' });
    expect(b.store.getState().scenario.params.quotaCapPct).toBe(44);
    expect(b.session.state.getState().library!.entries).toHaveLength(1);
  });

  it('import: a good file becomes a new scenario; a bad one changes nothing', async () => {
    const name = `s-${++dbn}`;
    const a = load(name);
    await a.session.restore();
    const before = a.session.state.getState().library;
    const bad = await a.session.importFile(new Blob(['{"schema":"hostel-planner/scenario","schemaVersion":1,"name":"x"}']));
    expect(bad.ok).toBe(false);
    expect(a.session.state.getState().library).toBe(before);
    expect(a.session.state.getState().notice).toMatchObject({ kind: 'error', key: 'smErrInvalid' });
    const good = await a.session.importFile(new Blob([exportScenarioText({ ...defaultScenario(), name: 'Imported' })]));
    expect(good.ok).toBe(true);
    expect(a.store.getState().scenario.name).toBe('Imported');
    expect(a.session.state.getState().library!.entries).toHaveLength(2);
  });

  it('undo and redo go through the store; rename is undoable; switching keeps each history', async () => {
    const a = load(`s-${++dbn}`);
    await a.session.restore();
    const s = a.store.getState();
    s.setScenario((x) => setParam(x, 'quotaCapPct', 41));
    s.setScenario((x) => setParam(x, 'bedsPerRoom', 1.8)); // another field: its own step
    expect(a.session.rename('Renamed')).toBeNull();
    expect(a.session.rename('')).toBe('empty');
    expect(a.session.undo()).toBe(true);
    expect(a.store.getState().scenario.name).toBe('Policy baseline');
    expect(a.session.undo()).toBe(true);
    expect(a.store.getState().scenario.params.bedsPerRoom).toBe(2);
    expect(a.session.redo()).toBe(true);
    expect(a.store.getState().scenario.params.bedsPerRoom).toBe(1.8);
    const firstId = a.session.state.getState().library!.currentId;
    a.session.newScenario('Other');
    expect(a.session.undo()).toBe(false);
    a.session.switchTo(firstId);
    expect(a.session.undo()).toBe(true);
    expect(a.store.getState().scenario.params.bedsPerRoom).toBe(2);
  });

  it('delete removes from storage; undo puts it back', async () => {
    const name = `s-${++dbn}`;
    const a = load(name);
    await a.session.restore();
    a.session.duplicate('Copy');
    const copyId = a.session.state.getState().library!.currentId;
    await a.session.flush();
    a.session.remove(copyId);
    await a.session.flush();
    const db = await openPlannerDb(name);
    expect((await listScenarios(db)).scenarios.map((r) => r.name)).toEqual(['Policy baseline']);
    a.session.undoRemove();
    await a.session.flush();
    expect((await listScenarios(db)).scenarios.map((r) => r.name)).toEqual(['Policy baseline', 'Copy']);
    expect(a.store.getState().scenario.name).toBe('Copy');
    db.close();
  });

  it('without IndexedDB the session still works in memory and says so', async () => {
    const store = createAppStore();
    store.setState({ data });
    const s = createSession({ store, openDb: () => Promise.reject(new Error('blocked')), getHash: () => '', clearHash: () => {}, onLeave: () => () => {} });
    open.push(s);
    await s.restore();
    expect(s.state.getState()).toMatchObject({ ready: true, storage: 'unavailable' });
    s.newScenario('In memory');
    expect(s.state.getState().library!.entries).toHaveLength(2);
    await s.flush();
  });
});
