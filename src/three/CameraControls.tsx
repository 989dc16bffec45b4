/**
 * Orbit, pan and zoom (three's OrbitControls) with limits that keep the site in view: never below
 * the ground, not further than a few site radii, and the orbit centre kept near the site. Every
 * change asks for one frame (the canvas renders on demand).
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export function CameraControls({ radiusM }: { radiusM: number }) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const c = new OrbitControls(camera, gl.domElement);
    c.enableDamping = false; // damping needs a continuous loop
    c.minDistance = Math.max(30, radiusM * 0.15);
    c.maxDistance = radiusM * 6;
    c.maxPolarAngle = Math.PI * 0.47; // stay above the ground
    c.screenSpacePanning = false; // pan along the ground
    c.zoomToCursor = true;
    const limit = radiusM * 1.5;
    const persp = camera as THREE.PerspectiveCamera;
    persp.near = Math.max(0.5, radiusM / 500);
    persp.far = radiusM * 40;
    persp.position.set(radiusM * 0.9, radiusM * 1.0, radiusM * 1.5);
    persp.updateProjectionMatrix();
    c.target.set(0, 0, 0);
    c.update();
    const delta = new THREE.Vector3();
    const onChange = () => {
      // keep the orbit centre on the ground within reach of the site; move the camera with it
      const t = c.target;
      const cx = THREE.MathUtils.clamp(t.x, -limit, limit), cz = THREE.MathUtils.clamp(t.z, -limit, limit);
      if (cx !== t.x || cz !== t.z || t.y !== 0) {
        delta.set(cx - t.x, -t.y, cz - t.z);
        t.add(delta);
        camera.position.add(delta);
      }
      invalidate();
    };
    c.addEventListener('change', onChange);
    invalidate();
    return () => { c.removeEventListener('change', onChange); c.dispose(); };
  }, [camera, gl, radiusM, invalidate]);
  return null;
}
