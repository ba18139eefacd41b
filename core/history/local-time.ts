/**
 * Local calendar arithmetic for reports and replays, in a branch's IANA time zone. Formatters are
 * cached: folding a year of events asks for the hour of each of them.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const HOUR_MS = 3_600_000;

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offset (ms east of UTC) per zone and quarter hour of UTC: zones change offset on whole hours or
 * halves, never within one. A map per zone keyed by number: a report's CSV asks for ~60,000.
 */
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds east of UTC of `timeZone` at `at`. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const k = Math.floor(at / (HOUR_MS / 4));
  const hit = zone.get(k);
  if (hit !== undefined) return hit;
  const p: Record<string, number> = {};
  for (const x of partsFormatter(timeZone).formatToParts(at)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = asUtc - Math.floor(at / 1000) * 1000;
  if (zone.size > 50_000) zone.clear();
  zone.set(k, off);
  return off;
}

/** The local wall-clock fields of an instant. */
export function localParts(at: number, timeZone: string): { day: string; hour: number; minute: number; second: number } {
  const d = new Date(at + zoneOffsetMs(at, timeZone));
  return {
    day: d.toISOString().slice(0, 10),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** ISO 8601 with the zone's offset, as spreadsheets and people read it: 2026-12-01T10:14:00+01:00. */
export function isoLocal(at: number, timeZone: string): string {
  const off = zoneOffsetMs(at, timeZone);
  // Written from cached pieces rather than a Date's toISOString per call: a month of tickets'
  // CSV writes ~60,000 of them. Same text as new Date(at + off).toISOString().slice(0, 19).
  const local = at + off;
  const dayNo = Math.floor(local / DAY_MS);
  const secs = Math.floor((local - dayNo * DAY_MS) / 1000);
  return `${dayText(dayNo)}T${TWO[Math.floor(secs / 3600)]}:${TWO[Math.floor(secs / 60) % 60]}:${TWO[secs % 60]}${offsetText(off)}`;
}

const DAY_MS = 24 * HOUR_MS;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** "2026-12-01" for a day counted from 1970-01-01 (UTC), cached. */
const dayTexts = new Map<number, string>();
function dayText(dayNo: number): string {
  let text = dayTexts.get(dayNo);
  if (text === undefined) {
    const iso = new Date(dayNo * DAY_MS).toISOString();
    text = iso.slice(0, iso.indexOf('T'));
    if (dayTexts.size > 10_000) dayTexts.clear();
    dayTexts.set(dayNo, text);
  }
  return text;
}

/** "+01:00" for an offset; a zone has only a few. */
const offsetTexts = new Map<number, string>();
function offsetText(off: number): string {
  let text = offsetTexts.get(off);
  if (text === undefined) {
    const abs = Math.abs(off) / 60_000;
    text = `${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    if (offsetTexts.size > 1000) offsetTexts.clear();
    offsetTexts.set(off, text);
  }
  return text;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant a local date and time ("2026-12-01T10:14", seconds optional; a date alone is its
 * midnight) names in `timeZone`, or null when it is not one. In the autumn's repeated hour the
 * earlier instant wins; a time skipped in spring moves forward by the gap.
 */
export function fromLocal(text: string, timeZone: string): number | null {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return null;
  const wall = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null;
  // Two passes settle on the offset in force at the instant itself.
  let at = wall - zoneOffsetMs(wall, timeZone);
  at = wall - zoneOffsetMs(at, timeZone);
  const earlier = wall - zoneOffsetMs(at - HOUR_MS, timeZone);
  if (earlier < at && localParts(earlier, timeZone).hour === h) return earlier;
  return at;
}

/** ISO week of a local day: 2026-12-01 → "2026-W49". */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow + 3); // Thursday of the same week names its year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type Period = 'day' | 'week' | 'month';

/** The period a local day falls in: the day itself, its ISO week, or its month. */
export function periodOf(day: string, by: Period): string {
  return by === 'day' ? day : by === 'week' ? isoWeek(day) : day.slice(0, 7);
}

/** The local day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
