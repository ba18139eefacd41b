/**
 * How long something will last, as staff choose it: the same quick choices on the tablet's pause
 * and notice forms and in the console's presets, so a teller's habits carry over.
 */
export const QUICK_MINUTES = [5, 10, 15, 30] as const;

/** The quick durations, plus a preset's own default when it is not one of them, in order. */
export function durationChoices(suggested: number | null = null): number[] {
  const list: number[] = [...QUICK_MINUTES];
  if (suggested !== null && !list.includes(suggested)) list.push(suggested);
  return list.sort((a, b) => a - b);
}
