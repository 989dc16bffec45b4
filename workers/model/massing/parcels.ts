/**
 * Splits a site into use parcels by area shares: bands cut across the site's long axis, each cut
 * placed by binary search so that the band's area matches its share. Works for rectangles and for
 * user-drawn convex or concave outlines (a band of a concave site may be in several pieces). Roads
 * are the strips between the use parcels. Geometry is planar, in metres (see geometry.ts).
 */
import { bboxClip, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, longAxisAngle, polyArea, polysArea, rotatePoly, type Poly } from './geometry.ts';

export const USES = ['hostel', 'academic', 'hospital', 'residential', 'other', 'openSpace', 'road'] as const;
export type Use = (typeof USES)[number];
/** Uses that carry buildings. */
export const BUILT_USES: readonly Use[] = ['hostel', 'academic', 'hospital', 'residential', 'other'];

export interface UseShare {
  use: Use;
  /** Share of the site area, 0–1. */
  share: number;
}

export interface Parcel {
  use: Use;
  /** Pieces of the parcel in the site's axis frame (x along the long axis), metres. */
  axisPolys: Poly[];
  /** The same pieces in the local frame (x east, y north), metres. */
  polys: Poly[];
  areaM2: number;
  /** Area its share asked for. */
  targetAreaM2: number;
}

export interface ParcelSplit {
  /** Angle of the long axis in the local frame (radians); axis frame = local rotated by −angle. */
  angle: number;
  siteAreaM2: number;
  parcels: Parcel[];
}

const feature = (p: Poly): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: p } });
const multi = (ps: Poly[]): Feature<MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: ps } });

function polysOf(g: Polygon | MultiPolygon | null | undefined): Poly[] {
  if (!g) return [];
  const ps = g.type === 'Polygon' ? [g.coordinates as Poly] : (g.coordinates as Poly[]);
  return ps.filter((p) => p.length > 0 && p[0].length >= 4);
}

/** Area of the site left of x (axis frame): Sutherland–Hodgman clipping keeps areas exact even for concave shapes. */
function areaLeftOf(site: Poly[], x: number, bb: [number, number, number, number]): number {
  const box: [number, number, number, number] = [bb[0] - 1, bb[1] - 1, x, bb[3] + 1];
  let a = 0;
  for (const p of site) {
    const c = bboxClip(feature(p), box).geometry as Polygon;
    a += polyArea(c.coordinates as Poly);
  }
  return a;
}

/** The part of the site between x0 and x1 (axis frame), as clean polygons. */
function band(site: Poly[], x0: number, x1: number, bb: [number, number, number, number]): Poly[] {
  const rect: Poly = [[[x0, bb[1] - 1], [x1, bb[1] - 1], [x1, bb[3] + 1], [x0, bb[3] + 1], [x0, bb[1] - 1]]];
  try {
    const g = intersect({ type: 'FeatureCollection', features: [multi(site), feature(rect)] });
    return polysOf(g?.geometry);
  } catch {
    // polygon clipping can refuse degenerate input; Sutherland–Hodgman still gives the right area
    return site.flatMap((p) => polysOf(bboxClip(feature(p), [x0, bb[1] - 1, x1, bb[3] + 1]).geometry as Polygon));
  }
}

/**
 * The order of uses along the axis, with road strips between consecutive use parcels. Shares of
 * zero are dropped; a road share with fewer than two use parcels becomes one band at the end.
 */
export function bandOrder(shares: UseShare[]): UseShare[] {
  const uses = shares.filter((s) => s.use !== 'road' && s.share > 0);
  const road = shares.filter((s) => s.use === 'road').reduce((a, s) => a + Math.max(0, s.share), 0);
  if (road <= 0) return uses;
  if (uses.length < 2) return [...uses, { use: 'road', share: road }];
  const strip = road / (uses.length - 1);
  const out: UseShare[] = [];
  uses.forEach((u, i) => { if (i > 0) out.push({ use: 'road', share: strip }); out.push(u); });
  return out;
}

/**
 * Splits a site (local-frame polygons, metres) into parcels whose areas are the given shares of
 * its area (shares are normalised to sum to 1).
 */
export function splitIntoParcels(site: Poly[], shares: UseShare[], angle = longAxisAngle(site.flatMap((p) => p[0] ?? []))): ParcelSplit {
  const total = polysArea(site);
  const order = bandOrder(shares);
  const sum = order.reduce((a, s) => a + s.share, 0);
  const axisSite = site.map((p) => rotatePoly(p, -angle));
  const bb = bboxOf(axisSite);
  if (!(total > 0) || !(sum > 0)) return { angle, siteAreaM2: total, parcels: [] };
  // cut positions: binary search on x for each cumulative share (area left of x grows with x)
  const cuts = [bb[0] - 1];
  let cum = 0;
  for (let i = 0; i < order.length - 1; i++) {
    cum += order[i].share / sum;
    const target = cum * total;
    let lo = cuts[cuts.length - 1], hi = bb[2] + 1;
    for (let it = 0; it < 64 && hi - lo > 1e-7; it++) {
      const mid = (lo + hi) / 2;
      if (areaLeftOf(axisSite, mid, bb) < target) lo = mid; else hi = mid;
    }
    cuts.push((lo + hi) / 2);
  }
  cuts.push(bb[2] + 1);
  const parcels: Parcel[] = order.map((s, i) => {
    const axisPolys = band(axisSite, cuts[i], cuts[i + 1], bb);
    return {
      use: s.use,
      axisPolys,
      polys: axisPolys.map((p) => rotatePoly(p, angle)),
      areaM2: polysArea(axisPolys),
      targetAreaM2: (s.share / sum) * total,
    };
  });
  return { angle, siteAreaM2: total, parcels };
}
