import { createEstimator, toEstimatorEvents, utcOffsetMinutes, type BranchEvent, type BranchState, type Estimator } from '../../core';
import type { EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';

/** A checkpoint every this many events: a replayed moment learns at most this many (~0.1 s on a year of log: docs/BENCHMARKS.md). */
export const CHECKPOINT_EVERY = 2_000;
/** Events read and learned per turn of the event loop (a few ms). */
const READ_BATCH = 250;
/** Running estimators kept in memory (the busiest branches); another starts again from its checkpoint (≤ CHECKPOINT_EVERY events). */
const RUNNING_KEPT = 100;

/** An estimator and the last event it learned. */
export interface HeldEstimator {
  seq: number;
  estimator: Estimator;
}

/**
 * The wait estimator as it stood after any event of the log, for replays (issue 12): one runs
 * along the read models over every event (from the first), saving what it has learned every
 * CHECKPOINT_EVERY events; a past moment starts from the checkpoint before it and learns only the
 * events since. So a moment's estimates are the same whatever was asked before, and cost ~0.1 s
 * instead of relearning weeks of events per request.
 */
export class EstimatorCheckpoints {
  /** The running estimator per branch, at the read models' position. */
  private readonly running = new Map<string, HeldEstimator>();

  constructor(
    private readonly sql: Sql,
    private readonly store: EventStore,
  ) {}

  /**
   * Feeds the read models' next batch to the running estimator (catching it up from the log first
   * when it is not there: a restart) and returns the checkpoints to save with the batch.
   */
  async advance(branchId: string, events: readonly BranchEvent[], state: BranchState): Promise<{ seq: number; saved: string }[]> {
    if (!events.length) return [];
    const first = events[0]!.seq;
    let held = this.running.get(branchId);
    if (!held || held.seq !== first - 1) {
      this.running.delete(branchId);
      // Not running here (let go for a busier branch, a restart, another node folded these): there
      // is nothing to save before the next checkpoint, so nothing is learned until a batch reaches
      // one; then it starts from the checkpoint before and the log. Relearning up to 2,000 events
      // per batch of a branch let go (more branches than RUNNING_KEPT) cost a read of its log per command.
      const due = Math.floor(events[events.length - 1]!.seq / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
      if (due < first) return [];
      held = await this.at(branchId, first - 1, state);
    }
    const out: { seq: number; saved: string }[] = [];
    for (const e of events) {
      if (e.seq <= held.seq) continue;
      learn(held, [e], state);
      if (e.seq % CHECKPOINT_EVERY === 0) out.push({ seq: e.seq, saved: held.estimator.save() });
    }
    // Most recently used last, so the first is the one to let go.
    this.running.delete(branchId);
    this.running.set(branchId, held);
    if (this.running.size > RUNNING_KEPT) this.running.delete(this.running.keys().next().value!);
    return out;
  }

  /** In the read models' transaction. */
  async save(tx: Sql, branchId: string, checkpoints: readonly { seq: number; saved: string }[]): Promise<void> {
    for (const c of checkpoints) {
      await tx.run('INSERT INTO estimator_checkpoints (branch_id, seq, state) VALUES (?, ?, ?) ON CONFLICT (branch_id, seq) DO NOTHING', [branchId, c.seq, c.saved]);
    }
  }

  /** A new estimator that has learned every event up to `seq`: the checkpoint before it, then the log. */
  async at(branchId: string, seq: number, state: BranchState): Promise<HeldEstimator> {
    const row = await this.sql.get<{ seq: number | string; state: string }>(
      'SELECT seq, state FROM estimator_checkpoints WHERE branch_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      [branchId, seq],
    );
    const held: HeldEstimator = row
      ? { seq: Number(row.seq), estimator: createEstimator({}, row.state) }
      : { seq: 0, estimator: createEstimator({ utcOffsetMin: state.config ? utcOffsetMinutes(state.at || Date.now(), state.config.timezone) : 0 }) };
    // Saving the checkpoints passed on the way fills in a log older than the checkpoints (an upgrade) once.
    await this.learnUpTo(branchId, held, seq, state, true);
    return held;
  }

  /** Feeds `held` the log's events after its position, up to `seq`. */
  async learnUpTo(branchId: string, held: HeldEstimator, seq: number, state: BranchState, saveAlong = false): Promise<void> {
    while (held.seq < seq) {
      // Stop at each checkpoint's seq, so it can be saved there.
      const stop = saveAlong ? Math.min(seq, (Math.floor(held.seq / CHECKPOINT_EVERY) + 1) * CHECKPOINT_EVERY) : seq;
      const batch = await this.store.readSince(branchId, held.seq, Math.min(READ_BATCH, stop - held.seq));
      if (!batch.length) return;
      learn(held, batch, state);
      // A turn of the event loop between batches: learning thousands of events at once stalls every request.
      if (held.seq < seq) await new Promise((r) => setImmediate(r));
      if (saveAlong && held.seq % CHECKPOINT_EVERY === 0) await this.save(this.sql, branchId, [{ seq: held.seq, saved: held.estimator.save() }]);
    }
  }
}

/** `state` gives the counters' services (toEstimatorEvents). */
function learn(held: HeldEstimator, events: readonly BranchEvent[], state: BranchState): void {
  for (const e of events) {
    for (const x of toEstimatorEvents(e, state)) held.estimator.observe(x);
    held.seq = e.seq;
  }
}
