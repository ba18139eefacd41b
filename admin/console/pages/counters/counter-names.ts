/** "Counter 3" in the languages a branch shows, as a new counter's suggested name. */
const WORD: Record<string, string> = { it: 'Sportello', en: 'Counter', fr: 'Guichet', es: 'Ventanilla', de: 'Schalter', nl: 'Loket', pt: 'Balcão' };

export function suggestedCounterName(n: number, languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(languages.filter((l) => WORD[l.slice(0, 2)]).map((l) => [l, `${WORD[l.slice(0, 2)]} ${n}`]));
}
