import { z } from 'zod';
import type { BranchEvent } from './events';
import { Slug } from './ids';
import type { WaitEstimate } from './estimate';
import type { BranchState } from './state';

// The stream's timings are zod-free (stream-timing.ts), for the screens.
export { ESTIMATES_MS, MAX_CATCHUP_EVENTS, STALE_AFTER_MS, TICK_MS } from './stream-timing';

/**
 * The Socket.IO contract between server and screens. One way in (REST commands), one way out
 * (this stream). Clients connect with `auth: {branch, lastSeq?}`.
 */
export const StreamHandshake = z.object({
  branch: Slug,
  /** The seq the client already holds; the server sends only what came after, if it still can. */
  lastSeq: z.number().int().min(0).optional(),
  /** A paired screen's token (see screens.ts): the socket then also carries its reports, reload and identify. */
  screen: z.string().min(20).max(100).optional(),
  /**
   * `services`: only the estimates a lobby shows (per service), not every waiting ticket's — a
   * long queue's list is most of the frame, written to every screen of the branch. Without it,
   * all of them (the phone ticket and the kiosk read their own ticket's).
   */
  estimates: z.literal('services').optional(),
});
export type StreamHandshake = z.infer<typeof StreamHandshake>;

export interface ServerToClient {
  /**
   * A full state, sent on connect when the client holds nothing or is too far behind. On connect
   * it carries the wait estimates too, when the branch's estimator is ready (else they follow
   * with a heartbeat).
   */
  snapshot: (msg: { state: BranchState; serverTime: number; estimates?: WaitEstimates }) => void;
  /** Events the client missed, in order, sent instead of a snapshot (with the estimates, as the snapshot). */
  catchup: (msg: { events: BranchEvent[]; serverTime: number; estimates?: WaitEstimates }) => void;
  /** A new event, live. */
  event: (e: BranchEvent) => void;
  /**
   * A heartbeat with the server clock: screens use it to fix their own clock and to notice silence,
   * and reload themselves when `version` (the server's build) changes. `estimates` ride along
   * when they changed since last sent, and at least every ESTIMATES_MS: one frame, not two.
   */
  tick: (msg: { serverTime: number; seq: number; version?: string; estimates?: WaitEstimates }) => void;
  /** Wait estimates for a ticket taken now, per service; derived, so not in the log. Sent apart by older nodes only: they now come with the snapshot and the heartbeat. */
  estimates: (msg: WaitEstimates) => void;
  /** Why the stream was refused (unknown branch). */
  refused: (msg: { code: string; message: string }) => void;
}

export interface ClientToServer {
  /** Asks for what came after `lastSeq`, after the client saw a gap; without it, for a fresh snapshot. */
  resync: (msg: { lastSeq?: number }) => void;
}


export interface WaitEstimates {
  /** Server time they were computed; a screen shows them only while fresh. */
  at: number;
  /** The branch's seq they were computed at: estimates with a seq at or past a change already take it in. */
  seq?: number;
  services: Record<string, WaitEstimate>;
  /**
   * The rest of the wait of every ticket still waiting, by ticket id (as public events carry it):
   * the phone ticket and the kiosk read theirs here. `ahead`: tickets expected to be called first,
   * all services, priorities applied.
   */
  tickets?: Record<string, { ahead: number; estimate: WaitEstimate }>;
  /** Usual seconds at a counter per service (median of recent services), for the long-transaction prompt. */
  serviceSec?: Record<string, number>;
}
