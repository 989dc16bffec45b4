/**
 * Planar geometry for the massing: a site's lon/lat outline turned into local metres (x east,
 * y north) around its centre, rotations, areas and point-in-polygon. Sites are at most a few km
 * across, so an equirectangular frame at the site's latitude is exact to well under 0.1%.
 */

export type Pt = [number, number];
/** A closed ring (first point repeated last). */
export type Ring = Pt[];
/** A polygon: outer ring, then holes. */
export type Poly = Ring[];

const EARTH_R = 6_371_008.8; // mean radius (turf's), so planar areas match turf.area to ~0.01%

export interface Frame {
  lon0: number;
  lat0: number;
  /** metres per degree of longitude / latitude at lat0 */
  kx: number;
  ky: number;
}

/** A local frame centred on the mean of a ring's vertices. */
export function frameFor(ring: Pt[]): Frame {
  const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  let x = 0, y = 0;
  for (let i = 0; i < n; i++) { x += ring[i][0]; y += ring[i][1]; }
  return frameAt(x / Math.max(1, n), y / Math.max(1, n));
}

/** A local frame centred on a point. */
export function frameAt(lon0: number, lat0: number): Frame {
  const k = (Math.PI / 180) * EARTH_R;
  return { lon0, lat0, kx: k * Math.cos((lat0 * Math.PI) / 180), ky: k };
}

export const toLocal = (f: Frame, [lon, lat]: Pt): Pt => [(lon - f.lon0) * f.kx, (lat - f.lat0) * f.ky];
export const toLonLat = (f: Frame, [x, y]: Pt): Pt => [f.lon0 + x / f.kx, f.lat0 + y / f.ky];

export function rotatePt([x, y]: Pt, angle: number): Pt {
  const c = Math.cos(angle), s = Math.sin(angle);
  return [x * c - y * s, x * s + y * c];
}
export const rotateRing = (r: Ring, angle: number): Ring => r.map((p) => rotatePt(p, angle));
export const rotatePoly = (p: Poly, angle: number): Poly => p.map((r) => rotateRing(r, angle));

/** Signed shoelace area (counter-clockwise positive). */
export function signedRingArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return -a / 2;
}

/** Area of a polygon: |outer| − Σ |holes|. */
export function polyArea(p: Poly): number {
  if (p.length === 0) return 0;
  let a = Math.abs(signedRingArea(p[0]));
  for (let i = 1; i < p.length; i++) a -= Math.abs(signedRingArea(p[i]));
  return Math.max(0, a);
}
export const polysArea = (ps: Poly[]): number => ps.reduce((a, p) => a + polyArea(p), 0);

export function bboxOf(ps: Poly[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of ps) for (const [x, y] of p[0] ?? []) {
    if (x < x0) x0 = x; if (x > x1) x1 = x;
    if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

function inRing(x: number, y: number, r: Ring): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point inside a polygon (outer ring, not in a hole). */
export function inPoly(x: number, y: number, p: Poly): boolean {
  if (!p.length || !inRing(x, y, p[0])) return false;
  for (let i = 1; i < p.length; i++) if (inRing(x, y, p[i])) return false;
  return true;
}
export const inPolys = (x: number, y: number, ps: Poly[]): boolean => ps.some((p) => inPoly(x, y, p));

/** Closes a ring if it is open. */
export function closeRing(r: Pt[]): Ring {
  if (r.length === 0) return r;
  const [a, b] = [r[0], r[r.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? r : [...r, [a[0], a[1]]];
}

/** Convex hull (monotone chain), counter-clockwise, not closed. */
export function convexHull(pts: Pt[]): Pt[] {
  const p = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [], upper: Pt[] = [];
  for (const q of p) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop(); lower.push(q); }
  for (let i = p.length - 1; i >= 0; i--) { const q = p[i]; while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop(); upper.push(q); }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/**
 * Direction of a shape's long axis: the long side of its minimum-area bounding rectangle (one of
 * the rectangle's sides lies along a hull edge). Returns the angle of that side, radians.
 */
export function longAxisAngle(ring: Pt[]): number {
  const hull = convexHull(ring);
  if (hull.length < 3) return 0;
  let best = { area: Infinity, angle: 0 };
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i], b = hull[(i + 1) % hull.length];
    const ang = Math.atan2(b[1] - a[1], b[0] - a[0]);
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const q of hull) {
      const [x, y] = rotatePt(q, -ang);
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    const area = (x1 - x0) * (y1 - y0);
    if (area < best.area - 1e-9) best = { area, angle: x1 - x0 >= y1 - y0 ? ang : ang + Math.PI / 2 };
  }
  // normalise to (−π/2, π/2] so the axis points east-ish and results are stable
  let a = best.angle;
  while (a > Math.PI / 2) a -= Math.PI;
  while (a <= -Math.PI / 2) a += Math.PI;
  return a;
}

/** A square of a given area centred on the origin (illustrative outline for a site known only by its area). */
export function squareOfArea(areaM2: number): Ring {
  const h = Math.sqrt(Math.max(0, areaM2)) / 2;
  return [[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]];
}

/** A ring scaled about the origin so that its polygon has the given area. */
export function scaleToArea(p: Poly, areaM2: number): Poly {
  const a = polyArea(p);
  if (!(a > 0) || !(areaM2 > 0)) return p;
  const k = Math.sqrt(areaM2 / a);
  return p.map((r) => r.map(([x, y]) => [x * k, y * k] as Pt));
}
