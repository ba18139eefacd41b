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
  /** Its issue time is a stand-in (see EstimatorEvent 'issued'). */
  inferred?: boolean;
}

interface CounterState {
  /** 'inferred': no open/pause/close seen, judged by recent service. */
  mode: 'open' | 'paused' | 'closed' | 'inferred';
  /** Services it was opened for; undefined = all. */
  services: ReadonlySet<ServiceRef> | undefined;
  lastServed: Map<ServiceRef, number>;
  /** The ticket it is serving now, if any. */
  busyWith: TicketRef | undefined;
}

interface InService {
  service: ServiceRef;
  since: number;
  counter: CounterRef | null;
}

/** What an event changed, for the learners that watch the queue. */
export type QueueChange =
  | { type: 'issued'; ticket: WaitingTicket }
  | { type: 'served'; ticket: WaitingTicket; at: number; waitSec: number }
  | { type: 'left'; ticket: WaitingTicket; at: number; waitSec: number }
  | { type: 'ended'; service: ServiceRef; at: number; durationSec: number; counter: CounterRef | null }
  | { type: 'corrected'; ticket: TicketRef; issuedAt: number }
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
  private readonly activeCache = new Map<ServiceRef, CounterRef[]>();
  private activeCacheAt = NaN;
  private lastPruneAt = -Infinity;

  constructor(private readonly options: QueueStateOptions) {}

  headStartMs(priority: number): number {
    return (this.options.priorityHeadStartSec[priority] ?? 0) * 1000;
  }

  apply(e: EstimatorEvent): QueueChange {
    this.activeCache.clear();
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
          ...(e.inferred ? { inferred: true } : {}),
        };
        this.waiting.set(e.ticket, ticket);
        return { type: 'issued', ticket };
      }
      case 'called':
      case 'service_started': {
        const ticket = this.waiting.get(e.ticket);
        const service = ticket?.service ?? e.service;
        if (service !== undefined && e.counter !== null) {
          const served = this.counter(e.counter).lastServed;
          served.set(service, Math.max(e.at, served.get(service) ?? -Infinity));
        }
        if (service !== undefined && !this.inService.has(e.ticket)) {
          this.inService.set(e.ticket, { service, since: e.at, counter: e.counter });
          if (e.counter !== null && !(e.kind === 'called' && e.past)) this.counter(e.counter).busyWith = e.ticket;
        }
        if (!ticket) return { type: 'none' };
        this.waiting.delete(e.ticket);
        return { type: 'served', ticket, at: e.at, waitSec: (e.at - ticket.issuedAt) / 1000 };
      }
      case 'ended': {
        const s = this.inService.get(e.ticket);
        if (!s) return { type: 'none' };
        this.inService.delete(e.ticket);
        if (s.counter !== null && this.counters.get(s.counter)?.busyWith === e.ticket) this.counter(s.counter).busyWith = undefined;
        return { type: 'ended', service: s.service, at: e.at, durationSec: (e.at - s.since) / 1000, counter: e.counter };
      }
      case 'left': {
        const ticket = this.waiting.get(e.ticket);
        if (!ticket) return { type: 'none' };
        this.waiting.delete(e.ticket);
        return { type: 'left', ticket, at: e.at, waitSec: (e.at - ticket.issuedAt) / 1000 };
      }
      case 'issue_corrected': {
        const t = this.waiting.get(e.ticket);
        // Still waiting (not the usual case): it takes its place by the real time.
        if (t?.inferred && e.issuedAt < t.issuedAt) {
          t.queuedAt -= t.issuedAt - e.issuedAt;
          t.issuedAt = e.issuedAt;
          delete t.inferred;
          return { type: 'none' };
        }
        return { type: 'corrected', ticket: e.ticket, issuedAt: e.issuedAt };
      }
      case 'counter_opened': {
        const c = this.counter(e.counter);
        c.mode = 'open';
        c.services = e.services ? new Set(e.services) : undefined;
        return { type: 'none' };
      }
      case 'counter_services': {
        // A counter it has not seen yet keeps being inferred from what it serves.
        const c = this.counters.get(e.counter);
        if (c) c.services = e.services ? new Set(e.services) : undefined;
        return { type: 'none' };
      }
      case 'counter_paused':
        this.counter(e.counter).mode = 'paused';
        return { type: 'none' };
      case 'counter_closed': {
        const c = this.counter(e.counter);
        c.mode = 'closed';
        // A closed counter finishes what it was doing (its end may never be logged).
        c.busyWith = undefined;
        return { type: 'none' };
      }
    }
  }

  /** Counters that serve `service` now: opened for it, or (no explicit state) seen serving it recently. */
  activeCounters(service: ServiceRef, now: number): CounterRef[] {
    // Asked for every waiting ticket at the same moment: computed once per service until the next event.
    if (this.activeCacheAt !== now) {
      this.activeCache.clear();
      this.activeCacheAt = now;
    }
    const cached = this.activeCache.get(service);
    if (cached) return cached;
    const out = this.computeActiveCounters(service, now);
    this.activeCache.set(service, out);
    return out;
  }

  private computeActiveCounters(service: ServiceRef, now: number): CounterRef[] {
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

  /**
   * Counters serving anything now: open ones, and (no explicit state) those seen serving any service
   * within `windowSec`. The pooled view of a branch whose counters share their work.
   */
  countersServingAny(now: number, windowSec: number): CounterRef[] {
    const since = now - windowSec * 1000;
    const out: CounterRef[] = [];
    for (const [id, c] of this.counters) {
      if (c.mode === 'open') out.push(id);
      else if (c.mode === 'inferred') {
        for (const last of c.lastServed.values()) {
          if (last >= since) {
            out.push(id);
            break;
          }
        }
      }
    }
    return out;
  }

  /** Counters among `ids` known to be open and serving nobody (inferred counters are never counted free: they may have left). */
  freeCounters(ids: readonly CounterRef[]): number {
    let n = 0;
    for (const id of ids) {
      const c = this.counters.get(id);
      if (c?.mode === 'open' && c.busyWith === undefined) n++;
    }
    return n;
  }

  /** How long the longest-waiting ticket of any service has waited, seconds (0 if none). */
  headWaitSec(now: number): number {
    let oldest = now;
    for (const t of this.waiting.values()) oldest = Math.min(oldest, t.issuedAt);
    return (now - oldest) / 1000;
  }

  /**
   * The tickets ahead of one queued at `queuedAt` that the counters serving `service` are expected
   * to take: a ticket of service t counts for the share of t's counters that also serve `service`
   * (all of it when they are the same counters, none when no counter is shared). `serving` is
   * `activeCounters(service, now)`.
   */
  sharedAhead(service: ServiceRef, serving: readonly CounterRef[], queuedAt: number, now: number, self?: WaitingTicket): number {
    const mine = new Set(serving);
    const shareOf = new Map<ServiceRef, number>([[service, 1]]);
    let n = 0;
    for (const t of this.waiting.values()) {
      if (t === self) continue;
      const ahead = t.queuedAt < queuedAt || (t.queuedAt === queuedAt && (!self || t.order < self.order));
      if (!ahead) continue;
      let share = shareOf.get(t.service);
      if (share === undefined) {
        const theirs = this.activeCounters(t.service, now);
        // Nobody serves t now: none of our counters does either (or it would be among them).
        share = theirs.length === 0 ? 0 : theirs.filter((c) => mine.has(c)).length / theirs.length;
        shareOf.set(t.service, share);
      }
      n += share;
    }
    return n;
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
      c = { mode: 'inferred', services: undefined, lastServed: new Map(), busyWith: undefined };
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
    for (const [id, s] of this.inService) {
      if (s.since >= before) continue;
      this.inService.delete(id);
      if (s.counter !== null && this.counters.get(s.counter)?.busyWith === id) this.counter(s.counter).busyWith = undefined;
    }
  }
}
