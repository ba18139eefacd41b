/** A screen reports at least this often (with what it rendered); silent longer than SCREEN_DOWN_AFTER_MS it counts as down. */
export const SCREEN_REPORT_MS = 15_000;
export const SCREEN_DOWN_AFTER_MS = 60_000;
/** How long a screen shows its name when asked to identify itself. */
export const SCREEN_IDENTIFY_SECONDS = 10;
/** A pairing code is valid this long; the screen asks for a new one after. */
export const PAIRING_TTL_MS = 10 * 60_000;

/** "K7P2QX" → "K7P-2QX", easier to read across a room and to type. */
export function formatPairingCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
