import { pickText, type BranchConfig, type NoticeScope } from '../../core/client';
import { t } from '../i18n/localize';
import { wordsLanguage } from '../i18n/languages';
import { localTexts, mixedLine, type LangText } from './lang-text';

/**
 * Where a notice applies, in words: the same names on the lobby, the phone, the tablet and the
 * console. Names of counters and services are the manager's, in `lang` or the branch's languages.
 */

/** The names a scope lists, joined: "Sportello 2, Sportello 3"; "Whole branch" for the branch. */
export function scopeNames(scope: NoticeScope, config: BranchConfig | null, lang: string): string {
  if (scope.type === 'branch') return t(lang, 'common.scope.branch');
  const items = scope.type === 'counters' ? (config?.counters ?? []) : (config?.services ?? []);
  const branchLangs = config?.languages ?? [];
  return scope.ids
    .map((id) => {
      const item = items.find((x) => x.id === id);
      return item ? pickText(item.name, lang, branchLangs) : id;
    })
    .join(', ');
}

/**
 * `scopeNames` for a reader of `lang` on a public screen, marked: the names are the manager's, as
 * the counter tiles show them (a pt reader gets the English name when there is no Portuguese one),
 * each under its own language; "Whole branch" is the fixed words, in English for pt.
 */
export function scopeLine(scope: NoticeScope, config: BranchConfig | null, lang: string): LangText {
  const words = wordsLanguage(lang);
  if (scope.type === 'branch') return { lang: words, text: t(words, 'common.scope.branch') };
  const items = scope.type === 'counters' ? (config?.counters ?? []) : (config?.services ?? []);
  const names = scope.ids.map((id): LangText => {
    const item = items.find((x) => x.id === id);
    return (item && localTexts(item.name, [lang], config?.languages ?? [])[0]) || { lang: words, text: id };
  });
  const one = names.every((x) => x.lang === names[0]?.lang) ? (names[0]?.lang ?? words) : words;
  return mixedLine(one, names.flatMap((x, i) => (i ? [{ lang: one, text: ', ' }, x] : [x])));
}

/**
 * The scope for staff, seen from their own counter: "This counter · Sportello 2", "Sportello 1, 3",
 * "Service: Cassa", "Whole branch".
 */
export function scopeWords(scope: NoticeScope, config: BranchConfig | null, lang: string, ownCounter: string | null = null): string {
  if (scope.type === 'branch') return t(lang, 'common.scope.branch');
  const list = scopeNames(scope, config, lang);
  if (scope.type === 'counters') {
    if (ownCounter && scope.ids.length === 1 && scope.ids[0] === ownCounter) return `${t(lang, 'common.scope.thisCounter')} · ${list}`;
    return t(lang, 'common.scope.counters', { list });
  }
  return t(lang, 'common.scope.services', { list });
}
