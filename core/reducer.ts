import { reduceConfig } from './config-reducer';
import type { BranchEvent } from './events';
import { happenedAt, issuedBefore } from './event-time';
import {
  MAX_CALLS_KEPT,
  RESOLVED_NOTICE_KEPT_MS,
  type BranchState,
  type Call,
  type CounterState,
  type NoShowTicket,
  type Notice,
  type Ticket,
} from './state';

/**
 * The branch's live state as a pure fold over its events. Server, lobby and tablet all run this
 * same function, so a screen shows exactly what the server holds. Never mutates its input.
 */
export function apply(state: BranchState, event: BranchEvent): BranchState {
  if (event.seq !== state.seq + 1) {
    throw new Error(`event seq ${event.seq} does not follow state seq ${state.seq}`);
  }
  const next = reduce(state, event);
  return { ...next, seq: event.seq, at: event.at };
}

/** Folds a run of events, e.g. a log replay. */
export function applyAll(state: BranchState, events: Iterable<BranchEvent>): BranchState {
  let s = state;
  for (const e of events) s = apply(s, e);
  return s;
}

function reduce(s: BranchState, e: BranchEvent): BranchState {
  switch (e.type) {
    case 'BranchConfigured': {
      const counters: Record<string, CounterState> = {};
      for (const c of e.config.counters) {
        counters[c.id] = s.counters[c.id] ?? { id: c.id, status: 'closed', backAt: null, ticketId: null, since: e.at };
      }
      const queues: Record<string, string[]> = {};
      for (const sv of e.config.services) queues[sv.id] = s.queues[sv.id] ?? [];
      // A whole configuration: its presets are the library's when it says so (a new branch), else the branch's own.
      const presetSources = e.presetsFrom === 'library' ? { library: e.config.presets, branch: [], hidden: [] } : undefined;
      return { ...s, config: e.config, counters, queues, presetSources };
    }
    case 'TicketIssued': {
      const { id, service, number, day } = e.ticket;
      const newDay = day !== s.today.day;
      const base = newDay ? { day, issued: {}, served: 0, noShow: 0 } : s.today;
      // Numbers from another queue system may not read as a letter and digits: keep the count as it was.
      const parsed = Number(number.slice(1));
      const n = Number.isFinite(parsed) ? parsed : (base.issued[service] ?? 0);
      // A screen's partial copy lists the first of a long queue only: a ticket behind hidden ones is counted.
      const behindHidden = (s.hiddenWaiting?.[service] ?? 0) > 0;
      const issued: Ticket = { id, number, service, status: 'waiting', issuedAt: happenedAt(e), issuedSeq: e.seq, calledAt: null, counterId: null, recalls: 0, ...(e.inferred ? { issueInferred: true as const } : {}) };
      return {
        ...s,
        tickets: behindHidden
          ? s.tickets
          : { ...s.tickets, [id]: issued },
        // A ticket reported late by another queue system takes its place by its real issue time.
        queues: behindHidden ? s.queues : { ...s.queues, [service]: e.occurredAt === undefined ? [...(s.queues[service] ?? []), id] : insertByIssue(s.queues[service] ?? [], issued, { ...s.tickets, [id]: issued }) },
        ...(behindHidden ? { hiddenWaiting: { ...s.hiddenWaiting, [service]: s.hiddenWaiting![service]! + 1 } } : {}),
        today: {
          ...base,
          issued: { ...base.issued, [service]: n },
          taken: { ...base.taken, [service]: (base.taken?.[service] ?? 0) + 1 },
          minute: minuteCount(base.minute, e.at),
        },
        // Yesterday's no-shows can no longer be undone or called back.
        ...(newDay ? { noShows: {} } : {}),
      };
    }
    case 'TicketCalled': {
      // A waiting ticket, or a no-show called back.
      const noShow = s.noShows?.[e.ticketId];
      const found = s.tickets[e.ticketId] ?? (noShow ? fromNoShow(noShow) : undefined);
      if (!found) return s;
      const { assignedCounterId: _a, ...t } = found;
      const calledAt = happenedAt(e);
      const call: Call = {
        ticketId: t.id,
        number: t.number,
        counterId: e.counterId,
        at: calledAt,
        recall: false,
        service: t.service,
        ...(e.reason ? { reason: e.reason } : {}),
        // A ticket whose issue time is not known yet cannot be said to pass anyone.
        ...(!t.issueInferred && passesOthers(s, t) ? { passedOthers: true } : {}),
      };
      const late = !noShow && !t.issueInferred && missedPromise(s, t.service, calledAt - t.issuedAt);
      return {
        ...s,
        tickets: { ...s.tickets, [t.id]: { ...t, status: 'called', calledAt, counterId: e.counterId } },
        queues: { ...s.queues, [t.service]: (s.queues[t.service] ?? []).filter((id) => id !== t.id) },
        // A call of the past (reported late): the counter has moved on, and the board with it.
        ...(e.overtaken
          ? {}
          : {
              counters: patchCounter(s, e.counterId, { ticketId: t.id, status: 'open', backAt: null }, e.at),
              calls: [call, ...s.calls.filter((c) => c.counterId !== e.counterId)].slice(0, MAX_CALLS_KEPT),
            }),
        ...(noShow ? { noShows: without(s.noShows ?? {}, t.id) } : {}),
        ...(late ? { promiseMissedAt: { ...(s.promiseMissedAt ?? {}), [t.service]: e.at } } : {}),
      };
    }
    case 'TicketIssueCorrected': {
      // Only a stand-in issue time is corrected, and only to an earlier one.
      const fix = <T extends Ticket>(t: T | undefined): T | undefined => {
        if (!t?.issueInferred || e.issuedAt >= t.issuedAt) return undefined;
        const { issueInferred: _i, ...rest } = t;
        return { ...rest, issuedAt: e.issuedAt } as T;
      };
      const t = fix(s.tickets[e.ticketId]);
      const n = fix(s.noShows?.[e.ticketId]);
      if (!t && !n) return s;
      const tickets = t ? { ...s.tickets, [t.id]: t } : s.tickets;
      const late = t?.status === 'called' && t.calledAt !== null && missedPromise(s, t.service, t.calledAt - t.issuedAt);
      return {
        ...s,
        tickets,
        ...(t?.status === 'waiting' ? { queues: { ...s.queues, [t.service]: insertByIssue(s.queues[t.service] ?? [], t, tickets) } } : {}),
        ...(n ? { noShows: { ...s.noShows, [n.id]: n } } : {}),
        ...(late ? { promiseMissedAt: { ...(s.promiseMissedAt ?? {}), [t.service]: e.at } } : {}),
      };
    }
    case 'TicketTransferred': {
      const t = s.tickets[e.ticketId];
      if (!t) return s;
      const moved: Ticket = {
        ...t,
        service: e.service,
        status: 'waiting',
        calledAt: null,
        counterId: null,
        transferredAt: e.at,
        ...(e.toCounterId ? { assignedCounterId: e.toCounterId } : {}),
      };
      if (!e.toCounterId) delete moved.assignedCounterId;
      const counter = s.counters[e.counterId];
      const tickets = { ...s.tickets, [t.id]: moved };
      return {
        ...s,
        tickets,
        queues: { ...s.queues, [e.service]: insertByIssue(s.queues[e.service] ?? [], moved, tickets) },
        counters: counter && counter.ticketId === t.id ? patchCounter(s, e.counterId, { ticketId: null }, counter.since) : s.counters,
        calls: s.calls.filter((c) => c.ticketId !== t.id),
      };
    }
    case 'NoShowUndone': {
      const n = s.noShows?.[e.ticketId];
      if (!n) return s;
      const base = fromNoShow(n);
      const today = { ...s.today, noShow: Math.max(0, s.today.noShow - 1) };
      const noShows = without(s.noShows ?? {}, n.id);
      if (e.back === 'counter') {
        const t: Ticket = { ...base, status: 'called', calledAt: e.at, counterId: e.counterId };
        const call: Call = { ticketId: t.id, number: t.number, counterId: e.counterId, at: e.at, recall: false, service: t.service };
        return {
          ...s,
          tickets: { ...s.tickets, [t.id]: t },
          counters: patchCounter(s, e.counterId, { ticketId: t.id, status: 'open', backAt: null }, e.at),
          calls: [call, ...s.calls.filter((c) => c.counterId !== e.counterId)].slice(0, MAX_CALLS_KEPT),
          noShows,
          today,
        };
      }
      const t: Ticket = { ...base, status: 'waiting', calledAt: null, counterId: null };
      const tickets = { ...s.tickets, [t.id]: t };
      return { ...s, tickets, queues: { ...s.queues, [t.service]: insertByIssue(s.queues[t.service] ?? [], t, tickets) }, noShows, today };
    }
    case 'TicketCancelled': {
      const t = s.tickets[e.ticketId];
      if (!t || t.status !== 'waiting') return s;
      const { [t.id]: _gone, ...tickets } = s.tickets;
      return {
        ...s,
        tickets,
        queues: { ...s.queues, [t.service]: (s.queues[t.service] ?? []).filter((id) => id !== t.id) },
        today: { ...s.today, cancelled: (s.today.cancelled ?? 0) + 1 },
      };
    }
    case 'TicketRecalled': {
      const t = s.tickets[e.ticketId];
      if (!t) return s;
      const call = { ticketId: t.id, number: t.number, counterId: e.counterId, at: happenedAt(e), recall: true };
      return {
        ...s,
        tickets: { ...s.tickets, [t.id]: { ...t, recalls: t.recalls + 1 } },
        calls: [call, ...s.calls.filter((c) => c.counterId !== e.counterId)].slice(0, MAX_CALLS_KEPT),
      };
    }
    case 'ServiceEnded':
    case 'TicketNoShow': {
      const { [e.ticketId]: gone, ...tickets } = s.tickets;
      // "Now serving" shows tickets still at a counter: a finished one leaves the board.
      const calls = s.calls.filter((c) => c.ticketId !== e.ticketId);
      const counter = s.counters[e.counterId];
      const counters =
        counter && counter.ticketId === e.ticketId ? patchCounter(s, e.counterId, { ticketId: null }, counter.since) : s.counters;
      if (e.type === 'ServiceEnded') return { ...s, tickets, counters, today: { ...s.today, served: s.today.served + 1 }, calls };
      const noShows = gone ? { ...s.noShows, [gone.id]: { ...gone, noShowAt: happenedAt(e), noShowCounterId: e.counterId } } : (s.noShows ?? {});
      return { ...s, tickets, counters, today: { ...s.today, noShow: s.today.noShow + 1 }, calls, noShows };
    }
    case 'CounterOpened':
      return { ...s, counters: patchCounter(s, e.counterId, { status: 'open', backAt: null }, e.at) };
    case 'CounterPaused':
    case 'CounterClosed':
      return {
        ...s,
        counters:
          e.type === 'CounterPaused'
            ? patchCounter(s, e.counterId, { status: 'paused', backAt: e.backAt, pausedByNotice: e.noticeId }, e.at)
            : patchCounter(s, e.counterId, { status: 'closed', backAt: null }, e.at),
        // A paused or closed counter calls no one new; a customer still at it stays on "now serving",
        // as on its tile (a pause keeps the customer; a close finishes them first).
        calls: s.calls.filter((c) => c.counterId !== e.counterId || s.counters[e.counterId]?.ticketId === c.ticketId),
      };
    case 'NoticePosted': {
      const n: Notice = { ...e.notice, startedAt: e.at, updates: [], status: 'active', resolution: null };
      return { ...s, notices: [...pruneNotices(s.notices, e.at), n] };
    }
    case 'NoticeUpdated':
      return {
        ...s,
        notices: s.notices.map((n) => {
          if (n.id !== e.noticeId) return n;
          const update = {
            at: e.at,
            ...(e.text ? { text: e.text } : {}),
            ...(e.note ? { note: e.note } : {}),
            ...(e.expectedEndAt !== undefined ? { expectedEndAt: e.expectedEndAt } : {}),
          };
          return {
            ...n,
            text: e.text ?? n.text,
            // A new full text supersedes an earlier typed addition.
            ...(e.note ? { note: e.note } : e.text ? { note: null } : {}),
            expectedEndAt: e.expectedEndAt !== undefined ? e.expectedEndAt : n.expectedEndAt,
            ...(e.scope ? { scope: e.scope } : {}),
            updates: [...n.updates, update],
          };
        }),
      };
    case 'NoticeResolved':
      return {
        ...s,
        notices: s.notices.map((n) =>
          n.id === e.noticeId
            ? {
                ...n,
                status: 'resolved',
                resolution: {
                  at: e.at,
                  text: e.text,
                  apologise: e.apologise,
                  ...(e.note ? { note: e.note } : {}),
                  ...(e.prevention ? { prevention: e.prevention } : {}),
                },
              }
            : n,
        ),
      };
    default:
      // Configuration events (services, counters, presets, screens): see config-reducer.ts.
      return reduceConfig(s, e);
  }
}

function patchCounter(s: BranchState, id: string, patch: Partial<CounterState>, since: number): Record<string, CounterState> {
  const c = s.counters[id] ?? { id, status: 'closed' as const, backAt: null, ticketId: null, since };
  const statusChanged = patch.status !== undefined && patch.status !== c.status;
  const next: CounterState = { ...c, ...patch, since: statusChanged ? since : c.since };
  // Only a pause keeps the notice that caused it; open, closed or the teller's own pause have none.
  if (next.pausedByNotice === undefined || next.status !== 'paused') delete next.pausedByNotice;
  return { ...s.counters, [id]: next };
}

/** Puts a ticket into a queue at its place by issue order (a transfer or an undone no-show keeps its place). */
function insertByIssue(queue: readonly string[], t: Ticket, tickets: Record<string, Ticket>): string[] {
  const rest = queue.filter((id) => id !== t.id);
  const at = rest.findIndex((id) => { const o = tickets[id]; return o !== undefined && issuedBefore(t, o); });
  return at < 0 ? [...rest, t.id] : [...rest.slice(0, at), t.id, ...rest.slice(at)];
}

/** Whether a wait of `waitMs` for `service` is longer than its promise. */
function missedPromise(s: BranchState, service: string, waitMs: number): boolean {
  const promise = s.config?.services.find((sv) => sv.id === service)?.promiseMinutes;
  return promise !== undefined && waitMs > promise * 60_000;
}

/** Whether someone of another service who came earlier than `t` is still waiting. */
function passesOthers(s: BranchState, t: Ticket): boolean {
  for (const [service, queue] of Object.entries(s.queues)) {
    if (service === t.service) continue;
    const head = queue[0] ? s.tickets[queue[0]] : undefined;
    if (head && issuedBefore(head, t)) return true;
  }
  return false;
}

function fromNoShow(n: NoShowTicket): Ticket {
  const { noShowAt: _at, noShowCounterId: _c, ...t } = n;
  return t;
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

/** Resolved notices older than a day leave the live state; the log keeps them for history. */
function pruneNotices(notices: Notice[], now: number): Notice[] {
  return notices.filter((n) => n.status === 'active' || (n.resolution && now - n.resolution.at < RESOLVED_NOTICE_KEPT_MS));
}

/** The per-minute ticket count after one more ticket at `at` (a new minute starts at 1). */
function minuteCount(m: { start: number; count: number } | undefined, at: number): { start: number; count: number } {
  const start = at - (at % 60_000);
  return m && m.start === start ? { start, count: m.count + 1 } : { start, count: 1 };
}
