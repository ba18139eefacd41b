import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { gzippedAssets } from './scripts/vite/gzipped-assets.ts';
import { minifiedLitCss } from './scripts/vite/minified-lit-css.ts';
import { noPreloadHelper } from './scripts/vite/no-preload-helper.ts';
import { precompiledMessages } from './scripts/vite/precompiled-messages.ts';
import { websocketOnly } from './scripts/vite/websocket-only.ts';

const page = (name: string) => resolve(import.meta.dirname, name, 'index.html');

/**
 * Two builds into one dist/: the staff app, kiosk and phone ticket share their chunks (`client`),
 * while the lobby screen (display/) is built on its own (`lobby`), so it is one script holding only
 * what it uses, rather than two dozen chunks shared with the other pages (issue 9: its size and
 * its time to first paint).
 */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  builder: {},
  // The lobby's own: WebSocket-only engine.io, catalogues compiled at build time (no parser nor formatter shipped), minified component CSS, no preload helper.
  plugins: [
    ...[websocketOnly(), precompiledMessages(), minifiedLitCss(), noPreloadHelper()].map((p) => ({ ...p, applyToEnvironment: (env: { name: string }) => env.name === 'lobby' })),
    // Every page's scripts also gzipped, sent as such (server/http/precompressed.ts).
    gzippedAssets(),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
  },
  environments: {
    client: {
      build: {
        emptyOutDir: true,
        rollupOptions: { input: { admin: page('admin'), kiosk: page('kiosk'), ticket: page('ticket') } },
      },
    },
    lobby: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        // One script and a few chunks without imports of their own: nothing to preload, so no preload helper.
        modulePreload: false,
        // Which chunk holds which language's words: the server preloads those of a branch (server/http/lobby-page.ts).
        manifest: '.vite/lobby-manifest.json',
        rollupOptions: { input: { display: page('display') } },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
