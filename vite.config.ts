import path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import sirv from 'sirv';
import { readBasemapFiles } from './scripts/lib/basemapFiles.ts';
import { BASEMAP_TILES_PATH, planningBasemapFeatures } from './src/map/planningBasemap.ts';
import { cutBasemapTiles } from './src/map/basemapTiles.ts';

/**
 * `vite preview` gzips every response on the fly. On the two-core machine the benchmarks and
 * browser tests run on, that took 0.3 s of CPU per page load from the browser, all of it while the
 * page was starting (measured from /proc). Static hosting serves files compressed once (nginx
 * `gzip_static`, CDNs), so the build writes .br and .gz copies (vite-plugin-compression2) and the
 * preview server serves them with sirv, ahead of Vite's own middleware. A client that accepts
 * neither encoding gets the file as it is; a path that is no file (the SPA fallback) falls through
 * to Vite as before.
 */
function servePrecompressed(): Plugin {
  return {
    name: 'hp-serve-precompressed',
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(sirv(outDir, { brotli: true, gzip: true, etag: true, extensions: [] }));
    },
  };
}

/**
 * The offline basemap's vector tiles (src/map/basemapTiles.ts), cut from geodata/basemap/ once per
 * build and written to basemap-tiles/{z}/{x}/{y}.pbf beside the app; the development server serves
 * the same tiles from memory.
 */
function basemapTiles(): Plugin {
  // cut on first use (a development server that is never asked for a tile never cuts them)
  let cut: Map<string, Uint8Array> | null = null;
  const tiles = () => (cut ??= cutBasemapTiles(planningBasemapFeatures(readBasemapFiles())));
  return {
    name: 'hp-basemap-tiles',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/basemap-tiles\/(\d+\/\d+\/\d+)\.pbf$/.exec((req.url ?? '').split('?')[0]);
        if (!m) return next();
        const bytes = tiles().get(m[1]);
        if (!bytes) { res.statusCode = 404; res.end(); return; }
        res.setHeader('Content-Type', 'application/x-protobuf');
        res.end(Buffer.from(bytes));
      });
    },
    generateBundle() {
      for (const [key, bytes] of tiles()) this.emitFile({ type: 'asset', fileName: `${BASEMAP_TILES_PATH}${key}.pbf`, source: bytes });
    },
  };
}

/**
 * ASCII-only JavaScript: one non-ASCII character (MapLibre's bundle has ~450) makes Chrome decode a
 * whole script into a two-byte string on the main thread, 61 ms for the 1.1 MB map chunk in a trace
 * of the first render. Escaped (\uXXXX), the strings are the same at run time, and the build's 19 chunks
 * gzip (level 9) to 1,015,647 bytes instead of 1,016,143.
 */
const asciiOutput = { output: { charset: 'ascii' as const } };

// One config for the app build and the unit tests (vitest reads the `test` block).
export default defineConfig({
  plugins: [react(), basemapTiles(), compression({ algorithms: ['brotliCompress', 'gzip'] }), servePrecompressed()],
  base: './',
  worker: { format: 'es', rolldownOptions: asciiOutput },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: asciiOutput,
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'workers/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
