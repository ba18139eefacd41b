import { ApiError } from './api';
import { localizer, t, type Language, type MessageKey } from '../../ui/i18n/localize';

/**
 * Server error codes with a friendly text under another name: several codes mean the same to a
 * teller. Any other code `x` is worded by the catalogue's `common.err.x` when it has one.
 */
const SAME_AS: Record<string, MessageKey> = {
  // 409: a preset identical to one already up for the same place.
  duplicate_notice: 'common.err.duplicate_notice',
  // 400: a time more than 24 hours ahead.
  too_far_ahead: 'common.err.too_far_ahead',
  // 415: the body was not UTF-8 JSON (a broken page or a proxy in the way).
  unsupported_media_type: 'common.err.unsupported_media_type',
  unsupported_encoding: 'common.err.unsupported_media_type',
};

/** A failed action as the teller reads it: a friendly text for the usual codes, else the server's own words. */
export function errorMessage(lang: Language, e: unknown): string {
  if (e instanceof ApiError) {
    const mapped = SAME_AS[e.code];
    if (mapped) return t(lang, mapped);
    const key = `common.err.${e.code}`;
    if (localizer(lang).has(key)) return t(lang, key);
    if (e.status === 401) return t(lang, 'common.err.unauthorized');
    if (e.status === 403) return t(lang, 'common.err.forbidden');
    if (e.status === 415) return t(lang, 'common.err.unsupported_media_type');
    if (e.status === 429) return t(lang, 'common.err.rate_limited');
    // No real answer (a proxy's 502/503/504): it may or may not have been done; tapping again is safe.
    if (e.uncertain) return t(lang, 'common.err.timeout');
    if (e.status >= 500) return t(lang, 'common.err.server');
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
