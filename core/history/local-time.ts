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

/** Offset (ms east of UTC) per zone and UTC hour: zones change offset on whole hours or halves, never within one. */
const offsets = new Map<string, number>();

/** Milliseconds east of UTC of `timeZone` at `at`. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const k = `${timeZone}|${Math.floor(at / (HOUR_MS / 4))}`;
  const hit = offsets.get(k);
  if (hit !== undefined) return hit;
  const p: Record<string, number> = {};
  for (const x of partsFormatter(timeZone).formatToParts(at)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = asUtc - Math.floor(at / 1000) * 1000;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(k, off);
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
  const local = new Date(at + off).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
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
