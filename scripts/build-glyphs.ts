/**
 * Regenerates the SDF glyph PBFs that the offline basemap's labels use:
 *
 *   npx tsx scripts/build-glyphs.ts        # writes public/glyphs/<fontstack>/<start>-<end>.pbf
 *
 * Only the 256-codepoint ranges that are actually needed are written, and each file holds only the
 * characters used: printable ASCII plus every character of the label texts in geodata/basemap/
 * (districts, MTR lines and stations, Light Rail stops) and of the campus names in the shared
 * geodata. Re-run it after changing label data, otherwise new characters render as blanks
 * (tests/unit/basemap.test.ts checks coverage).
 *
 * How: the glyphs are drawn from the system-installed Noto Sans CJK HK (Debian `fonts-noto-cjk`,
 * SIL Open Font License 1.1) in headless Chromium (the same Debian `chromium` the e2e tests use)
 * with @mapbox/tiny-sdf — the SDF generator MapLibre itself uses — and encoded to the glyph PBF
 * format MapLibre reads (24 px em, 3 px border, radius 8). The fonts are needed only here, at build
 * time; the app only loads the shipped PBFs.
 *
 * Build-time prerequisites (not needed to run the app or the tests):
 *   apt-get update && apt-get install -y fonts-noto-cjk chromium
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASEMAP_FONT_BOLD, BASEMAP_FONT_REGULAR } from '../src/map/basemapStyle.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Font stack name → CSS font the glyphs are drawn with. */
export const GLYPH_FONTS: Record<string, { family: string; weight: number }> = {
  [BASEMAP_FONT_REGULAR]: { family: 'Noto Sans CJK HK', weight: 400 },
  [BASEMAP_FONT_BOLD]: { family: 'Noto Sans CJK HK', weight: 700 },
};

export const GLYPH_FONT_SIZE = 24;
export const GLYPH_BUFFER = 3;
export const GLYPH_RADIUS = 8;

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

type Named = { properties: Record<string, unknown> };
type FC = { features: Named[] };

async function readJson(p: string): Promise<FC> {
  return JSON.parse(await readFile(p, 'utf8')) as FC;
}

function names(fc: FC): string[] {
  const out: string[] = [];
  for (const f of fc.features) {
    for (const k of ['name_en', 'name_zh']) {
      const v = f.properties[k];
      if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}

/** The text each font stack must be able to draw (label texts of the basemap and app layers). */
export async function labelTexts(root = repoRoot): Promise<Record<string, string[]>> {
  const b = path.join(root, 'geodata', 'basemap');
  const districts = names(await readJson(path.join(b, 'district_labels.json')));
  const stations = names(await readJson(path.join(b, 'mtr_stations.json')));
  const lines = names(await readJson(path.join(b, 'mtr_lines.json')));
  const lightRail = names(await readJson(path.join(b, 'light_rail_stops.json')));
  const shared = process.env.HP_SHARED_DIR
    ? path.resolve(process.env.HP_SHARED_DIR)
    : path.resolve(root, '../shared');
  let campuses: string[] = [];
  try {
    campuses = names(await readJson(path.join(shared, 'geodata-sources', 'campuses_main.geojson')));
  } catch {
    // optional extra (labels of the app's campus layer)
  }
  return {
    [BASEMAP_FONT_REGULAR]: [ASCII, ...districts, ...stations, ...lines, ...lightRail, ...campuses],
    [BASEMAP_FONT_BOLD]: [ASCII, ...districts],
  };
}

/** Sorted unique code points (excluding line breaks/controls) of the texts. */
export function codePointsOf(texts: string[]): number[] {
  const set = new Set<number>();
  for (const t of texts) for (const ch of t) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0)) set.add(cp);
  }
  return [...set].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Minimal protobuf encoding of MapLibre's glyphs.proto:
//   message glyph { uint32 id = 1; bytes bitmap = 2; uint32 width = 3; uint32 height = 4;
//                   sint32 left = 5; sint32 top = 6; uint32 advance = 7; }
//   message fontstack { string name = 1; string range = 2; repeated glyph glyphs = 3; }
//   message glyphs { repeated fontstack stacks = 1; }

export type PbfGlyph = {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
};

class Writer {
  private bytes: number[] = [];
  varint(v: number): this {
    let n = v >>> 0;
    while (n > 0x7f) {
      this.bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.bytes.push(n);
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  uint(field: number, v: number): this {
    return this.tag(field, 0).varint(v);
  }
  sint(field: number, v: number): this {
    return this.tag(field, 0).varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  bytesField(field: number, b: Uint8Array | number[]): this {
    this.tag(field, 2).varint(b.length);
    for (const x of b) this.bytes.push(x);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytesField(field, new TextEncoder().encode(s));
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function encodeGlyphPbf(fontstack: string, range: string, glyphs: PbfGlyph[]): Uint8Array {
  const stack = new Writer().string(1, fontstack).string(2, range);
  for (const g of [...glyphs].sort((a, b) => a.id - b.id)) {
    const w = new Writer().uint(1, g.id);
    if (g.width > 0 && g.height > 0) w.bytesField(2, g.bitmap);
    w.uint(3, g.width).uint(4, g.height).sint(5, g.left).sint(6, g.top).uint(7, g.advance);
    stack.bytesField(3, w.finish());
  }
  return new Writer().bytesField(1, stack.finish()).finish();
}

/** Decodes a glyph PBF (for tests): fontstack name, range and glyphs. */
export function decodeGlyphPbf(buf: Uint8Array): { name: string; range: string; glyphs: PbfGlyph[] }[] {
  const readVarint = (b: Uint8Array, pos: { i: number }): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = b[pos.i++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  };
  const fields = (b: Uint8Array): [number, number | Uint8Array][] => {
    const out: [number, number | Uint8Array][] = [];
    const pos = { i: 0 };
    while (pos.i < b.length) {
      const tag = readVarint(b, pos);
      const field = tag >>> 3;
      const wire = tag & 7;
      if (wire === 0) out.push([field, readVarint(b, pos)]);
      else if (wire === 2) {
        const len = readVarint(b, pos);
        out.push([field, b.subarray(pos.i, pos.i + len)]);
        pos.i += len;
      } else throw new Error(`unsupported wire type ${wire}`);
    }
    return out;
  };
  const unzig = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  const dec = new TextDecoder();
  return fields(buf)
    .filter(([f]) => f === 1)
    .map(([, s]) => {
      let name = '';
      let range = '';
      const glyphs: PbfGlyph[] = [];
      for (const [f, v] of fields(s as Uint8Array)) {
        if (f === 1) name = dec.decode(v as Uint8Array);
        else if (f === 2) range = dec.decode(v as Uint8Array);
        else if (f === 3) {
          const g: PbfGlyph = { id: 0, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance: 0 };
          for (const [gf, gv] of fields(v as Uint8Array)) {
            if (gf === 1) g.id = gv as number;
            else if (gf === 2) g.bitmap = gv as Uint8Array;
            else if (gf === 3) g.width = gv as number;
            else if (gf === 4) g.height = gv as number;
            else if (gf === 5) g.left = unzig(gv as number);
            else if (gf === 6) g.top = unzig(gv as number);
            else if (gf === 7) g.advance = gv as number;
          }
          glyphs.push(g);
        }
      }
      return { name, range, glyphs };
    });
}

// ---------------------------------------------------------------------------------------------

type DrawnGlyph = {
  cp: number;
  data: number[];
  glyphWidth: number;
  glyphHeight: number;
  glyphTop: number;
  glyphLeft: number;
  glyphAdvance: number;
};

function checkFontInstalled(family: string, weight: number): void {
  let file = '';
  try {
    file = execFileSync('fc-match', ['-f', '%{file}', `${family}:weight=${weight === 700 ? 200 : 80}`], {
      encoding: 'utf8',
    });
  } catch {
    // fc-match missing: fall through to the error below
  }
  if (!/NotoSansCJK/i.test(file)) {
    throw new Error(
      `font "${family}" (weight ${weight}) is not installed (fc-match → "${file}"). ` +
        'Run: apt-get update && apt-get install -y fonts-noto-cjk',
    );
  }
}

/** Draws SDFs for the code points with tiny-sdf in headless Chromium (network blocked). */
async function drawGlyphs(family: string, weight: number, cps: number[]): Promise<DrawnGlyph[]> {
  const { chromium } = await import('playwright-core');
  const tinySdfPath = path.join(repoRoot, 'node_modules', '@mapbox', 'tiny-sdf', 'index.js');
  const tinySdfSrc = (await readFile(tinySdfPath, 'utf8')).replace(/export default class TinySDF/, 'class TinySDF');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--font-render-hinting=none',
    ],
    timeout: 30000,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
    await page.addScriptTag({ content: `${tinySdfSrc}\nwindow.TinySDF = TinySDF;` });
    return await page.evaluate(
      ({ family, weight, cps, size, buffer, radius }) => {
        type TinySDFCtor = new (o: object) => {
          draw(ch: string): {
            data: Uint8ClampedArray;
            glyphWidth: number;
            glyphHeight: number;
            glyphTop: number;
            glyphLeft: number;
            glyphAdvance: number;
          };
        };
        const Ctor = (window as unknown as { TinySDF: TinySDFCtor }).TinySDF;
        const sdf = new Ctor({
          fontSize: size,
          buffer,
          radius,
          cutoff: 0.25,
          fontFamily: `"${family}"`,
          fontWeight: String(weight),
          lang: 'zh-HK',
        });
        return cps.map((cp) => {
          const g = sdf.draw(String.fromCodePoint(cp));
          return {
            cp,
            data: Array.from(g.data),
            glyphWidth: g.glyphWidth,
            glyphHeight: g.glyphHeight,
            glyphTop: g.glyphTop,
            glyphLeft: g.glyphLeft,
            glyphAdvance: g.glyphAdvance,
          };
        });
      },
      { family, weight, cps, size: GLYPH_FONT_SIZE, buffer: GLYPH_BUFFER, radius: GLYPH_RADIUS },
    );
  } finally {
    await browser.close();
  }
}

/**
 * MapLibre places a PBF glyph's bitmap `top` px below a line origin that sits ~27.5 px above the
 * baseline at 24 px (see `topAdjustment` in maplibre-gl src/render/glyph_manager.ts, which makes
 * locally drawn TinySDF glyphs line up with server PBFs); we use the same convention.
 */
const TOP_ADJUSTMENT = 27;

export async function buildGlyphs(outDir = path.join(repoRoot, 'public', 'glyphs')): Promise<string[]> {
  const texts = await labelTexts();
  const written: string[] = [];
  for (const [stack, font] of Object.entries(GLYPH_FONTS)) {
    checkFontInstalled(font.family, font.weight);
    const cps = codePointsOf(texts[stack] ?? [ASCII]);
    const drawn = await drawGlyphs(font.family, font.weight, cps);
    const byRange = new Map<number, PbfGlyph[]>();
    for (const g of drawn) {
      const empty = g.glyphWidth === 0 || g.glyphHeight === 0;
      const glyph: PbfGlyph = {
        id: g.cp,
        bitmap: Uint8Array.from(empty ? [] : g.data),
        width: empty ? 0 : g.glyphWidth,
        height: empty ? 0 : g.glyphHeight,
        left: g.glyphLeft,
        top: g.glyphTop - TOP_ADJUSTMENT,
        advance: Math.round(g.glyphAdvance),
      };
      const r = Math.floor(g.cp / 256);
      if (!byRange.has(r)) byRange.set(r, []);
      byRange.get(r)!.push(glyph);
    }
    const dir = path.join(outDir, stack);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const r of [...byRange.keys()].sort((a, b) => a - b)) {
      const range = `${r * 256}-${r * 256 + 255}`;
      const file = path.join(dir, `${range}.pbf`);
      await writeFile(file, encodeGlyphPbf(stack, range, byRange.get(r)!));
      written.push(file);
    }
  }
  return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  buildGlyphs().then(
    async (files) => {
      let total = 0;
      for (const f of files) total += (await readFile(f)).byteLength;
      const n = Object.keys(GLYPH_FONTS).length;
      console.log(`${files.length} glyph range files in ${n} font stacks, ${(total / 1024).toFixed(1)} KB`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
