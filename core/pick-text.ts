/** Picks the text for a language, falling back to the branch's languages, then to any. */
export function pickText(text: Record<string, string>, lang: string, fallbacks: readonly string[] = []): string {
  for (const l of [lang, ...fallbacks]) {
    const t = text[l];
    if (t) return t;
  }
  return Object.values(text)[0] ?? '';
}
