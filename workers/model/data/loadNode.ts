/**
 * Loads and validates geodata/model-data.json in Node (CLI, benchmarks, tests). The browser imports
 * the same file through Vite and validates it with the same schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateModelData, type ModelData } from './schema.ts';

export const DATA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../geodata/model-data.json');

let cached: ModelData | null = null;
export function loadModelData(file = DATA_FILE): ModelData {
  if (file === DATA_FILE && cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${path.relative(process.cwd(), file)}: cannot be read as JSON (${(e as Error).message})`);
  }
  const data = validateModelData(raw, path.relative(process.cwd(), file) || file);
  if (file === DATA_FILE) cached = data;
  return data;
}
