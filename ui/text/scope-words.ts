import { pickText, type BranchConfig, type NoticeScope } from '../../core/client';
import { t } from '../i18n/localize';

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
