/**
 * What the lobby says when it calls a ticket, as a list of clip names per language: the clips
 * are pre-rendered once (scripts/voice/render-voices.ts, with espeak-ng) into one sprite per
 * language (voice/<lang>.ogg + voice/<lang>.json) and chained at run time — the way queue
 * systems do it, with no synthesizer and nothing fetched from the network while the TV runs.
 *
 * Clip names: `w:<word>` a word or phrase, `l:<A–Z>` a letter, `n:<0–99>` a number, `h:<1–9>`
 * a hundred ("cento", "duecento"), `h:<1–9>+` a hundred followed by more (Spanish "ciento").
 */

export type VoiceLang = 'it' | 'en' | 'fr' | 'es' | 'de' | 'nl';
export const VOICE_LANGS: readonly VoiceLang[] = ['it', 'en', 'fr', 'es', 'de', 'nl'];

/** espeak-ng voice per language (the renderer's choice; a manager's recordings replace the result). */
export const ESPEAK_VOICE: Record<VoiceLang, string> = { it: 'it', en: 'en-gb', fr: 'fr-fr', es: 'es', de: 'de', nl: 'nl' };

/** The fixed words of a call, and how each language says them. */
export const PHRASES: Record<VoiceLang, Record<'ticket' | 'counter' | 'again' | 'and', string>> = {
  it: { ticket: 'numero', counter: 'sportello', again: 'nuova chiamata', and: '' },
  en: { ticket: 'ticket', counter: 'counter', again: 'calling again', and: 'and' },
  fr: { ticket: 'numéro', counter: 'guichet', again: 'nouvel appel', and: '' },
  es: { ticket: 'número', counter: 'ventanilla', again: 'nueva llamada', and: '' },
  de: { ticket: 'Nummer', counter: 'Schalter', again: 'erneuter Aufruf', and: '' },
  nl: { ticket: 'nummer', counter: 'loket', again: 'opnieuw', and: '' },
};

/**
 * Words managers use in counter names, so "Cassa 2" is said as written. A name with a word not
 * here is said as the language's word for counter and its number ("sportello 2"); a manager may
 * add a recording of it (the sprite's `w:<word>` clip).
 */
export const COUNTER_WORDS: Record<VoiceLang, readonly string[]> = {
  it: ['sportello', 'cassa', 'consulenza', 'ufficio', 'postazione', 'box', 'sala', 'accoglienza'],
  en: ['counter', 'desk', 'window', 'cashier', 'office', 'room', 'advice', 'teller', 'booth'],
  fr: ['guichet', 'caisse', 'bureau', 'conseil', 'accueil', 'salle', 'box'],
  es: ['ventanilla', 'caja', 'mesa', 'puesto', 'despacho', 'sala', 'box'],
  de: ['schalter', 'kasse', 'platz', 'beratung', 'büro', 'zimmer', 'raum'],
  nl: ['loket', 'kassa', 'balie', 'bureau', 'kamer', 'advies'],
};

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * How people say a number from 0 to 999 in each language, as clips: whole words below 100
 * ("ventitré", "dreiundzwanzig", "quatre-vingt-dix-sept" — never digit by digit), then a hundred
 * and the rest. Larger numbers (not used by tickets) are said digit by digit.
 */
export function numberClips(n: number, lang: VoiceLang): string[] {
  if (!Number.isInteger(n) || n < 0) return [];
  if (n < 100) return [`n:${n}`];
  if (n > 999) return String(n).split('').map((d) => `n:${d}`);
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return [`h:${h}`];
  // Spanish: "cien" alone, "ciento doce" before more.
  const hundred = lang === 'es' && h === 1 ? 'h:1+' : `h:${h}`;
  // British English: "one hundred and twelve".
  return lang === 'en' ? [hundred, 'w:and', `n:${rest}`] : [hundred, `n:${rest}`];
}

/** The text the renderer gives espeak-ng for a hundred clip. */
export function hundredText(h: number, more: boolean, lang: VoiceLang): string {
  if (lang === 'es' && h === 1) return more ? 'ciento' : 'cien';
  return String(h * 100);
}

/** "A012" → letter A and number 12; "12" → number 12; letters said one by one. */
export function ticketClips(ticket: string, lang: VoiceLang): string[] {
  const m = /^([A-Za-z]*)[-\s]?0*(\d+)$/.exec(ticket.trim());
  if (!m) return [...ticket.toUpperCase()].filter((c) => LETTERS.includes(c)).map((c) => `l:${c}`);
  const letters = [...m[1]!.toUpperCase()].map((c) => `l:${c}`);
  return [...letters, ...numberClips(Number(m[2]), lang)];
}

/**
 * A counter's name as the manager wrote it ("Cassa 2", "Sportello 12"), when every word is one
 * the voice knows; otherwise the language's word for counter and the name's number; null when
 * the name has neither (the screen still shows it).
 */
export function counterClips(name: string, lang: VoiceLang, has: (clip: string) => boolean = () => true): string[] | null {
  const words = name.trim().toLowerCase().split(/[\s·.,:;/()-]+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    if (/^\d+$/.test(w)) out.push(...numberClips(Number(w), lang));
    else if (/^[a-z]$/.test(w)) out.push(`l:${w.toUpperCase()}`);
    else if (COUNTER_WORDS[lang].includes(w) && has(`w:${w}`)) out.push(`w:${w}`);
    else {
      const num = /(\d+)/.exec(name)?.[1];
      return num ? ['w:counter', ...numberClips(Number(num), lang)] : null;
    }
  }
  return out.length ? out : null;
}

/** A whole call: "[Nuova chiamata:] numero A 12, sportello 3". */
export function callClips(ticket: string, counterName: string, lang: VoiceLang, recall: boolean, has?: (clip: string) => boolean): string[] {
  const counter = counterClips(counterName, lang, has);
  return [...(recall ? ['w:again'] : []), 'w:ticket', ...ticketClips(ticket, lang), ...(counter ?? [])];
}

/** Every clip a language's sprite holds, with the text espeak-ng is given (SSML). */
export function clipTexts(lang: VoiceLang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(PHRASES[lang])) if (v) out[`w:${k}`] = v;
  for (const w of COUNTER_WORDS[lang]) out[`w:${w}`] = w;
  for (const l of LETTERS) out[`l:${l}`] = `<say-as interpret-as="characters">${l}</say-as>`;
  for (let n = 0; n < 100; n++) out[`n:${n}`] = String(n);
  for (let h = 1; h <= 9; h++) out[`h:${h}`] = hundredText(h, false, lang);
  if (lang === 'es') out['h:1+'] = 'ciento';
  return out;
}
