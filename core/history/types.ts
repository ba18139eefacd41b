import type { Cause, Effect } from '../causes';
import type { Actor, NoticeScope } from '../events';
import type { WaitEstimates } from '../protocol';
import type { BranchState } from '../state';

/**
 * The read models of a branch's history: rows kept up to date as events are committed, so that
 * reports answer from them instead of replaying the log. All of it is staff data (it names who
 * did what); nothing here goes to a public stream.
 */

/** Waits are counted in buckets of this width; medians and P90s are read to this precision. */
export const WAIT_BUCKET_MS = 30_000;

/** Every notice, as a manager answering a complaint needs it. */
export interface NoticeRecord {
  id: string;
  /** Local day it was posted. */
  day: string;
  cause: Cause;
  effect: Effect;
  scope: NoticeScope;
  /** The services its scope reaches (counters' services, for a counter notice), as configured when posted. */
  services: string[];
  presetId: string | null;
  /** Text as first posted. */
  text: Record<string, string>;
  apologise: boolean;
  startedAt: number;
  /** Seqs of its posting and its resolution: a screen that rendered a seq between them showed it (read receipts). */
  postedSeq?: number;
  resolvedSeq?: number | null;
  /** The end first announced, and the last one (after updates); null = "not known". */
  firstExpectedEndAt: number | null;
  expectedEndAt: number | null;
  /** When it was resolved; null while active. */
  endedAt: number | null;
  updates: { at: number; by: Actor; text?: Record<string, string>; expectedEndAt?: number | null }[];
  postedBy: Actor;
  resolvedBy: Actor | null;
  resolution: { text: Record<string, string> | null; apologise: boolean } | null;
  /** Tickets in its scope that waited while it was active (counted when they are called). */
  touched: number;
  /** Of those, the ones with a usual wait to compare with, and their total wait beyond it (ms; may be negative). */
  touchedCompared: number;
  extraWaitMs: number;
}

export type TicketOutcome = 'waiting' | 'called' | 'served' | 'no_show' | 'cancelled' | 'unserved';

/** One ticket, without personal data (there is none in a ticket: a number and times). */
export interface TicketRecord {
  id: string;
  day: string;
  service: string;
  number: string;
  issuedAt: number;
  calledAt: number | null;
  endedAt: number | null;
  counterId: string | null;
  outcome: TicketOutcome;
  /** Wait until the first call, ms. */
  waitMs: number | null;
  recalls: number;
  /** Called before others who had waited longer; the reason staff gave, or "unspecified". */
  outOfTurn: string | null;
  /** The promise of its service when it was called (minutes), and whether it was kept. */
  promiseMinutes: number | null;
  promiseKept: boolean | null;
  /** Notices active in its scope while it waited. */
  notices: string[];
  /** Its issue time is a stand-in (another queue system reported a later step first); its wait counts from it until corrected. */
  issueInferred?: true;
}

/** One service on one local day. */
export interface DayServiceFigures {
  day: string;
  service: string;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  /** Given back by the customer (from the phone) before being called. */
  cancelled: number;
  /** Waits until the first call: count per WAIT_BUCKET_MS bucket (sparse). */
  waitHist: Record<string, number>;
  waitSumMs: number;
  /** Called tickets whose service had a promise, and of those the ones called within it. */
  promiseEligible: number;
  promiseKept: number;
  outOfTurn: Record<string, number>;
  /** Tickets that waited while a notice in their scope was active, and their wait beyond usual. */
  touched: number;
  extraWaitMs: number;
}

/** One command as it reached the log: who, when, and what it changed. */
export interface AuditEntry {
  seqFrom: number;
  seqTo: number;
  at: number;
  actor: Actor;
  types: string[];
  /** Counters the command touched (its own, or those of a notice's scope). */
  counters: string[];
  changes: AuditChange[];
}

export type AuditChange =
  | { kind: 'event'; type: string; ticket?: string; counter?: string; notice?: string; detail?: Record<string, unknown> }
  | { kind: 'config'; type: string; diff: ConfigChange[] };

/** One field of a branch's configuration that changed, by its path ("services.teller.name.en"). */
export interface ConfigChange {
  path: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** What happened that the outside world subscribes to (webhooks). */
export type HistorySignal =
  | { type: 'notice.posted' | 'notice.updated' | 'notice.resolved'; seq: number; at: number; notice: NoticeRecord }
  | { type: 'promise.missed'; seq: number; at: number; ticket: TicketRecord; waitedMinutes: number };

/** What one batch of committed events changed in the read models. */
export interface HistoryChanges {
  notices: NoticeRecord[];
  tickets: TicketRecord[];
  days: DayServiceFigures[];
  audit: AuditEntry[];
  signals: HistorySignal[];
}

/** One moment of a branch, as its lobby showed it (GET /api/branches/<branch>/replay; the lobby's replay draws it). */
export interface ReplayMoment {
  branchId: string;
  at: number;
  /** The moment in the branch's zone, ISO with offset. */
  local: string;
  timezone: string;
  /** The last event folded into `state`. */
  seq: number;
  state: BranchState;
  estimates: WaitEstimates | null;
  /** The time of the change before the one shown last, and of the next change: for stepping. */
  prev: number | null;
  next: number | null;
  /** The hash-chain link after event `seq` (server/history/chain.ts). */
  chain: string;
}
