import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/lib/compile-module';
import type { Plugin } from 'vite';
import { staffOnly } from '../../ui/i18n/board/staff-only.ts';
import { isPlainMessage } from '../../ui/i18n/messages.ts';

/** A catalogue file: ui/i18n/<part>/<lang>.json (`?board`: as a lobby word chunk imports it). */
const CATALOGUE = /[\\/]ui[\\/]i18n[\\/][a-z]+[\\/]([a-z]{2})\.json(\?board)?$/;

/** A word chunk of the lobby (ui/i18n/board/<lang>.ts): the catalogues it imports lose their staff-only keys. */
const WORD_CHUNK = /[\\/]ui[\\/]i18n[\\/]board[\\/][a-z]{2}\.ts$/;

/** The localizer, whose ICU compiler (intl-messageformat) the lobby loads only on demand. */
const LOCALIZER = /[\\/]ui[\\/]i18n[\\/]localize\.ts$/;

/**
 * The catalogues compiled when the page is built, so the page needs neither an ICU message parser
 * nor a formatter: each message with something to format becomes a plain function over the
 * runtime's plural and select helpers and `Intl.NumberFormat` (@messageformat/core's
 * `compileModule`, in the language of the file); a message with nothing to format stays a string
 * (`isPlainMessage`). intl-messageformat and its parser still come, on demand, for a branch's own
 * wording in ICU syntax (ui/i18n/board-words.ts loads ui/i18n/icu-with-parser.ts): the
 * localizer's ICU compiler is ui/i18n/icu-on-demand.ts here, and intl-messageformat's own import
 * of the parser is `no-parser` (icu-with-parser.ts hands it the real one).
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
      if (source === './icu' && importer && LOCALIZER.test(importer)) {
        return this.resolve('./icu-on-demand', importer, { ...options, skipSelf: true });
      }
      if (source === '@formatjs/icu-messageformat-parser' && importer && /[\\/]intl-messageformat[\\/]/.test(importer)) {
        return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js', importer, { ...options, skipSelf: true });
      }
      return null;
    },
    transform(code, id) {
      const m = CATALOGUE.exec(id);
      if (!m) return null;
      const all = Object.entries(JSON.parse(code) as Record<string, string>);
      const messages = id.endsWith('?board') ? all.filter(([key]) => !staffOnly(key)) : all;
      return { code: compiledCatalogue(m[1]!, messages), map: null, moduleType: 'js' };
    },
  };
}

/** One catalogue file as an ES module: its plain messages as strings, the others as functions. */
export function compiledCatalogue(lang: string, messages: [string, string][]): string {
  const plain = Object.fromEntries(messages.filter(([, src]) => isPlainMessage(src)));
  const icu = Object.fromEntries(messages.filter(([, src]) => !isPlainMessage(src)));
  if (!Object.keys(icu).length) return `export default ${JSON.stringify(plain)};`;
  const module = compileModule(new MessageFormat(lang), icu);
  if (!module.includes('export default {')) throw new Error(`unexpected compileModule output for ${lang}`);
  return `${module.replace('export default {', 'const compiled = {')}\nexport default Object.assign(${JSON.stringify(plain)}, compiled);\n`;
}
