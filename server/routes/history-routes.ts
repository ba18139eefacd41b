import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  ClientId,
  Slug,
  causeFigures,
  isoLocal,
  localParts,
  serviceFigures,
  type AuditEntry,
  type BranchConfig,
  type CauseFigures,
  type NoticeRecord,
  type ServiceFigures,
  type TicketRecord,
} from '../../core';
import type { BranchStates } from '../commands/branch-states';
import { requireAdmin, requireHistoryReader } from '../history/access';
import { sendCsv, toCsv, type CsvColumn } from '../history/csv';
import type { HistoryFollower } from '../history/history-follower';
import type { HistoryStore } from '../history/history-store';
import type { ScreenRenders } from '../history/screen-renders';
import { HttpError, parse } from '../http/errors';
import type { EventStore } from '../store/event-store';

/** Longest range one report covers: a year and a bit. */
const MAX_DAYS = 400;
const DAY_MS = 86_400_000;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-01').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date');
const Flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const RangeQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    by: z.enum(['day', 'week', 'month']).default('day'),
    perService: Flag.optional(),
    perBranch: Flag.optional(),
    branches: z.string().max(2000).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    table: z.enum(['services', 'causes']).default('services'),
  })
  .strict();

export const AuditQuery = z
  .object({
    user: z.string().min(1).max(64).optional(),
    counter: Slug.optional(),
    type: z.string().regex(/^[A-Za-z]{1,40}$/, 'an event type like TicketCalled').optional(),
    from: Day.optional(),
    to: Day.optional(),
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

export interface HistoryRouteDeps {
  states: BranchStates;
  store: EventStore;
  history: HistoryStore;
  service: HistoryFollower;
  screenRenders: ScreenRenders;
}

/**
 * The branch's history for its managers (and admins): notices with who posted and resolved them
 * and the customers they touched, daily figures, reports by day/week/month, the audit trail, and
 * CSV of each. Tellers and the public get none of it.
 */
export function historyRoutes(d: HistoryRouteDeps): { branch: Router; across: Router } {
  const branch = Router({ mergeParams: true });
  const reader = requireHistoryReader();

  const config = async (id: string): Promise<BranchConfig> => {
    const state = await d.states.get(id);
    if (!state) throw new HttpError(404, 'unknown_branch', `no branch "${id}"`);
    if (!state.config) throw new HttpError(404, 'branch_not_configured', 'this branch has no configuration yet');
    return state.config;
  };
  const ready = async (req: Request) => {
    const id = parse(Slug, req.params.branch, 'branch');
    const cfg = await config(id);
    await d.service.caughtUp(id);
    return { id, cfg };
  };

  branch.get('/:branch/history/notices', reader, async (req, res) => {
    const { id, cfg } = await ready(req);
    const q = parse(RangeQuery, req.query, 'query');
    const { from, to } = range(q, cfg.timezone);
    const notices = await d.history.notices([id], from, to);
    if (q.format === 'csv') return sendCsv(res, `${id}-notices-${from}-${to}.csv`, toCsv(notices, noticeColumns(cfg)));
    res.json({ ok: true, from, to, notices: notices.map(({ branchId: _b, ...n }) => n) });
  });

  branch.get('/:branch/history/notices/:id', reader, async (req, res) => {
    const { id } = await ready(req);
    const noticeId = parse(ClientId, req.params.id, 'id');
    const notice = await d.history.notice(id, noticeId);
    if (!notice) throw new HttpError(404, 'unknown_notice', `no notice "${noticeId}" in this branch`);
    // Read receipts: which screens showed it, from when to when (their own reports).
    res.json({ ok: true, notice, receipts: await d.screenRenders.receipts(id, notice) });
  });

  branch.get('/:branch/history/reports', reader, async (req, res) => {
    const { id, cfg } = await ready(req);
    const q = parse(RangeQuery, req.query, 'query');
    await report(res, q, [id], cfg.timezone, true, `${id}`);
  });

  branch.get('/:branch/history/days.csv', reader, async (req, res) => {
    const { id, cfg } = await ready(req);
    const q = parse(RangeQuery, { ...req.query, by: 'day' }, 'query');
    const { from, to } = range(q, cfg.timezone);
    const rows = serviceFigures(await d.history.days([id], from, to), { by: 'day', perBranch: true, perService: true });
    sendCsv(res, `${id}-days-${from}-${to}.csv`, toCsv(rows, serviceColumns(rows)));
  });

  branch.get('/:branch/history/tickets.csv', reader, async (req, res) => {
    const { id, cfg } = await ready(req);
    const q = parse(RangeQuery, req.query, 'query');
    const { from, to } = range(q, cfg.timezone);
    const columns = ticketColumns(cfg.timezone);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="${id}-tickets-${from}-${to}.csv"`);
    res.set('Cache-Control', 'private, no-store');
    // A year of tickets is streamed page by page, not built in memory.
    res.write(toCsv([], columns));
    for await (const page of d.history.tickets(id, from, to)) res.write(toCsv(page, columns, false, false));
    res.end();
  });

  branch.get('/:branch/history/audit', reader, async (req, res) => {
    const { id, cfg } = await ready(req);
    const q = parse(AuditQuery, req.query, 'query');
    const entries = await d.history.audit(id, {
      ...(q.user ? { user: q.user } : {}),
      ...(q.counter ? { counter: q.counter } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.from ? { from: localMidnight(q.from, cfg.timezone) } : {}),
      ...(q.to ? { to: localMidnight(q.to, cfg.timezone) + DAY_MS } : {}),
      ...(q.before ? { beforeSeq: q.before } : {}),
      limit: q.limit,
    });
    if (q.format === 'csv') return sendCsv(res, `${id}-audit.csv`, toCsv(entries, auditColumns(cfg.timezone)));
    res.json({ ok: true, entries });
  });

  /** Across branches, for the head office: every branch, or those listed (?branches=a,b). */
  const across = Router();
  across.get('/reports', requireAdmin(), async (req, res) => {
    const q = parse(RangeQuery, req.query, 'query');
    const all = await d.store.branchIds();
    const ids = q.branches ? q.branches.split(',').filter((b) => all.includes(b)) : all;
    const tz = (await d.states.get(ids[0] ?? ''))?.config?.timezone ?? 'UTC';
    await Promise.all(ids.map((id) => d.service.caughtUp(id)));
    await report(res, q, ids, tz, q.perBranch ?? false, 'all-branches');
  });

  async function report(res: Response, q: z.output<typeof RangeQuery>, ids: string[], tz: string, perBranch: boolean, name: string) {
    const { from, to } = range(q, tz);
    const [days, notices] = await Promise.all([d.history.days(ids, from, to), d.history.notices(ids, from, to)]);
    const services = serviceFigures(days, { by: q.by, perBranch, perService: q.perService ?? true });
    const causes = causeFigures(notices, { by: q.by, perBranch }, Date.now());
    if (q.format === 'csv') {
      return q.table === 'causes'
        ? sendCsv(res, `${name}-causes-${q.by}-${from}-${to}.csv`, toCsv(causes, causeColumns))
        : sendCsv(res, `${name}-figures-${q.by}-${from}-${to}.csv`, toCsv(services, serviceColumns(services)));
    }
    res.json({ ok: true, from, to, by: q.by, branches: ids, services, causes });
  }

  return { branch, across };
}

/** The days a report covers: as asked, else the last 30 days up to today in the branch's zone. */
function range(q: { from?: string | undefined; to?: string | undefined }, tz: string): { from: string; to: string } {
  const today = localParts(Date.now(), tz).day;
  const to = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw new HttpError(400, 'invalid', 'from: must be on or before to', 'from');
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS >= MAX_DAYS) {
    throw new HttpError(400, 'invalid', `from: at most ${MAX_DAYS} days in one report`, 'from');
  }
  return { from, to };
}

function localMidnight(day: string, tz: string): number {
  const guess = Date.parse(`${day}T00:00:00Z`);
  // Within a day of the zone's offset: step to the first instant whose local day is `day`.
  let at = guess - 14 * 3600_000;
  while (localParts(at, tz).day < day) at += 15 * 60_000;
  return at;
}

const minutes = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms / 6_000) / 10);
const who = (a: { role: string; user?: string } | null) => (a ? (a.user ? `${a.user} (${a.role})` : a.role) : null);

function noticeColumns(cfg: BranchConfig): CsvColumn<NoticeRecord>[] {
  const tz = cfg.timezone;
  const iso = (at: number | null) => (at === null ? null : isoLocal(at, tz));
  return [
    { header: 'notice_id', value: (n) => n.id },
    { header: 'day', value: (n) => n.day },
    { header: 'cause', value: (n) => n.cause },
    { header: 'effect', value: (n) => n.effect },
    { header: 'scope', value: (n) => (n.scope.type === 'branch' ? 'branch' : `${n.scope.type}:${n.scope.ids.join(' ')}`) },
    { header: 'started_at', value: (n) => iso(n.startedAt) },
    { header: 'expected_end_first', value: (n) => iso(n.firstExpectedEndAt) },
    { header: 'expected_end_last', value: (n) => iso(n.expectedEndAt) },
    { header: 'ended_at', value: (n) => iso(n.endedAt) },
    { header: 'minutes', value: (n) => (n.endedAt === null ? null : minutes(n.endedAt - n.startedAt)) },
    { header: 'overran_minutes', value: (n) => (n.endedAt !== null && n.expectedEndAt !== null ? Math.max(0, minutes(n.endedAt - n.expectedEndAt)!) : null) },
    { header: 'updates', value: (n) => n.updates.length },
    { header: 'posted_by', value: (n) => who(n.postedBy) },
    { header: 'resolved_by', value: (n) => who(n.resolvedBy) },
    { header: 'apologised', value: (n) => n.apologise || !!n.resolution?.apologise },
    { header: 'customers_touched', value: (n) => n.touched },
    { header: 'extra_wait_minutes_mean', value: (n) => (n.touchedCompared ? minutes(n.extraWaitMs / n.touchedCompared) : null) },
    ...cfg.languages.map((l) => ({ header: `text_${l}`, value: (n: NoticeRecord) => n.text[l] ?? null })),
  ];
}

function ticketColumns(tz: string): CsvColumn<TicketRecord>[] {
  const iso = (at: number | null) => (at === null ? null : isoLocal(at, tz));
  return [
    { header: 'day', value: (t) => t.day },
    { header: 'number', value: (t) => t.number },
    { header: 'service', value: (t) => t.service },
    { header: 'issued_at', value: (t) => iso(t.issuedAt) },
    { header: 'called_at', value: (t) => iso(t.calledAt) },
    { header: 'ended_at', value: (t) => iso(t.endedAt) },
    { header: 'counter', value: (t) => t.counterId },
    { header: 'outcome', value: (t) => t.outcome },
    { header: 'wait_minutes', value: (t) => minutes(t.waitMs) },
    { header: 'recalls', value: (t) => t.recalls },
    { header: 'out_of_turn', value: (t) => t.outOfTurn },
    { header: 'promise_minutes', value: (t) => t.promiseMinutes },
    { header: 'promise_kept', value: (t) => t.promiseKept },
    { header: 'notices', value: (t) => t.notices.join(' ') },
  ];
}

function serviceColumns(rows: readonly ServiceFigures[]): CsvColumn<ServiceFigures>[] {
  const reasons = [...new Set(rows.flatMap((r) => Object.keys(r.outOfTurn)))].sort();
  return [
    { header: 'period', value: (r) => r.period },
    { header: 'branch', value: (r) => r.branchId ?? 'all' },
    { header: 'service', value: (r) => r.service ?? 'all' },
    { header: 'issued', value: (r) => r.issued },
    { header: 'called', value: (r) => r.called },
    { header: 'served', value: (r) => r.served },
    { header: 'no_shows', value: (r) => r.noShows },
    { header: 'cancelled', value: (r) => r.cancelled },
    { header: 'wait_mean_minutes', value: (r) => minutes(r.waitMeanMs) },
    { header: 'wait_median_minutes', value: (r) => minutes(r.waitMedianMs) },
    { header: 'wait_p90_minutes', value: (r) => minutes(r.waitP90Ms) },
    { header: 'promise_eligible', value: (r) => r.promiseEligible },
    { header: 'promise_kept', value: (r) => r.promiseKept },
    { header: 'promise_kept_share', value: (r) => (r.promiseKeptShare === null ? null : Math.round(r.promiseKeptShare * 1000) / 1000) },
    ...reasons.map((reason) => ({ header: `out_of_turn_${reason}`, value: (r: ServiceFigures) => r.outOfTurn[reason] ?? 0 })),
    { header: 'customers_touched', value: (r) => r.touched },
    { header: 'extra_wait_minutes_total', value: (r) => minutes(r.extraWaitMs) },
  ];
}

const causeColumns: CsvColumn<CauseFigures>[] = [
  { header: 'period', value: (r) => r.period },
  { header: 'branch', value: (r) => r.branchId ?? 'all' },
  { header: 'cause', value: (r) => r.cause },
  { header: 'notices', value: (r) => r.notices },
  { header: 'minutes', value: (r) => r.minutes },
  { header: 'customers_touched', value: (r) => r.touched },
  { header: 'apologies', value: (r) => r.apologies },
  { header: 'overran', value: (r) => r.overran },
];

function auditColumns(tz: string): CsvColumn<AuditEntry>[] {
  return [
    { header: 'seq', value: (a) => (a.seqFrom === a.seqTo ? String(a.seqFrom) : `${a.seqFrom}-${a.seqTo}`) },
    { header: 'at', value: (a) => isoLocal(a.at, tz) },
    { header: 'user', value: (a) => a.actor.user ?? null },
    { header: 'role', value: (a) => a.actor.role },
    { header: 'types', value: (a) => a.types.join(' ') },
    { header: 'counters', value: (a) => a.counters.join(' ') },
    { header: 'changes', value: (a) => JSON.stringify(a.changes) },
  ];
}
