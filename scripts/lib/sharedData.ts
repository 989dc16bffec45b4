/**
 * Readers for ../shared/data (CSV) and ../shared/geodata-sources (GeoJSON), used only by build scripts.
 * Every lookup fails loudly when the row it expects is missing or ambiguous, so a change in the
 * shared files stops the build instead of silently shifting a number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = process.env.HP_SHARED_DIR ?? path.resolve(repoRoot, '../shared');

export type Row = Record<string, string>;

export function readCsv(name: string): Row[] {
  const file = path.join(sharedDir, 'data', name);
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  geometry: { type: string; coordinates: any };
  properties: P;
}
export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export function readGeo<P = Record<string, unknown>>(name: string): FeatureCollection<P> {
  const file = path.join(sharedDir, 'geodata-sources', name);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<P>;
}

/** The one row matching `pred`; throws naming the file when there are none or several. */
export function one(rows: Row[], file: string, pred: (r: Row) => boolean, what: string): Row {
  const hits = rows.filter(pred);
  if (hits.length !== 1) throw new Error(`${file}: expected exactly one row for ${what}, found ${hits.length}`);
  return hits[0];
}

/** A numeric cell; throws naming the file, row description and column when it is not a number. */
export function num(row: Row, col: string, file: string, what: string): number {
  const v = Number(row[col]);
  if (row[col] === undefined || row[col] === '' || !Number.isFinite(v)) throw new Error(`${file}: ${what} has no number in column "${col}"`);
  return v;
}

/** First URL of a source_url cell (cells may hold several separated by " ; "). */
export function firstUrl(row: Row): string {
  return (row.source_url ?? '').split(' ; ')[0].trim();
}
