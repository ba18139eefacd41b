import type { Logger } from 'pino';
import type { BranchEvent, BranchState } from '../../core';

export type CommittedListener = (branchId: string, events: readonly BranchEvent[], state: BranchState) => void;

/**
 * Events once they are in the log, in seq order, one call per committed batch: screens,
 * estimators, read models and webhooks follow the branch from here (later also from events
 * other nodes wrote), never from the route that caused them. A listener that throws is logged
 * and does not stop the others: the command is already committed.
 */
export class CommittedEvents {
  private readonly listeners: CommittedListener[] = [];

  constructor(private readonly logger?: Logger) {}

  on(listener: CommittedListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(branchId: string, events: readonly BranchEvent[], state: BranchState): void {
    if (!events.length) return;
    for (const l of this.listeners) {
      try {
        l(branchId, events, state);
      } catch (err) {
        this.logger?.error({ err, branchId, seq: state.seq }, 'a listener of committed events failed');
      }
    }
  }
}
