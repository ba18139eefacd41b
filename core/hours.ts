import { z } from 'zod';

/** A branch's opening hours: per weekday, closed days (holidays) and exceptions on given dates. */

import { WEEKDAYS } from './opening-hours';

// The weekdays and the day's intervals are zod-free (opening-hours.ts), for the screens.
export { hoursOn, WEEKDAYS, type Weekday } from './opening-hours';

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
