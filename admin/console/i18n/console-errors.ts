import { ApiError } from '../../lib/api';
import { ct, hasConsoleKey, type ConsoleLang } from './console-strings';

/**
 * A failed request as a manager reads it: a sentence for the codes the console knows
 * (`err.<code>` in the strings), else the server's own words, which name the field.
 */
export function consoleError(lang: ConsoleLang, e: unknown): string {
  if (e instanceof ApiError) {
    const key = `err.${e.code}`;
    if (hasConsoleKey(key)) return ct(lang, key);
    if (e.status === 0) return ct(lang, 'err.network');
    if (e.status === 401) return ct(lang, 'shell.sessionEnded');
    if (e.status === 403) return ct(lang, 'err.forbidden');
    if (e.status === 429) return ct(lang, 'err.rate_limited');
    if (e.status >= 500) return ct(lang, 'err.server');
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
