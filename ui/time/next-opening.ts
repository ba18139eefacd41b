import { hoursOn, localDay, utcOffsetMinutes, type BranchConfig } from '../../core/client';
import { shiftDay } from './when';

/** When a branch next opens, by its opening hours: the lobby's closed screen and the kiosk's say it. */

/** The instant a local date and clock time (the branch's zone) stand for. */
export function zonedInstant(date: string, hhmm: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  // The offset at the guess, then at the corrected guess (right across a DST change).
  const first = asUtc - utcOffsetMinutes(asUtc, timeZone) * 60_000;
  return asUtc - utcOffsetMinutes(first, timeZone) * 60_000;
}

/** When the branch next opens after `now` (within two weeks), by its opening hours; null if never or unknown. */
export function nextOpening(config: BranchConfig, now: number): number | null {
  const hours = config.hours;
  if (!hours) return null;
  const today = localDay(now, config.timezone);
  for (let i = 0; i < 15; i++) {
    const date = shiftDay(today, i);
    for (const interval of hoursOn(hours, date)) {
      const at = zonedInstant(date, interval.open, config.timezone);
      if (at > now) return at;
    }
  }
  return null;
}
