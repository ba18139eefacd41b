import type { MessageFunction } from './messages';

/**
 * The lobby's stand-in for icu.ts (scripts/vite/precompiled-messages.ts points localize.ts here in
 * the lobby's build): its catalogues are compiled functions, so intl-messageformat and its parser
 * come only for a branch that words a message its own way in ICU syntax (board-words.ts loads
 * them, icu-with-parser.ts, before such a board is drawn). Until then a message source cannot be
 * compiled, and the localizer falls back to the catalogue's message.
 */
let compiler: ((src: string, tag: string) => MessageFunction) | undefined;

export function compileIcu(src: string, tag: string): MessageFunction {
  if (!compiler) throw new Error('no ICU message compiler loaded');
  return compiler(src, tag);
}

export function provideIcu(compile: (src: string, tag: string) => MessageFunction): void {
  compiler = compile;
}
