import type { OpenInterval, OpeningHours } from './hours';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The intervals the branch is open on a local date (YYYY-MM-DD): closed days, then exceptions, then the weekday. */
export function hoursOn(hours: OpeningHours, date: string): OpenInterval[] {
  if (hours.closed.some((c) => c.date === date)) return [];
  const exception = hours.exceptions.find((e) => e.date === date);
  if (exception) return exception.intervals;
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!;
  return hours.weekly[weekday] ?? [];
}
