import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { isPlainMessage } from '../../ui/i18n/messages.ts';

/** A catalogue file: ui/i18n/<part>/<lang>.json. */
const CATALOGUE = /[\\/]ui[\\/]i18n[\\/][a-z]+[\\/][a-z]{2}\.json$/;

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
      if (source === '@formatjs/icu-messageformat-parser' && importer && /[\\/]intl-messageformat[\\/]/.test(importer)) {
        return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { ...options, skipSelf: true });
      }
      return null;
    },
    transform(code, id) {
      if (!CATALOGUE.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(Object.entries(messages).map(([key, src]) => [key, isPlainMessage(src) ? src : parse(src)]));
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
