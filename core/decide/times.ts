import { MINUTE } from '../time';
import { fail, type Decision } from './result';

/** Expected ends and "back at" times lie within this horizon: a screen shows them as a time of day. */
export const MAX_AHEAD_MS = 24 * 3600_000;

/** Why a promised time cannot be accepted, if it cannot. */
export function badFutureTime(at: number | null | undefined, now: number, field: string): Decision | null {
  if (at === null || at === undefined) return null;
  if (at <= now) return fail('invalid', 'in_the_past', 'the time must be in the future', field);
  if (at - now > MAX_AHEAD_MS) return fail('invalid', 'too_far_ahead', 'the time must be within the next 24 hours', field);
  return null;
}

/** A time given as minutes from now, as an absolute time, or by a default number of minutes. */
export function expectedEnd(
  body: { expectedInMinutes?: number | null; expectedEndAt?: number | null },
  now: number,
  defaultMinutes: number | null,
): number | null {
  if (body.expectedInMinutes !== undefined) return body.expectedInMinutes === null ? null : now + body.expectedInMinutes * MINUTE;
  if (body.expectedEndAt !== undefined) return body.expectedEndAt;
  return defaultMinutes === null ? null : now + defaultMinutes * MINUTE;
}
