import type { BranchState, WaitEstimates } from '../../core/client';
import type { StreamRefusal, StreamStatus } from '../../ui/stream/branch-stream';

/**
 * Where the lobby reads its board from: the live branch stream, or — for staff answering "what
 * did the screen show at 10:14?" — the log replayed to a moment. The same components render both.
 */
export interface LobbySource {
  readonly state: BranchState | null;
  readonly status: StreamStatus;
  readonly lastHeardAt: number | null;
  readonly refused: StreamRefusal | null;
  readonly estimates: WaitEstimates | null;
  /** Server time the board is drawn at. */
  now(): number;
  currentEstimates(): WaitEstimates | null;
}
