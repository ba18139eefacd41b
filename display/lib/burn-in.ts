/** How often the TV's layout moves by a few pixels, against burn-in of its static parts. */
export const SHIFT_EVERY_MS = 3 * 60_000;
/** The largest shift, in CSS pixels, each way. */
export const SHIFT_MAX_PX = 4;

/**
 * The layout's offset now: it walks a small loop of positions (never more than SHIFT_MAX_PX from
 * the centre), one step every SHIFT_EVERY_MS by the server's clock, so static edges — headers,
 * tile borders, the clock — do not stay on the same pixels for months.
 */
export function burnInShift(now: number): { x: number; y: number } {
  const step = Math.floor(now / SHIFT_EVERY_MS);
  // Two co-prime periods (9 and 7 positions): 63 places before the walk repeats.
  const span = 2 * SHIFT_MAX_PX + 1;
  return { x: ((step * 4) % span) - SHIFT_MAX_PX, y: ((step * 3 + 2) % (span - 2)) - (SHIFT_MAX_PX - 1) };
}
