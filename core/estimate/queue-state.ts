import type { CounterRef, EstimatorEvent, ServiceRef, TicketRef } from './types';

/**
 * The live queue as the estimator and the baselines see it: who is waiting (in call order,
 * priorities applied), which counters serve which service, and what just happened.
 * Shared so that every predictor reads exactly the same state.
 */

export interface WaitingTicket {
  ticket: TicketRef;
  service: ServiceRef;
  priority: number;
  issuedAt: number;
  /** Issue time minus the priority head start: the queue is ordered by this. */
  queuedAt: number;
  /** Issue order, to break ties in queuedAt. */
  order: number;
}

interface CounterState {
  /** 'inferred': no open/pause/close seen, judged by recent service. */
  mode: 'open' | 'paused' | 'closed' | 'inferred';
  /** Services it was opened for; undefined = all. */
  services: ReadonlySet<ServiceRef> | undefined;
  lastServed: Map<ServiceRef, number>;
}

interface InService {
  service: ServiceRef;
  since: number;
}

/** What an event changed, for the learners that watch the queue. */
export type QueueChange =
  | { type: 'issued'; ticket: WaitingTicket }
  | { type: 'served'; ticket: WaitingTicket; at: number; waitSec: number }
  | { type: 'left'; ticket: WaitingTicket; at: number; waitSec: number }
  | { type: 'ended'; service: ServiceRef; at: number; durationSec: number; counter: CounterRef | null }
  | { type: 'none' };

/** Which side of a ticket the rest of the queue is on. */
export interface QueuePosition {
  sameAhead: number;
  otherAhead: number;
  otherBehind: number;
  /** Elapsed wait of the longest-waiting ticket of the same service ahead, seconds (0 if none). */
  sameHeadWaitSec: number;
}

export interface QueueStateOptions {
  priorityHeadStartSec: Readonly<Record<number, number>>;
  activeCounterWindowSec: number;
  staleTicketSec: number;
}

const PRUNE_EVERY_MS = 60_000;

export class QueueState {
  readonly waiting = new Map<TicketRef, WaitingTicket>();
  private readonly counters = new Map<CounterRef, CounterState>();
  private readonly inService = new Map<TicketRef, InService>();
  private issued = 0;
  private lastPruneAt = -Infinity;

  constructor(private readonly options: QueueStateOptions) {}

  headStartMs(priority: number): number {
    return (this.options.priorityHeadStartSec[priority] ?? 0) * 1000;
  }

  apply(e: EstimatorEvent): QueueChange {
    switch (e.kind) {
      case 'issued': {
        this.prune(e.at);
        const priority = e.priority ?? 0;
        const ticket: WaitingTicket = {
          ticket: e.ticket,
          service: e.service,
          priority,
          issuedAt: e.at,
          queuedAt: e.at - this.headStartMs(priority),
          order: this.issued++,
        };
        this.waiting.set(e.ticket, ticket);
        return { type: 'issued', ticket };
      }
      case 'called':
      case 'service_started': {
        const ticket = this.waiting.get(e.ticket);
        const service = ticket?.service ?? e.service;
        if (service !== undefined && e.counter !== null) this.counter(e.counter).lastServed.set(service, e.at);
        if (service !== undefined && !this.inService.has(e.ticket)) {
          this.inService.set(e.ticket, { service, since: e.at });
        }
        if (!ticket) return { type: 'none' };
        this.waiting.delete(e.ticket);
        return { type: 'served', ticket, at: e.at, waitSec: (e.at - ticket.issuedAt) / 1000 };
      }
      case 'ended': {
        const s = this.inService.get(e.ticket);
        if (!s) return { type: 'none' };
        this.inService.delete(e.ticket);
        return { type: 'ended', service: s.service, at: e.at, durationSec: (e.at - s.since) / 1000, counter: e.counter };
      }
      case 'left': {
        const ticket = this.waiting.get(e.ticket);
        if (!ticket) return { type: 'none' };
        this.waiting.delete(e.ticket);
        return { type: 'left', ticket, at: e.at, waitSec: (e.at - ticket.issuedAt) / 1000 };
      }
      case 'counter_opened': {
        const c = this.counter(e.counter);
        c.mode = 'open';
        c.services = e.services ? new Set(e.services) : undefined;
        return { type: 'none' };
      }
      case 'counter_paused':
        this.counter(e.counter).mode = 'paused';
        return { type: 'none' };
      case 'counter_closed':
        this.counter(e.counter).mode = 'closed';
        return { type: 'none' };
    }
  }

  /** Counters that serve `service` now: opened for it, or (no explicit state) seen serving it recently. */
  activeCounters(service: ServiceRef, now: number): CounterRef[] {
    const since = now - this.options.activeCounterWindowSec * 1000;
    const out: CounterRef[] = [];
    for (const [id, c] of this.counters) {
      if (c.mode === 'open') {
        if (!c.services || c.services.has(service)) out.push(id);
      } else if (c.mode === 'inferred') {
        const last = c.lastServed.get(service);
        if (last !== undefined && last >= since) out.push(id);
      }
    }
    return out;
  }

  /** Where a ticket queued at `queuedAt` stands; `self` (if waiting) is left out and ties go to earlier issue. */
  position(service: ServiceRef, queuedAt: number, now: number, self?: WaitingTicket): QueuePosition {
    const p: QueuePosition = { sameAhead: 0, otherAhead: 0, otherBehind: 0, sameHeadWaitSec: 0 };
    for (const t of this.waiting.values()) {
      if (t === self) continue;
      const ahead = t.queuedAt < queuedAt || (t.queuedAt === queuedAt && (!self || t.order < self.order));
      if (t.service === service) {
        if (!ahead) continue;
        p.sameAhead++;
        p.sameHeadWaitSec = Math.max(p.sameHeadWaitSec, (now - t.issuedAt) / 1000);
      } else if (ahead) p.otherAhead++;
      else p.otherBehind++;
    }
    return p;
  }

  /** Waiting tickets of one service, any order. */
  waitingCount(service: ServiceRef): number {
    let n = 0;
    for (const t of this.waiting.values()) if (t.service === service) n++;
    return n;
  }

  /** Waiting tickets in expected call order (queuedAt, then issue order). */
  callOrder(): WaitingTicket[] {
    return [...this.waiting.values()].sort((a, b) => a.queuedAt - b.queuedAt || a.order - b.order);
  }

  private counter(id: CounterRef): CounterState {
    let c = this.counters.get(id);
    if (!c) {
      c = { mode: 'inferred', services: undefined, lastServed: new Map() };
      this.counters.set(id, c);
    }
    return c;
  }

  /** Forget tickets whose end was never logged, so a missing event cannot freeze the queue. */
  private prune(now: number): void {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    const before = now - this.options.staleTicketSec * 1000;
    for (const [id, t] of this.waiting) if (t.issuedAt < before) this.waiting.delete(id);
    for (const [id, s] of this.inService) if (s.since < before) this.inService.delete(id);
  }
}
