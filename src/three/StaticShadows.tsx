/**
 * The sun's shadow map depends on the buildings and the sun, not on the camera (its shadow camera
 * is fitted to the site), so it is drawn again only when they change: orbiting the view costs one
 * pass per frame instead of two.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';

export function StaticShadows({ deps }: { deps: unknown[] }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => { gl.shadowMap.autoUpdate = false; gl.shadowMap.needsUpdate = true; }, [gl]);
  useEffect(() => {
    gl.shadowMap.needsUpdate = true;
    invalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gl, invalidate, ...deps]);
  return null;
}
