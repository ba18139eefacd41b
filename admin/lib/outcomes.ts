import { clockTime, type BranchState, type CounterAction } from '../../core/client';
import { t, type Language } from '../../ui/i18n/localize';
import type { CommandReply } from './api';

/**
 * What a command did, in the teller's words, from the server's reply: the event types it made
 * (`reply.events`) say more than "Done". Pausing or closing with a customer at the counter also
 * finishes that ticket, and posting or resolving a notice may pause or reopen the counter: the
 * toast says so. Pure functions, so the wording is the same everywhere.
 */

export interface OutcomeContext {
  lang: Language;
  /** HH:MM in the branch's zone. */
  clock: (at: number) => string;
  /** Number of the ticket at the teller's counter when the action was tapped, if any. */
  ticketBefore: string | null;
  /** Number of a ticket by id, from the live state. */
  ticketNumber?: (ticketId: string) => string | undefined;
}

/** The context for the teller at `counterId`, from the live state as it is when the action is tapped. */
export function outcomeContextFor(state: BranchState | null, counterId: string, lang: Language): OutcomeContext {
  const timezone = state?.config?.timezone ?? 'UTC';
  const cs = state?.counters[counterId];
  const ticketBefore = cs?.ticketId ? (state?.tickets[cs.ticketId]?.number ?? null) : null;
  return { lang, clock: (at) => clockTime(at, timezone, lang), ticketBefore };
}

const has = (reply: CommandReply, type: string) => (reply.events ?? []).includes(type);

function joined(parts: (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(' · ');
}

/** "A011 finished", when the reply ended the ticket that was at the counter. */
function finishedPart(reply: CommandReply, ctx: OutcomeContext): string | null {
  if (!has(reply, 'ServiceEnded')) return null;
  return ctx.ticketBefore
    ? t(ctx.lang, 'tablet.toast.finished', { number: ctx.ticketBefore })
    : t(ctx.lang, 'tablet.toast.finishedUnknown');
}

/** The toast after a counter action (call next, recall, done, no-show, open, pause, close). */
export function counterOutcome(action: CounterAction, reply: CommandReply, ctx: OutcomeContext): string {
  const l = ctx.lang;
  const before = ctx.ticketBefore;
  switch (action) {
    case 'call-next': {
      const id = reply.counter?.ticketId;
      const number = id ? ctx.ticketNumber?.(id) : undefined;
      return joined([
        number ? t(l, 'tablet.toast.called', { number }) : t(l, 'tablet.toast.done'),
        finishedPart(reply, ctx),
        has(reply, 'CounterOpened') && t(l, 'tablet.toast.reopened'),
        // A call at a counter a notice said was closed ends that notice (or takes this counter out
        // of one shared with others): said, not silent.
        has(reply, 'NoticeResolved') && t(l, 'tablet.toast.noticeEnded'),
        has(reply, 'NoticeUpdated') && t(l, 'tablet.toast.noticeLeftCounter'),
      ]);
    }
    case 'recall':
      return before ? t(l, 'tablet.toast.recalled', { number: before }) : t(l, 'tablet.toast.done');
    case 'done':
      return finishedPart(reply, ctx) ?? t(l, 'tablet.toast.done');
    case 'no-show':
      return before ? t(l, 'tablet.toast.noShow', { number: before }) : t(l, 'tablet.toast.done');
    case 'open':
      return joined([
        t(l, 'tablet.toast.opened'),
        has(reply, 'NoticeResolved') && t(l, 'tablet.toast.noticeEnded'),
        has(reply, 'NoticeUpdated') && t(l, 'tablet.toast.noticeLeftCounter'),
      ]);
    case 'pause': {
      const backAt = reply.counter?.backAt ?? null;
      return joined([
        backAt !== null ? t(l, 'tablet.toast.pausedUntil', { time: ctx.clock(backAt) }) : t(l, 'tablet.toast.pausedUnknown'),
        // The notice about this counter took the pause's time: one return time on the board.
        has(reply, 'NoticeUpdated') && t(l, 'tablet.toast.noticeMoved'),
        finishedPart(reply, ctx),
      ]);
    }
    case 'close':
      return joined([t(l, 'tablet.toast.closed'), finishedPart(reply, ctx)]);
  }
}

/** "counter paused until 15:50" when a notice command paused the counter (a notice that closes it). */
function pausedPart(reply: CommandReply, ctx: OutcomeContext): string | null {
  if (!has(reply, 'CounterPaused')) return null;
  const until = reply.notice?.expectedEndAt ?? null;
  return until !== null ? t(ctx.lang, 'tablet.toast.counterPausedUntil', { time: ctx.clock(until) }) : t(ctx.lang, 'tablet.toast.counterPaused');
}

/** The toast after posting a notice: "Notice posted · counter paused until 15:50" when it closes the counter. */
export function noticePostedOutcome(reply: CommandReply, ctx: OutcomeContext): string {
  return joined([t(ctx.lang, 'tablet.toast.posted'), pausedPart(reply, ctx), finishedPart(reply, ctx)]);
}

/** The toast after updating a notice; the server makes no event when nothing changed. */
export function noticeUpdatedOutcome(reply: CommandReply, ctx: OutcomeContext): string {
  if (reply.events && reply.events.length === 0) return t(ctx.lang, 'tablet.toast.unchanged');
  return joined([t(ctx.lang, 'tablet.toast.updated'), pausedPart(reply, ctx)]);
}

/** The toast after resolving a notice: "Notice resolved · counter reopened" when it had closed the counter. */
export function noticeResolvedOutcome(reply: CommandReply, ctx: OutcomeContext): string {
  return joined([t(ctx.lang, 'tablet.toast.resolved'), has(reply, 'CounterOpened') && t(ctx.lang, 'tablet.toast.reopened')]);
}
