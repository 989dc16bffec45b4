/**
 * The embedded model data (geodata/model-data.json, shipped with the app: no network).
 *
 * It is validated once, where it enters the app: the simulation worker fetches this same hashed,
 * immutable file and checks it against the model's schema (workers/simulate.api.ts `load`), naming
 * the file and field when it is broken. The page parses the identical bytes only after the
 * worker's verdict, so the 1 MB file is not validated twice, nor on the main thread that has to
 * draw the map.
 */
import dataUrl from '../../geodata/model-data.json?url';
import type { ModelData } from '../../workers/model/data/schema.ts';

export const MODEL_DATA_LABEL = 'geodata/model-data.json';

/** Absolute URL of the data file (workers resolve relative URLs against their own script). */
export function modelDataUrl(): string {
  return new URL(dataUrl, document.baseURI).href;
}

/** The file's JSON, unvalidated: use it only once the worker has validated the same file. */
export async function fetchModelDataJson(url: string, parseAfter?: Promise<unknown>): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${MODEL_DATA_LABEL}: HTTP ${res.status}`);
  await parseAfter?.catch(() => undefined);
  return res.json();
}

export type { ModelData };
