import type { BranchEvent } from './events';
import { MAX_CALLS_KEPT, RESOLVED_NOTICE_KEPT_MS, type BranchState, type CounterState, type Notice } from './state';

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
      return { ...s, config: e.config, counters, queues };
    }
    case 'TicketIssued': {
      const { id, service, number, day } = e.ticket;
      const newDay = day !== s.today.day;
      const base = newDay ? { day, issued: {}, served: 0, noShow: 0 } : s.today;
      const n = Number(number.slice(1));
      return {
        ...s,
        tickets: {
          ...s.tickets,
          [id]: { id, number, service, status: 'waiting', issuedAt: e.at, issuedSeq: e.seq, calledAt: null, counterId: null, recalls: 0 },
        },
        queues: { ...s.queues, [service]: [...(s.queues[service] ?? []), id] },
        today: { ...base, issued: { ...base.issued, [service]: n } },
      };
    }
    case 'TicketCalled': {
      const t = s.tickets[e.ticketId];
      if (!t) return s;
      const call = { ticketId: t.id, number: t.number, counterId: e.counterId, at: e.at, recall: false };
      return {
        ...s,
        tickets: { ...s.tickets, [t.id]: { ...t, status: 'called', calledAt: e.at, counterId: e.counterId } },
        queues: { ...s.queues, [t.service]: (s.queues[t.service] ?? []).filter((id) => id !== t.id) },
        counters: patchCounter(s, e.counterId, { ticketId: t.id, status: 'open', backAt: null }, e.at),
        calls: [call, ...s.calls.filter((c) => c.counterId !== e.counterId)].slice(0, MAX_CALLS_KEPT),
      };
    }
    case 'TicketRecalled': {
      const t = s.tickets[e.ticketId];
      if (!t) return s;
      const call = { ticketId: t.id, number: t.number, counterId: e.counterId, at: e.at, recall: true };
      return {
        ...s,
        tickets: { ...s.tickets, [t.id]: { ...t, recalls: t.recalls + 1 } },
        calls: [call, ...s.calls.filter((c) => c.counterId !== e.counterId)].slice(0, MAX_CALLS_KEPT),
      };
    }
    case 'ServiceEnded':
    case 'TicketNoShow': {
      const { [e.ticketId]: _gone, ...tickets } = s.tickets;
      // "Now serving" shows tickets still at a counter: a finished one leaves the board.
      const calls = s.calls.filter((c) => c.ticketId !== e.ticketId);
      const counter = s.counters[e.counterId];
      const counters =
        counter && counter.ticketId === e.ticketId ? patchCounter(s, e.counterId, { ticketId: null }, counter.since) : s.counters;
      const today =
        e.type === 'ServiceEnded' ? { ...s.today, served: s.today.served + 1 } : { ...s.today, noShow: s.today.noShow + 1 };
      return { ...s, tickets, counters, today, calls };
    }
    case 'CounterOpened':
      return { ...s, counters: patchCounter(s, e.counterId, { status: 'open', backAt: null }, e.at) };
    case 'CounterPaused':
    case 'CounterClosed':
      return {
        ...s,
        counters:
          e.type === 'CounterPaused'
            ? patchCounter(s, e.counterId, { status: 'paused', backAt: e.backAt }, e.at)
            : patchCounter(s, e.counterId, { status: 'closed', backAt: null }, e.at),
        // A paused or closed counter is calling no one: take it off the "now serving" board.
        calls: s.calls.filter((c) => c.counterId !== e.counterId),
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
            ...(e.expectedEndAt !== undefined ? { expectedEndAt: e.expectedEndAt } : {}),
          };
          return {
            ...n,
            text: e.text ?? n.text,
            expectedEndAt: e.expectedEndAt !== undefined ? e.expectedEndAt : n.expectedEndAt,
            updates: [...n.updates, update],
          };
        }),
      };
    case 'NoticeResolved':
      return {
        ...s,
        notices: s.notices.map((n) =>
          n.id === e.noticeId
            ? { ...n, status: 'resolved', resolution: { at: e.at, text: e.text, apologise: e.apologise } }
            : n,
        ),
      };
  }
}

function patchCounter(s: BranchState, id: string, patch: Partial<CounterState>, since: number): Record<string, CounterState> {
  const c = s.counters[id] ?? { id, status: 'closed' as const, backAt: null, ticketId: null, since };
  const statusChanged = patch.status !== undefined && patch.status !== c.status;
  return { ...s.counters, [id]: { ...c, ...patch, since: statusChanged ? since : c.since } };
}

/** Resolved notices older than a day leave the live state; the log keeps them for history. */
function pruneNotices(notices: Notice[], now: number): Notice[] {
  return notices.filter((n) => n.status === 'active' || (n.resolution && now - n.resolution.at < RESOLVED_NOTICE_KEPT_MS));
}
