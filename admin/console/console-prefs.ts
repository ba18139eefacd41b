import { CONSOLE_LANGS, isConsoleLang, type ConsoleLang } from './i18n/console-strings';

/** What the console remembers on this computer: its language. */
const KEY_LANG = 'branchboard.console.lang';

export const consolePrefs = {
  lang(): ConsoleLang {
    try {
      const v = globalThis.localStorage?.getItem(KEY_LANG);
      if (isConsoleLang(v)) return v;
    } catch {
      /* private mode: fall through to the browser's language */
    }
    const nav = (globalThis.navigator?.language ?? '').slice(0, 2);
    return isConsoleLang(nav) ? nav : CONSOLE_LANGS[0];
  },
  setLang(lang: ConsoleLang): void {
    try {
      globalThis.localStorage?.setItem(KEY_LANG, lang);
    } catch {
      /* not remembered */
    }
  },
};
