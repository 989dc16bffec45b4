import { describe, expect, it } from 'vitest';
import { interpolateStops, placeLabels } from '../../src/map/labelPlacement.ts';
import { byAreaDescending } from '../../src/map/districtLabels.ts';
import { area as turfArea } from '@turf/turf';
import { DISTRICT_LABEL_SIZE_PX } from '../../src/map/basemapStyle.ts';
import districts from '../../geodata/basemap/districts.json';
import labels from '../../geodata/basemap/district_labels.json';

describe('interpolateStops (MapLibre linear interpolate by zoom)', () => {
  it('holds the end values beyond the stops and is linear between them', () => {
    // size stops 8→10 px, 10→12.5 px: at 9.5, 10 + 2.5 × 0.75 = 11.875
    expect(interpolateStops(DISTRICT_LABEL_SIZE_PX, 9.5)).toBeCloseTo(11.875, 10);
    expect(interpolateStops(DISTRICT_LABEL_SIZE_PX, 7)).toBe(10);
    expect(interpolateStops(DISTRICT_LABEL_SIZE_PX, 8)).toBe(10);
    expect(interpolateStops(DISTRICT_LABEL_SIZE_PX, 12)).toBe(15);
    expect(interpolateStops(DISTRICT_LABEL_SIZE_PX, 20)).toBe(17);
    // 12→15, 14→17: at 13, 16
    expect(interpolateStops(DISTRICT_LABEL_SIZE_PX, 13)).toBe(16);
  });
  it('refuses an empty list', () => {
    expect(() => interpolateStops([], 10)).toThrow(/no stops/);
  });
});

describe('placeLabels (greedy, in priority order, padded boxes)', () => {
  const box = (x: number, y: number, widthPx = 40, heightPx = 20) => ({ x, y, widthPx, heightPx });
  it('leaves out a label whose padded box overlaps one placed before it', () => {
    // a spans x 30–70, b at 84 spans 64–104: overlap of 6 px
    expect(placeLabels([box(50, 50), box(84, 50)], 400, 400, 0)).toEqual([true, false]);
    // b at 92 spans 72–112: 2 px apart, shown without padding, hidden with 4 px (a to 74, b from 68)
    expect(placeLabels([box(50, 50), box(92, 50)], 400, 400, 0)).toEqual([true, true]);
    expect(placeLabels([box(50, 50), box(92, 50)], 400, 400, 4)).toEqual([true, false]);
  });
  it('checks against shown labels only: a hidden label does not hide the next one', () => {
    // b overlaps a (hidden); c overlaps b but not a, so c is shown
    expect(placeLabels([box(50, 50), box(80, 50), box(110, 50)], 400, 400, 0)).toEqual([true, false, true]);
  });
  it('the first in the list wins, whatever its position', () => {
    expect(placeLabels([box(84, 50), box(50, 50)], 400, 400, 0)).toEqual([true, false]);
  });
  it('leaves out a label that would cross the map edge (padding included)', () => {
    // x 0–40 fits with no padding, not with 1 px; bottom edge at 200 likewise
    expect(placeLabels([box(20, 50)], 400, 400, 0)).toEqual([true]);
    expect(placeLabels([box(20, 50)], 400, 400, 1)).toEqual([false]);
    expect(placeLabels([box(200, 190)], 400, 200, 0)).toEqual([true]);
    expect(placeLabels([box(200, 191)], 400, 200, 0)).toEqual([false]);
    expect(placeLabels([box(-50, 50)], 400, 400, 0)).toEqual([false]);
  });
});

describe('district label priority', () => {
  const props = labels.features.map((f) => f.properties);
  it('carries each district\'s area, as turf measures its polygon, to 0.01 km²', () => {
    expect(props).toHaveLength(18);
    for (const p of props) {
      const d = districts.features.find((f) => f.properties.code === p.code)!;
      expect(Math.abs(p.area_km2 - turfArea(d as never) / 1e6), p.code).toBeLessThanOrEqual(0.005);
    }
  });
  it('puts the largest district first: Islands (175 km² of land in our polygons) first, Yau Tsim Mong (6.9 km²) last', () => {
    const order = [...props].sort(byAreaDescending).map((p) => p.code);
    expect(order.slice(0, 5)).toEqual(['T', 'P', 'M', 'N', 'Q']); // Islands, Tai Po, Yuen Long, North, Sai Kung
    expect(order[17]).toBe('E');
  });
  it('breaks a tie by code', () => {
    const a = { code: 'B', name_en: '', name_zh: '', area_km2: 5 };
    const b = { code: 'A', name_en: '', name_zh: '', area_km2: 5 };
    expect([a, b].sort(byAreaDescending).map((p) => p.code)).toEqual(['A', 'B']);
  });
});
