import type { BranchConfig } from '../branch';
import { nextTicketFor } from '../decide';
import type { BranchEvent } from '../events';
import { happenedAt } from '../event-time';
import { apply } from '../reducer';
import { emptyState, type BranchState } from '../state';
import { configDiff } from './config-diff';
import { localParts } from './local-time';
import {
  WAIT_BUCKET_MS,
  type AuditChange,
  type AuditEntry,
  type DayServiceFigures,
  type HistoryChanges,
  type NoticeRecord,
  type TicketRecord,
} from './types';

/** A notice resolved this long ago can no longer have touched a ticket still waiting: it leaves memory. */
const NOTICE_MEMORY_MS = 24 * 3600_000;
/** A ticket never called within this long was not served (the branch closed on it). */
const TICKET_MEMORY_MS = 36 * 3600_000;
/** "Usual" waits are learnt over this many past days, per service and hour of the day. */
const USUAL_DAYS = 28;
/** Fewer waits than this are not a usual to compare with. */
const USUAL_MIN_SAMPLES = 5;

/**
 * What the projector carries from one batch to the next: the branch's folded state (to know the
 * queue before each event) and the unfinished parts of its history. Plain JSON, so it can be
 * checkpointed beside the rows it produced.
 */
export interface HistoryMemory {
  branchId: string;
  seq: number;
  state: BranchState;
  /** Tickets issued and not finished yet. */
  open: Record<string, TicketRecord>;
  /**
   * Finished tickets whose issue time is still a stand-in (ingest: a step came before its
   * "issued"), kept for their day so the real issue time can still correct their wait.
   */
  settled?: Record<string, TicketRecord>;
  /** Active notices and those resolved in the last day. */
  notices: Record<string, NoticeRecord>;
  /** Figures of the days still receiving tickets, by "day|service". */
  days: Record<string, DayServiceFigures>;
  /** Waits of untouched tickets by "service|hour": [local day, total ms, count] for recent days. */
  usual: Record<string, [string, number, number][]>;
}

export function emptyHistoryMemory(branchId: string): HistoryMemory {
  return { branchId, seq: 0, state: emptyState(branchId), open: {}, notices: {}, days: {}, usual: {} };
}

/**
 * Folds committed events into the read models: notices with their customers touched, tickets,
 * daily figures per service, the audit trail. Pure (no I/O, no clock): the same events give the
 * same rows, so a replay from a checkpoint rewrites exactly what was there.
 */
export class HistoryProjector {
  constructor(readonly memory: HistoryMemory) {}

  /** Folds events that follow `memory.seq` in order; returns every row they changed. */
  apply(events: readonly BranchEvent[]): HistoryChanges {
    const out = new Changes();
    let group: { e: BranchEvent; change: AuditChange; counters: string[] }[] = [];
    for (const e of events) {
      if (e.seq <= this.memory.seq) continue;
      if (e.seq !== this.memory.seq + 1) throw new Error(`history at seq ${this.memory.seq} cannot take event ${e.seq}`);
      if (group.length && !sameCommand(group[0]!.e, e)) {
        out.audit.push(auditEntry(group));
        group = [];
      }
      const before = this.memory.state;
      this.fold(e, out);
      this.memory.state = apply(before, e);
      group.push({ e, ...auditChange(e, before, this.memory.state) });
      this.memory.seq = e.seq;
    }
    if (group.length) out.audit.push(auditEntry(group));
    if (events.length) this.prune(events[events.length - 1]!.at, out);
    return out.result();
  }

  private fold(e: BranchEvent, out: Changes): void {
    const m = this.memory;
    const config = m.state.config;
    switch (e.type) {
      case 'TicketIssued': {
        const t: TicketRecord = {
          id: e.ticket.id,
          day: e.ticket.day,
          service: e.ticket.service,
          number: e.ticket.number,
          issuedAt: happenedAt(e),
          calledAt: null,
          endedAt: null,
          counterId: null,
          outcome: 'waiting',
          waitMs: null,
          recalls: 0,
          outOfTurn: null,
          promiseMinutes: null,
          promiseKept: null,
          notices: [],
          ...(e.inferred ? { issueInferred: true as const } : {}),
        };
        m.open[t.id] = t;
        this.day(t.day, t.service, out).issued++;
        out.ticket(t);
        break;
      }
      case 'TicketCalled': {
        const t = m.open[e.ticketId];
        if (!t) break;
        if (t.calledAt !== null) {
          // Called again after a transfer or a no-show: its wait was measured at the first call.
          t.counterId = e.counterId;
          t.outcome = 'called';
          if (e.reason) {
            t.outOfTurn = e.reason;
            const d = this.day(t.day, t.service, out);
            d.outOfTurn[e.reason] = (d.outOfTurn[e.reason] ?? 0) + 1;
          }
          out.ticket(t);
          break;
        }
        t.calledAt = happenedAt(e);
        t.counterId = e.counterId;
        t.outcome = 'called';
        t.waitMs = t.calledAt - t.issuedAt;
        const counterServices = config?.counters.find((c) => c.id === e.counterId)?.services ?? [t.service];
        const inTurn = nextTicketFor(m.state, counterServices);
        if (e.reason) t.outOfTurn = e.reason;
        // Whose issue time is not known yet, or a call reported late (the queue then is not the
        // queue now), cannot be judged to have passed anyone.
        else if (inTurn && inTurn.id !== t.id && !t.issueInferred && !e.overtaken) t.outOfTurn = 'unspecified';
        const promise = config?.services.find((s) => s.id === t.service)?.promiseMinutes;
        t.promiseMinutes = promise ?? null;
        t.promiseKept = t.promiseMinutes === null ? null : t.waitMs <= t.promiseMinutes * 60_000;

        const d = this.day(t.day, t.service, out);
        d.called++;
        countWait(t, d, 1);
        if (t.outOfTurn) d.outOfTurn[t.outOfTurn] = (d.outOfTurn[t.outOfTurn] ?? 0) + 1;

        this.attribute(t, d, out);
        if (t.promiseKept === false) out.signals.push({ type: 'promise.missed', seq: e.seq, at: e.at, ticket: { ...t }, waitedMinutes: Math.round(t.waitMs / 60_000) });
        out.ticket(t);
        break;
      }
      case 'TicketIssueCorrected': {
        const t = m.open[e.ticketId] ?? m.settled?.[e.ticketId];
        // Only a stand-in issue time is corrected, and only to an earlier one (as the reducer does).
        if (!t?.issueInferred || e.issuedAt >= t.issuedAt) break;
        if (m.settled) delete m.settled[t.id];
        delete t.issueInferred;
        if (t.calledAt === null || t.waitMs === null) {
          t.issuedAt = e.issuedAt;
          out.ticket(t);
          break;
        }
        // Its wait was counted from the stand-in: take that back and count the real one.
        const d = this.day(t.day, t.service, out);
        const keptBefore = t.promiseKept;
        this.unattribute(t, d, out);
        countWait(t, d, -1);
        t.issuedAt = e.issuedAt;
        t.waitMs = t.calledAt - t.issuedAt;
        t.promiseKept = t.promiseMinutes === null ? null : t.waitMs <= t.promiseMinutes * 60_000;
        countWait(t, d, 1);
        this.attribute(t, d, out);
        if (t.promiseKept === false && keptBefore !== false) out.signals.push({ type: 'promise.missed', seq: e.seq, at: e.at, ticket: { ...t }, waitedMinutes: Math.round(t.waitMs / 60_000) });
        out.ticket(t);
        break;
      }
      case 'TicketCancelled': {
        const t = m.open[e.ticketId];
        if (!t || t.calledAt !== null) break;
        t.outcome = 'cancelled';
        t.endedAt = e.at;
        this.day(t.day, t.service, out).cancelled++;
        delete m.open[t.id];
        out.ticket(t);
        break;
      }
      case 'TicketTransferred': {
        const t = m.open[e.ticketId];
        if (!t) break;
        // Back to waiting, for another service or counter; it keeps its day and first wait.
        t.outcome = 'waiting';
        t.counterId = e.toCounterId;
        out.ticket(t);
        break;
      }
      case 'NoShowUndone': {
        const t = m.open[e.ticketId];
        if (!t || t.outcome !== 'no_show') break;
        t.outcome = e.back === 'counter' ? 'called' : 'waiting';
        t.endedAt = null;
        const d = this.day(t.day, t.service, out);
        d.noShows = Math.max(0, d.noShows - 1);
        out.ticket(t);
        break;
      }
      case 'TicketRecalled': {
        const t = m.open[e.ticketId];
        if (t) {
          t.recalls++;
          out.ticket(t);
        }
        break;
      }
      case 'ServiceEnded':
      case 'TicketNoShow': {
        const t = m.open[e.ticketId];
        if (!t || t.outcome === 'served' || t.outcome === 'no_show') break;
        t.endedAt = happenedAt(e);
        t.outcome = e.type === 'ServiceEnded' ? 'served' : 'no_show';
        const d = this.day(t.day, t.service, out);
        if (e.type === 'ServiceEnded') {
          d.served++;
          delete m.open[t.id];
          if (t.issueInferred) (m.settled ??= {})[t.id] = t;
        } else {
          // A no-show can be undone, or the customer called back later today: kept until then.
          d.noShows++;
        }
        out.ticket(t);
        break;
      }
      case 'NoticePosted': {
        const n = e.notice;
        const tz = config?.timezone ?? 'UTC';
        const rec: NoticeRecord = {
          id: n.id,
          day: localParts(e.at, tz).day,
          cause: n.cause,
          effect: n.effect,
          scope: n.scope,
          services: scopeServices(n.scope, config),
          presetId: n.presetId,
          text: n.text,
          apologise: n.apologise,
          startedAt: e.at,
          postedSeq: e.seq,
          resolvedSeq: null,
          firstExpectedEndAt: n.expectedEndAt,
          expectedEndAt: n.expectedEndAt,
          endedAt: null,
          updates: [],
          postedBy: e.actor,
          resolvedBy: null,
          resolution: null,
          touched: 0,
          touchedCompared: 0,
          extraWaitMs: 0,
        };
        m.notices[rec.id] = rec;
        out.notice(rec);
        out.signals.push({ type: 'notice.posted', seq: e.seq, at: e.at, notice: { ...rec, updates: [...rec.updates] } });
        break;
      }
      case 'NoticeUpdated': {
        const rec = m.notices[e.noticeId];
        if (!rec) break;
        rec.updates.push({
          at: e.at,
          by: e.actor,
          ...(e.text ? { text: e.text } : {}),
          ...(e.expectedEndAt !== undefined ? { expectedEndAt: e.expectedEndAt } : {}),
        });
        if (e.expectedEndAt !== undefined) rec.expectedEndAt = e.expectedEndAt;
        out.notice(rec);
        out.signals.push({ type: 'notice.updated', seq: e.seq, at: e.at, notice: { ...rec, updates: [...rec.updates] } });
        break;
      }
      case 'NoticeResolved': {
        const rec = m.notices[e.noticeId];
        if (!rec || rec.endedAt !== null) break;
        rec.endedAt = e.at;
        rec.resolvedSeq = e.seq;
        rec.resolvedBy = e.actor;
        rec.resolution = { text: e.text, apologise: e.apologise };
        out.notice(rec);
        out.signals.push({ type: 'notice.resolved', seq: e.seq, at: e.at, notice: { ...rec, updates: [...rec.updates] } });
        break;
      }
      default:
        break;
    }
  }

  /** A ticket's wait just ended: which notices it waited under, and how much longer than usual it waited. */
  private attribute(t: TicketRecord, d: DayServiceFigures, out: Changes): void {
    const m = this.memory;
    const touching = Object.values(m.notices).filter(
      (n) => n.services.includes(t.service) && n.startedAt <= t.calledAt! && (n.endedAt === null || n.endedAt >= t.issuedAt),
    );
    const tz = m.state.config?.timezone ?? 'UTC';
    const hour = localParts(t.issuedAt, tz).hour;
    if (!touching.length) {
      this.learnUsual(t, hour);
      return;
    }
    const usual = this.usualWait(t.service, hour, t.day);
    const extra = usual === null ? null : t.waitMs! - usual;
    t.notices = touching.map((n) => n.id);
    d.touched++;
    if (extra !== null) d.extraWaitMs += extra;
    for (const n of touching) {
      n.touched++;
      if (extra !== null) {
        n.touchedCompared++;
        n.extraWaitMs += extra;
      }
      out.notice(n);
    }
  }

  /** Takes back what attribute() counted for a ticket's wait (it is about to change). */
  private unattribute(t: TicketRecord, d: DayServiceFigures, out: Changes): void {
    const m = this.memory;
    const hour = localParts(t.issuedAt, m.state.config?.timezone ?? 'UTC').hour;
    if (!t.notices.length) {
      const last = (m.usual[`${t.service}|${hour}`] ?? []).find(([day]) => day === t.day);
      if (last) {
        last[1] -= t.waitMs!;
        last[2]--;
      }
      return;
    }
    // The usual of earlier days has not changed since: the same "extra" comes out as went in.
    const usual = this.usualWait(t.service, hour, t.day);
    const extra = usual === null ? null : t.waitMs! - usual;
    d.touched--;
    if (extra !== null) d.extraWaitMs -= extra;
    for (const id of t.notices) {
      const n = m.notices[id];
      if (!n) continue;
      n.touched--;
      if (extra !== null) {
        n.touchedCompared--;
        n.extraWaitMs -= extra;
      }
      out.notice(n);
    }
    t.notices = [];
  }

  private learnUsual(t: TicketRecord, hour: number): void {
    const k = `${t.service}|${hour}`;
    const days = (this.memory.usual[k] ??= []);
    const last = days[days.length - 1];
    if (last && last[0] === t.day) {
      last[1] += t.waitMs!;
      last[2]++;
    } else {
      days.push([t.day, t.waitMs!, 1]);
      if (days.length > USUAL_DAYS) days.shift();
    }
  }

  /** The mean wait of untouched tickets of the service at that hour on earlier days; the whole day's when the hour has too few. */
  private usualWait(service: string, hour: number, today: string): number | null {
    const sum = (hours: number[]) => {
      let total = 0;
      let n = 0;
      for (const h of hours)
        for (const [day, s, c] of this.memory.usual[`${service}|${h}`] ?? [])
          if (day < today) {
            total += s;
            n += c;
          }
      return n >= USUAL_MIN_SAMPLES ? total / n : null;
    };
    return sum([hour]) ?? sum(Array.from({ length: 24 }, (_, h) => h));
  }

  private day(day: string, service: string, out: Changes): DayServiceFigures {
    const k = `${day}|${service}`;
    let d = this.memory.days[k];
    if (!d) {
      d = { day, service, issued: 0, called: 0, served: 0, noShows: 0, cancelled: 0, waitHist: {}, waitSumMs: 0, promiseEligible: 0, promiseKept: 0, outOfTurn: {}, touched: 0, extraWaitMs: 0 };
      this.memory.days[k] = d;
    }
    out.day(d);
    return d;
  }

  /** Forgets what can change no more: old resolved notices, tickets never called, past days. */
  private prune(now: number, out: Changes): void {
    const m = this.memory;
    for (const [id, n] of Object.entries(m.notices)) if (n.endedAt !== null && now - n.endedAt > NOTICE_MEMORY_MS) delete m.notices[id];
    for (const [id, t] of Object.entries(m.open)) {
      if (now - t.issuedAt > TICKET_MEMORY_MS) {
        if (t.outcome === 'waiting' || t.outcome === 'called') t.outcome = 'unserved';
        out.ticket(t);
        delete m.open[id];
      }
    }
    const openDays = new Set(Object.values(m.open).map((t) => t.day));
    const today = localParts(now, m.state.config?.timezone ?? 'UTC').day;
    // A stand-in issue time is corrected on its own day, or never.
    for (const [id, t] of Object.entries(m.settled ?? {})) if (t.day < today || now - t.issuedAt > TICKET_MEMORY_MS) delete m.settled![id];
    for (const [k, d] of Object.entries(m.days)) if (d.day < today && !openDays.has(d.day)) delete m.days[k];
  }
}

/** Adds (+1) or takes back (−1) a called ticket's wait in its day's figures. */
function countWait(t: TicketRecord, d: DayServiceFigures, sign: 1 | -1): void {
  const bucket = String(Math.floor(t.waitMs! / WAIT_BUCKET_MS));
  const n = (d.waitHist[bucket] ?? 0) + sign;
  if (n > 0) d.waitHist[bucket] = n;
  else delete d.waitHist[bucket];
  d.waitSumMs += sign * t.waitMs!;
  if (t.promiseKept !== null) {
    d.promiseEligible += sign;
    if (t.promiseKept) d.promiseKept += sign;
  }
}

/** The services a notice's scope reaches: its own, those its counters serve, or all. */
export function scopeServices(scope: { type: string; ids?: string[] }, config: BranchConfig | null): string[] {
  const all = config?.services.map((s) => s.id) ?? [];
  if (scope.type === 'services') return scope.ids ?? [];
  if (scope.type === 'counters') {
    const ids = new Set(scope.ids ?? []);
    return [...new Set(config?.counters.filter((c) => ids.has(c.id)).flatMap((c) => c.services) ?? [])];
  }
  return all;
}

function sameCommand(a: BranchEvent, b: BranchEvent): boolean {
  return a.at === b.at && a.actor.role === b.actor.role && a.actor.user === b.actor.user;
}

/** One event as the audit trail says it, read against the state before it (a finished ticket's number is gone after). */
function auditChange(e: BranchEvent, before: BranchState, after: BranchState): { change: AuditChange; counters: string[] } {
  // Any event that changed the configuration (the whole of it, or one service, counter, preset…) is shown as a diff.
  if (before.config !== after.config) {
    const counterId = (e as { counterId?: unknown }).counterId;
    return { change: { kind: 'config', type: e.type, diff: configDiff(before.config ?? undefined, after.config ?? undefined) }, counters: typeof counterId === 'string' ? [counterId] : [] };
  }
  const { branchId: _b, seq: _s, at: _a, actor: _actor, type, ...payload } = e;
  const p = payload as Record<string, unknown>;
  const counters: string[] = [];
  const counter = typeof p.counterId === 'string' ? p.counterId : undefined;
  if (counter) counters.push(counter);
  if (e.type === 'NoticePosted' && e.notice.scope.type === 'counters') counters.push(...e.notice.scope.ids);
  // A corrected issue names its ticket itself (it may have left the branch already).
  const ticket = e.type === 'TicketIssued' ? e.ticket.number : e.type === 'TicketIssueCorrected' ? e.number : typeof p.ticketId === 'string' ? before.tickets[p.ticketId]?.number : undefined;
  const notice = e.type === 'NoticePosted' ? e.notice.id : typeof p.noticeId === 'string' ? p.noticeId : undefined;
  const { counterId: _c, ticketId: _t, noticeId: _n, ...rest } = p;
  if (e.type === 'TicketIssued') delete rest.ticket;
  if (e.type === 'TicketIssueCorrected') delete rest.number;
  return {
    change: {
      kind: 'event',
      type,
      ...(ticket ? { ticket } : {}),
      ...(counter ? { counter } : {}),
      ...(notice ? { notice } : {}),
      ...(Object.keys(rest).length ? { detail: rest } : {}),
      ...(e.type === 'TicketIssued' ? { detail: { service: e.ticket.service } } : {}),
    },
    counters,
  };
}

function auditEntry(group: { e: BranchEvent; change: AuditChange; counters: string[] }[]): AuditEntry {
  const first = group[0]!.e;
  return {
    seqFrom: first.seq,
    seqTo: group[group.length - 1]!.e.seq,
    at: first.at,
    actor: first.actor,
    types: [...new Set(group.map((g) => g.e.type))],
    counters: [...new Set(group.flatMap((g) => g.counters))],
    changes: group.map((g) => g.change),
  };
}

/** Collects changed rows once each, as copies (the memory keeps changing after this batch). */
class Changes {
  private readonly notices = new Map<string, NoticeRecord>();
  private readonly tickets = new Map<string, TicketRecord>();
  private readonly days = new Map<string, DayServiceFigures>();
  readonly audit: AuditEntry[] = [];
  readonly signals: HistoryChanges['signals'] = [];

  notice(n: NoticeRecord): void {
    this.notices.set(n.id, n);
  }
  ticket(t: TicketRecord): void {
    this.tickets.set(t.id, t);
  }
  day(d: DayServiceFigures): void {
    this.days.set(`${d.day}|${d.service}`, d);
  }
  result(): HistoryChanges {
    return {
      notices: [...this.notices.values()].map((n) => ({ ...n, services: [...n.services], updates: [...n.updates] })),
      tickets: [...this.tickets.values()].map((t) => ({ ...t, notices: [...t.notices] })),
      days: [...this.days.values()].map((d) => ({ ...d, waitHist: { ...d.waitHist }, outOfTurn: { ...d.outOfTurn } })),
      audit: this.audit,
      signals: this.signals,
    };
  }
}
