import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  BASEMAP_FONTS,
  BASEMAP_GLYPHS_URL,
  offlineBasemapStyle,
  type BasemapData,
} from '../../src/map/basemapStyle.ts';
import { DATA_ATTRIBUTIONS, attributionHtmlSafeText } from '../../src/map/attribution.ts';
import { readBasemapFiles } from '../../scripts/lib/basemapFiles.ts';
import { buildBasemap, sourcesDir } from '../../scripts/build-basemap.ts';
import { codePointsOf, decodeGlyphPbf, labelTexts } from '../../scripts/build-glyphs.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const basemapDir = path.join(repoRoot, 'geodata', 'basemap');
const glyphDir = path.join(repoRoot, 'public', 'glyphs');

const data: BasemapData = readBasemapFiles();

describe('basemap data (geodata/basemap)', () => {
  it('has the 18 districts with code, name_en and name_zh', () => {
    const ds = data.districts.features;
    expect(ds).toHaveLength(18);
    expect(new Set(ds.map((f) => f.properties.code)).size).toBe(18);
    for (const f of ds) {
      expect(f.properties.code).toMatch(/^[A-T]$/);
      expect(f.properties.name_en.length).toBeGreaterThan(2);
      expect(f.properties.name_zh).toMatch(/\p{Script=Han}/u);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(Number.isInteger(f.properties.tint)).toBe(true);
    }
    expect(ds.find((f) => f.properties.code === 'R')?.properties).toMatchObject({ name_en: 'Sha Tin', name_zh: '沙田區' });
  });

  it('puts each district label anchor inside its own district polygon', () => {
    expect(data.districtLabels.features).toHaveLength(18);
    for (const label of data.districtLabels.features) {
      const d = data.districts.features.find((f) => f.properties.code === label.properties.code);
      expect(d, label.properties.code).toBeDefined();
      expect(label.properties.name_en).toBe(d!.properties.name_en);
      expect(label.properties.name_zh).toBe(d!.properties.name_zh);
      expect(booleanPointInPolygon(label.geometry, d!), `${label.properties.code} ${label.properties.name_en}`).toBe(true);
      expect(booleanPointInPolygon(label.geometry, data.land.features[0]), `${label.properties.code} on land`).toBe(true);
    }
  });

  it('has 101 MTR stations, 4 of them planned (Northern Link)', () => {
    const st = data.mtrStations.features;
    expect(st).toHaveLength(101);
    const planned = st.filter((f) => f.properties.status === 'planned').map((f) => f.properties.code).sort();
    expect(planned).toEqual(['AUT', 'KTU', 'NTM', 'STN']);
    expect(st.filter((f) => f.properties.status === 'operating')).toHaveLength(97);
    for (const f of st) {
      expect(f.properties.name_zh).toMatch(/\p{Script=Han}/u);
      expect(f.properties.line_count).toBe(f.properties.lines.length);
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(113.8);
      expect(lon).toBeLessThan(114.4);
      expect(lat).toBeGreaterThan(22.15);
      expect(lat).toBeLessThan(22.6);
    }
  });

  it('gives every MTR line a valid hex colour, bilingual name and status', () => {
    expect(data.mtrLines.features.length).toBeGreaterThanOrEqual(12);
    for (const f of data.mtrLines.features) {
      expect(f.properties.colour).toMatch(/^#[0-9A-F]{6}$/);
      expect(f.properties.name_en).toBeTruthy();
      expect(f.properties.name_zh).toMatch(/\p{Script=Han}/u);
      expect(['operating', 'planned']).toContain(f.properties.status);
    }
    expect(data.mtrLines.features.filter((f) => f.properties.status === 'planned').map((f) => f.properties.line)).toEqual(['NOL']);
  });

  it('rounds coordinates to 5 decimals and stays small', () => {
    let total = 0;
    for (const file of [
      'land.json', 'districts.json', 'district_boundaries.json', 'district_labels.json',
      'mtr_lines.json', 'mtr_stations.json', 'light_rail_stops.json',
    ]) {
      const text = readFileSync(path.join(basemapDir, file), 'utf8');
      total += Buffer.byteLength(text);
      expect(text, file).not.toMatch(/\d\.\d{6,}/);
    }
    expect(statSync(path.join(basemapDir, 'land.json')).size).toBeLessThan(150 * 1024);
    expect(total).toBeLessThan(400 * 1024);
  });

  it.runIf(existsSync(path.join(sourcesDir(), 'hk_districts_18.geojson')))(
    'is reproducible: rebuilding from the shared sources gives byte-identical files',
    async () => {
      const tmp = await mkdtemp(path.join(os.tmpdir(), 'basemap-'));
      try {
        const files = await buildBasemap(tmp);
        expect(files).toHaveLength(7);
        for (const f of files) {
          const committed = await readFile(path.join(basemapDir, path.basename(f)));
          expect((await readFile(f)).equals(committed), path.basename(f)).toBe(true);
        }
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    },
  );
});

describe('offlineBasemapStyle', () => {
  for (const lang of ['en', 'zh-HK'] as const) {
    it(`(${lang}) uses no http(s) URLs and passes validateStyleMin`, () => {
      const style = offlineBasemapStyle({ lang, basemap: data });
      const json = JSON.stringify(style);
      expect(json).not.toMatch(/https?:\/\//i);
      expect(json).not.toMatch(/mapbox:\/\//i);
      expect(style.sprite).toBeUndefined();
      expect(style.glyphs).toBe(BASEMAP_GLYPHS_URL);
      expect(style.glyphs).not.toMatch(/^\/|:/); // relative to the page, same origin
      for (const src of Object.values(style.sources)) {
        expect(src.type).toBe('geojson');
        expect(typeof (src as { data: unknown }).data).toBe('object'); // inline, not a URL
      }
      for (const layer of style.layers) expect(layer.id.startsWith('basemap-')).toBe(true);
      const errors = validateStyleMin(style);
      expect(errors.map((e) => e.message)).toEqual([]);
    });
  }

  it('puts the selected language first in the labels', () => {
    const label = (lang: 'en' | 'zh-HK') =>
      JSON.stringify(offlineBasemapStyle({ lang, basemap: data }).layers.find((l) => l.id === 'basemap-station-label')!.layout);
    expect(label('en').indexOf('name_en')).toBeLessThan(label('en').indexOf('name_zh'));
    expect(label('zh-HK').indexOf('name_zh')).toBeLessThan(label('zh-HK').indexOf('name_en'));
  });

  it('only uses font stacks that ship glyphs', () => {
    const style = offlineBasemapStyle({ lang: 'en', basemap: data });
    for (const layer of style.layers) {
      if (layer.type !== 'symbol') continue;
      const fonts = layer.layout?.['text-font'] as string[];
      expect(fonts).toHaveLength(1);
      expect(BASEMAP_FONTS).toContain(fonts[0]);
    }
  });
});

describe('shipped glyphs (public/glyphs)', () => {
  it('cover every character of the label texts in each font stack', async () => {
    const texts = await labelTexts(repoRoot);
    for (const stack of BASEMAP_FONTS) {
      const cps = codePointsOf(texts[stack]);
      const byRange = new Map<number, number[]>();
      for (const cp of cps) {
        const r = Math.floor(cp / 256);
        if (!byRange.has(r)) byRange.set(r, []);
        byRange.get(r)!.push(cp);
      }
      for (const [r, want] of byRange) {
        const range = `${r * 256}-${r * 256 + 255}`;
        const file = path.join(glyphDir, stack, `${range}.pbf`);
        expect(existsSync(file), `${stack}/${range}.pbf missing: run npx tsx scripts/build-glyphs.ts`).toBe(true);
        const [fs] = decodeGlyphPbf(readFileSync(file));
        expect(fs.name).toBe(stack);
        expect(fs.range).toBe(range);
        const have = new Map(fs.glyphs.map((g) => [g.id, g]));
        for (const cp of want) {
          const g = have.get(cp);
          expect(g, `${stack}: U+${cp.toString(16).toUpperCase()} ${String.fromCodePoint(cp)}`).toBeDefined();
          if (g!.width > 0) expect(g!.bitmap.length).toBe((g!.width + 6) * (g!.height + 6));
          if (cp !== 0x20) expect(g!.width, String.fromCodePoint(cp)).toBeGreaterThan(0);
        }
      }
    }
    expect(existsSync(path.join(glyphDir, 'OFL.txt'))).toBe(true);
  });
});

describe('attributions', () => {
  it('cover the sources and are plain text', () => {
    const ids = DATA_ATTRIBUTIONS.map((a) => a.id);
    for (const id of ['csd-2001-districts', 'mtr-network', 'font-noto-sans-cjk']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    const lines = attributionHtmlSafeText();
    expect(lines).toHaveLength(DATA_ATTRIBUTIONS.length);
    for (const l of lines) expect(l).not.toMatch(/[<>]/);
    expect(lines.join('\n')).toMatch(/DATA\.GOV\.HK \/ MTR Corporation/);
    expect(lines.join('\n')).toMatch(/SIL Open Font License 1\.1/);
  });
});
