import { z } from 'zod';
import { BranchConfig } from './branch';
import { CAUSES, EFFECTS } from './causes';
import { ConfigEventPayloads } from './config-events';
import { ClientId, EpochMs, LocalText, Slug } from './ids';
import { OutOfTurnReason } from './out-of-turn';

/**
 * When a step reported by another queue system happened there (ingest, issue 11); the event's
 * `at` stays when it reached the log. Absent for everything Branchboard itself decides.
 */
const OccurredAt = EpochMs.optional();

/** People (admin: head office, every branch; manager: their branches; teller) and machines. */
export const STAFF_ROLES = ['admin', 'manager', 'teller'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ACTOR_ROLES = [...STAFF_ROLES, 'kiosk', 'screen', 'integration', 'system'] as const;

/** Who caused an event. Public streams carry only the role, never the person. */
export const Actor = z.object({
  role: z.enum(ACTOR_ROLES),
  /** Staff username (or screen id, integration name); absent for kiosk and system, stripped from public streams. */
  user: z.string().max(64).optional(),
});
export type Actor = z.infer<typeof Actor>;

/** A list of ids, each once: "Cassa, Cassa" on a screen helps no one. */
const UniqueIds = (max: number) =>
  z
    .array(Slug)
    .min(1)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'each id once');

export const NoticeScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('branch') }).strict(),
  z.object({ type: z.literal('counters'), ids: UniqueIds(60) }).strict(),
  z.object({ type: z.literal('services'), ids: UniqueIds(26) }).strict(),
]);
export type NoticeScope = z.infer<typeof NoticeScope>;

const NoticeBody = z.object({
  id: ClientId,
  cause: z.enum(CAUSES),
  effect: z.enum(EFFECTS),
  scope: NoticeScope,
  text: LocalText,
  presetId: Slug.nullable(),
  apologise: z.boolean(),
  /** The preset's resolved twin, kept with the notice: what resolving it without a typed text says. */
  resolvedText: LocalText.optional(),
  /** null means explicitly "we don't know yet". */
  expectedEndAt: EpochMs.nullable(),
});

/** Event payloads, as decided from a command before the log stamps them. */
export const EventPayload = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('BranchConfigured'),
    config: BranchConfig,
    /** "library": its presets are the bank's library as inherited (a branch opened by CreateBranch); absent: its own. */
    presetsFrom: z.literal('library').optional(),
  }),
  z.object({
    type: z.literal('TicketIssued'),
    ticket: z.object({ id: ClientId, service: Slug, number: z.string().max(8), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    occurredAt: OccurredAt,
    /**
     * Filled in from a later step of another queue system (its "called" came before its "issued"):
     * the issue time is the step's, a stand-in until the real one comes (TicketIssueCorrected).
     * Its wait is not learned from nor judged (out of turn, promise) until then.
     */
    inferred: z.literal(true).optional(),
  }),
  /**
   * The real issue time of a ticket whose issue was inferred, reported late by the queue system
   * that issued it: earlier than the stand-in, so its wait, reports and the estimator count from it.
   * Carries the ticket's number and service because it may already be finished (gone from the state).
   */
  z.object({ type: z.literal('TicketIssueCorrected'), ticketId: ClientId, number: z.string().max(8), service: Slug, issuedAt: EpochMs }),
  z.object({
    type: z.literal('TicketCalled'),
    ticketId: ClientId,
    counterId: Slug,
    /** Present when the ticket was called before others who came earlier: the lobby says why. */
    reason: OutOfTurnReason.optional(),
    occurredAt: OccurredAt,
    /**
     * Reported late by another queue system: the counter has called someone after it since. A call of the past — it counts for the ticket's wait and the reports, and leaves the
     * counter and the board as they are.
     */
    overtaken: z.literal(true).optional(),
  }),
  z.object({ type: z.literal('TicketRecalled'), ticketId: ClientId, counterId: Slug, occurredAt: OccurredAt }),
  /** The customer said, from their phone, that they are not coming any more: the place is freed. */
  z.object({ type: z.literal('TicketCancelled'), ticketId: ClientId }),
  z.object({ type: z.literal('ServiceEnded'), ticketId: ClientId, counterId: Slug, occurredAt: OccurredAt }),
  z.object({ type: z.literal('TicketNoShow'), ticketId: ClientId, counterId: Slug, occurredAt: OccurredAt }),
  /** The ticket at a counter goes back to waiting, for another service or counter; its number and place by issue time stay. */
  z.object({
    type: z.literal('TicketTransferred'),
    ticketId: ClientId,
    counterId: Slug,
    service: Slug,
    toCounterId: Slug.nullable(),
  }),
  /** A no-show taken back: the ticket returns to the counter (if it is free) or to its place in the queue. */
  z.object({ type: z.literal('NoShowUndone'), ticketId: ClientId, counterId: Slug, back: z.enum(['counter', 'queue']) }),
  z.object({ type: z.literal('CounterOpened'), counterId: Slug }),
  /** `noticeId`: the pause is that notice's (a counter_closed notice): resolving it reopens the counter; a teller's own pause has none. */
  z.object({ type: z.literal('CounterPaused'), counterId: Slug, backAt: EpochMs.nullable(), noticeId: ClientId.optional() }),
  z.object({ type: z.literal('CounterClosed'), counterId: Slug }),
  z.object({ type: z.literal('NoticePosted'), notice: NoticeBody }),
  z.object({
    type: z.literal('NoticeUpdated'),
    noticeId: ClientId,
    text: LocalText.optional(),
    /** A typed addition in fewer languages than the notice: shown beside its text, marked with its language. */
    note: LocalText.optional(),
    expectedEndAt: EpochMs.nullable().optional(),
    /** The counters it now covers: a counter working again leaves a notice shared with others. */
    scope: NoticeScope.optional(),
    /** Why the notice changed without anyone editing it (a call at a counter it said was closed). */
    reason: z.enum(['counter_reopened']).optional(),
  }),
  z.object({
    type: z.literal('NoticeResolved'),
    noticeId: ClientId,
    text: LocalText.nullable(),
    apologise: z.boolean(),
    /** A typed closing line in fewer languages than the branch shows, marked with its language. */
    note: LocalText.nullable().optional(),
    /** What the branch will do so it does not happen again ("We have replaced the reader"). */
    prevention: LocalText.nullable().optional(),
    /** Why it ended without a "Mark resolved": the teller called or opened at the counter it said was closed. */
    reason: z.enum(['counter_reopened']).optional(),
  }),
  ...ConfigEventPayloads,
]);
export type EventPayload = z.infer<typeof EventPayload>;
export type EventType = EventPayload['type'];

/** What the log stores and clients receive: a payload stamped with branch, gap-free seq, time and actor. */
export type BranchEvent = EventPayload & {
  branchId: string;
  /** Gap-free per branch, starting at 1. */
  seq: number;
  /** Server time, epoch ms. */
  at: number;
  actor: Actor;
};

export const BranchEventSchema = z.intersection(
  EventPayload,
  z.object({ branchId: Slug, seq: z.number().int().min(1), at: EpochMs, actor: Actor }),
);

/** The same event with the person removed, for public streams (lobby screens, phones). */
export function toPublicEvent(e: BranchEvent): BranchEvent {
  if (e.type === 'StaffChanged') return { type: e.type, change: e.change, branchId: e.branchId, seq: e.seq, at: e.at, actor: { role: e.actor.role } };
  return { ...e, actor: { role: e.actor.role } };
}
