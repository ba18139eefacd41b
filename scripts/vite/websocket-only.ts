import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const SHIM = '\0websocket-only-transports';

/**
 * The lobby speaks Socket.IO over WebSocket only (`transports: ['websocket']`, ui/stream/
 * branch-stream.ts), but engine.io-client's Socket imports its table of every transport
 * (HTTP long-polling, WebTransport), so all of them reach the screen's bundle. This plugin gives
 * engine.io-client's socket.js a table holding only the WebSocket transport (the browser's).
 * A page built with it cannot fall back to long-polling: use it only where every socket is
 * created with `transports: ['websocket']`. The other transports' modules are marked free of side
 * effects (their only top-level code probes for XMLHttpRequest), so what nothing uses is dropped.
 */
export function websocketOnly(): Plugin {
  let websocket = '';
  return {
    name: 'branchboard:websocket-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './transports/index.js' && importer && /engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(importer)) {
        websocket = join(dirname(importer), 'transports', 'websocket.js');
        return SHIM;
      }
      return null;
    },
    // socket.io-client re-exports every transport; the unused ones go if their feature probes may.
    transform(code, id) {
      if (/engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/](polling|polling-xhr|polling-fetch|webtransport)\.js$/.test(id)) return { code, moduleSideEffects: false };
      return null;
    },
    load(id) {
      if (id !== SHIM) return null;
      return `import { WS } from ${JSON.stringify(websocket)};\nexport const transports = { websocket: WS };\n`;
    },
  };
}
