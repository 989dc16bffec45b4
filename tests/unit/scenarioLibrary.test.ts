/**
 * The named-scenario list: create, duplicate, rename with validation, delete with undo, switch, and
 * mirror edits into the open entry. All pure: ids and times are passed in.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { setParam } from '../../src/store/updaters.ts';
import {
  addEntry, createEntry, createLibrary, currentEntry, deleteEntry, duplicateEntry, keepEntry, libraryFrom, nameError, renameEntry,
  switchEntry, undoDelete, uniqueName, updateEntry, type Library,
} from '../../src/store/scenarioLibrary.ts';

const three = (): Library => {
  let lib = createLibrary('a', 1);
  lib = createEntry(lib, 'b', 2, 'Second');
  lib = createEntry(lib, 'c', 3, 'Third');
  return lib;
};
const names = (lib: Library) => lib.entries.map((e) => e.scenario.name);

describe('scenario library', () => {
  it('starts with the policy baseline, open', () => {
    const lib = createLibrary('a', 1);
    expect(currentEntry(lib).scenario).toEqual(defaultScenario());
    expect(lib.currentId).toBe('a');
  });

  it('create opens a new baseline with a unique name', () => {
    let lib = createLibrary('a', 1);
    lib = createEntry(lib, 'b', 2, 'Policy baseline');
    expect(names(lib)).toEqual(['Policy baseline', 'Policy baseline (2)']);
    expect(lib.currentId).toBe('b');
  });

  it('duplicate copies the scenario (not shared) and opens the copy', () => {
    let lib = createLibrary('a', 1, setParam(defaultScenario(), 'quotaCapPct', 45));
    lib = duplicateEntry(lib, 'a', 'b', 2, 'Copy of Policy baseline');
    const [a, b] = lib.entries;
    expect(b.scenario.params.quotaCapPct).toBe(45);
    expect(b.scenario.name).toBe('Copy of Policy baseline');
    expect(b.scenario.params).not.toBe(a.scenario.params);
    expect(lib.currentId).toBe('b');
    expect(duplicateEntry(lib, 'zzz', 'c', 3, 'x')).toBe(lib);
  });

  it('rename validates: empty, control characters, too long, duplicate', () => {
    const lib = three();
    expect(renameEntry(lib, 'b', '  ', 5)).toEqual({ ok: false, error: 'empty' });
    expect(renameEntry(lib, 'b', 'a\tb', 5)).toEqual({ ok: false, error: 'control' });
    expect(renameEntry(lib, 'b', 'x'.repeat(121), 5)).toEqual({ ok: false, error: 'tooLong' });
    expect(renameEntry(lib, 'b', 'third', 5)).toEqual({ ok: false, error: 'duplicate' });
    const r = renameEntry(lib, 'b', '  <b>Bold</b> 方案 ', 5);
    expect(r.ok && names(r.library)).toEqual(['Policy baseline', '<b>Bold</b> 方案', 'Third']);
    expect(r.ok && r.library.entries[1].updatedAt).toBe(5);
    // renaming to its own name (other case) is fine
    expect(renameEntry(lib, 'b', 'SECOND', 5).ok).toBe(true);
    expect(nameError(null, 'ok')).toBeNull();
  });

  it('delete opens a neighbour; undo puts it back in place and reopens it', () => {
    const lib = three(); // open: c
    const d = deleteEntry(lib, 'b', 'z', 9, 'Policy baseline')!;
    expect(names(d.library)).toEqual(['Policy baseline', 'Third']);
    expect(d.library.currentId).toBe('c');
    expect(undoDelete(d.library, d.token)).toEqual(lib);

    const d2 = deleteEntry(lib, 'c', 'z', 9, 'Policy baseline')!;
    expect(d2.library.currentId).toBe('b');
    const back = undoDelete(d2.library, d2.token);
    expect(back.currentId).toBe('c');
    expect(names(back)).toEqual(names(lib));
    expect(undoDelete(back, d2.token)).toBe(back); // twice does nothing
    expect(deleteEntry(lib, 'nope', 'z', 9, 'x')).toBeNull();
  });

  it('deleting the last scenario leaves a fresh baseline, which undo removes again', () => {
    const lib = createLibrary('a', 1, setParam(defaultScenario(), 'quotaCapPct', 45));
    const d = deleteEntry(lib, 'a', 'z', 9, 'Policy baseline')!;
    expect(d.library.entries.map((e) => e.id)).toEqual(['z']);
    expect(currentEntry(d.library).scenario.params.quotaCapPct).toBe(40);
    expect(undoDelete(d.library, d.token)).toEqual(lib);
    // …unless the new baseline was edited meanwhile
    const edited = updateEntry(d.library, 'z', setParam(currentEntry(d.library).scenario, 'quotaCapPct', 50), 10);
    expect(undoDelete(edited, d.token).entries.map((e) => e.id)).toEqual(['a', 'z']);
  });

  it('switch and update', () => {
    let lib = three();
    lib = switchEntry(lib, 'a');
    expect(lib.currentId).toBe('a');
    expect(switchEntry(lib, 'missing')).toBe(lib);
    const s = setParam(currentEntry(lib).scenario, 'bedsPerRoom', 1.8);
    lib = updateEntry(lib, 'a', s, 42);
    expect(currentEntry(lib)).toMatchObject({ scenario: s, updatedAt: 42 });
    expect(updateEntry(lib, 'a', s, 43)).toBe(lib);
  });

  it('a shared-link scenario joins unsaved, unrenamed, until kept', () => {
    let lib = addEntry(createLibrary('a', 1), 'shared', { ...defaultScenario(), name: 'Policy baseline' }, 2, true);
    // exactly the shared scenario, name included
    expect(currentEntry(lib)).toMatchObject({ unsaved: true, scenario: defaultScenario() });
    expect(addEntry(createLibrary('a', 1), 'imported', defaultScenario(), 2).entries[1].scenario.name).toBe('Policy baseline (2)');
    lib = keepEntry(lib, 'shared', 3);
    expect(currentEntry(lib).unsaved).toBe(false);
  });

  it('uniqueName counts up and respects the length limit', () => {
    const lib = three();
    expect(uniqueName(lib, 'New')).toBe('New');
    expect(uniqueName(lib, 'Third')).toBe('Third (2)');
    expect([...uniqueName(lib, 'x'.repeat(200))].length).toBeLessThanOrEqual(120);
  });

  it('libraryFrom opens the remembered scenario or the newest', () => {
    const lib = three();
    expect(libraryFrom(lib.entries, 'a').currentId).toBe('a');
    expect(libraryFrom(lib.entries, 'gone').currentId).toBe('c');
    expect(() => libraryFrom([], null)).toThrow();
  });
});
