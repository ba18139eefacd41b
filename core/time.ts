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
