import { z } from 'zod';
import { CAUSES, EFFECTS } from './causes';
import type { ConfigCommand } from './config-commands';
import { NoticeScope } from './events';
import { ClientId, EpochMs, LocalText, Slug } from './ids';
import { OutOfTurnReason } from './out-of-turn';

/**
 * Request bodies of the commands a tablet, kiosk or console sends. Each is validated here, in
 * core, so the tablet can check a form with the same rules the server enforces.
 */

export const IssueTicketBody = z.object({ service: Slug }).strict();
export type IssueTicketBody = z.infer<typeof IssueTicketBody>;

/** call-next, recall, done, no-show, open and close take no fields. */
export const EmptyBody = z.object({}).strict();

/** Minutes from now, as staff think of it ("back in 10 minutes"); the server's clock turns it into a time. */
const Minutes = z.number().int().min(1).max(24 * 60);

/** A time may be given as minutes from now or as an absolute time, not both: which would win is a guess. */
function oneTime(minutes: string, at: string) {
  return (b: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (b[minutes] !== undefined && b[at] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [at], message: `give ${minutes} or ${at}, not both` });
    }
  };
}

export const PauseCounterBody = z
  .object({
    backInMinutes: Minutes.nullable().optional(),
    backAt: EpochMs.nullable().optional(),
    /** Finish the customer at the counter first; by default a pause keeps them there. */
    finishCurrent: z.boolean().optional(),
  })
  .strict()
  .superRefine(oneTime('backInMinutes', 'backAt'));
export type PauseCounterBody = z.infer<typeof PauseCounterBody>;

export const PostNoticeBody = z
  .object({
    /** Start from a preset: cause, effect, text and apology come from it unless given here. */
    presetId: Slug.optional(),
    /** The counter the teller works at; fills the scope of a counter preset. */
    counterId: Slug.optional(),
    cause: z.enum(CAUSES).optional(),
    effect: z.enum(EFFECTS).optional(),
    scope: NoticeScope.optional(),
    text: LocalText.optional(),
    apologise: z.boolean().optional(),
    /** Expected end in minutes from now; null = "we don't know yet". */
    expectedInMinutes: Minutes.nullable().optional(),
    expectedEndAt: EpochMs.nullable().optional(),
  })
  .strict()
  .superRefine(oneTime('expectedInMinutes', 'expectedEndAt'));
export type PostNoticeBody = z.infer<typeof PostNoticeBody>;

export const UpdateNoticeBody = z
  .object({
    text: LocalText.optional(),
    expectedInMinutes: Minutes.nullable().optional(),
    expectedEndAt: EpochMs.nullable().optional(),
  })
  .strict()
  .superRefine(oneTime('expectedInMinutes', 'expectedEndAt'))
  .refine((b) => b.text !== undefined || b.expectedInMinutes !== undefined || b.expectedEndAt !== undefined, {
    message: 'give text, expectedInMinutes or expectedEndAt',
    path: ['text'],
  });
export type UpdateNoticeBody = z.infer<typeof UpdateNoticeBody>;

export const ResolveNoticeBody = z
  .object({
    text: LocalText.nullable().optional(),
    apologise: z.boolean().optional(),
    /** What the branch will do so it does not happen again ("We have replaced the reader"). */
    prevention: LocalText.nullable().optional(),
  })
  .strict();
export type ResolveNoticeBody = z.infer<typeof ResolveNoticeBody>;

/** Call a specific ticket; the reason is required unless it is the one the counter would call next. */
export const CallTicketBody = z.object({ ticketId: ClientId, reason: OutOfTurnReason.optional() }).strict();
export type CallTicketBody = z.infer<typeof CallTicketBody>;

/** Send the ticket at the counter to another service, or to a counter (then its service may follow from it). */
export const TransferTicketBody = z
  .object({ service: Slug.optional(), toCounterId: Slug.optional() })
  .strict()
  .refine((b) => b.service !== undefined || b.toCounterId !== undefined, { message: 'give service or toCounterId', path: ['service'] });
export type TransferTicketBody = z.infer<typeof TransferTicketBody>;

/** Undo a no-show: the given ticket, or the last one marked at this counter. */
export const UndoNoShowBody = z.object({ ticketId: ClientId.optional() }).strict();
export type UndoNoShowBody = z.infer<typeof UndoNoShowBody>;

export const COUNTER_ACTIONS = ['call-next', 'recall', 'done', 'no-show', 'open', 'pause', 'close'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** A command after its body was validated, with the ids the server or client made for it. */
export type Command =
  | { type: 'IssueTicket'; ticketId: string; service: string }
  | { type: 'CancelTicket'; ticketId: string }
  /** A step reported by an existing queue system (core/ingest.ts). */
  | {
      type: 'IngestTicket';
      ticketId: string;
      action: 'issued' | 'called' | 'recalled' | 'served' | 'no_show';
      service: string;
      number: string;
      counterId: string | null;
      /** When it happened in the other system (epoch ms); absent: when it arrives. */
      at?: number;
      /**
       * The ticket was seen before (issued, or filled in from a later step): an "issued" now is its
       * real issue time, correcting the stand-in; any step once it has left the branch changes nothing.
       */
      known?: true;
    }
  | { type: 'CounterAction'; counterId: string; action: Exclude<CounterAction, 'pause'> }
  | { type: 'PauseCounter'; counterId: string; body: PauseCounterBody }
  | { type: 'PostNotice'; noticeId: string; body: PostNoticeBody }
  | { type: 'UpdateNotice'; noticeId: string; body: UpdateNoticeBody }
  | { type: 'ResolveNotice'; noticeId: string; body: ResolveNoticeBody }
  | { type: 'CallTicket'; counterId: string; body: CallTicketBody }
  | { type: 'TransferTicket'; counterId: string; body: TransferTicketBody }
  | { type: 'UndoNoShow'; counterId: string; body: UndoNoShowBody }
  | ConfigCommand;

/**
 * Why a command cannot be done, in the domain's words; the HTTP edge (server/http) maps each
 * kind to a status code. The uniform reply is `{ok: true, …}` or `{ok: false, error}`.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'throttled';

export interface CommandError {
  kind: ErrorKind;
  code: string;
  message: string;
  /** Dotted path of the failing field, when one field is to blame. */
  field?: string;
}
