import type { CommittedEvents } from '../commands/committed';
import type { EstimatorCheckpoints } from './estimator-checkpoints';

/**
 * What the rest of the node needs of the history read models, wherever they are folded (in this
 * thread: HistoryService; off it: HistoryThread): reports ask caughtUp() before they read.
 */
export interface HistoryFollower {
  /** Follows committed events, and catches every branch up from the log in the background. */
  start(committed: CommittedEvents): void;
  /** Stops following; what was folded is in the database, and a later start resumes from there. */
  stop(): Promise<void>;
  /** Resolves once the read models hold everything the log holds now: reports read their own writes. */
  caughtUp(branchId: string): Promise<void>;
  /** The wait estimator along the log, checkpointed for replays. */
  readonly estimators: EstimatorCheckpoints;
}
