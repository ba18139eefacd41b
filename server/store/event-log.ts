import { apply, applyAll, emptyState, type Actor, type BranchConfig, type BranchEvent, type BranchState, type EventPayload } from '../../core';
import type { Db } from './db';

/** Keep a folded state every this many events, so loading a branch replays little. */
const SNAPSHOT_EVERY = 1000;

interface EventRow {
  branch_id: string;
  seq: number;
  at: number;
  actor: string;
  payload: string;
}

/**
 * The per-branch event log on SQLite, with each branch's folded state kept in memory.
 * `append` stamps gap-free seqs and writes in the caller's transaction; the in-memory state
 * moves only after the write succeeded.
 */
export class EventLog {
  private readonly states = new Map<string, BranchState>();
  private readonly insert;
  private readonly selectSince;
  private readonly selectUntil;
  private readonly insertSnapshot;
  private readonly latestSnapshot;
  private readonly snapshotAtOrBefore;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO events (branch_id, seq, at, type, actor, payload) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectSince = db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE branch_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    this.selectUntil = db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE branch_id = ? AND seq > ? AND at <= ? ORDER BY seq',
    );
    this.insertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (branch_id, seq, state) VALUES (?, ?, ?)');
    this.latestSnapshot = db.prepare<[string], { seq: number; state: string }>(
      'SELECT seq, state FROM snapshots WHERE branch_id = ? ORDER BY seq DESC LIMIT 1',
    );
    this.snapshotAtOrBefore = db.prepare<[string, number], { seq: number; state: string }>(
      `SELECT s.seq, s.state FROM snapshots s JOIN events e ON e.branch_id = s.branch_id AND e.seq = s.seq
       WHERE s.branch_id = ? AND e.at <= ? ORDER BY s.seq DESC LIMIT 1`,
    );
  }

  branchExists(branchId: string): boolean {
    return this.state(branchId) !== undefined;
  }

  /** The live state of a branch, or undefined when there is no such branch. */
  state(branchId: string): BranchState | undefined {
    const cached = this.states.get(branchId);
    if (cached) return cached;
    const exists = this.db.prepare('SELECT 1 FROM branches WHERE id = ?').get(branchId);
    if (!exists) return undefined;
    const snap = this.latestSnapshot.get(branchId);
    let state = snap ? (JSON.parse(snap.state) as BranchState) : emptyState(branchId);
    state = applyAll(state, this.eventsSince(branchId, state.seq, Number.MAX_SAFE_INTEGER));
    this.states.set(branchId, state);
    return state;
  }

  createBranch(branchId: string, at: number): void {
    this.db.prepare('INSERT INTO branches (id, created_at) VALUES (?, ?)').run(branchId, at);
    this.states.set(branchId, emptyState(branchId));
  }

  /** A new branch whose first event is its configuration (none: a branch not set up yet), in one transaction. */
  openBranch(branchId: string, config: BranchConfig | null, actor: Actor, at: number): void {
    this.db.transaction(() => {
      this.createBranch(branchId, at);
      if (config) this.commit(branchId, this.append(branchId, [{ type: 'BranchConfigured', config }], actor, at).state);
    })();
  }

  /**
   * Appends payloads as the next events of a branch. Must run inside a db transaction the
   * caller commits; returns the stamped events and the state after them.
   */
  append(branchId: string, payloads: EventPayload[], actor: Actor, at: number): { events: BranchEvent[]; state: BranchState } {
    const before = this.state(branchId);
    if (!before) throw new Error(`no branch ${branchId}`);
    const events = payloads.map((p, i) => ({ ...p, branchId, seq: before.seq + i + 1, at, actor }) as BranchEvent);
    let state = before;
    for (const e of events) {
      state = apply(state, e);
      const { branchId: _b, seq, at: _a, actor: _actor, ...payload } = e;
      this.insert.run(branchId, seq, at, e.type, JSON.stringify(actor), JSON.stringify(payload));
      if (seq % SNAPSHOT_EVERY === 0) this.insertSnapshot.run(branchId, seq, JSON.stringify(state));
    }
    return { events, state };
  }

  /** Makes appended events visible to readers of `state()`; call after the transaction committed. */
  commit(branchId: string, state: BranchState): void {
    this.states.set(branchId, state);
  }

  /** Events after `seq`, oldest first, at most `limit`. */
  eventsSince(branchId: string, seq: number, limit: number): BranchEvent[] {
    return this.selectSince.all(branchId, seq, limit).map(toEvent);
  }

  /** The state exactly as it was at `at` (server time): what the screens showed then. */
  stateAt(branchId: string, at: number): BranchState | undefined {
    if (!this.state(branchId)) return undefined;
    const snap = this.snapshotAtOrBefore.get(branchId, at);
    const base = snap ? (JSON.parse(snap.state) as BranchState) : emptyState(branchId);
    return applyAll(base, this.selectUntil.all(branchId, base.seq, at).map(toEvent));
  }

  /** Forgets cached states (tests use it to prove the log alone rebuilds them). */
  dropCache(): void {
    this.states.clear();
  }
}

function toEvent(r: EventRow): BranchEvent {
  return { ...JSON.parse(r.payload), branchId: r.branch_id, seq: r.seq, at: r.at, actor: JSON.parse(r.actor) } as BranchEvent;
}
