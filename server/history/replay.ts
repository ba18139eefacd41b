import { isoLocal, type BranchState, type ReplayMoment, type WaitEstimates } from '../../core';

export type { ReplayMoment };
import type { BranchStates } from '../commands/branch-states';
import type { EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';
import { CHAIN_START, chainOver } from './chain';
import { CHECKPOINT_EVERY, type HeldEstimator } from './estimator-checkpoints';
import type { HistoryFollower } from './history-follower';
import type { HistoryStore } from './history-store';

const READ_BATCH = 5_000;
/** Branches whose last replayed estimator is kept for stepping on (managers replay a few at a time). */
const REPLAYS_KEPT = 8;

/**
 * Answers "what did the screen show at 10:14?" from the log: the state folded up to the moment
 * (snapshot + events), the wait estimates the lobby had (the estimator replayed on the same
 * events), and where the neighbouring changes are.
 */
export class ReplayService {
  /** The estimator of the last moment asked per branch: playing forward feeds it only what is new. */
  private readonly estimators = new Map<string, HeldEstimator>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly sql: Sql,
    private readonly store: EventStore,
    private readonly states: BranchStates,
    private readonly history: HistoryStore,
    private readonly service: HistoryFollower,
  ) {}

  async moment(branchId: string, at: number): Promise<ReplayMoment | undefined> {
    const state = await this.states.stateAt(branchId, at);
    if (!state) return undefined;
    // The estimator's checkpoints come with the read models.
    await this.service.caughtUp(branchId);
    const timezone = state.config?.timezone ?? (await this.states.get(branchId))?.config?.timezone ?? 'UTC';
    const [prev, next] = await Promise.all([
      this.sql.get<{ at: number | string }>('SELECT at FROM events WHERE branch_id = ? AND at < ? ORDER BY at DESC LIMIT 1', [branchId, state.at]),
      this.sql.get<{ at: number | string }>('SELECT at FROM events WHERE branch_id = ? AND at > ? ORDER BY at LIMIT 1', [branchId, at]),
    ]);
    return {
      branchId,
      at,
      local: isoLocal(at, timezone),
      timezone,
      seq: state.seq,
      state,
      estimates: await this.estimates(branchId, state, at),
      prev: prev && state.seq > 0 ? Number(prev.at) : null,
      next: next ? Number(next.at) : null,
      chain: await this.linkAt(branchId, state.seq),
    };
  }

  /** The chain link after event `seq`: from the read models, else recomputed from the log. */
  async linkAt(branchId: string, seq: number): Promise<string> {
    await this.service.caughtUp(branchId);
    const stored = await this.history.linkAt(branchId, seq);
    if (stored !== undefined) return stored;
    let link = CHAIN_START;
    for (let from = 0; from < seq; ) {
      const batch = (await this.store.readSince(branchId, from, Math.min(READ_BATCH, seq - from))).filter((e) => e.seq <= seq);
      if (!batch.length) break;
      link = chainOver(link, batch);
      from = batch[batch.length - 1]!.seq;
    }
    return link;
  }

  /** Whether `state` is exactly the log's state after event `seq` at `at`. */
  async stateMatches(branchId: string, at: number, state: unknown): Promise<boolean> {
    const real = await this.states.stateAt(branchId, at);
    return real !== undefined && JSON.stringify(sorted(real)) === JSON.stringify(sorted(state));
  }

  /**
   * The estimates the lobby had at `at`: the estimator as it stood after event `state.seq` (the
   * checkpoint before it plus the events since, or the one of the last moment asked when that is
   * on the way: stepping and playing forward), asked at `at`. One branch at a time.
   */
  private estimates(branchId: string, state: BranchState, at: number): Promise<WaitEstimates | null> {
    const run = (this.queues.get(branchId) ?? Promise.resolve()).then(async () => {
      if (!state.config) return null;
      let held = this.estimators.get(branchId);
      const sameStretch = held && held.seq <= state.seq && Math.floor(held.seq / CHECKPOINT_EVERY) === Math.floor(state.seq / CHECKPOINT_EVERY);
      if (held && sameStretch) await this.service.estimators.learnUpTo(branchId, held, state.seq, state);
      else held = await this.service.estimators.at(branchId, state.seq, state);
      this.estimators.delete(branchId);
      this.estimators.set(branchId, held);
      if (this.estimators.size > REPLAYS_KEPT) this.estimators.delete(this.estimators.keys().next().value!);
      const services: WaitEstimates['services'] = {};
      for (const s of state.config.services) services[s.id] = held.estimator.estimateNew(s.id, at);
      return { at, services };
    });
    const settled = run.then(() => undefined, () => undefined);
    this.queues.set(branchId, settled);
    void settled.then(() => this.queues.get(branchId) === settled && this.queues.delete(branchId));
    return run;
  }
}

/** A copy with keys sorted, so two states compare by content. */
function sorted(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sorted);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x as object).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sorted(v)]));
  return x;
}

