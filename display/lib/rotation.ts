/** How long each secondary language stays on the TV before the next takes its turn, by default. */
export const ROTATE_SECONDS = 8;

/**
 * The TV's languages at a moment: the main one always (large), and one other in the secondary
 * line, taking turns every `seconds` by the server's clock — so every screen of the branch shows
 * the same language at the same time, and a reload does not restart the turn.
 */
export function rotatingLanguages(languages: readonly string[], now: number, seconds = ROTATE_SECONDS): string[] {
  const [main, ...others] = languages;
  if (!main) return [];
  if (others.length <= 1) return [...languages];
  const turn = Math.floor(now / (Math.max(1, seconds) * 1000)) % others.length;
  return [main, others[turn]!];
}
