import type { Plugin } from 'vite';

/** The module Vite wraps every dynamic import in (`__vitePreload(() => import(…), deps)`). */
const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Vite wraps each dynamic import of a page in a helper (1.6 kB) that first adds
 * `<link rel="modulepreload">`s for the imported chunk's dependencies. The lobby builds with
 * `modulePreload: false` and no CSS files, so the list it is given is always empty (the server
 * preloads the word chunks in the page instead: server/http/lobby-page.ts), and the helper only
 * calls the import. This gives it just that. The helper's `vite:preloadError` event is not
 * listened to by the lobby: a failed import rejects as it did.
 */
export function noPreloadHelper(): Plugin {
  return {
    name: 'branchboard:no-preload-helper',
    enforce: 'pre',
    resolveId(id) {
      return id === PRELOAD_HELPER ? id : null;
    },
    load(id) {
      return id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();\n' : null;
    },
  };
}
