import type { Cause } from '../causes';
import { periodOf, type Period } from './local-time';
import { WAIT_BUCKET_MS, type DayServiceFigures, type NoticeRecord } from './types';

/**
 * Reports over the read models: figures per day, week or month, per branch or across branches,
 * per service or all services. They add up stored daily rows (and the notices), never the log.
 */

export interface ServiceFigures {
  period: string;
  /** null when summed across branches. */
  branchId: string | null;
  /** null when summed across services. */
  service: string | null;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitMeanMs: number | null;
  waitMedianMs: number | null;
  waitP90Ms: number | null;
  promiseEligible: number;
  promiseKept: number;
  /** Share of called tickets (of services with a promise) called within it; null when none had one. */
  promiseKeptShare: number | null;
  outOfTurn: Record<string, number>;
  touched: number;
  extraWaitMs: number;
}

export interface CauseFigures {
  period: string;
  branchId: string | null;
  cause: Cause;
  notices: number;
  /** Minutes the notices were active (an active one counts up to `now`). */
  minutes: number;
  touched: number;
  /** Notices that apologised, when posted or when resolved. */
  apologies: number;
  /** Notices that ended after the end they had announced. */
  overran: number;
}

export interface ReportOptions {
  by: Period;
  perBranch: boolean;
  perService: boolean;
}

type Rows<T> = readonly (T & { branchId: string })[];

export function serviceFigures(rows: Rows<DayServiceFigures>, opts: ReportOptions): ServiceFigures[] {
  const groups = new Map<string, { head: Pick<ServiceFigures, 'period' | 'branchId' | 'service'>; rows: DayServiceFigures[] }>();
  for (const r of rows) {
    const head = { period: periodOf(r.day, opts.by), branchId: opts.perBranch ? r.branchId : null, service: opts.perService ? r.service : null };
    const k = `${head.period}|${head.branchId}|${head.service}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { head, rows: [] }));
    g.rows.push(r);
  }
  return [...groups.values()].map(({ head, rows }) => sumDays(head, rows)).sort(byHead);
}

function sumDays(head: Pick<ServiceFigures, 'period' | 'branchId' | 'service'>, rows: DayServiceFigures[]): ServiceFigures {
  const f: ServiceFigures = {
    ...head,
    issued: 0,
    called: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    waitMeanMs: null,
    waitMedianMs: null,
    waitP90Ms: null,
    promiseEligible: 0,
    promiseKept: 0,
    promiseKeptShare: null,
    outOfTurn: {},
    touched: 0,
    extraWaitMs: 0,
  };
  const hist = new Map<number, number>();
  let waitSum = 0;
  for (const r of rows) {
    f.issued += r.issued;
    f.called += r.called;
    f.served += r.served;
    f.noShows += r.noShows;
    f.cancelled += r.cancelled ?? 0;
    f.promiseEligible += r.promiseEligible;
    f.promiseKept += r.promiseKept;
    f.touched += r.touched;
    f.extraWaitMs += r.extraWaitMs;
    waitSum += r.waitSumMs;
    for (const [reason, n] of Object.entries(r.outOfTurn)) f.outOfTurn[reason] = (f.outOfTurn[reason] ?? 0) + n;
    for (const [b, n] of Object.entries(r.waitHist)) hist.set(Number(b), (hist.get(Number(b)) ?? 0) + n);
  }
  if (f.called) {
    f.waitMeanMs = Math.round(waitSum / f.called);
    f.waitMedianMs = histQuantile(hist, f.called, 0.5);
    f.waitP90Ms = histQuantile(hist, f.called, 0.9);
  }
  if (f.promiseEligible) f.promiseKeptShare = f.promiseKept / f.promiseEligible;
  return f;
}

/** The q-quantile of waits counted in buckets: the middle of the bucket the q·n-th wait falls in. */
export function histQuantile(hist: Map<number, number>, n: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const b of [...hist.keys()].sort((x, y) => x - y)) {
    seen += hist.get(b)!;
    if (seen >= rank) return Math.round((b + 0.5) * WAIT_BUCKET_MS);
  }
  return 0;
}

export function causeFigures(notices: Rows<NoticeRecord>, opts: Omit<ReportOptions, 'perService'>, now: number): CauseFigures[] {
  const groups = new Map<string, CauseFigures>();
  for (const n of notices) {
    const period = periodOf(n.day, opts.by);
    const branchId = opts.perBranch ? n.branchId : null;
    const k = `${period}|${branchId}|${n.cause}`;
    let f = groups.get(k);
    if (!f) groups.set(k, (f = { period, branchId, cause: n.cause, notices: 0, minutes: 0, touched: 0, apologies: 0, overran: 0 }));
    f.notices++;
    f.minutes += Math.max(0, ((n.endedAt ?? now) - n.startedAt) / 60_000);
    f.touched += n.touched;
    if (n.apologise || n.resolution?.apologise) f.apologies++;
    if (n.expectedEndAt !== null && (n.endedAt ?? now) > n.expectedEndAt) f.overran++;
  }
  return [...groups.values()].map((f) => ({ ...f, minutes: Math.round(f.minutes * 10) / 10 })).sort(byHead);
}

function byHead(a: { period: string; branchId: string | null }, b: { period: string; branchId: string | null }): number {
  return a.period.localeCompare(b.period) || (a.branchId ?? '').localeCompare(b.branchId ?? '');
}
