import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { staffOnly } from '../../ui/i18n/board/staff-only.ts';
import { isPlainMessage } from '../../ui/i18n/messages.ts';

/** A catalogue file: ui/i18n/<part>/<lang>.json (`?board`: as a lobby word chunk imports it). */
const CATALOGUE = /[\\/]ui[\\/]i18n[\\/][a-z]+[\\/][a-z]{2}\.json(\?board)?$/;

/** A word chunk of the lobby (ui/i18n/board/<lang>.ts): the catalogues it imports lose their staff-only keys. */
const WORD_CHUNK = /[\\/]ui[\\/]i18n[\\/]board[\\/][a-z]{2}\.ts$/;

/**
 * The catalogues parsed when the page is built, so the page needs no ICU message parser
 * (formatjs's documented way: messages given to intl-messageformat as ASTs, and its parser
 * replaced by `@formatjs/icu-messageformat-parser/no-parser`). A message with nothing to format
 * stays a string (`isPlainMessage`); the others become their AST. The real
 * parser is still there for whoever imports it by name (ui/i18n/board-words.ts loads it for a
 * branch's own wording in ICU syntax).
 */
export function precompiledMessages(): Plugin {
  return {
    name: 'branchboard:precompiled-messages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer && WORD_CHUNK.test(importer) && source.endsWith('.json')) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved && { ...resolved, id: `${resolved.id}?board` };
      }
      if (source === '@formatjs/icu-messageformat-parser' && importer && /[\\/]intl-messageformat[\\/]/.test(importer)) {
        return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { ...options, skipSelf: true });
      }
      return null;
    },
    transform(code, id) {
      if (!CATALOGUE.test(id)) return null;
      const all = Object.entries(JSON.parse(code) as Record<string, string>);
      const messages = id.endsWith('?board') ? all.filter(([key]) => !staffOnly(key)) : all;
      const compiled = Object.fromEntries(messages.map(([key, src]) => [key, isPlainMessage(src) ? src : parse(src)]));
      // A `?board` id is no .json file to Vite: it gets a module (the chunk imports only its default).
      if (id.endsWith('?board')) return { code: `export default ${JSON.stringify(compiled)};`, map: null, moduleType: 'js' };
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
