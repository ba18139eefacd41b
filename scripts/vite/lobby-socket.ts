import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const LITE = resolve(import.meta.dirname, '..', '..', 'ui', 'stream', 'websocket-io.ts');

/**
 * The lobby's `socket.io-client` is ui/stream/websocket-io.ts: the calls the screen makes
 * (ui/stream/branch-stream.ts, display/lib/screen-link.ts) over the browser's WebSocket, 1 KB
 * instead of socket.io-client, engine.io-client and their parsers (10 KB gzipped, a fifth of what
 * a TV loaded; issue 9). Only for the lobby build: the staff pages keep the library (long-polling
 * where a proxy blocks WebSockets, acknowledgements, the staff namespace).
 */
export function lobbySocket(): Plugin {
  return {
    name: 'branchboard:lobby-socket',
    enforce: 'pre',
    resolveId(id) {
      return id === 'socket.io-client' ? LITE : null;
    },
  };
}
