import type { BranchEvent } from './events';

/** Service times kept per service: the most recent ones say what "usual" is today. */
const KEPT = 50;
/** Tickets whose service is remembered (issued, not yet finished); older ones are forgotten. */
const MAX_OPEN = 5_000;

/**
 * How long customers of each service usually spend at a counter (median of the last 50 served),
 * from the branch's events. The tablet uses it to tell a long transaction from a normal one.
 */
export class ServiceTimes {
  private readonly serviceOf = new Map<string, string>();
  private readonly startedAt = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();

  observe(e: BranchEvent): void {
    switch (e.type) {
      case 'TicketIssued':
        this.serviceOf.set(e.ticket.id, e.ticket.service);
        if (this.serviceOf.size > MAX_OPEN) this.serviceOf.delete(this.serviceOf.keys().next().value!);
        break;
      case 'TicketTransferred':
        this.serviceOf.set(e.ticketId, e.service);
        this.startedAt.delete(e.ticketId);
        break;
      case 'TicketCalled':
        this.startedAt.set(e.ticketId, e.at);
        break;
      case 'ServiceEnded': {
        const start = this.startedAt.get(e.ticketId);
        const service = this.serviceOf.get(e.ticketId);
        this.startedAt.delete(e.ticketId);
        this.serviceOf.delete(e.ticketId);
        if (start === undefined || !service) break;
        const list = this.recent.get(service) ?? [];
        list.push((e.at - start) / 1000);
        if (list.length > KEPT) list.shift();
        this.recent.set(service, list);
        break;
      }
      case 'TicketNoShow':
        this.startedAt.delete(e.ticketId);
        break;
    }
  }

  /** Median seconds at the counter per service, for services with at least 5 served. */
  usual(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [service, list] of this.recent) {
      if (list.length < 5) continue;
      const sorted = [...list].sort((a, b) => a - b);
      out[service] = Math.round(sorted[Math.floor(sorted.length / 2)]!);
    }
    return out;
  }
}
