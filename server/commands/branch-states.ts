import { apply, applyAll, emptyState, type BranchEvent, type BranchState } from '../../core';
import type { EventStore } from '../store/event-store';
import type { CommittedEvents } from './committed';

/** Recent events kept per branch in memory, so a screen reconnecting after a blip is served without a read. */
const RECENT_EVENTS = 100;
/** Events read per round trip when folding a branch from its log. */
const READ_BATCH = 5_000;

interface Cached {
  state: BranchState;
  /** The last events up to `state.seq`, oldest first, contiguous. */
  recent: BranchEvent[];
}

/**
 * This node's cache of each branch's folded state, fed from the log whoever wrote it. It is a
 * cache, never the truth: a node that finds itself behind (a seq conflict, an event from
 * another node with a gap) catches up from the store.
 */
export class BranchStates {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<Cached | undefined>>();

  /**
   * `committed` hears every event this node folds after a branch is loaded, exactly once and in
   * seq order, whoever wrote it (this node, another node, or the log read after a gap).
   */
  constructor(
    private readonly store: EventStore,
    private readonly committed?: CommittedEvents,
  ) {}

  /** The state as this node holds it, loading the branch on first use; undefined: no such branch. */
  async get(branchId: string): Promise<BranchState | undefined> {
    return (await this.entry(branchId))?.state;
  }

  /** The cached state without touching the store (timers, ticks); undefined when not loaded. */
  peek(branchId: string): BranchState | undefined {
    return this.cache.get(branchId)?.state;
  }

  /** Branches this node holds in memory. */
  loaded(): string[] {
    return [...this.cache.keys()];
  }

  /** Reads what the log has beyond the cached state and folds it in. */
  async catchUp(branchId: string): Promise<BranchState | undefined> {
    const c = await this.entry(branchId);
    if (!c) return undefined;
    for (;;) {
      const batch = await this.store.readSince(branchId, c.state.seq, READ_BATCH);
      // Another caller may have folded some of them meanwhile.
      const fresh = batch.filter((e) => e.seq > c.state.seq);
      if (fresh.length) this.advance(branchId, c, fresh);
      if (batch.length < READ_BATCH) return c.state;
    }
  }

  /**
   * Takes in committed events (this node's or another's) in seq order. Returns false when they
   * do not follow the cached state (a gap): the caller catches up from the store.
   */
  accept(branchId: string, events: readonly BranchEvent[], after?: BranchState): boolean {
    const c = this.cache.get(branchId);
    if (!c) return true; // not held here: it is loaded from the log when first needed
    const fresh = events.filter((e) => e.seq > c.state.seq);
    if (!fresh.length) return true;
    if (fresh[0]!.seq !== c.state.seq + 1) return false;
    this.advance(branchId, c, fresh, fresh.length === events.length && after?.seq === fresh[fresh.length - 1]!.seq ? after : undefined);
    return true;
  }

  /** A new, empty branch (its first events follow through `accept`). */
  created(branchId: string): void {
    if (!this.cache.has(branchId)) this.cache.set(branchId, { state: emptyState(branchId), recent: [] });
  }

  /**
   * The events after `seq` from memory, when this node still holds all of them; undefined when
   * they must be read from the store.
   */
  recentSince(branchId: string, seq: number): BranchEvent[] | undefined {
    const c = this.cache.get(branchId);
    if (!c) return undefined;
    if (seq >= c.state.seq) return [];
    const first = c.recent[0];
    if (!first || first.seq > seq + 1) return undefined;
    return c.recent.slice(seq + 1 - first.seq);
  }

  /** The state exactly as it was at time `at`: what the screens showed then. */
  async stateAt(branchId: string, at: number): Promise<BranchState | undefined> {
    if (!(await this.store.branchExists(branchId))) return undefined;
    const base = (await this.store.snapshotAtOrBefore(branchId, at)) ?? emptyState(branchId);
    return applyAll(base, await this.store.readUntil(branchId, base.seq, at));
  }

  /** Forgets cached states (tests use it to prove the log alone rebuilds them). */
  dropCache(): void {
    this.cache.clear();
  }

  /** Folds live events and tells the followers. */
  private advance(branchId: string, c: Cached, events: readonly BranchEvent[], after?: BranchState): void {
    this.fold(c, events, after);
    this.committed?.emit(branchId, events, c.state);
  }

  /** `after`: the state these events lead to, when the caller has already folded them onto the cached one (the command path). */
  private fold(c: Cached, events: readonly BranchEvent[], after?: BranchState): void {
    let s = after;
    if (!s) {
      s = c.state;
      for (const e of events) s = apply(s, e);
    }
    c.state = s;
    c.recent.push(...events);
    if (c.recent.length > RECENT_EVENTS) c.recent.splice(0, c.recent.length - RECENT_EVENTS);
  }

  private entry(branchId: string): Promise<Cached | undefined> {
    const hit = this.cache.get(branchId);
    if (hit) return Promise.resolve(hit);
    // One load per branch, however many screens ask at once (a reconnect storm after a restart).
    let p = this.loading.get(branchId);
    if (!p) {
      p = this.load(branchId).finally(() => this.loading.delete(branchId));
      this.loading.set(branchId, p);
    }
    return p;
  }

  private async load(branchId: string): Promise<Cached | undefined> {
    if (!(await this.store.branchExists(branchId))) return undefined;
    const c: Cached = { state: (await this.store.latestSnapshot(branchId)) ?? emptyState(branchId), recent: [] };
    for (;;) {
      const batch = await this.store.readSince(branchId, c.state.seq, READ_BATCH);
      if (batch.length) this.fold(c, batch);
      if (batch.length < READ_BATCH) break;
    }
    // Someone may have created or folded it meanwhile; keep the further one.
    const other = this.cache.get(branchId);
    if (other && other.state.seq >= c.state.seq) return other;
    this.cache.set(branchId, c);
    return c;
  }
}
