/**
 * IndexedDB storage (fake-indexeddb in Node): named scenarios and settings survive closing and
 * reopening the database; records are migrated and validated when read; a damaged record is
 * reported and left alone.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { deleteScenario, getSetting, listScenarios, openPlannerDb, saveScenario, saveScenarios, setSetting, type StoredScenario } from '../../src/persist/db.ts';
import { setParam } from '../../src/store/updaters.ts';
import { data } from './_helpers.ts';

let n = 0;
const freshName = () => `test-db-${++n}-${Date.now()}`;
const rec = (id: string, t: number, name = `Scenario ${id}`): StoredScenario => ({ id, name, scenario: { ...defaultScenario(), name }, createdAt: t, updatedAt: t });

describe('scenario store', () => {
  it('saves, lists (oldest first), replaces and deletes; survives reopening', async () => {
    const name = freshName();
    let db = await openPlannerDb(name);
    await saveScenario(db, rec('b', 2));
    await saveScenario(db, rec('a', 1));
    const edited = setParam(defaultScenario(), 'quotaCapPct', 33);
    await saveScenario(db, { ...rec('b', 2), scenario: { ...edited, name: 'Edited' }, updatedAt: 5 });
    db.close();
    db = await openPlannerDb(name);
    const { scenarios, broken } = await listScenarios(db, data);
    expect(broken).toEqual([]);
    expect(scenarios.map((s) => [s.id, s.name, s.updatedAt])).toEqual([['a', 'Scenario a', 1], ['b', 'Edited', 5]]);
    expect(scenarios[1].scenario.params.quotaCapPct).toBe(33);
    await deleteScenario(db, 'a');
    expect((await listScenarios(db)).scenarios.map((s) => s.id)).toEqual(['b']);
    db.close();
  });

  it('stored names follow the scenario name', async () => {
    const db = await openPlannerDb(freshName());
    await saveScenario(db, { ...rec('x', 1), name: 'stale' });
    expect((await listScenarios(db)).scenarios[0].name).toBe('Scenario x');
    db.close();
  });

  it('saves several in one transaction', async () => {
    const db = await openPlannerDb(freshName());
    await saveScenarios(db, [rec('1', 1), rec('2', 2), rec('3', 3)]);
    expect((await listScenarios(db)).scenarios).toHaveLength(3);
    db.close();
  });

  it('a version-0 record is migrated when read; a damaged one is reported, not loaded, and kept', async () => {
    const db = await openPlannerDb(freshName());
    const v0 = { schema: 'hostel-planner/scenario', schemaVersion: 0, name: 'Old', seed: 1, baseYear: '2025/26' };
    await db.put('scenarios', { id: 'old', name: 'Old', scenario: v0 as never, createdAt: 1, updatedAt: 1 });
    await db.put('scenarios', { id: 'bad', name: 'Bad', scenario: { ...defaultScenario(), params: { quotaCapPct: 'x' } } as never, createdAt: 2, updatedAt: 2 });
    const { scenarios, broken } = await listScenarios(db, data);
    expect(scenarios.map((s) => [s.id, s.scenario.schemaVersion, s.scenario.params.baseYear])).toEqual([['old', 1, 2025]]);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ id: 'bad', name: 'Bad' });
    expect(broken[0].message).toMatch(/params/);
    expect(await db.get('scenarios', 'bad')).toBeTruthy();
    db.close();
  });
});

describe('settings', () => {
  it('remembers the language and the last open scenario', async () => {
    const name = freshName();
    let db = await openPlannerDb(name);
    expect(await getSetting(db, 'lang')).toBeUndefined();
    await setSetting(db, 'lang', 'zh-HK');
    await setSetting(db, 'lastScenarioId', 'b');
    db.close();
    db = await openPlannerDb(name);
    expect(await getSetting(db, 'lang')).toBe('zh-HK');
    expect(await getSetting(db, 'lastScenarioId')).toBe('b');
    db.close();
  });
});
