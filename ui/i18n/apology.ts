import { catalogueLanguage, type Language } from './languages';

/**
 * Words that mean a text already apologises, per language, so a screen does not add a second
 * apology under a preset that says "sorry" itself. Stems, matched anywhere, ignoring case.
 */
const APOLOGY: Record<Language, RegExp> = {
  it: /scus|perdon|dispiac/i,
  en: /apologi|sorry/i,
  fr: /excus|désolé|desole|pardon/i,
  es: /disculp|perdón|perdon|lament|sentimos/i,
  de: /entschuldig|bedauern|tut uns leid/i,
  nl: /excuse|excuus|sorry|spijt/i,
};

/** Whether a text in `lang` already carries an apology. */
export function hasApology(text: string, lang: string): boolean {
  return APOLOGY[catalogueLanguage(lang)].test(text);
}
