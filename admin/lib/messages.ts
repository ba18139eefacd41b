import { ApiError } from './api';
import { hasKey, t, type UiLang } from '../i18n/strings';

/** A failed action as the teller reads it: a friendly text for the usual codes, else the server's own words. */
export function errorMessage(lang: UiLang, e: unknown): string {
  if (e instanceof ApiError) {
    const key = `err.${e.code}`;
    if (hasKey(key)) return t(lang, key);
    if (e.status === 401) return t(lang, 'err.unauthorized');
    if (e.status === 403) return t(lang, 'err.forbidden');
    if (e.status === 429) return t(lang, 'err.rate_limited');
    if (e.status >= 500 && !e.message) return t(lang, 'err.server');
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
