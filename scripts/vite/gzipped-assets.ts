import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Beside each script of the build, the same file gzipped (`x.js.gz`, level 9, made once here),
 * which the server sends to a browser that accepts gzip (server/http/precompressed.ts): a lobby
 * TV on a branch's Wi-Fi downloads its 38 KB, not the 126 KB of the minified script (issue 9
 * counts the lobby's JavaScript gzipped; until now the server sent it as it is). Made from the
 * files as written, after every other plugin has had its say on them.
 */
export function gzippedAssets(): Plugin {
  return {
    name: 'branchboard:gzipped-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.fileName.endsWith('.js')) continue;
        const path = join(options.dir!, file.fileName);
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
      }
    },
  };
}
