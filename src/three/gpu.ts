/**
 * Whether WebGL runs on a software renderer (SwiftShader, llvmpipe: headless browsers, machines
 * without a GPU). There the view turns off multisampling, which costs such renderers a lot and a
 * GPU almost nothing. Probed once with a throw-away context.
 */
let cached: boolean | null = null;

export function softwareRenderer(): boolean {
  if (cached !== null) return cached;
  cached = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2') as WebGL2RenderingContext | null;
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      cached = /swiftshader|llvmpipe|software/i.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    cached = false;
  }
  return cached;
}
