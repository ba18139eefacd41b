import {
  apply as applyOne,
  ClientId,
  decide,
  type Actor,
  type BranchConfig,
  type BranchEvent,
  type BranchState,
  type Command,
  type CommandError,
  type EventPayload,
} from '../../core';
import type { CommandReplies, StoredReply } from '../store/command-replies';
import { SeqConflict, type EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';
import type { BranchStates } from './branch-states';
import type { CommittedEvents } from './committed';

/** Keep a folded state every this many events, so loading a branch replays little. */
export const SNAPSHOT_EVERY = 1000;
/** Seq conflicts in a row before giving up: each means another node wrote first. */
const MAX_ATTEMPTS = 8;

export interface CommandInput {
  branch: string;
  command: Command;
  /** The client-made id of this action (Idempotency-Key): a retry with it is applied once. */
  key: string;
  actor: Actor;
  /** What the key must come with every time (a hash of the request); another one is refused. */
  fingerprint: string;
  /**
   * Rows that must exist exactly when this command's events do (a ticket's phone link), written
   * in its transaction, after the events and the reply. Not called for a replay or a refusal.
   */
  writeAlso?: (tx: Sql) => Promise<void>;
}

/** Extra reply fields from the state after the command (e.g. the ticket it issued). */
export type ReplyShaper = (events: readonly BranchEvent[], state: BranchState) => { status?: number; body?: Record<string, unknown> };

const NO_SHAPE: ReplyShaper = () => ({});

export type CommandResult =
  | { ok: true; replayed: false; events: BranchEvent[]; state: BranchState; reply: StoredReply }
  | { ok: true; replayed: true; reply: StoredReply }
  | { ok: false; error: CommandError };

/**
 * The one way into a branch, knowing nothing of HTTP: check the key, decide (pure, in core) on
 * this node's state, append with the seq it decided on and the reply, in one transaction. If
 * another node appended first, catch up from the log and decide again. Commands of one branch
 * queue on this node, so they conflict only across nodes.
 */
export class CommandHandler {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly sql: Sql,
    private readonly store: EventStore,
    private readonly states: BranchStates,
    private readonly replies: CommandReplies,
    private readonly committed: CommittedEvents,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Called with every batch this node commits, before its own followers hear of it: the other nodes (cluster link). */
  announce: (branchId: string, events: readonly BranchEvent[]) => void = () => {};

  /** Called with each command's outcome ('ok', 'replayed', the error code, or 'failed') and its seconds, queue included (metrics). */
  observe: (outcome: string, seconds: number) => void = () => {};

  // No named closure made per command (tsx's keepNames wraps each one in a call that renames it):
  // a command is a few hundred microseconds of the event loop, and each closure garbage to collect.
  async execute(input: CommandInput, shape: ReplyShaper = NO_SHAPE): Promise<CommandResult> {
    const t0 = performance.now();
    try {
      const r = await this.serially(input.branch, () => this.run(input, shape));
      this.observe(r.ok ? (r.replayed ? 'replayed' : 'ok') : r.error.code, (performance.now() - t0) / 1000);
      return r;
    } catch (err) {
      this.observe('failed', (performance.now() - t0) / 1000);
      throw err;
    }
  }

  /** A new branch whose first event is its configuration (none: a branch not set up yet). */
  openBranch(branchId: string, config: BranchConfig | null, actor: Actor): Promise<void> {
    return this.serially(branchId, async () => {
      const at = this.clock();
      const payloads: EventPayload[] = config ? [{ type: 'BranchConfigured', config }] : [];
      const events = stamp(branchId, 0, payloads, actor, at);
      await this.sql.tx(async (tx) => {
        await this.store.createBranch(tx, branchId, at);
        await this.store.append(tx, branchId, 0, events);
      });
      this.states.created(branchId);
      this.publish(branchId, events);
    });
  }

  private async run(input: CommandInput, shape: ReplyShaper): Promise<CommandResult> {
    const { branch, command, key, actor, fingerprint } = input;
    if (!ClientId.safeParse(key).success) {
      return refuse('invalid', 'invalid', 'Idempotency-Key: 8–64 letters, digits, - or _', 'Idempotency-Key');
    }
    let state = await this.states.get(branch);
    if (!state) return refuse('not_found', 'unknown_branch', `no branch "${branch}"`);

    for (let attempt = 1; ; attempt++) {
      try {
        // After a lost race, decide again under the branch's lock where the engine has one: on
        // the log's latest state, so the retry cannot lose again to a node that never pauses.
        const outcome =
          attempt === 1
            ? await this.attempt(input, state, shape)
            : await this.sql.tx(async (tx) => {
                if (!(await this.store.lockBranch(tx, branch))) return this.attempt(input, state!, shape, tx);
                const held = this.states.peek(branch) ?? state!;
                this.states.accept(branch, await this.store.readSince(branch, held.seq, Number.MAX_SAFE_INTEGER, tx));
                return this.attempt(input, this.states.peek(branch) ?? held, shape, tx);
              });
        if (outcome.ok && !outcome.replayed) this.publish(branch, outcome.events, outcome.state);
        return outcome;
      } catch (err) {
        // Another writer took this seq (or this key): catch up from the log and decide again.
        const lost = err instanceof SeqConflict || this.sql.isUniqueViolation(err);
        if (!lost || attempt >= MAX_ATTEMPTS) throw err;
        state = (await this.states.catchUp(branch))!;
      }
    }
  }

  /**
   * One try: the decision on `state`, the append at its seq with the reply under the key (in `tx`
   * when given, else a transaction of its own). The first try does not look the key up first: a
   * key used before makes the reply's insert fail on (branch, key), the transaction rolls back,
   * and the retry (`tx` given) finds the earlier reply. A refused decision looks it up before
   * answering, so a retry of a command whose effect is already there gets its first answer.
   */
  private async attempt(input: CommandInput, state: BranchState, shape: ReplyShaper, tx?: Sql): Promise<CommandResult> {
    const { branch, command, key, actor } = input;
    if (tx) {
      const earlier = await this.earlierReply(input, tx);
      if (earlier) return earlier;
    }

    const now = this.clock();
    const decision = decide(state, command, now);
    if (!decision.ok) return (!tx && (await this.earlierReply(input))) || decision;

    const events = stamp(branch, state.seq, decision.events, actor, now);
    let after = state;
    for (const e of events) after = applyOne(after, e);
    const extra = shape(events, after);
    const body = { ok: true, seq: after.seq, events: events.map((e) => e.type), ...extra.body };
    const reply: StoredReply = { status: extra.status ?? 200, body, text: JSON.stringify(body) };
    const snapshot = events.some((e) => e.seq % SNAPSHOT_EVERY === 0) ? after : undefined;
    if (tx) await this.write(tx, input, state.seq, events, snapshot, reply, now);
    else await this.sql.tx((db) => this.write(db, input, state.seq, events, snapshot, reply, now));
    return { ok: true, replayed: false, events, state: after, reply };
  }

  /** A command's rows: its events after `seq`, its reply under the key, and what it writes also. */
  private async write(db: Sql, input: CommandInput, seq: number, events: BranchEvent[], snapshot: BranchState | undefined, reply: StoredReply, now: number): Promise<void> {
    // Writers of one branch take turns (where the engine can lock): a retry under the lock cannot lose again.
    await this.store.append(db, input.branch, seq, events, snapshot, true);
    await this.replies.remember(db, input.branch, input.key, input.fingerprint, reply, now);
    await input.writeAlso?.(db);
  }

  /** The reply given earlier under this command's key (a replay), a refusal if the key came with another request, else nothing. */
  private async earlierReply(input: CommandInput, tx?: Sql): Promise<CommandResult | undefined> {
    const earlier = await this.replies.lookup(input.branch, input.key, input.fingerprint, tx);
    if (earlier === 'mismatch') {
      return refuse('conflict', 'idempotency_key_reused', 'this Idempotency-Key was already used for another request', 'Idempotency-Key');
    }
    return earlier ? { ok: true, replayed: true, reply: earlier } : undefined;
  }

  /**
   * Tells the other nodes, then moves this node's cache, which tells this node's followers
   * (screens, estimator, read models) once per event, in seq order.
   */
  private publish(branchId: string, events: BranchEvent[], after?: BranchState): void {
    if (!events.length) return;
    this.announce(branchId, events);
    // The state the decision led to is taken as it is (the reducer ran once, in attempt()).
    // The cache was behind (events from elsewhere not seen yet): fold the log, these included.
    if (!this.states.accept(branchId, events, after)) void this.states.catchUp(branchId);
  }

  /** Runs `fn` after the branch's earlier commands on this node have finished. */
  private serially<T>(branchId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(branchId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(branchId, settled);
    void settled.then(() => {
      if (this.queues.get(branchId) === settled) this.queues.delete(branchId);
    });
    return next;
  }
}

/** Payloads stamped as the next events of a branch: gap-free seqs, the server's time, the actor. */
function stamp(branchId: string, afterSeq: number, payloads: readonly EventPayload[], actor: Actor, at: number): BranchEvent[] {
  return payloads.map((p, i) => ({ ...p, branchId, seq: afterSeq + i + 1, at, actor }) as BranchEvent);
}

function refuse(kind: CommandError['kind'], code: string, message: string, field?: string): CommandResult {
  return { ok: false, error: { kind, code, message, ...(field ? { field } : {}) } };
}
