/** Calendar day (YYYY-MM-DD) of an instant in a time zone; tickets are numbered per such day. */
export function localDay(at: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Clock time (HH:MM) of an instant in a time zone, as the lobby and tablet show it. */
export function clockTime(at: number, timeZone: string, lang = 'it'): string {
  return new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export const MINUTE = 60_000;

/** Minutes east of UTC of a time zone at an instant (e.g. 60 for Rome in winter). */
export function utcOffsetMinutes(at: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = name?.match(/GMT([+-])(\d{2}):?(\d{2})?/);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
