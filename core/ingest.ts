import { z } from 'zod';
import { EpochMs, Slug } from './ids';

/**
 * Events from an existing queue system (its ticket dispenser and calling system), with its own
 * ids: Branchboard sits on top as the transparency layer. POST /api/branches/:branch/ingest with
 * a branch's integration token. Each event is applied once however often it is sent (keyed on
 * the external ticket id and the step), in order or late: a step that arrives after a later one
 * of the same ticket (a "called" after its "served") is recognised and skipped; an "issued" after
 * a later step corrects the issue time that step stood in with (TicketIssueCorrected).
 */
export const INGEST_TYPES = ['issued', 'called', 'recalled', 'served', 'no_show'] as const;
export type IngestType = (typeof INGEST_TYPES)[number];

/** How far along a ticket each step is; a step never takes a ticket back. */
export const INGEST_STAGE: Record<IngestType, number> = { issued: 1, called: 2, recalled: 2, served: 3, no_show: 3 };

/** A step of one ticket. */
export const IngestTicketStep = z
  .object({
    type: z.enum(INGEST_TYPES),
    /** The external system's ticket id (unique per branch and day, or for ever). */
    ticket: z.string().trim().min(1).max(64),
    /** The number printed on the customer's ticket, shown on the lobby: "A042". */
    number: z.string().trim().min(1).max(8),
    /** The branch's service id (map the external system's queues to these). */
    service: Slug,
    /** The branch's counter id; needed for called, recalled, served and no_show. */
    counter: Slug.optional(),
    /**
     * When it happened in the external system (epoch ms): a late step counts at this time (waits, the
     * queue's order by issue time, reports). At most 2 minutes ahead of the server's clock (within
     * that, it counts as now), and of the branch's current day. Absent: when it arrives.
     */
    at: EpochMs.optional(),
    /** The external system's id of this event, when it has one: tells two recalls apart. */
    eventId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type IngestTicketStep = z.infer<typeof IngestTicketStep>;

/** A counter's own steps: the queue system's counters open, pause and close (a teller logs in or out). */
export const INGEST_COUNTER_TYPES = ['counter_opened', 'counter_paused', 'counter_closed'] as const;

/**
 * A counter opening, pausing or closing in the queue system: the lobby's tile and the estimates
 * follow it at once (a counter it only saw calling would otherwise stay open for ever). Closing
 * finishes the customer at it. Applied once by `eventId`, else by `at` (one of them is needed); one
 * that happened before the counter's current call (it came late) is superseded.
 */
export const IngestCounterStep = z
  .object({
    type: z.enum(INGEST_COUNTER_TYPES),
    /** The branch's counter id. */
    counter: Slug,
    /** When it happened in the external system (epoch ms); the same bounds as a ticket's step. */
    at: EpochMs.optional(),
    /** The external system's id of this event. */
    eventId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type IngestCounterStep = z.infer<typeof IngestCounterStep>;

export const IngestEvent = z.discriminatedUnion('type', [IngestTicketStep, IngestCounterStep]);
export type IngestEvent = z.infer<typeof IngestEvent>;

export function isCounterStep(e: IngestEvent): e is IngestCounterStep {
  return (INGEST_COUNTER_TYPES as readonly string[]).includes(e.type);
}

export const IngestBody = z.object({ events: z.array(IngestEvent).min(1).max(200) }).strict();
export type IngestBody = z.infer<typeof IngestBody>;

/** What happened to each event of a batch, in order (`ticketId` for a ticket's step, `counter` for a counter's). */
export type IngestOutcome =
  | { status: 'applied'; ticketId?: string; counter?: string }
  /** Sent before, or overtaken by a later step of the same ticket (or counter). */
  | { status: 'duplicate' | 'superseded'; ticketId?: string; counter?: string }
  | { status: 'rejected'; error: { code: string; message: string; field?: string } };

/** POST /api/branches/:branch/integration-tokens. */
export const CreateIntegrationTokenBody = z.object({ name: z.string().trim().min(1).max(60) }).strict();
