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
