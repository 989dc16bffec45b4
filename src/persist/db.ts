/**
 * IndexedDB storage (through idb): the user's named scenarios and a few app settings. Stored
 * scenarios carry their schemaVersion and are migrated and validated when read, exactly like an
 * imported file, so a store written by an older app still opens and a damaged record is reported,
 * never loaded.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import type { ModelData } from '../../workers/model/data/schema.ts';
import type { Lang } from '../i18n/strings.ts';
import { importScenarioObject } from '../io/scenarioFile.ts';

export const DB_NAME = 'hostel-planner';
/** Version of the database layout (object stores), not of the scenario schema. */
export const DB_VERSION = 1;

/** One named scenario as stored. */
export interface StoredScenario {
  id: string;
  /** The scenario's own name (kept beside it for listing without parsing). */
  name: string;
  scenario: Scenario;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** App settings remembered across visits. */
export interface Settings {
  lang: Lang;
  /** The named scenario open when the tab was last used. */
  lastScenarioId: string;
}

interface PlannerDb extends DBSchema {
  scenarios: { key: string; value: StoredScenario };
  settings: { key: string; value: unknown };
}

export type PlannerDatabase = IDBPDatabase<PlannerDb>;

/** Opens (creating or upgrading) the database. */
export async function openPlannerDb(name: string = DB_NAME): Promise<PlannerDatabase> {
  const db: PlannerDatabase = await openDB<PlannerDb>(name, DB_VERSION, {
    upgrade(up, oldVersion) {
      if (oldVersion < 1) {
        up.createObjectStore('scenarios', { keyPath: 'id' });
        up.createObjectStore('settings');
      }
    },
    // a newer app in another tab wants to upgrade the layout: let it (this tab stops saving)
    blocking() { db.close(); },
  });
  return db;
}

/** A stored record that could not be loaded, with the reason. It stays in the database untouched. */
export interface BrokenRecord {
  id: string;
  name: string;
  message: string;
}

/**
 * Every stored scenario, oldest first, each migrated and validated; records that fail are listed
 * in `broken` instead.
 * @param data the model data, to check site ids and institution codes
 */
export async function listScenarios(db: PlannerDatabase, data?: ModelData | null): Promise<{ scenarios: StoredScenario[]; broken: BrokenRecord[] }> {
  const all = await db.getAll('scenarios');
  const scenarios: StoredScenario[] = [];
  const broken: BrokenRecord[] = [];
  for (const rec of all) {
    const name = typeof rec?.name === 'string' ? rec.name : '?';
    if (!rec || typeof rec.id !== 'string') continue;
    const r = importScenarioObject(rec.scenario, data ?? undefined);
    if (!r.ok) { broken.push({ id: rec.id, name, message: r.message }); continue; }
    scenarios.push({ id: rec.id, name: r.scenario.name, scenario: r.scenario, createdAt: Number(rec.createdAt) || 0, updatedAt: Number(rec.updatedAt) || 0 });
  }
  scenarios.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { scenarios, broken };
}

/** Saves (creates or replaces) a named scenario. */
export async function saveScenario(db: PlannerDatabase, rec: StoredScenario): Promise<void> {
  await db.put('scenarios', { ...rec, name: rec.scenario.name });
}

/** Saves several records in one transaction (all or none). */
export async function saveScenarios(db: PlannerDatabase, recs: readonly StoredScenario[]): Promise<void> {
  const tx = db.transaction('scenarios', 'readwrite');
  await Promise.all([...recs.map((r) => tx.store.put({ ...r, name: r.scenario.name })), tx.done]);
}

export async function deleteScenario(db: PlannerDatabase, id: string): Promise<void> {
  await db.delete('scenarios', id);
}

export async function getSetting<K extends keyof Settings>(db: PlannerDatabase, key: K): Promise<Settings[K] | undefined> {
  return (await db.get('settings', key)) as Settings[K] | undefined;
}

export async function setSetting<K extends keyof Settings>(db: PlannerDatabase, key: K, value: Settings[K]): Promise<void> {
  await db.put('settings', value, key);
}
