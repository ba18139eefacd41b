import type { Logger } from 'pino';
import { HistoryProjector, emptyHistoryMemory, type BranchEvent, type BranchState, type HistoryChanges } from '../../core';
import type { CommittedEvents } from '../commands/committed';
import type { EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';
import { CHAIN_START, nextLink } from './chain';
import { EstimatorCheckpoints } from './estimator-checkpoints';
import type { HistoryFollower } from './history-follower';
import type { HistoryStore } from './history-store';

/** Events folded per transaction when catching up (first start after an upgrade, another node's writes). */
const CATCH_UP_BATCH = 5_000;
/**
 * Committed events wait this long to be folded, so a busy branch's commands are folded and written
 * as one batch (one position, one day row, one claim) instead of each on its own. Nothing is lost
 * by waiting: the events are already in the log, the read models are caught up from it on start,
 * and every report asks `caughtUp()` first, which folds from the log whatever is still waiting.
 */
export const FOLD_AFTER_MS = 500;
/** Branches folded per turn of the event loop when the waiting events are folded: each turn stays a few ms. */
const FOLD_SLICE = 16;

/** Something that must happen in the same transaction as the rows (the webhook outbox); `state`: the branch after the batch. */
export type ChangesHook = (tx: Sql, branchId: string, changes: HistoryChanges, state: BranchState) => Promise<void>;

/**
 * The projector's memory is written with the position every this many events (and at a graceful
 * stop); in between only the position and the chain link move. Loading a branch folds at most
 * this many events of the log again to bring the memory to the position.
 */
export const MEMORY_EVERY = 64;

interface Projection {
  projector: HistoryProjector;
  chain: string;
  /** The seq of the memory last written (0: none yet). */
  memorySeq: number;
}

/**
 * Keeps the read models of every branch up to date from committed events (contract 3), one
 * branch at a time in seq order. What it folds comes from the listener when it follows on, from
 * the log when it does not (a restart, a gap, events another node wrote), so nothing is missed
 * and nothing is counted twice: the position is written with the rows. Every node follows every
 * branch it holds; whichever folds a batch first writes it, and a node that finds the stored
 * position moved on (another node was quicker) writes nothing and resumes from there.
 */
export class HistoryService implements HistoryFollower {
  private readonly projections = new Map<string, Projection>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly hooks: ChangesHook[] = [];
  /** Committed events not folded yet, per branch, in seq order; folded FOLD_AFTER_MS after the first. */
  private readonly pending = new Map<string, BranchEvent[]>();
  private flushTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  /** The wait estimator along the log, checkpointed for replays. */
  readonly estimators: EstimatorCheckpoints;

  constructor(
    private readonly sql: Sql,
    private readonly store: EventStore,
    private readonly history: HistoryStore,
    private readonly logger?: Logger,
  ) {
    this.estimators = new EstimatorCheckpoints(sql, store);
  }

  /** Follows committed events, and catches every branch up from the log in the background. */
  start(committed: CommittedEvents): void {
    this.unsubscribe = committed.on((branchId, events) => {
      const waiting = this.pending.get(branchId);
      if (waiting) waiting.push(...events);
      else this.pending.set(branchId, [...events]);
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => void this.flush(), FOLD_AFTER_MS);
        this.flushTimer.unref();
      }
    });
    void this.store.branchIds().then((ids) => ids.forEach((id) => void this.caughtUp(id)));
  }

  /** Stops following; what was folded is in the database, and a later start resumes from there. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.flush();
    await Promise.all(this.queues.values());
    // The memories not written since their last events, so the next start folds nothing again.
    const behind = [...this.projections].filter(([, p]) => p.memorySeq < p.projector.memory.seq);
    if (behind.length) {
      await this.sql
        .tx(async (tx) => {
          for (const [branchId, p] of behind) await this.history.saveMemory(tx, branchId, p.projector.memory);
        })
        .catch((err) => this.logger?.warn({ err }, 'history memories not saved at stop (the next start folds them again)'));
    }
    this.projections.clear();
  }

  onChanges(hook: ChangesHook): void {
    this.hooks.push(hook);
  }

  /** Resolves once the read models hold everything the log holds now: reports read their own writes. */
  caughtUp(branchId: string): Promise<void> {
    // What waits to be folded is in the log already: the fold from the log takes it in.
    this.pending.delete(branchId);
    return this.serially(branchId, () => this.fold(branchId, []));
  }

  /**
   * Folds every branch's waiting events, each branch in its own queue, FOLD_SLICE branches a turn
   * (all at once would be one long stretch of CPU with every request behind it).
   */
  private flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    const folds: Promise<void>[] = [];
    const slice = (from: number) => {
      for (const [branchId, events] of batches.slice(from, from + FOLD_SLICE)) folds.push(this.serially(branchId, () => this.fold(branchId, events)));
      if (from + FOLD_SLICE < batches.length) setImmediate(() => slice(from + FOLD_SLICE));
      else done();
    };
    let done!: () => void;
    const sliced = new Promise<void>((r) => (done = r));
    slice(0);
    return sliced.then(() => Promise.all(folds)).then(() => undefined);
  }

  private serially(branchId: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.queues.get(branchId) ?? Promise.resolve();
    const next = prev.then(fn).catch((err) => {
      // The projection is dropped and rebuilt from its stored position next time.
      this.projections.delete(branchId);
      this.logger?.error({ err, branchId }, 'history read model failed to fold');
    });
    this.queues.set(branchId, next);
    void next.then(() => {
      if (this.queues.get(branchId) === next) this.queues.delete(branchId);
    });
    return next;
  }

  private async projection(branchId: string): Promise<Projection> {
    let p = this.projections.get(branchId);
    if (!p) {
      const pos = await this.history.position(branchId);
      if (pos) {
        const projector = new HistoryProjector(pos.memory);
        const memorySeq = pos.memory.seq;
        // The rows up to pos.seq are written; the memory written before them is brought there from the log.
        while (projector.memory.seq < pos.seq) {
          const batch = await this.store.readSince(branchId, projector.memory.seq, Math.min(CATCH_UP_BATCH, pos.seq - projector.memory.seq));
          if (!batch.length) throw new Error(`history of ${branchId}: the log ends before the read models' position ${pos.seq}`);
          projector.apply(batch);
        }
        p = { projector, chain: pos.chain, memorySeq };
      } else p = { projector: new HistoryProjector(emptyHistoryMemory(branchId)), chain: CHAIN_START, memorySeq: 0 };
      this.projections.set(branchId, p);
    }
    return p;
  }

  /** Folds the given events when they follow on; otherwise (or after them) whatever the log has beyond. */
  private async fold(branchId: string, events: readonly BranchEvent[]): Promise<void> {
    const p = await this.projection(branchId);
    const fresh = events.filter((e) => e.seq > p.projector.memory.seq);
    if (fresh.length && fresh[0]!.seq === p.projector.memory.seq + 1) {
      if (await this.foldBatch(branchId, p, fresh)) return;
      // Another node folded them first: go on from where it got to.
      return this.fromLog(branchId, await this.projection(branchId));
    }
    await this.fromLog(branchId, p);
  }

  private async fromLog(branchId: string, p: Projection): Promise<void> {
    for (;;) {
      const batch = await this.store.readSince(branchId, p.projector.memory.seq, CATCH_UP_BATCH);
      if (batch.length && !(await this.foldBatch(branchId, p, batch))) return this.fromLog(branchId, await this.projection(branchId));
      if (batch.length < CATCH_UP_BATCH) return;
    }
  }

  /** Folds and writes one batch; false (nothing written, the projection dropped) when the stored position is no longer where it started. */
  private async foldBatch(branchId: string, p: Projection, events: readonly BranchEvent[]): Promise<boolean> {
    const startSeq = p.projector.memory.seq;
    const links = new Map<number, string>();
    let chain = p.chain;
    for (const e of events) {
      chain = nextLink(chain, e);
      links.set(e.seq, chain);
    }
    const changes = p.projector.apply(events);
    const memory = p.projector.memory;
    const checkpoints = await this.estimators.advance(branchId, events, memory.state);
    const withMemory = p.memorySeq === 0 || memory.seq - p.memorySeq >= MEMORY_EVERY;
    const written = await this.sql.tx(async (tx) => {
      if (!(await this.history.claim(tx, branchId, startSeq))) return false;
      await this.history.write(tx, branchId, changes, { seq: memory.seq, chain, memory }, links, withMemory);
      await this.estimators.save(tx, branchId, checkpoints);
      for (const hook of this.hooks) await hook(tx, branchId, changes, memory.state);
      return true;
    });
    if (written) {
      p.chain = chain;
      if (withMemory) p.memorySeq = memory.seq;
    }
    else this.projections.delete(branchId); // its memory has these events in it: reload what was stored
    return written;
  }
}
