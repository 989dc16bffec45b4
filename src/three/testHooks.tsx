/**
 * Hooks for the browser tests and the benchmark: the renderer, scene, camera and invalidate on
 * window.__three, and window.__r3fFrames counting rendered frames.
 */
import { useEffect } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Camera, Scene, WebGLRenderer } from 'three';

export interface ThreeHandle {
  renderer: WebGLRenderer;
  scene: Scene;
  camera: Camera;
  invalidate: () => void;
}

export interface View3dHook {
  /** Replaces the site's buildings with n synthetic ones (null = back to the site); `context: false` hides everything else. */
  setSynthetic(n: number | null, opts?: { context?: boolean }): void;
  /** What is drawn now. */
  state(): { siteId: string; buildings: number; ghosted: number; maxHeightM: number; beds: number; year: number };
}

declare global {
  interface Window {
    __three?: ThreeHandle;
    __r3fFrames?: number;
    __view3d?: View3dHook;
  }
}

/** Counts rendered frames and publishes the three handles while the canvas is mounted. */
export function TestHooks() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useFrame(() => { window.__r3fFrames = (window.__r3fFrames ?? 0) + 1; });
  useEffect(() => { window.__r3fFrames = 0; }, []);
  useEffect(() => {
    window.__three = { renderer: gl, scene, camera, invalidate: () => invalidate() };
    return () => { if (window.__three?.renderer === gl) delete window.__three; };
  }, [gl, scene, camera, invalidate]);
  return null;
}
