/**
 * Where the district names go on the planning map (pure; src/map/districtLabels.ts puts them in the
 * page). The same rules MapLibre's symbol layer applied to them before they became page text:
 * a zoom-dependent size and opacity, and a label is left out when its box, padded, would overlap
 * the box of a label placed before it or leave the map.
 */

/** `[zoom, value]` stops, linear between them and held beyond the ends (MapLibre's `interpolate`). */
export type ZoomStops = readonly (readonly [number, number])[];

export function interpolateStops(stops: ZoomStops, zoom: number): number {
  if (stops.length === 0) throw new Error('interpolateStops: no stops');
  if (zoom <= stops[0][0]) return stops[0][1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i];
    if (zoom <= z1) {
      const [z0, v0] = stops[i - 1];
      return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
    }
  }
  return stops[stops.length - 1][1];
}

/** A label's centre on screen and its size there, in CSS pixels. */
export interface LabelBox {
  x: number;
  y: number;
  widthPx: number;
  heightPx: number;
}

/**
 * Which labels to show, in priority order (the first is placed first): a label is shown when its box
 * grown by `paddingPx` on every side neither overlaps a shown label's grown box nor reaches past the
 * edges of a `widthPx` × `heightPx` map. Greedy, like MapLibre's collision index.
 */
export function placeLabels(boxes: readonly LabelBox[], widthPx: number, heightPx: number, paddingPx: number): boolean[] {
  const shown: { x0: number; y0: number; x1: number; y1: number }[] = [];
  return boxes.map((b) => {
    const r = {
      x0: b.x - b.widthPx / 2 - paddingPx,
      y0: b.y - b.heightPx / 2 - paddingPx,
      x1: b.x + b.widthPx / 2 + paddingPx,
      y1: b.y + b.heightPx / 2 + paddingPx,
    };
    if (!(r.x0 >= 0 && r.y0 >= 0 && r.x1 <= widthPx && r.y1 <= heightPx)) return false;
    if (shown.some((s) => r.x0 < s.x1 && s.x0 < r.x1 && r.y0 < s.y1 && s.y0 < r.y1)) return false;
    shown.push(r);
    return true;
  });
}
