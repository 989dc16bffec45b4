/**
 * Builds the compact, offline basemap GeoJSON under geodata/basemap/ from the shared source folder
 * (../shared/geodata-sources, or $HP_SHARED_DIR).
 *
 *   npx tsx scripts/build-basemap.ts            # writes geodata/basemap/*.json
 *
 * Output is deterministic: same input → byte-identical files (fixed feature order, fixed key order,
 * coordinates rounded to 5 decimals, no timestamps); tests/unit/basemap.test.ts rebuilds and compares.
 *
 * Geometry: the 18 CSD 2001 districts are simplified with Douglas–Peucker (the algorithm of turf
 * `simplify`) applied once per shared arc, so neighbouring districts keep exactly the same border and
 * the land (re-dissolved from the districts, checked against hk_land.geojson) keeps exactly the same
 * coast. Tolerance 30 m; islets < 8000 m² are dropped.
 *
 * Files (all GeoJSON FeatureCollections, WGS84; .json so that Vite bundles them):
 *   land.json                 CSD 2001 land (18 districts dissolved), 1 (Multi)Polygon
 *   districts.json            18 districts: code (HAD A–T), name_en, name_zh, tint (0–4 map colouring)
 *   district_boundaries.json  internal district borders only (shared arcs; the coast is excluded)
 *   district_labels.json      one label anchor per district: approximate pole of inaccessibility of
 *                             its largest part (on land, inside the district, away from edges), and
 *                             area_km2 of the simplified district (the map places larger districts' names first)
 *   mtr_lines.json            schematic MTR lines: line, branch, name_en, name_zh, colour, status
 *   mtr_stations.json         101 stations: code, name_en, name_zh, lines, line_count,
 *                             status ('operating' | 'planned' = the 4 Northern Link stations), status_detail
 *   light_rail_stops.json     68 Light Rail stops: id, name_en, name_zh
 *
 * After changing label texts, also run `npx tsx scripts/build-glyphs.ts` (glyph PBFs for the labels).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { area, rewind } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Douglas–Peucker tolerance in metres. 30 m is < 1 px at z10, ≈ 1.7 px at z12 and ≈ 7 px at z14: the
 * coast keeps its shape at z9–13 and is visibly smoothed only from z14. This is what keeps land.json
 * under 150 KB and the whole output under 400 KB.
 */
const SIMPLIFY_TOLERANCE_M = 30;
/** Islands (rings that touch no other district) smaller than this, in m² after simplification, are dropped. */
const MIN_ISLAND_AREA_M2 = 8000;

export function sharedDir(): string {
  return process.env.HP_SHARED_DIR
    ? path.resolve(process.env.HP_SHARED_DIR)
    : path.resolve(repoRoot, '../shared');
}

export function sourcesDir(): string {
  return path.join(sharedDir(), 'geodata-sources');
}

const round5 = (v: number): number => {
  const r = Math.round(v * 1e5) / 1e5;
  return Object.is(r, -0) ? 0 : r;
};

function roundLine(coords: Position[]): Position[] {
  const out: Position[] = [];
  for (const c of coords) {
    const p: Position = [round5(c[0]), round5(c[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function ringAreaM2(ring: Position[]): number {
  return area({ type: 'Polygon', coordinates: [ring] });
}

/** Shoelace in degrees: > 0 for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

const key = (p: Position): string => `${p[0]},${p[1]}`;
const segKeyOf = (ka: string, kb: string): string => (ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`);

// ---------------------------------------------------------------------------------------------
// Topology-preserving simplification.
//
// turf `simplify` run on each district separately moves shared borders differently on each side
// (slivers and gaps) and the dissolved land would no longer match the districts' coast. Instead the
// rings are cut into arcs at junctions (vertices where the set of districts owning the adjacent
// edges changes), and every arc is simplified once, in a canonical direction, with the same
// Douglas–Peucker rule turf uses. Shared borders and the coastline then match exactly between
// land.json, districts.json and district_boundaries.json.

const M_PER_DEG_LAT = 110574;
const M_PER_DEG_LON = 111320 * Math.cos((22.35 * Math.PI) / 180);

function douglasPeucker(pts: Position[], tolM: number): Position[] {
  const n = pts.length;
  if (n <= 2) return pts.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolM * tolM;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const ax = pts[first][0] * M_PER_DEG_LON;
    const ay = pts[first][1] * M_PER_DEG_LAT;
    const bx = pts[last][0] * M_PER_DEG_LON;
    const by = pts[last][1] * M_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let idx = -1;
    for (let i = first + 1; i < last; i++) {
      const px = pts[i][0] * M_PER_DEG_LON;
      const py = pts[i][1] * M_PER_DEG_LAT;
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx >= 0 && maxD > tol2) {
      keep[idx] = 1;
      stack.push([first, idx], [idx, last]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
}

class Topology {
  /** undirected segment key -> codes of the districts that use it */
  readonly owners = new Map<string, Set<string>>();
  private readonly junctions = new Set<string>();
  private readonly cache = new Map<string, Position[]>();

  constructor(
    districts: { code: string; geometry: Polygon | MultiPolygon }[],
    private readonly tolM: number,
  ) {
    for (const d of districts) {
      for (const poly of polygonsOf(d.geometry)) {
        for (const ring of poly) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const ka = key(ring[i]);
            const kb = key(ring[i + 1]);
            if (ka === kb) continue;
            const k = segKeyOf(ka, kb);
            let s = this.owners.get(k);
            if (!s) this.owners.set(k, (s = new Set()));
            s.add(d.code);
          }
        }
      }
    }
    const nbrs = new Map<string, Set<string>>();
    const sigs = new Map<string, Set<string>>();
    for (const [k, own] of this.owners) {
      const [ka, kb] = k.split('|');
      const sig = [...own].sort().join(',');
      for (const [v, w] of [
        [ka, kb],
        [kb, ka],
      ]) {
        if (!nbrs.has(v)) nbrs.set(v, new Set());
        if (!sigs.has(v)) sigs.set(v, new Set());
        nbrs.get(v)!.add(w);
        sigs.get(v)!.add(sig);
      }
    }
    for (const [v, n] of nbrs) if (n.size !== 2 || sigs.get(v)!.size > 1) this.junctions.add(v);
  }

  /** Greedy colouring (in code order) so that districts sharing a border get different tints. */
  colouring(codes: string[]): Map<string, number> {
    const nb = new Map<string, Set<string>>(codes.map((c) => [c, new Set<string>()]));
    for (const own of this.owners.values()) {
      if (own.size < 2) continue;
      for (const a of own) for (const b of own) if (a !== b) nb.get(a)?.add(b);
    }
    const tint = new Map<string, number>();
    for (const c of [...codes].sort()) {
      const used = new Set([...nb.get(c)!].map((n) => tint.get(n)).filter((t) => t !== undefined));
      let t = 0;
      while (used.has(t)) t++;
      tint.set(c, t);
    }
    return tint;
  }

  isShared(a: Position, b: Position): boolean {
    return (this.owners.get(segKeyOf(key(a), key(b)))?.size ?? 0) >= 2;
  }

  /** Simplify an open chain with fixed ends, identically whichever direction it is walked. */
  simplifyChain(chain: Position[]): Position[] {
    const n = chain.length;
    const kf = key(chain[0]);
    const kl = key(chain[n - 1]);
    const reversed = kf > kl || (kf === kl && n > 2 && key(chain[1]) > key(chain[n - 2]));
    const canon = reversed ? chain.slice().reverse() : chain;
    const ck = canon.map(key).join(';');
    let out = this.cache.get(ck);
    if (!out) {
      out = douglasPeucker(canon, this.tolM);
      this.cache.set(ck, out);
    }
    return reversed ? out.slice().reverse() : out;
  }

  /** Cut a closed ring at its junctions (or, for a free ring, at two canonical points) into chains. */
  chainsOf(ring: Position[]): Position[][] {
    const pts = ring.slice(0, -1);
    const n = pts.length;
    let cuts = pts.map((p, i) => (this.junctions.has(key(p)) ? i : -1)).filter((i) => i >= 0);
    if (cuts.length === 0) {
      // a ring that touches no other ring: cut at its smallest vertex and at the vertex farthest from it
      let s = 0;
      for (let i = 1; i < n; i++) if (key(pts[i]) < key(pts[s])) s = i;
      let f = s;
      let fd = -1;
      for (let i = 0; i < n; i++) {
        const dx = (pts[i][0] - pts[s][0]) * M_PER_DEG_LON;
        const dy = (pts[i][1] - pts[s][1]) * M_PER_DEG_LAT;
        const d = dx * dx + dy * dy;
        if (d > fd || (d === fd && key(pts[i]) < key(pts[f]))) {
          fd = d;
          f = i;
        }
      }
      cuts = [Math.min(s, f), Math.max(s, f)];
      if (cuts[0] === cuts[1]) return [ring.slice()];
    }
    const chains: Position[][] = [];
    for (let c = 0; c < cuts.length; c++) {
      const from = cuts[c];
      const to = c + 1 < cuts.length ? cuts[c + 1] : cuts[0] + n;
      const chain: Position[] = [];
      for (let i = from; i <= to; i++) chain.push(pts[i % n]);
      chains.push(chain);
    }
    return chains;
  }

  hasJunction(ring: Position[]): boolean {
    return ring.some((p) => this.junctions.has(key(p)));
  }

  simplifyRing(ring: Position[]): Position[] | null {
    const out: Position[] = [];
    for (const chain of this.chainsOf(ring)) {
      const s = this.simplifyChain(chain);
      out.push(...(out.length ? s.slice(1) : s));
    }
    const r = roundLine(out);
    if (r.length < 4) return null;
    if (!this.hasJunction(ring) && ringAreaM2(r) < MIN_ISLAND_AREA_M2) return null;
    return r;
  }

  simplifyPolygon(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
    const parts: Position[][][] = [];
    for (const poly of polygonsOf(g)) {
      const outer = this.simplifyRing(poly[0]);
      if (!outer) continue;
      const holes = poly.slice(1).map((h) => this.simplifyRing(h)).filter((h): h is Position[] => h !== null);
      parts.push([outer, ...holes]);
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
  }

  /** Borders between two districts (never the coast), each arc once. */
  internalBorders(districts: { geometry: Polygon | MultiPolygon }[]): Position[][] {
    const seen = new Set<string>();
    const lines: Position[][] = [];
    for (const d of districts) {
      for (const poly of polygonsOf(d.geometry)) {
        for (const ring of poly) {
          for (const chain of this.chainsOf(ring)) {
            if (!this.isShared(chain[0], chain[1])) continue;
            const s = this.simplifyChain(chain);
            const k = segKeyOf(s.map(key).join(';'), s.slice().reverse().map(key).join(';'));
            if (seen.has(k)) continue;
            seen.add(k);
            lines.push(roundLine(s));
          }
        }
      }
    }
    return lines;
  }

  /** Dissolve: the coast is every edge used by one district; walk those edges into closed rings. */
  dissolve(districts: { geometry: Polygon | MultiPolygon }[]): Polygon | MultiPolygon {
    const next = new Map<string, Position[]>();
    for (const d of districts) {
      for (const poly of polygonsOf(d.geometry)) {
        for (const ring of poly) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const ka = key(ring[i]);
            if (ka === key(ring[i + 1]) || this.isShared(ring[i], ring[i + 1])) continue;
            if (!next.has(ka)) next.set(ka, []);
            next.get(ka)!.push(ring[i + 1]);
          }
        }
      }
    }
    for (const list of next.values()) list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const rings: Position[][] = [];
    for (const start of [...next.keys()].sort()) {
      while (next.get(start)!.length) {
        const ring: Position[] = [start.split(',').map(Number)];
        let cur = start;
        for (;;) {
          const list = next.get(cur);
          if (!list || list.length === 0) throw new Error(`dissolve: open coast ring at ${cur}`);
          const p = list.shift()!;
          ring.push(p);
          cur = key(p);
          if (cur === start) break;
        }
        rings.push(ring);
      }
    }
    // RFC 7946 winding (districts were rewound): CCW = outer, CW = hole (inland water).
    const outers = rings.filter((r) => signedArea(r) > 0);
    const holes = rings.filter((r) => signedArea(r) <= 0);
    const polys: Position[][][] = outers.map((o) => [o]);
    for (const h of holes) {
      const probe = h[0];
      let best = -1;
      let bestArea = Infinity;
      outers.forEach((o, i) => {
        const a = signedArea(o);
        if (a < bestArea && pointInRing(probe[0], probe[1], o)) {
          best = i;
          bestArea = a;
        }
      });
      if (best >= 0) polys[best].push(h);
    }
    return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  }
}

// ---------------------------------------------------------------------------------------------
// Label anchor: approximate pole of inaccessibility of the largest part (inside, far from edges).

function pointInRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pointInPoly(x: number, y: number, poly: Position[][]): boolean {
  if (!pointInRing(x, y, poly[0])) return false;
  for (const h of poly.slice(1)) if (pointInRing(x, y, h)) return false;
  return true;
}

/** Squared distance (in km-ish planar units scaled by cos(lat)) from a point to the polygon's edges. */
function distToEdges(x: number, y: number, poly: Position[][], kx: number): number {
  let best = Infinity;
  for (const ring of poly) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = ring[i][0] * kx;
      const ay = ring[i][1];
      const bx = ring[i + 1][0] * kx;
      const by = ring[i + 1][1];
      const px = x * kx;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      let t = len > 0 ? ((px - ax) * dx + (y - ay) * dy) / len : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - y;
      const d = ex * ex + ey * ey;
      if (d < best) best = d;
    }
  }
  return best;
}

function labelAnchor(g: Polygon | MultiPolygon): Position {
  const parts = polygonsOf(g);
  let poly = parts[0];
  let best = -1;
  for (const p of parts) {
    const a = ringAreaM2(p[0]);
    if (a > best) {
      best = a;
      poly = p;
    }
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of poly[0]) {
    minX = Math.min(minX, c[0]);
    maxX = Math.max(maxX, c[0]);
    minY = Math.min(minY, c[1]);
    maxY = Math.max(maxY, c[1]);
  }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  // coarse grid, then two refinements around the best cell
  let bx = (minX + maxX) / 2;
  let by = (minY + maxY) / 2;
  let bd = pointInPoly(bx, by, poly) ? distToEdges(bx, by, poly, kx) : -1;
  let w = maxX - minX;
  let h = maxY - minY;
  let cx = bx;
  let cy = by;
  for (let pass = 0; pass < 3; pass++) {
    const n = 40;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const x = cx - w / 2 + (w * i) / n;
        const y = cy - h / 2 + (h * j) / n;
        if (!pointInPoly(x, y, poly)) continue;
        const d = distToEdges(x, y, poly, kx);
        if (d > bd) {
          bd = d;
          bx = x;
          by = y;
        }
      }
    }
    cx = bx;
    cy = by;
    w /= 8;
    h /= 8;
  }
  return [round5(bx), round5(by)];
}

// ---------------------------------------------------------------------------------------------

type AnyProps = Record<string, unknown>;

async function readFC<G extends import('geojson').Geometry = import('geojson').Geometry>(
  dir: string,
  file: string,
): Promise<FeatureCollection<G, AnyProps>> {
  return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as FeatureCollection<G, AnyProps>;
}

function fc<G extends import('geojson').Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

function feat<G extends import('geojson').Geometry, P>(properties: P, geometry: G): Feature<G, P> {
  return { type: 'Feature', properties, geometry };
}

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function normaliseStatus(s: unknown): 'operating' | 'planned' {
  return s === 'operating' ? 'operating' : 'planned';
}

export async function buildBasemap(outDir: string): Promise<string[]> {
  const src = sourcesDir();

  // Districts and land --------------------------------------------------------------------------
  const distSrc = await readFC<Polygon | MultiPolygon>(src, 'hk_districts_18.geojson');
  type DistrictProps = { code: string; name_en: string; name_zh: string; tint: number };
  type DistrictLabelProps = { code: string; name_en: string; name_zh: string; area_km2: number };
  const rawDistricts = distSrc.features
    .map((f) => ({
      code: String(f.properties.code),
      name_en: String(f.properties.name_en),
      name_zh: String(f.properties.name_zh),
      geometry: rewind(f.geometry, { mutate: false }) as Polygon | MultiPolygon,
    }))
    .sort(byCode);
  if (rawDistricts.length !== 18) throw new Error(`expected 18 districts, got ${rawDistricts.length}`);
  const topo = new Topology(rawDistricts, SIMPLIFY_TOLERANCE_M);

  const tints = topo.colouring(rawDistricts.map((d) => d.code));

  const districts: Feature<Polygon | MultiPolygon, DistrictProps>[] = [];
  const labels: Feature<Point, DistrictLabelProps>[] = [];
  for (const d of rawDistricts) {
    const g = topo.simplifyPolygon(d.geometry);
    if (!g) throw new Error(`district ${d.code} vanished during simplification`);
    const props = { code: d.code, name_en: d.name_en, name_zh: d.name_zh };
    districts.push(feat({ ...props, tint: tints.get(d.code)! }, g));
    labels.push(feat({ ...props, area_km2: Math.round(area(g) / 1e4) / 100 }, { type: 'Point', coordinates: labelAnchor(g) }));
  }
  const boundaries = fc<MultiLineString, { kind: string }>([
    feat({ kind: 'district_boundary' }, { type: 'MultiLineString', coordinates: topo.internalBorders(rawDistricts) }),
  ]);

  // Land: hk_land.geojson is these same CSD 2001 districts dissolved (mapshaper). We redo the
  // dissolve from the districts so that the coast arcs are shared exactly with districts.json, and
  // use hk_land.geojson as a check on the result.
  const landGeom = topo.simplifyPolygon(topo.dissolve(rawDistricts));
  if (!landGeom) throw new Error('land vanished');
  const landSrc = await readFC<Polygon | MultiPolygon>(src, 'hk_land.geojson');
  const refArea = landSrc.features.reduce((s, f) => s + area(f), 0);
  const ourArea = area(landGeom);
  if (Math.abs(ourArea - refArea) / refArea > 0.01) {
    throw new Error(`dissolved land area ${ourArea} m² differs from hk_land.geojson ${refArea} m² by > 1%`);
  }
  const landParts = [feat({ name_en: 'Hong Kong (land, 2001)', name_zh: '香港（陸地，2001）' }, landGeom)];

  // MTR lines -----------------------------------------------------------------------------------
  const linesSrc = await readFC<LineString>(src, 'mtr_lines_schematic.geojson');
  type LineProps = { line: string; branch: string; name_en: string; name_zh: string; colour: string; status: string };
  const mtrLines = linesSrc.features
    .map((f) =>
      feat<LineString, LineProps>(
        {
          line: String(f.properties.line),
          branch: String(f.properties.branch),
          name_en: String(f.properties.name_en),
          name_zh: String(f.properties.name_zh),
          colour: String(f.properties.colour).toUpperCase(),
          status: normaliseStatus(f.properties.status),
        },
        { type: 'LineString', coordinates: roundLine(f.geometry.coordinates) },
      ),
    )
    .sort((a, b) => {
      const ka = `${a.properties.line}|${a.properties.branch}`;
      const kb = `${b.properties.line}|${b.properties.branch}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });

  // MTR stations --------------------------------------------------------------------------------
  const stSrc = await readFC<Point>(src, 'mtr_stations.geojson');
  type StationProps = {
    code: string;
    name_en: string;
    name_zh: string;
    lines: string[];
    line_count: number;
    status: 'operating' | 'planned';
    status_detail: string;
  };
  const stations = stSrc.features
    .map((f) => {
      const lines = [...((f.properties.lines as string[] | undefined) ?? [])].map(String).sort();
      return feat<Point, StationProps>(
        {
          code: String(f.properties.code),
          name_en: String(f.properties.name_en),
          name_zh: String(f.properties.name_zh),
          lines,
          line_count: lines.length,
          status: normaliseStatus(f.properties.status),
          status_detail: String(f.properties.status ?? ''),
        },
        { type: 'Point', coordinates: [round5(f.geometry.coordinates[0]), round5(f.geometry.coordinates[1])] },
      );
    })
    .sort((a, b) => byCode(a.properties, b.properties));

  // Light rail stops ----------------------------------------------------------------------------
  const lrSrc = await readFC<Point>(src, 'light_rail_stops.geojson');
  const lrNum = (id: string): number => Number(id.replace(/\D/g, '')) || 0;
  const lightRail = lrSrc.features
    .map((f) =>
      feat<Point, { id: string; name_en: string; name_zh: string }>(
        { id: String(f.properties.id), name_en: String(f.properties.name_en), name_zh: String(f.properties.name_zh) },
        { type: 'Point', coordinates: [round5(f.geometry.coordinates[0]), round5(f.geometry.coordinates[1])] },
      ),
    )
    .sort((a, b) => lrNum(a.properties.id) - lrNum(b.properties.id) || (a.properties.id < b.properties.id ? -1 : 1));

  // Write ---------------------------------------------------------------------------------------
  const outputs: [string, unknown][] = [
    ['land.json', fc(landParts)],
    ['districts.json', fc(districts)],
    ['district_boundaries.json', boundaries],
    ['district_labels.json', fc(labels)],
    ['mtr_lines.json', fc(mtrLines)],
    ['mtr_stations.json', fc(stations)],
    ['light_rail_stops.json', fc(lightRail)],
  ];
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, data] of outputs) {
    const p = path.join(outDir, name);
    await writeFile(p, JSON.stringify(data) + '\n', 'utf8');
    written.push(p);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const outDir = path.join(repoRoot, 'geodata', 'basemap');
  buildBasemap(outDir).then(
    async (files) => {
      let total = 0;
      for (const f of files) {
        const size = (await readFile(f)).byteLength;
        total += size;
        console.log(`${path.relative(repoRoot, f)}  ${(size / 1024).toFixed(1)} KB`);
      }
      console.log(`total ${(total / 1024).toFixed(1)} KB`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
