import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One build for both browser apps: the lobby screen (display/) and the staff app (admin/).
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        display: resolve(import.meta.dirname, 'display/index.html'),
        admin: resolve(import.meta.dirname, 'admin/index.html'),
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        ticket: resolve(import.meta.dirname, 'ticket/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
