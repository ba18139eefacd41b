import {
  ServiceTimes,
  createEstimator,
  toEstimatorEvents,
  utcOffsetMinutes,
  type BranchEvent,
  type BranchState,
  type Estimator,
  type WaitEstimates,
} from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { EventStore } from '../store/event-store';

/** How much history a branch's estimator learns from when the server starts: a few busy weeks. */
const HISTORY_EVENTS = 50_000;
/** Events read per batch while learning; the event loop breathes between batches. */
const LEARN_BATCH = 500;
/** Longest stretch of learning without letting commands and screens in (ms). */
const LEARN_SLICE_MS = 8;
/** Branches learning at once: after a restart every branch starts together, and their reads would pile up. */
const LEARNING_AT_ONCE = 2;

/**
 * One wait estimator per branch, fed from the log at first use and then from every committed
 * event. Estimates are derived data: never in the log, recomputed on demand. Learning reads the
 * log in batches, off the command path.
 */
export class WaitEstimateService {
  private readonly estimators = new Map<string, { estimator: Estimator; seq: number; times: ServiceTimes }>();
  private readonly learning = new Map<string, Promise<void>>();
  /** Events committed while a branch's estimator learns, folded in when it is done. */
  private readonly heardWhileLearning = new Map<string, BranchEvent[]>();

  constructor(
    private readonly states: BranchStates,
    private readonly store: EventStore,
  ) {}

  observe(branchId: string, events: readonly BranchEvent[]): void {
    const held = this.estimators.get(branchId);
    // Not built yet: kept while it learns (it may have read past some of them, or not yet).
    if (!held) {
      this.heardWhileLearning.get(branchId)?.push(...events);
      return;
    }
    const state = this.states.peek(branchId);
    if (!state) return;
    for (const e of events) {
      if (e.seq <= held.seq) continue;
      for (const x of toEstimatorEvents(e, state)) held.estimator.observe(x);
      held.times.observe(e);
      held.seq = e.seq;
    }
  }

  /** Whether the branch's estimator has learned from its history (estimates() answers). */
  isReady(branchId: string): boolean {
    return this.estimators.has(branchId);
  }

  /** Resolves once the branch's estimator has learned from its history. */
  ready(branchId: string): Promise<void> {
    if (this.estimators.has(branchId)) return Promise.resolve();
    let p = this.learning.get(branchId);
    if (!p) {
      p = this.learn(branchId).finally(() => this.learning.delete(branchId));
      this.learning.set(branchId, p);
    }
    return p;
  }

  /** The expected wait of a ticket taken now, for every service, and of every waiting ticket; undefined while still learning. */
  estimates(branchId: string, now: number, withTickets = true): WaitEstimates | undefined {
    const state = this.states.peek(branchId);
    const held = this.estimators.get(branchId);
    if (!state?.config || !held) return undefined;
    const services: WaitEstimates['services'] = {};
    for (const s of state.config.services) services[s.id] = held.estimator.estimateNew(s.id, now);
    if (!withTickets) return { at: now, seq: held.seq, services, serviceSec: held.times.usual() };
    const tickets: NonNullable<WaitEstimates['tickets']> = {};
    for (const w of held.estimator.estimateWaiting(now)) tickets[w.ticket] = { ahead: w.ahead, estimate: w.estimate };
    return { at: now, seq: held.seq, services, tickets, serviceSec: held.times.usual() };
  }

  /** Learners waiting for their turn (see LEARNING_AT_ONCE). */
  private readonly turns: (() => void)[] = [];
  private learners = 0;

  private async learn(branchId: string): Promise<void> {
    if (this.learners >= LEARNING_AT_ONCE) await new Promise<void>((ok) => this.turns.push(ok));
    this.learners++;
    try {
      await this.learnNow(branchId);
    } finally {
      this.learners--;
      this.turns.shift()?.();
    }
  }

  /**
   * Folds the branch's recent history into a new estimator, a slice at a time: a branch's first
   * learn (after a restart, 50,000 events) is seconds of work that must never hold the event
   * loop for more than a few ms.
   */
  private async learnNow(branchId: string): Promise<void> {
    const state = await this.states.get(branchId);
    if (!state) return;
    this.heardWhileLearning.set(branchId, []);
    try {
      await this.fold(branchId, state);
    } finally {
      this.heardWhileLearning.delete(branchId);
    }
  }

  private async fold(branchId: string, state: BranchState): Promise<void> {
    const estimator = createEstimator({ utcOffsetMin: state.config ? utcOffsetMinutes(Date.now(), state.config.timezone) : 0 });
    const times = new ServiceTimes();
    let seq = Math.max(0, state.seq - HISTORY_EVENTS);
    for (;;) {
      const batch = await this.store.readSince(branchId, seq, LEARN_BATCH);
      let sliceStart = performance.now();
      for (const e of batch) {
        const now = this.states.peek(branchId) ?? state;
        for (const x of toEstimatorEvents(e, now)) estimator.observe(x);
        times.observe(e);
        if (performance.now() - sliceStart > LEARN_SLICE_MS) {
          await new Promise((r) => setImmediate(r));
          sliceStart = performance.now();
        }
      }
      if (batch.length) seq = batch[batch.length - 1]!.seq;
      if (batch.length < LEARN_BATCH) break;
      await new Promise((r) => setImmediate(r));
    }
    // What was committed while it learned, in the same turn as it goes live: none missed, none twice.
    const now = this.states.peek(branchId) ?? state;
    for (const e of this.heardWhileLearning.get(branchId) ?? []) {
      if (e.seq <= seq) continue;
      for (const x of toEstimatorEvents(e, now)) estimator.observe(x);
      times.observe(e);
      seq = e.seq;
    }
    this.estimators.set(branchId, { estimator, seq, times });
  }
}
