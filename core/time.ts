/**
 * Building an Intl.DateTimeFormat costs about a millisecond (it loads time-zone and locale data),
 * formatting with one costs microseconds: keep one per (kind, locale, zone). The keys are few: the
 * zones and languages branches use.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/**
 * The last answer per (what, zone) and the UTC minute it was for: every command asks for the day
 * and the offset of now, and formatting costs microseconds each time. Exact: zones change day and
 * offset on whole minutes (since 1973 every zone's offset is whole minutes), never within one.
 */
const lastByMinute = new Map<string, { minute: number; value: string | number }>();
const WHOLE_MINUTE_ZONES_SINCE = Date.UTC(1973, 0, 1);
function perMinute<T extends string | number>(key: string, at: number, compute: () => T): T {
  if (at < WHOLE_MINUTE_ZONES_SINCE) return compute();
  const minute = Math.floor(at / 60_000);
  const hit = lastByMinute.get(key);
  if (hit && hit.minute === minute) return hit.value as T;
  const value = compute();
  if (hit) {
    hit.minute = minute;
    hit.value = value;
  } else lastByMinute.set(key, { minute, value });
  return value;
}

/** Calendar day (YYYY-MM-DD) of an instant in a time zone; tickets are numbered per such day. */
export function localDay(at: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return perMinute(`day|${timeZone}`, at, () => format(`day|${timeZone}`, 'en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at));
}

/** Clock time (HH:MM) of an instant in a time zone, as the lobby and tablet show it. */
export function clockTime(at: number, timeZone: string, lang = 'it'): string {
  return format(`clock|${lang}|${timeZone}`, lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export const MINUTE = 60_000;

/** Minutes east of UTC of a time zone at an instant (e.g. 60 for Rome in winter). */
export function utcOffsetMinutes(at: number, timeZone: string): number {
  return perMinute(`offset|${timeZone}`, at, () => offsetOf(at, timeZone));
}

function offsetOf(at: number, timeZone: string): number {
  const name = format(`offset|${timeZone}`, 'en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = name?.match(/GMT([+-])(\d{2}):?(\d{2})?/);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
