import { createHash } from 'node:crypto';
import {
  happenedAt,
  INGEST_CLOCK_SKEW_MS,
  INGEST_STAGE,
  isCounterStep,
  localDay,
  type Actor,
  type BranchState,
  type Command,
  type IngestCounterStep,
  type IngestEvent,
  type IngestOutcome,
  type IngestTicketStep,
} from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { CommandHandler } from '../commands/execute';
import type { IngestTickets } from '../store/ingest-tickets';

/** The step entry of an ingested ticket whose issue was filled in: "standin:<epoch ms>". */
const STAND_IN = 'standin:';

const hash = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('base64url');

/**
 * Our ticket id for an external one on a local day: stable, so a step sent twice or late finds the
 * same ticket; another day's ticket of the same id (ids need only be unique within a day) is another.
 */
export function externalTicketId(branchId: string, externalId: string, day: string): string {
  return `x${hash(branchId, day, externalId).slice(0, 31)}`;
}

/**
 * Applies a batch of steps from an existing queue system to a branch, one at a time and in the
 * order sent: each step once (a repeat is "duplicate"), a step overtaken by a later one of the
 * same ticket "superseded" (a "called" arriving after its "served"), missing steps filled in
 * by the decision (core/decide/ingest.ts). An "issued" arriving after a later step of its ticket
 * corrects the issue time that step stood in with ("applied"; "superseded" when it is no earlier).
 * Batches of one branch queue behind each other.
 */
export class IngestService {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly commands: CommandHandler,
    private readonly tickets: IngestTickets,
    private readonly states: BranchStates,
    /** The commands' clock: which day a step without its own time belongs to. */
    private readonly clock: () => number = Date.now,
  ) {}

  apply(branchId: string, events: readonly IngestEvent[], actor: Actor): Promise<IngestOutcome[]> {
    const prev = this.queues.get(branchId) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => this.applyAll(branchId, events, actor));
    this.queues.set(branchId, run);
    void run.finally(() => {
      if (this.queues.get(branchId) === run) this.queues.delete(branchId);
    });
    return run;
  }

  private async applyAll(branchId: string, events: readonly IngestEvent[], actor: Actor): Promise<IngestOutcome[]> {
    const out: IngestOutcome[] = [];
    for (const [i, e] of events.entries()) out.push(await this.applyOne(branchId, e, actor, i));
    return out;
  }

  private async applyOne(branchId: string, e: IngestEvent, actor: Actor, index: number): Promise<IngestOutcome> {
    const now = this.clock();
    const state = await this.states.get(branchId);
    // The branch's local day of the step: an id seen on another day is another ticket.
    const day = localDay(Math.min(e.at ?? now, now), state?.config?.timezone ?? 'UTC');
    if (isCounterStep(e)) return this.applyCounter(branchId, state, day, e, actor, index, now);
    return this.applyTicket(branchId, day, e, actor, index);
  }

  /**
   * A counter opening, pausing or closing in the queue system, as a teller's own would (its rules
   * are the tablet's: closing finishes the customer at it, opening ends a notice saying it is closed).
   */
  private async applyCounter(branchId: string, state: BranchState | undefined, day: string, e: IngestCounterStep, actor: Actor, index: number, now: number): Promise<IngestOutcome> {
    const field = (name: string) => `events.${index}.${name}`;
    const rejected = (code: string, message: string, name: string): IngestOutcome => ({ status: 'rejected', error: { code, message, field: field(name) } });
    if (e.at === undefined && e.eventId === undefined) return rejected('at_required', 'a counter event needs its time (at) or its eventId: without either, a repeat cannot be told from a new one', 'at');
    if (e.at !== undefined && e.at > now + INGEST_CLOCK_SKEW_MS) return rejected('at_in_future', `at: more than ${INGEST_CLOCK_SKEW_MS / 1000} s ahead of this server's clock (is the other system's clock right?)`, 'at');
    const tz = state?.config?.timezone ?? 'UTC';
    if (e.at !== undefined && localDay(e.at, tz) < localDay(now, tz)) return rejected('at_before_today', 'at: before the branch’s day began; a past day’s steps are not taken', 'at');
    const counter = state?.counters[e.counter];
    if (!counter || !state?.config?.counters.some((c) => c.id === e.counter)) return rejected('unknown_counter', `no counter "${e.counter}" in this branch`, 'counter');
    // Came late: the counter has called someone after it, or took another of its own steps after
    // it (all the other system's times; the counter's own "since" is this server's arrival time,
    // which a batch sent a minute later would precede). Once superseded, always: a retry of the
    // batch after the counter moved on is not applied then.
    const at = Math.min(e.at ?? now, now);
    const external = `${day}|@counter:${e.counter}`;
    const step = `${e.type}:${e.eventId ?? String(e.at)}`;
    const seen = await this.tickets.get(branchId, external);
    const steps = seen?.steps ?? [];
    if (steps.includes(`superseded ${step}`)) return { status: 'superseded', counter: e.counter };
    const last = Math.max(-1, ...steps.filter((s) => s.startsWith('@')).map((s) => Number(s.slice(1))));
    const current = counter.ticketId ? state.tickets[counter.ticketId] : undefined;
    if ((current?.calledAt != null && at < current.calledAt) || at < last) {
      // The latest step's time stays last: the row keeps only its last entries.
      const times = steps.filter((s) => s.startsWith('@'));
      await this.tickets.put(branchId, external, { ticketId: '', stage: 0, steps: [...steps.filter((s) => !s.startsWith('@')), `superseded ${step}`, ...times] }, now);
      return { status: 'superseded', counter: e.counter };
    }
    const command: Command =
      e.type === 'counter_paused'
        ? { type: 'PauseCounter', counterId: e.counter, body: {} }
        : { type: 'CounterAction', counterId: e.counter, action: e.type === 'counter_opened' ? 'open' : 'close' };
    const result = await this.commands.execute({
      branch: branchId,
      command,
      key: `ingest-${hash(branchId, day, 'counter', e.counter, e.type, e.eventId ?? String(e.at)).slice(0, 40)}`,
      actor,
      fingerprint: hash(JSON.stringify(e)),
    });
    if (!result.ok) return rejected(result.error.code, result.error.message, result.error.field ?? 'counter');
    // The time of the counter's latest step, kept last (the list keeps its last entries).
    if (at >= last) await this.tickets.put(branchId, external, { ticketId: '', stage: 0, steps: [...steps.filter((s) => !s.startsWith('@')), `@${at}`] }, now);
    return { status: result.replayed ? 'duplicate' : 'applied', counter: e.counter };
  }

  private async applyTicket(branchId: string, day: string, e: IngestTicketStep, actor: Actor, index: number): Promise<IngestOutcome> {
    const external = `${day}|${e.ticket}`;
    const row = await this.tickets.get(branchId, external);
    const ticketId = row?.ticketId ?? externalTicketId(branchId, e.ticket, day);
    const stage = INGEST_STAGE[e.type];
    // Two recalls of one ticket are told apart by the external event id, else by their time.
    const recallKey = e.type === 'recalled' ? (e.eventId ?? String(e.at ?? 'once')) : '';
    const step = e.type === 'recalled' ? `recalled:${recallKey}` : e.type;
    if (row?.steps.includes(step)) return { status: 'duplicate', ticketId };
    // Seen in the branch before (a no-op recall does not count): it is never issued again; an
    // "issued" now, after a later step of its ticket, corrects the issue time that step stood in with.
    const known = row !== undefined && row.stage >= INGEST_STAGE.issued;
    const late = e.type === 'issued' && known;
    // Overtaken: a later step of this ticket already came (a recall only after its service ended).
    if (row && !late && (e.type === 'recalled' ? row.stage > stage : row.stage >= stage)) return { status: 'superseded', ticketId };
    // A late "issued" no earlier than the time its first step stood in with is not its real issue,
    // even for a ticket gone from the branch (whose stand-in the decision no longer sees): nothing to log.
    const standIn = row?.steps.find((s) => s.startsWith(STAND_IN));
    if (late && e.at !== undefined && standIn && Math.min(e.at, this.clock()) >= Number(standIn.slice(STAND_IN.length))) {
      await this.tickets.put(branchId, external, { ...row!, steps: [...row!.steps, step] }, this.clock());
      return { status: 'superseded', ticketId };
    }
    const result = await this.commands.execute({
      branch: branchId,
      command: {
        type: 'IngestTicket',
        ticketId,
        action: e.type,
        service: e.service,
        number: e.number,
        counterId: e.counter ?? null,
        ...(e.at !== undefined ? { at: e.at } : {}),
        ...(known ? { known: true as const } : {}),
      },
      key: `ingest-${hash(branchId, day, e.ticket, e.type, recallKey).slice(0, 40)}`,
      actor,
      fingerprint: hash(JSON.stringify(e)),
    });
    if (!result.ok) {
      const { code, message, field } = result.error;
      return { status: 'rejected', error: { code, message, ...(field ? { field: `events.${index}.${field}` } : {}) } };
    }
    // A step that changed nothing (a recall of a ticket not known to be at a counter) takes it no further:
    // its call, when it comes, is still applied.
    const reached = e.type === 'recalled' && (result.replayed || result.events.length === 0) ? 0 : stage;
    // An issue filled in from this step: the time it stood in with, to judge a late "issued" by.
    const inferred = result.replayed ? undefined : result.events.find((ev) => ev.type === 'TicketIssued' && ev.inferred);
    await this.tickets.put(
      branchId,
      external,
      { ticketId, stage: Math.max(row?.stage ?? 0, reached), steps: [...(inferred ? [`${STAND_IN}${happenedAt(inferred)}`] : []), ...(row?.steps ?? []), step] },
      this.clock(),
    );
    if (result.replayed) return { status: 'duplicate', ticketId };
    // A late "issued" with no earlier time than the stand-in (or none at all), or a step of a
    // ticket that has left the branch, changes nothing.
    return { status: known && result.events.length === 0 && e.type !== 'recalled' ? 'superseded' : 'applied', ticketId };
  }
}
