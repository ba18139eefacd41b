import { clockTime, localDay } from '../../core/client';

/**
 * A moment to show on the lobby, with what it needs to be said honestly: its clock time alone
 * reads as "today", so a time on another day (a counter back tomorrow morning, data last heard
 * yesterday evening) must also say which day. Messages get this whole, and each language words
 * the day its own way (see ui/i18n/).
 */
export interface At {
  /** The moment, epoch ms. */
  at: number;
  /** Server time now, epoch ms: what "today" means. */
  now: number;
  /** The branch's IANA time zone: days and clocks are the branch's. */
  timeZone: string;
}

export type DayRelation = 'today' | 'tomorrow' | 'yesterday' | 'other';

/** Which day `at` falls on, seen from `now`, in the branch's time zone. */
export function dayRelation({ at, now, timeZone }: At): DayRelation {
  const day = localDay(at, timeZone);
  const today = localDay(now, timeZone);
  if (day === today) return 'today';
  if (day === shiftDay(today, 1)) return 'tomorrow';
  if (day === shiftDay(today, -1)) return 'yesterday';
  return 'other';
}

/** Clock time (HH:MM) of the moment in the branch's zone. */
export function atClock(w: At, lang: string): string {
  return clockTime(w.at, w.timeZone, lang);
}

/** A short date for days other than today, tomorrow and yesterday: "ven 27 nov", "Fri, Nov 27". */
export function atShortDate(w: At, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { timeZone: w.timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(w.at);
  } catch {
    return localDay(w.at, w.timeZone);
  }
}

/** The calendar day `n` days after `day` (YYYY-MM-DD): calendar arithmetic, safe across DST changes. */
export function shiftDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** What a catalogue message needs to say a moment: `{day, select, today {…} tomorrow {…} …}`, `{time}`, `{date}`. */
export interface AtArgs {
  [name: string]: string;
  day: DayRelation;
  time: string;
  date: string;
}

export function atArgs(w: At, lang: string): AtArgs {
  const day = dayRelation(w);
  return { day, time: atClock(w, lang), date: day === 'other' ? atShortDate(w, lang) : '' };
}

/** `atArgs` per language, for a message shown in several languages at once. */
export function whenArgs(w: At): (lang: string) => AtArgs {
  return (lang) => atArgs(w, lang);
}
