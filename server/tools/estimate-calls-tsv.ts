import type { EstimatorEvent, EstimatorOptions } from '../../core/estimate';

/**
 * Parser for the Anonymous Bank call-centre log format (tab-separated, one call a row, times as
 * H:MM:SS of the day in `date` YYMMDD) and its translation into estimator events, in branch
 * terms: q_start = ticket issued, q_exit = called (served) or left (hung up), ser_exit = ended,
 * server = counter, type = service. Pure: text in, data out.
 */

/** What the log's README says about its queue: priority 2 gets about 1.5 min head start. */
export const CALL_LOG_ESTIMATOR_OPTIONS: EstimatorOptions = { priorityHeadStartSec: { 2: 90 } };

export interface Call {
  /** Row number in the file (1 = first data row): the ticket id. */
  row: number;
  /** Ordinal of the call's date among the distinct dates of the file, from 1. */
  day: number;
  service: string;
  priority: number;
  outcome: 'AGENT' | 'HANG' | 'PHANTOM';
  /** Queue join, epoch ms; undefined when the call never queued (went straight to an agent). */
  queuedAt: number | undefined;
  /** Seconds in the queue (the real wait; cut off for hang-ups). */
  waitSec: number;
  /** Service start and end, epoch ms; undefined when not served. */
  serviceStart: number | undefined;
  serviceEnd: number | undefined;
  /** Agent (counter); null when the log says NO_SERVER. */
  counter: string | null;
}

const COLUMNS = ['type', 'priority', 'date', 'vru_entry', 'q_start', 'q_time', 'outcome', 'ser_start', 'ser_time', 'server'] as const;
const HALF_DAY_MS = 12 * 3_600_000;

function parseClock(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  if (h === undefined || m === undefined || s === undefined || [h, m, s].some(Number.isNaN)) {
    throw new Error(`bad time "${hms}"`);
  }
  return ((h * 60 + m) * 60 + s) * 1000;
}

/** YYMMDD → epoch ms of that midnight (UTC: the log's local clock is kept as is). */
function parseDate(yymmdd: string): number {
  const yy = Number(yymmdd.slice(0, 2));
  return Date.UTC(yy < 50 ? 2000 + yy : 1900 + yy, Number(yymmdd.slice(2, 4)) - 1, Number(yymmdd.slice(4, 6)));
}

/**
 * Parses the whole file. A row that cannot be read (bad time, unknown outcome, missing fields) is
 * left out and reported to `onSkip`, so one broken row does not stop a month's replay.
 */
export function parseCallsTsv(text: string, onSkip?: (row: number, reason: string) => void): Call[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  const col = Object.fromEntries(
    COLUMNS.map((name) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`missing column "${name}"`);
      return [name, i];
    }),
  ) as Record<(typeof COLUMNS)[number], number>;

  const rows = lines.map((l) => l.split('\t'));
  const dates = [...new Set(rows.map((r) => r[col.date] ?? '').filter((d) => /^\d{6}$/.test(d)))].sort();
  const dayOf = new Map(dates.map((d, i) => [d, i + 1]));

  const calls: Call[] = [];
  rows.forEach((r, i) => {
    try {
      calls.push(parseRow(r, i + 1));
    } catch (err) {
      onSkip?.(i + 1, err instanceof Error ? err.message : String(err));
    }
  });
  return calls;

  function parseRow(r: readonly string[], row: number): Call {
    if (r.length < header.length) throw new Error(`${r.length} fields, expected ${header.length}`);
    const get = (name: (typeof COLUMNS)[number]): string => r[col[name]] ?? '';
    if (!/^\d{6}$/.test(get('date'))) throw new Error(`bad date "${get('date')}"`);
    const midnight = parseDate(get('date'));
    const anchor = midnight + parseClock(get('vru_entry'));
    // A call that started before midnight can join the queue or be served after it.
    const at = (hms: string): number => {
      const t = midnight + parseClock(hms);
      return t < anchor - HALF_DAY_MS ? t + 2 * HALF_DAY_MS : t;
    };
    const outcome = get('outcome');
    if (outcome !== 'AGENT' && outcome !== 'HANG' && outcome !== 'PHANTOM') throw new Error(`unknown outcome "${outcome}"`);
    const queued = get('q_start') !== '0:00:00';
    const served = outcome === 'AGENT';
    const serviceStart = served ? at(get('ser_start')) : undefined;
    return {
      row,
      day: dayOf.get(get('date')) ?? 0,
      service: get('type'),
      priority: Number(get('priority')) || 0,
      outcome,
      queuedAt: queued ? at(get('q_start')) : undefined,
      waitSec: Number(get('q_time')) || 0,
      serviceStart,
      serviceEnd: serviceStart === undefined ? undefined : serviceStart + (Number(get('ser_time')) || 0) * 1000,
      counter: get('server') === 'NO_SERVER' || get('server') === '' ? null : get('server'),
    };
  }
}

/** A customer who waited in the queue (the ones predictions are made for). */
export function isQueued(c: Call): c is Call & { queuedAt: number } {
  return c.queuedAt !== undefined && c.outcome !== 'PHANTOM';
}

export const ticketOf = (c: Call): string => `c${c.row}`;

/**
 * The calls as estimator events in time order. Phantom calls are dropped (the README says
 * ignore). Calls that never queued still keep an agent busy, so they appear as a call of a
 * ticket never issued, then its end.
 */
export function callsToEvents(calls: readonly Call[]): EstimatorEvent[] {
  const keyed: { e: EstimatorEvent; rank: number; seq: number }[] = [];
  const push = (e: EstimatorEvent, rank: number): void => void keyed.push({ e, rank, seq: keyed.length });
  for (const c of calls) {
    if (c.outcome === 'PHANTOM') continue;
    const ticket = ticketOf(c);
    if (isQueued(c)) {
      push({ kind: 'issued', at: c.queuedAt, ticket, service: c.service, priority: c.priority }, 3);
      const exitAt = c.queuedAt + c.waitSec * 1000;
      // At equal times: ends, leaves and calls before issues, so a new ticket sees the queue as it is;
      // but a ticket's own exit comes after its issue.
      const exitRank = c.waitSec === 0 ? 4 : undefined;
      if (c.outcome === 'HANG') push({ kind: 'left', at: exitAt, ticket }, exitRank ?? 1);
      else push({ kind: 'called', at: exitAt, ticket, counter: c.counter }, exitRank ?? 2);
      if (c.outcome === 'AGENT' && c.counter !== null && c.serviceEnd !== undefined) {
        const endAt = Math.max(c.serviceEnd, exitAt);
        push({ kind: 'ended', at: endAt, ticket, counter: c.counter }, endAt === exitAt ? 5 : 0);
      }
    } else if (c.outcome === 'AGENT' && c.counter !== null && c.serviceStart !== undefined && c.serviceEnd !== undefined) {
      push({ kind: 'called', at: c.serviceStart, ticket, counter: c.counter, service: c.service }, 2);
      push({ kind: 'ended', at: c.serviceEnd, ticket, counter: c.counter }, c.serviceEnd === c.serviceStart ? 5 : 0);
    }
  }
  keyed.sort((a, b) => a.e.at - b.e.at || a.rank - b.rank || a.seq - b.seq);
  return keyed.map((k) => k.e);
}
