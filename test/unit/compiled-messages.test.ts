import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCatalogue } from '../../scripts/vite/precompiled-messages';
import { LANGUAGES } from '../../ui/i18n/languages';

/**
 * The lobby's catalogues are compiled to functions when it is built (@messageformat/core,
 * scripts/vite/precompiled-messages.ts); every other page, and a branch's own wording, is
 * formatted by intl-messageformat. Both must say the same: every message of the parts the lobby
 * build holds, in every language, with every value its selects know, plural counts and plain
 * arguments, gives the same text through the compiled module as through intl-messageformat.
 */
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.tmp', `compiled-messages-${process.pid}`);
const PARTS = readdirSync(join(root, 'ui', 'i18n'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !['board', 'parts', 'console', 'tablet', 'kiosk'].includes(d.name))
  .map((d) => d.name);
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 1000, 1000000];

type Args = Record<string, string | number>;

/** The arguments a message takes: a select's values, a plural's counts, or a plain text. */
function argsOf(elements: MessageFormatElement[], into = new Map<string, (string | number)[]>()): Map<string, (string | number)[]> {
  for (const el of elements) {
    if (el.type === 5) into.set(el.value, [...Object.keys(el.options), 'something-else']);
    else if (el.type === 6) into.set(el.value, COUNTS);
    else if ((el.type === 1 || el.type === 2) && !into.has(el.value)) into.set(el.value, [`«${el.value}»`]);
    if (el.type === 5 || el.type === 6) for (const o of Object.values(el.options)) argsOf(o.value, into);
    if (el.type === 8) argsOf(el.children, into);
  }
  return into;
}

/** Each value of each argument in turn, the others at their first. */
function cases(args: Map<string, (string | number)[]>): Args[] {
  const base = Object.fromEntries([...args].map(([k, v]) => [k, v[0]!]));
  return [base, ...[...args].flatMap(([k, values]) => values.slice(1).map((v) => ({ ...base, [k]: v })))];
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the lobby’s compiled catalogues', () => {
  it('say what intl-messageformat says, for every message, language and argument value', async () => {
    mkdirSync(dir, { recursive: true });
    let compared = 0;
    for (const part of PARTS) {
      for (const lang of LANGUAGES) {
        const messages = Object.entries(JSON.parse(readFileSync(join(root, 'ui', 'i18n', part, `${lang}.json`), 'utf8')) as Record<string, string>);
        const file = join(dir, `${part}-${lang}.mjs`);
        writeFileSync(file, compiledCatalogue(lang, messages));
        const compiled = (await import(pathToFileURL(file).href)).default as Record<string, string | ((a: Args) => string)>;
        for (const [key, src] of messages) {
          const own = compiled[key];
          expect(own, `${part}/${lang} ${key}`).toBeDefined();
          for (const args of cases(argsOf(parse(src)))) {
            const expected = String(new IntlMessageFormat(src, lang).format(args));
            expect(typeof own === 'string' ? own : own!(args), `${lang} ${key} ${JSON.stringify(args)}`).toBe(expected);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
