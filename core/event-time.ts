import type { Ticket } from './state';

/**
 * Two clocks meet in a branch's log. An event's `at` is when it reached the log; a step reported
 * by another queue system (ingest, issue 11) also carries `occurredAt`, when it happened there, so
 * a step that arrives late still counts at its real time: waits, the queue's order, reports.
 */
export function happenedAt(e: { at: number; occurredAt?: number }): number {
  return e.occurredAt ?? e.at;
}

/** Whether `a` was issued before `b`: by issue time (an ingested ticket's own), then by the log's order. */
export function issuedBefore(a: Pick<Ticket, 'issuedAt' | 'issuedSeq'>, b: Pick<Ticket, 'issuedAt' | 'issuedSeq'>): boolean {
  return a.issuedAt !== b.issuedAt ? a.issuedAt < b.issuedAt : a.issuedSeq < b.issuedSeq;
}
