/**
 * The scene's lights for a sun position (used by SunLight.tsx), and the same lighting baked into
 * vertex colours for meshes that receive no shadows. Flat faces lit by a directional and a
 * hemisphere light without shadows have one colour per face, so an unlit material with per-face
 * vertex colours looks like MeshLambertMaterial while costing a software renderer (SwiftShader)
 * far less per pixel: about a third of a frame at 2,000 buildings.
 */
import * as THREE from 'three';
import type { Sun } from './sun.ts';

export const HEMI_SKY = '#f4f8ff';
export const HEMI_GROUND = '#5c584c';

export interface SceneLighting {
  /** Unit vector toward the directional light (its position minus its target). */
  dir: THREE.Vector3;
  /** Directional light intensity (white light). */
  intensity: number;
  hemiIntensity: number;
}

export function sceneLighting(sun: Sun): SceneLighting {
  const [x, y, z] = sun.dir;
  return {
    dir: new THREE.Vector3(x, Math.max(y, 0.02), z).normalize(),
    intensity: sun.up ? 0.6 + 1.8 * Math.min(1, Math.sin((Math.max(0, sun.altitudeDeg) * Math.PI) / 180) * 1.5) : 0,
    hemiIntensity: sun.up ? 1.2 : 0.9,
  };
}

const sky = new THREE.Color(), ground = new THREE.Color(), irr = new THREE.Color();

/**
 * Writes into `out` (linear RGB) the colour MeshLambertMaterial gives a face of normal (nx, ny, nz)
 * and linear base colour `base`, without shadows: base/π · (sun · max(0, n·l) + hemisphere(n)).
 * Tone mapping and output colour space are applied by the material as for any other.
 */
export function litColor(base: THREE.Color, nx: number, ny: number, nz: number, L: SceneLighting, out: THREE.Color): THREE.Color {
  sky.set(HEMI_SKY).multiplyScalar(L.hemiIntensity);
  ground.set(HEMI_GROUND).multiplyScalar(L.hemiIntensity);
  irr.copy(ground).lerp(sky, 0.5 * ny + 0.5);
  const dotNL = Math.max(0, nx * L.dir.x + ny * L.dir.y + nz * L.dir.z);
  const direct = dotNL * L.intensity;
  irr.r += direct; irr.g += direct; irr.b += direct;
  return out.setRGB((base.r * irr.r) / Math.PI, (base.g * irr.g) / Math.PI, (base.b * irr.b) / Math.PI);
}

/** How the renderer turns linear colours into screen colours (renderer.toneMapping and its exposure). */
export interface Display { toneMapping: THREE.ToneMapping; exposure: number }

const ACES_IN = [[0.59719, 0.35458, 0.04823], [0.076, 0.90834, 0.01566], [0.0284, 0.13383, 0.83777]];
const ACES_OUT = [[1.60475, -0.53108, -0.07367], [-0.10208, 1.10813, -0.00605], [-0.00327, -0.07276, 1.07602]];
const rrt = (v: number) => (v * (v + 0.0245786) - 0.000090537) / (v * (0.983729 * v + 0.432951) + 0.238081);
const toSrgb = (c: number) => (c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 0.41666) - 0.055);
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * A linear colour as the renderer would put it on screen: three's ACES filmic tone mapping (or
 * none) and sRGB output, as in tonemapping_pars_fragment and colorspace_fragment. Baking this too
 * lets the baked meshes' shader (bakedMaterial) skip both per pixel.
 */
export function displayColor(c: THREE.Color, d: Display, out: THREE.Color): THREE.Color {
  let r = c.r, g = c.g, b = c.b;
  if (d.toneMapping === THREE.ACESFilmicToneMapping) {
    const k = d.exposure / 0.6;
    r *= k; g *= k; b *= k;
    const [i0, i1, i2] = ACES_IN.map((m) => rrt(m[0] * r + m[1] * g + m[2] * b));
    [r, g, b] = ACES_OUT.map((m) => m[0] * i0 + m[1] * i1 + m[2] * i2);
  } else if (d.toneMapping !== THREE.NoToneMapping) {
    throw new Error(`baked lighting supports ACES filmic or no tone mapping, not ${d.toneMapping}`);
  }
  return out.setRGB(toSrgb(clamp01(r)), toSrgb(clamp01(g)), toSrgb(clamp01(b)), THREE.LinearSRGBColorSpace);
}

/**
 * The material of meshes whose vertex colours are already screen colours (displayColor): no
 * lighting, tone mapping or colour conversion per pixel, the cheapest shading a software renderer
 * can do.
 */
export function bakedMaterial(opts: { transparent?: boolean; opacity?: number } = {}): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    vertexColors: true,
    transparent: opts.transparent ?? false,
    depthWrite: !opts.transparent,
    uniforms: { opacity: { value: opts.opacity ?? 1 } },
    vertexShader: 'varying vec3 vColor;\nvoid main() { vColor = color; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }',
    fragmentShader: 'uniform float opacity;\nvarying vec3 vColor;\nvoid main() { gl_FragColor = vec4(vColor, opacity); }',
  });
}
