import type { BranchConfig, Preset } from './branch';
import type { Cause, Effect } from './causes';
import type { NoticeScope } from './events';
import type { OutOfTurnReason } from './out-of-turn';

export type TicketStatus = 'waiting' | 'called';

/** A ticket still in the branch: waiting, or at a counter. Finished tickets leave the state (the log keeps them). */
export interface Ticket {
  id: string;
  number: string;
  service: string;
  status: TicketStatus;
  issuedAt: number;
  /** Seq of its TicketIssued event: the queue order across services, even within one millisecond. */
  issuedSeq: number;
  /** Its issue was filled in from a later step of another queue system: `issuedAt` is a stand-in until corrected. */
  issueInferred?: true;
  calledAt: number | null;
  counterId: string | null;
  /** How many times it was called again. */
  recalls: number;
  /** Transferred to one counter: only that counter calls it. */
  assignedCounterId?: string;
  /** When it was last transferred (it keeps its number and its place by issue time). */
  transferredAt?: number;
}

/** A ticket marked as a no-show today: it can be undone for a few minutes, or called back later. */
export interface NoShowTicket extends Ticket {
  noShowAt: number;
  noShowCounterId: string;
}

export type CounterStatus = 'open' | 'paused' | 'closed';

export interface CounterState {
  id: string;
  status: CounterStatus;
  /** When a paused counter expects to be back; null when unknown or not paused. */
  backAt: number | null;
  /** The ticket at this counter now. */
  ticketId: string | null;
  since: number;
  /** Paused by a counter_closed notice (not by the teller's own pause): resolving the notice reopens it. */
  pausedByNotice?: string;
}

/** A call as the lobby announces it: ticket → counter. */
export interface Call {
  ticketId: string;
  number: string;
  counterId: string;
  at: number;
  recall: boolean;
  /** The ticket's service, so a call for another service than the room expects can say it. */
  service?: string;
  /** Why it was called before others who came earlier. */
  reason?: OutOfTurnReason;
  /** Someone of another service who came earlier was still waiting when it was called. */
  passedOthers?: boolean;
}

export interface NoticeUpdate {
  at: number;
  text?: Record<string, string>;
  note?: Record<string, string>;
  expectedEndAt?: number | null;
}

export interface Notice {
  id: string;
  cause: Cause;
  effect: Effect;
  scope: NoticeScope;
  text: Record<string, string>;
  presetId: string | null;
  apologise: boolean;
  /** The preset's resolved twin, shown when the notice is resolved without a typed text. */
  resolvedText?: Record<string, string>;
  startedAt: number;
  expectedEndAt: number | null;
  updates: NoticeUpdate[];
  /** The latest typed addition, in fewer languages than the notice's text (marked with its language on screen). */
  note?: Record<string, string> | null;
  status: 'active' | 'resolved';
  resolution: Resolution | null;
}

export interface Resolution {
  at: number;
  text: Record<string, string> | null;
  apologise: boolean;
  /** A typed closing line in fewer languages than the branch shows. */
  note?: Record<string, string> | null;
  /** What the branch will do so it does not happen again. */
  prevention?: Record<string, string> | null;
}

export interface DayStats {
  day: string;
  /** Last number given per service today. */
  issued: Record<string, number>;
  served: number;
  noShow: number;
  /** Tickets given back from the phone ("I'm not coming any more"). */
  cancelled?: number;
  /** Tickets given out today per service (numbers wrap, this does not). Absent in states saved before it existed. */
  taken?: Record<string, number>;
  /** Tickets given out in the current server minute, for the branch's per-minute cap. */
  minute?: { start: number; count: number };
}

export interface BranchState {
  branchId: string;
  seq: number;
  /** Server time of the last event applied. */
  at: number;
  config: BranchConfig | null;
  counters: Record<string, CounterState>;
  tickets: Record<string, Ticket>;
  /** Waiting ticket ids per service, in queue order. */
  queues: Record<string, string[]>;
  /** Calls of tickets still at their counter (at most one per counter), newest first: the "now serving" board. */
  calls: Call[];
  notices: Notice[];
  today: DayStats;
  /**
   * Only in a screen's partial copy (core/public-snapshot.ts): waiting tickets per service not
   * listed in `queues`/`tickets`, behind the listed ones. Absent on the server's own state.
   */
  hiddenWaiting?: Record<string, number>;
  /** Today's no-shows, by ticket id (undo, or call back). Absent in states saved before it existed. */
  noShows?: Record<string, NoShowTicket>;
  /** Per service, the last time a ticket was called after waiting longer than its promise. */
  promiseMissedAt?: Record<string, number>;
  /**
   * Where the presets in `config.presets` come from. Absent in states folded before the library
   * existed: then every preset is the branch's own.
   */
  presetSources?: PresetSources;
}

/** A branch's presets by origin; `config.presets` is what they add up to (see presets.ts). */
export interface PresetSources {
  /** The bank's library as this branch last received it, in library order. */
  library: Preset[];
  /** The branch's own presets: new ones, and overrides of library ones (same id). */
  branch: Preset[];
  /** Library presets this branch does not show. */
  hidden: string[];
}

export const MAX_CALLS_KEPT = 12;
/** Resolved notices stay in the state this long (the lobby shows them for less, see notice.ts). */
export const RESOLVED_NOTICE_KEPT_MS = 24 * 3600_000;

export function emptyState(branchId: string): BranchState {
  return {
    branchId,
    seq: 0,
    at: 0,
    config: null,
    counters: {},
    tickets: {},
    queues: {},
    calls: [],
    notices: [],
    today: { day: '', issued: {}, served: 0, noShow: 0 },
    noShows: {},
    promiseMissedAt: {},
  };
}
