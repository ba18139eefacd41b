import type { BranchEvent } from './events';
import { namesHiddenTicket, needsRefill } from './public-snapshot';
import { apply } from './reducer';
import type { BranchState } from './state';

export type ReplicaResult = 'applied' | 'duplicate' | 'gap';

/**
 * A client's copy of a branch, kept in step with the server by the same reducer. It applies
 * events strictly in seq order; a gap means some were missed, and the client must ask for a
 * resync rather than show a state the server never had.
 */
export class BranchReplica {
  state: BranchState | null = null;
  /**
   * A partial copy (a long queue, core/public-snapshot.ts) that must be replaced by a fresh
   * snapshot: its listed part ran low, or an event named a ticket it only counted. The client
   * then resyncs without `lastSeq`.
   */
  needsSnapshot = false;

  get seq(): number {
    return this.state?.seq ?? 0;
  }

  loadSnapshot(state: BranchState): void {
    this.state = state;
    this.needsSnapshot = false;
  }

  receive(event: BranchEvent): ReplicaResult {
    if (!this.state) return 'gap';
    if (event.seq <= this.state.seq) return 'duplicate';
    if (event.seq !== this.state.seq + 1) return 'gap';
    if (namesHiddenTicket(this.state, event as { type: string; ticketId?: unknown })) {
      // Applying it would show a call of a ticket this copy cannot place: wait for a fresh snapshot.
      this.needsSnapshot = true;
      return 'gap';
    }
    const partial = this.state.hiddenWaiting !== undefined;
    this.state = apply(this.state, event);
    // A ticket put back in a queue might belong among the hidden ones: the order is the server's to say.
    if (partial && (needsRefill(this.state) || event.type === 'TicketTransferred' || event.type === 'NoShowUndone')) this.needsSnapshot = true;
    return 'applied';
  }

  /** Applies a batch sent to fill a gap; stops and reports at the first hole. */
  receiveAll(events: readonly BranchEvent[]): ReplicaResult {
    let result: ReplicaResult = 'duplicate';
    for (const e of events) {
      const r = this.receive(e);
      if (r === 'gap') return 'gap';
      if (r === 'applied') result = 'applied';
    }
    return result;
  }
}
