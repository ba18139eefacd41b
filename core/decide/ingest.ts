import type { BranchConfig } from '../branch';
import type { Command } from '../commands';
import type { EventPayload } from '../events';
import type { BranchState, Ticket } from '../state';
import { localDay } from '../time';
import { reopenCounter } from './reopen';
import { fail, ok, type Decision } from './result';

type IngestCommand = Extract<Command, { type: 'IngestTicket' }>;

/** How far ahead of this server's clock another system's clock may be. */
export const INGEST_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * A step reported by an existing queue system, as branch events. Steps it missed or that arrive
 * out of order are filled in: a "called" for a ticket never seen issues it first, a "served" for
 * one still waiting calls it first, a "recalled" before its call calls it. A step already true
 * (issued twice, called to the counter it is at) is nothing new, and so is any step of a ticket
 * that has left the branch (`cmd.known`: finished). The counter is the branch's: it opens if it was
 * closed, and the customer it was serving is finished, as when a teller calls the next one — unless
 * the step happened before the counter's current call (it came late): then it is history, and the
 * counter and the board stay as they are.
 */
export function decideIngest(state: BranchState, config: BranchConfig, cmd: IngestCommand, now: number): Decision {
  if (!config.services.some((s) => s.id === cmd.service)) {
    return fail('invalid', 'unknown_service', `no service "${cmd.service}" in this branch`, 'service');
  }
  // The other system's own time, so a step that arrives late counts when it happened — within reason.
  if (cmd.at !== undefined && cmd.at > now + INGEST_CLOCK_SKEW_MS) {
    return fail('invalid', 'at_in_future', `at: more than ${INGEST_CLOCK_SKEW_MS / 1000} s ahead of this server's clock (is the other system's clock right?)`, 'at');
  }
  if (cmd.at !== undefined && localDay(cmd.at, config.timezone) < localDay(now, config.timezone)) {
    return fail('invalid', 'at_before_today', 'at: before the branch’s day began; a past day’s steps are not taken', 'at');
  }
  const id = cmd.ticketId;
  const t = state.tickets[id];
  const noShow = state.noShows?.[id];
  // Not after it reached us (within the skew allowed, the other clock is a little ahead: it is now),
  // nor before the ticket's own issue (a "called" stamped a moment before its "issued").
  const at = cmd.at === undefined ? undefined : Math.min(cmd.at, now);
  const when = at === undefined ? undefined : Math.max(at, t?.issuedAt ?? at);
  const time = when === undefined ? {} : { occurredAt: when };
  if (cmd.action === 'issued' && cmd.known) return correctIssue(t ?? noShow, cmd, at);
  // Seen before and gone from the branch (served, or finished by its counter's next call): done.
  if (cmd.known && !t && !noShow) return ok();
  const issue: EventPayload[] =
    t || noShow
      ? []
      : [
          {
            type: 'TicketIssued',
            ticket: { id, service: cmd.service, number: cmd.number, day: localDay(when ?? now, config.timezone) },
            ...time,
            // Filled in from a later step: its real issue time may still come (TicketIssueCorrected).
            ...(cmd.action === 'issued' ? {} : { inferred: true as const }),
          },
        ];
  if (cmd.action === 'issued') return ok(...issue);

  const atCounter = t?.status === 'called' ? t.counterId : null;
  if (cmd.action === 'recalled') {
    // At its own time: a recall reported minutes late is not announced on the lobby as if it were now.
    if (atCounter) return ok({ type: 'TicketRecalled', ticketId: id, counterId: atCounter, ...(when === undefined ? {} : { occurredAt: Math.max(when, t!.calledAt ?? when) }) });
    // A recall before its call (out of order): it was called at that counter. Without one, nothing is known.
    if (!cmd.counterId) return ok();
  }

  // The counter it is (or is to be) at.
  const counterId = atCounter ?? cmd.counterId;
  if (!counterId) return fail('invalid', 'counter_required', `a "${cmd.action}" needs the counter`, 'counter');
  const counter = state.counters[counterId];
  if (!counter || !config.counters.some((c) => c.id === counterId)) {
    return fail('invalid', 'unknown_counter', `no counter "${counterId}" in this branch`, 'counter');
  }
  const call: EventPayload[] = [];
  // Its end, never before its call (two clocks again).
  let endTime = when === undefined || !t?.calledAt ? time : { occurredAt: Math.max(when, t.calledAt) };
  if (!atCounter) {
    // Done by a counter we had not seen it called to: call it there first.
    const current = counter.ticketId && counter.ticketId !== id ? state.tickets[counter.ticketId] : undefined;
    const movedOnAt = when === undefined ? undefined : movedOn(current, when);
    if (movedOnAt !== undefined) {
      // It came late: the counter has called someone after it since. A call of the past.
      call.push({ type: 'TicketCalled', ticketId: id, counterId, ...time, overtaken: true });
      // Not at the counter any more: its service ended when the counter moved on.
      if (cmd.action === 'called' || cmd.action === 'recalled') call.push({ type: 'ServiceEnded', ticketId: id, counterId, occurredAt: movedOnAt });
      endTime = time;
    } else {
      if (counter.ticketId && counter.ticketId !== id) call.push({ type: 'ServiceEnded', ticketId: counter.ticketId, counterId, ...time });
      // A fact from the queue system: a notice saying this counter is closed ends with it (one
      // shared with other counters goes on for them).
      call.push(...reopenCounter(state, counterId, now).events);
      call.push({ type: 'TicketCalled', ticketId: id, counterId, ...time });
    }
  }
  switch (cmd.action) {
    case 'called':
    case 'recalled':
      return ok(...issue, ...call);
    case 'served':
      if (noShow && !t) return ok();
      return ok(...issue, ...call, { type: 'ServiceEnded', ticketId: id, counterId, ...endTime });
    case 'no_show':
      if (noShow && !t) return ok();
      return ok(...issue, ...call, { type: 'TicketNoShow', ticketId: id, counterId, ...endTime });
  }
}

/**
 * When the counter moved on after a step that happened at `at`: its current customer was called
 * later (both times the other system's). Undefined: it has not. A closed counter is not judged so:
 * its state's time is this server's (every counter is "closed since" the branch was configured,
 * which a morning's backlog sent at noon would all precede), and the queue system knows its counters.
 */
function movedOn(current: Ticket | undefined, at: number): number | undefined {
  return current?.calledAt != null && at < current.calledAt ? current.calledAt : undefined;
}

/**
 * The "issued" of a ticket that was filled in from a later step: its own time replaces the stand-in,
 * when it is earlier. `t` is the ticket if still in the branch (a finished one is gone from the
 * state: the correction then goes to the log for the history and the estimator, which keep it).
 */
function correctIssue(t: Ticket | undefined, cmd: IngestCommand, at: number | undefined): Decision {
  if (at === undefined) return ok();
  if (t && (!t.issueInferred || at >= t.issuedAt)) return ok();
  return ok({ type: 'TicketIssueCorrected', ticketId: cmd.ticketId, number: t?.number ?? cmd.number, service: t?.service ?? cmd.service, issuedAt: at });
}
