import { z } from 'zod';

/** A branch's opening hours: per weekday, closed days (holidays) and exceptions on given dates. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "08:30"');
export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date like "2026-12-25"');

/** Open from–to on one day, local time of the branch. */
export const OpenInterval = z
  .object({ open: ClockTime, close: ClockTime })
  .strict()
  .refine((i) => i.open < i.close, { message: 'close must be after open', path: ['close'] });
export type OpenInterval = z.infer<typeof OpenInterval>;

/** A day's intervals, in order and not overlapping (a lunch break is two intervals); empty = closed. */
const DayIntervals = z
  .array(OpenInterval)
  .max(4)
  .superRefine((list, ctx) => {
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.open < list[i - 1]!.close) ctx.addIssue({ code: 'custom', path: [i, 'open'], message: 'intervals must be in order and not overlap' });
    }
  });

export const OpeningHours = z
  .object({
    /** Regular hours per weekday; a weekday left out or empty is closed. */
    weekly: z.partialRecord(z.enum(WEEKDAYS), DayIntervals),
    /** Days the branch is closed (holidays). */
    closed: z.array(z.object({ date: IsoDate, note: z.string().trim().min(1).max(80).optional() }).strict()).max(100).default([]),
    /** Dates with other hours than usual (Christmas Eve until 12:30). */
    exceptions: z
      .array(z.object({ date: IsoDate, intervals: DayIntervals, note: z.string().trim().min(1).max(80).optional() }).strict())
      .max(100)
      .default([]),
  })
  .strict();
export type OpeningHours = z.infer<typeof OpeningHours>;

/** The intervals the branch is open on a local date (YYYY-MM-DD): closed days, then exceptions, then the weekday. */
export function hoursOn(hours: OpeningHours, date: string): OpenInterval[] {
  if (hours.closed.some((c) => c.date === date)) return [];
  const exception = hours.exceptions.find((e) => e.date === date);
  if (exception) return exception.intervals;
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!;
  return hours.weekly[weekday] ?? [];
}
