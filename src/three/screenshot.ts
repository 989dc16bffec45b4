/** Saves the 3D canvas as a PNG (the canvas keeps its drawing buffer, so it can be read after a render). */
import type { Camera, Scene, WebGLRenderer } from 'three';

export function saveScreenshot(gl: WebGLRenderer, scene: Scene, camera: Camera, filename: string): void {
  gl.render(scene, camera);
  gl.domElement.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}
