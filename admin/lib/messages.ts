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
    // No real answer (a proxy's 502/503/504): it may or may not have been done; tapping again is safe.
    if (e.uncertain) return t(lang, 'err.timeout');
    if (e.status >= 500) return t(lang, 'err.server');
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
