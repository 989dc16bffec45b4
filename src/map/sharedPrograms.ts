/**
 * One compiled shader per layer type.
 *
 * MapLibre compiles a separate WebGL program for every combination of "which paint properties are
 * constant, zoom-driven or per-feature" a layer uses: the planning map's 31 layers needed 18
 * programs. Under software WebGL (SwiftShader, 2 cores, as in CI and on GPU-less office machines)
 * each one costs ~25 ms of main-thread compiling plus a pipeline build in the GPU process before the
 * first frame can be drawn, which made up a large part of the map's first render.
 *
 * This module rewrites the program-relevant paint properties of fill, line and circle layers into
 * the same form: a zoom interpolation whose outputs depend on the feature (the "composite" kind).
 * The values drawn are unchanged — a constant becomes `case(has(…), v, v)` at zoom 0 and 24 — but
 * every layer of a type now shares one program. Properties a layer leaves unset get MapLibre's
 * default in the same form.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

type PaintValue = unknown;

/** The data-driven paint properties that select a program, with MapLibre's defaults. */
export const SHARED_PAINT: Record<'fill' | 'line' | 'circle', Record<string, PaintValue>> = {
  fill: { 'fill-color': '#000000', 'fill-opacity': 1 },
  line: { 'line-color': '#000000', 'line-opacity': 1, 'line-width': 1 },
  circle: {
    'circle-radius': 5,
    'circle-color': '#000000',
    'circle-opacity': 1,
    'circle-stroke-color': '#000000',
    'circle-stroke-width': 0,
    'circle-stroke-opacity': 1,
  },
};

const FEATURE_OPS = new Set(['get', 'has', 'feature-state', 'properties', 'id', 'geometry-type', 'in', 'global-state']);

function uses(v: PaintValue, test: (op: string) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  if (typeof v[0] === 'string' && test(v[0])) return true;
  return v.some((x) => uses(x, test));
}
const isFeatureDependent = (v: PaintValue) => uses(v, (op) => FEATURE_OPS.has(op));
const isZoomDependent = (v: PaintValue) => uses(v, (op) => op === 'zoom');

/** A value that is the same for every feature but that MapLibre must treat as per-feature. */
function perFeature(v: PaintValue): ExpressionSpecification {
  // no feature has this key, so the expression is always `v`
  return ['case', ['has', '\u0000shared-program'], v, v] as ExpressionSpecification;
}

const overZoom = (v: PaintValue): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], 0, v, 24, v] as ExpressionSpecification;

/** `value` (of one of the SHARED_PAINT properties) in the composite form; draws the same. */
export function sharedPaintValue<T>(value: T): T {
  return composite(value) as T;
}

function composite(value: PaintValue): PaintValue {
  const feature = isFeatureDependent(value);
  const zoom = isZoomDependent(value);
  if (feature && zoom) return value; // already composite
  if (feature) return overZoom(value);
  if (!zoom) return overZoom(perFeature(value));
  // zoom only: a top-level interpolate or step on zoom; make each stop's output per-feature
  if (Array.isArray(value) && value[0] === 'interpolate') {
    return [...value.slice(0, 3), ...value.slice(3).map((x, i) => (i % 2 === 1 ? perFeature(x) : x))];
  }
  if (Array.isArray(value) && value[0] === 'step') {
    return [...value.slice(0, 2), ...value.slice(2).map((x, i) => (i % 2 === 0 ? perFeature(x) : x))];
  }
  return value; // another zoom expression: left as it is (it costs a program of its own)
}

/** The layer with its program-relevant paint in the shared form (other layer types unchanged). */
export function shareProgram<L extends LayerSpecification>(layer: L): L {
  if (layer.type !== 'fill' && layer.type !== 'line' && layer.type !== 'circle') return layer;
  const defaults = SHARED_PAINT[layer.type];
  const paint: Record<string, PaintValue> = { ...(layer.paint as Record<string, PaintValue> | undefined) };
  for (const [prop, def] of Object.entries(defaults)) paint[prop] = composite(paint[prop] ?? def);
  // the antialiasing outline of a fill follows the fill colour unless set
  if (layer.type === 'fill' && paint['fill-outline-color'] === undefined) paint['fill-outline-color'] = paint['fill-color'];
  else if (layer.type === 'fill') paint['fill-outline-color'] = composite(paint['fill-outline-color']);
  return { ...layer, paint } as L;
}
