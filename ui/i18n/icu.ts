import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFunction } from './messages';

/**
 * An ICU message source made a function, by intl-messageformat (throws on a message that does
 * not parse). Pages whose catalogues are JSON sources word everything through it; the lobby's
 * catalogues come compiled (scripts/vite/precompiled-messages.ts), so there it is needed only for
 * a branch's own wording in ICU syntax, and loaded on demand (icu-on-demand.ts).
 */
export function compileIcu(src: string, tag: string): MessageFunction {
  const f = new IntlMessageFormat(src, tag);
  return (args) => String(f.format(args as Record<string, string | number | Date>));
}
