/**
 * Loads the embedded model data (geodata/model-data.json, shipped with the app: no network) and
 * validates it with the model's schema; a broken file fails with the file and field named.
 */
import dataUrl from '../../geodata/model-data.json?url';
import { validateModelData, type ModelData } from '../../workers/model/data/schema.ts';

export async function loadModelDataInBrowser(): Promise<{ data: ModelData; raw: unknown }> {
  const res = await fetch(dataUrl);
  if (!res.ok) throw new Error(`geodata/model-data.json: HTTP ${res.status}`);
  const raw: unknown = await res.json();
  return { data: validateModelData(raw, 'geodata/model-data.json'), raw };
}
