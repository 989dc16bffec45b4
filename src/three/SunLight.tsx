/**
 * Sunlight for a date and hour: a directional light placed along the sun's direction with its
 * shadow camera fitted around the site, plus sky light so that shaded faces stay readable.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import * as THREE from 'three';
import type { Sun } from './sun.ts';
import { HEMI_GROUND, HEMI_SKY, sceneLighting } from './lighting.ts';

export function SunLight({ sun, radiusM, maxHeightM }: { sun: Sun; radiusM: number; maxHeightM: number }) {
  const invalidate = useThree((s) => s.invalidate);
  const light = useMemo(() => {
    const l = new THREE.DirectionalLight('#ffffff', 2.2);
    l.castShadow = true;
    l.shadow.mapSize.set(2048, 2048);
    l.shadow.bias = -0.0002;
    l.shadow.normalBias = 1.2; // metres: one shadow-map texel covers ~0.5 m at Ngau Tam Mei
    return l;
  }, []);
  useEffect(() => () => light.dispose(), [light]);
  useEffect(() => {
    // the shadow camera covers the site and the shadows its tallest building casts on it
    const r = radiusM + Math.max(20, maxHeightM) * 1.5;
    const dist = r * 3;
    const L = sceneLighting(sun);
    light.position.copy(L.dir).multiplyScalar(dist);
    light.target.position.set(0, 0, 0);
    light.target.updateMatrixWorld();
    const cam = light.shadow.camera;
    cam.left = -r; cam.right = r; cam.top = r; cam.bottom = -r;
    cam.near = 1; cam.far = dist * 2;
    cam.updateProjectionMatrix();
    light.intensity = L.intensity;
    light.castShadow = sun.up;
    light.shadow.needsUpdate = true;
    invalidate();
  }, [sun, radiusM, maxHeightM, light, invalidate]);
  return (
    <>
      <primitive object={light} />
      <primitive object={light.target} />
      <hemisphereLight args={[HEMI_SKY, HEMI_GROUND, sceneLighting(sun).hemiIntensity]} />
    </>
  );
}
