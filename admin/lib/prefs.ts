import { isLanguage, LANGUAGES, matchLanguage, type Language } from '../../ui/i18n/languages';

/**
 * What a tablet remembers between days: its language, and the branch and counter it stands at.
 * localStorage may be missing or full (private mode, kiosk policies): then nothing is remembered.
 */
const KEY_LANG = 'branchboard.admin.lang';
const KEY_BRANCH = 'branchboard.admin.branch';
const keyCounter = (branch: string) => `branchboard.admin.counter.${branch}`;

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    /* not remembered; the tablet still works */
  }
}

export const prefs = {
  lang(): Language {
    const v = read(KEY_LANG);
    if (isLanguage(v)) return v;
    // Not chosen yet: the device's language when we speak it, else Italian (the product's home).
    const device = matchLanguage(globalThis.navigator?.languages ?? [], LANGUAGES);
    return isLanguage(device) ? device : 'it';
  },
  setLang(lang: Language): void {
    write(KEY_LANG, lang);
  },
  branch(): string | null {
    return read(KEY_BRANCH);
  },
  setBranch(branch: string | null): void {
    write(KEY_BRANCH, branch);
  },
  counter(branch: string): string | null {
    return read(keyCounter(branch));
  },
  setCounter(branch: string, counter: string | null): void {
    write(keyCounter(branch), counter);
  },
};
