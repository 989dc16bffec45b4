import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { HEMI_GROUND, displayColor, litColor, type SceneLighting } from '../../src/three/lighting.ts';

const L = (intensity: number, dir: [number, number, number], hemiIntensity = 1): SceneLighting => ({ dir: new THREE.Vector3(...dir), intensity, hemiIntensity });

describe('baked lighting (3D view)', () => {
  it('a face turned away from the sun and facing down gets only the ground colour of the sky light', () => {
    const out = litColor(new THREE.Color(1, 1, 1), 0, -1, 0, L(2, [0, 1, 0]), new THREE.Color());
    const g = new THREE.Color(HEMI_GROUND);
    expect(out.r).toBeCloseTo(g.r / Math.PI, 12);
    expect(out.b).toBeCloseTo(g.b / Math.PI, 12);
  });
  it('facing the sun adds intensity · base / π: 2 · 0.5 / π = 0.3183', () => {
    const base = new THREE.Color(0.5, 0.5, 0.5);
    const lit = litColor(base, 1, 0, 0, L(2, [1, 0, 0]), new THREE.Color());
    const shaded = litColor(base, -1, 0, 0, L(2, [1, 0, 0]), new THREE.Color());
    expect(lit.r - shaded.r).toBeCloseTo(1 / Math.PI, 12);
  });
  it('puts linear 0.5 on screen as sRGB 0.7354 without tone mapping', () => {
    // 1.055 · 0.5^(1/2.4) − 0.055 = 1.055 · 0.74915 − 0.055 = 0.73536
    const out = displayColor(new THREE.Color(0.5, 0.002, 0), { toneMapping: THREE.NoToneMapping, exposure: 1 }, new THREE.Color());
    expect(out.r).toBeCloseTo(0.73536, 3);
    expect(out.g).toBeCloseTo(0.002 * 12.92, 10);
    expect(out.b).toBe(0);
  });
  it('ACES keeps black black and brightness in order', () => {
    const aces = { toneMapping: THREE.ACESFilmicToneMapping, exposure: 1 };
    expect(displayColor(new THREE.Color(0, 0, 0), aces, new THREE.Color()).r).toBe(0);
    const a = displayColor(new THREE.Color(0.2, 0.2, 0.2), aces, new THREE.Color()).r;
    const b = displayColor(new THREE.Color(0.8, 0.8, 0.8), aces, new THREE.Color()).r;
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThanOrEqual(1);
  });
});
