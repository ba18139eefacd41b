import type { BranchEvent } from './events';
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

  get seq(): number {
    return this.state?.seq ?? 0;
  }

  loadSnapshot(state: BranchState): void {
    this.state = state;
  }

  receive(event: BranchEvent): ReplicaResult {
    if (!this.state) return 'gap';
    if (event.seq <= this.state.seq) return 'duplicate';
    if (event.seq !== this.state.seq + 1) return 'gap';
    this.state = apply(this.state, event);
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
