/**
 * MapLibre (5.x, 6.x) draws its sky pass on every frame, whatever the projection and pitch: a
 * full-screen quad with its own shader program, drawn before the layers. Our map cannot leave
 * pitch 0 (maxPitch 0; dragRotate, pitchWithRotate and touchPitch are off) and its first layer is an opaque
 * background, so the sky is never seen. Under software WebGL (a laptop without a GPU driver, and the
 * benchmark's headless Chromium) the pass still costs a shader pipeline at the first frame and a
 * full-screen fill on every frame; without it the first full render took 3.73 s against 3.88 s
 * (medians of a same-run comparison, 7 runs each).
 *
 * This reaches into MapLibre's painter, which is not public API, so it checks the shape it expects
 * and does nothing otherwise; the browser test asserts that the sky program is never built, so an
 * upgrade that moves the pass shows up as a failing test, not as a silent slowdown.
 */
type PainterLike = { drawFunctions?: Record<string, unknown> };

/** Returns true when the sky pass was removed. Call right after `new maplibregl.Map(...)`. */
export function skipHiddenSky(map: object): boolean {
  const painter = (map as { painter?: PainterLike }).painter;
  const fns = painter?.drawFunctions;
  if (!painter || !fns || typeof fns.sky !== 'function') return false;
  // a copy: MapLibre shares one draw-function table between all its maps
  painter.drawFunctions = { ...fns, sky: () => {} };
  return true;
}
