import { describe, expect, it } from 'vitest';
import { localDay, utcOffsetMinutes } from '../../core/time';

/** What the day and offset are, asked of Intl afresh (no cache). */
const dayOf = (at: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const offsetOf = (at: number, timeZone: string) => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
};

describe('localDay and utcOffsetMinutes, answered once per minute', () => {
  // Across local midnight and a DST change in each zone (Lord Howe moves by 30 minutes; Kolkata is +5:30; Chatham +12:45).
  const cases: [string, string][] = [
    ['Europe/Rome', '2026-10-24T21:30:00Z'],
    ['Europe/Rome', '2026-03-28T22:30:00Z'],
    ['America/New_York', '2026-11-01T03:30:00Z'],
    ['Asia/Kolkata', '2026-12-01T18:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
    ['Pacific/Chatham', '2026-04-04T13:30:00Z'],
  ];
  it.each(cases)('%s around %s: the same as Intl asked afresh, second by second at the edges', (zone, start) => {
    const t0 = Date.parse(start);
    // Every 7 s for 3 hours: several answers within each minute, and every minute's edge crossed.
    for (let at = t0; at < t0 + 3 * 3_600_000; at += 7_000) {
      expect(localDay(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(dayOf(at, zone));
      expect(utcOffsetMinutes(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(offsetOf(at, zone));
    }
  });
});
