/**
 * Reads the seven basemap collections from geodata/basemap/ (Node: the build's tile cutting in
 * vite.config.ts, and the tests). The app itself loads only what the page needs
 * (loadPageBasemapData in src/map/basemapStyle.ts); the map draws the rest from the tiles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BASEMAP_FILES, type BasemapData } from '../../src/map/basemapStyle.ts';

export const BASEMAP_DIR = path.resolve(import.meta.dirname, '../../geodata/basemap');

export function readBasemapFiles(dir = BASEMAP_DIR): BasemapData {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  return Object.fromEntries(Object.entries(BASEMAP_FILES).map(([key, file]) => [key, read(file)])) as BasemapData;
}
