/**
 * What the lobby says when it calls a ticket, as a list of clip names per language: the clips
 * are pre-rendered once (scripts/voice/render-voices.ts, with espeak-ng) into one sprite per
 * language (voice/<lang>.ogg + voice/<lang>.json) and chained at run time — the way queue
 * systems do it, with no synthesizer and nothing fetched from the network while the TV runs.
 *
 * Clip names: `w:<word>` a word or phrase, `l:<A–Z>` a letter, `n:<0–99>` a number, `h:<1–9>`
 * a hundred ("cento", "duecento"), `h:<1–9>+` a hundred followed by more (Spanish "ciento").
 * A call is first a list of these words (`callClips`); the sprite also holds phrases of several
 * words said in one breath, named by their words joined with a space ("w:ticket l:A" is
 * "numero A", "l:A n:1"…), and `spokenCall` picks the fewest clips the sprite has.
 *
 * Every clip lasts more than MIN_CLIP_SECONDS: a word said alone that is shorter (a letter, French
 * "un", "deux", "cent", Italian "uno") is not in the sprite alone, only inside the phrases it is
 * said in — after the ticket's letter, a hundred, a counter's word (`phrasesFor`). A call then
 * always sounds like speech, never like a clipped syllable between gaps.
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

/** Clips shorter than this are said only inside a phrase (see the file's comment). */
export const MIN_CLIP_SECONDS = 0.3;

/** A phrase clip's name: its words joined by a space. */
export const phrase = (words: readonly string[]): string => words.join(' ');

/**
 * The fewest clips of the sprite that say `words` in order (a phrase covers several words); null
 * when some word is in no clip the sprite has.
 */
export function tileClips(words: readonly string[], has: (clip: string) => boolean, longest = 4): string[] | null {
  // best[i]: the fewest clips saying words[0..i), and how.
  const best: (string[] | null)[] = [[]];
  for (let i = 1; i <= words.length; i++) {
    best[i] = null;
    for (let k = 1; k <= Math.min(longest, i); k++) {
      const before = best[i - k];
      const clip = phrase(words.slice(i - k, i));
      if (before && has(clip) && (!best[i] || before.length + 1 < best[i]!.length)) best[i] = [...before, clip];
    }
  }
  return best[words.length] ?? null;
}

/**
 * A whole call as the clips to play: the words of `callClips`, in the fewest clips the sprite
 * has. A counter name whose words the sprite cannot say ("Box A" without "w:box l:A") is said as
 * the language's word for counter and its number or letter; what cannot be said at all is left
 * out rather than blocking the call.
 */
export function spokenCall(ticket: string, counterName: string, lang: VoiceLang, recall: boolean, has: (clip: string) => boolean): string[] {
  const start = [...(recall ? ['w:again'] : []), 'w:ticket', ...ticketClips(ticket, lang)];
  const own = counterClips(counterName, lang, has);
  const tiled = own ? tileClips([...start, ...own], has) : null;
  if (tiled) return tiled;
  const num = /(\d+)/.exec(counterName)?.[1];
  const letter = /(?:^|[\s·.,:;/()-])([A-Za-z])(?=$|[\s·.,:;/()-])/.exec(counterName)?.[1];
  const counter = num ? ['w:counter', ...numberClips(Number(num), lang)] : letter ? ['w:counter', `l:${letter.toUpperCase()}`] : [];
  const plain = [...start, ...counter];
  return tileClips(plain, has) ?? plain.filter((w) => has(w));
}

/**
 * The phrases a language's sprite holds besides its words, given the words too short to say
 * alone (`short`, measured when rendering): "numero A" for every letter; each short number or
 * hundred after every word that can come before it in a call (the ticket's letter, "numero",
 * a hundred, "and", the word for counter, each counter word); each short letter after the word
 * for counter ("sportello A").
 */
export function phrasesFor(lang: VoiceLang, short: ReadonlySet<string>): string[][] {
  const out: string[][] = LETTERS.map((l) => ['w:ticket', `l:${l}`]);
  const counterWords = ['w:counter', ...COUNTER_WORDS[lang].map((w) => `w:${w}`)];
  const hundreds = [...Array.from({ length: 9 }, (_, i) => `h:${i + 1}`), ...(lang === 'es' ? ['h:1+'] : [])];
  for (const s of short) {
    if (s.startsWith('n:') || s.startsWith('h:')) {
      const before: string[][] = [['w:ticket'], ...LETTERS.map((l) => ['w:ticket', `l:${l}`]), ...counterWords.map((w) => [w])];
      if (s.startsWith('n:')) before.push(...hundreds.map((h) => [h]), ...(PHRASES[lang].and ? [['w:and']] : []));
      for (const b of before) out.push([...b, s]);
    } else if (s.startsWith('l:')) {
      out.push(['w:counter', s]);
    }
  }
  return out;
}

/** A whole call, as words: "[Nuova chiamata:] numero A 12, sportello 3". */
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
