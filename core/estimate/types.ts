/**
 * Input and output types of the wait estimator. The events mirror what a branch log holds
 * (ticket issued, called, service ended, customer left, counter opened/paused/closed), reduced
 * to what the estimator needs. Times are epoch milliseconds.
 */

export type TicketRef = string;
export type CounterRef = string;
export type ServiceRef = string;

export type EstimatorEvent =
  /** A customer took a ticket for a service. Higher priority numbers may jump ahead (see options). */
  | {
      kind: 'issued';
      at: number;
      ticket: TicketRef;
      service: ServiceRef;
      priority?: number;
      /** `at` is a stand-in (another queue system reported its call first): its wait is learned only once `issue_corrected` says the real issue time. */
      inferred?: boolean;
    }
  /** The real issue time of a ticket issued `inferred`, reported after it was called. */
  | { kind: 'issue_corrected'; at: number; ticket: TicketRef; issuedAt: number }
  /**
   * A ticket was called to a counter: it leaves the queue and the counter is busy.
   * `service` is only needed for a ticket the estimator never saw issued (walk-in, appointment):
   * it then keeps the counter busy and marks it as serving that service, but adds no wait history.
   * `counter` may be null when the log does not know which counter took it.
   */
  | {
      kind: 'called';
      at: number;
      ticket: TicketRef;
      counter: CounterRef | null;
      service?: ServiceRef;
      /** Reported late: the counter has served someone since, so it is not busy with this one now. */
      past?: boolean;
    }
  /** Same as `called` for logs that record the start of service separately; a no-op if already called. */
  | { kind: 'service_started'; at: number; ticket: TicketRef; counter: CounterRef | null; service?: ServiceRef }
  /** The counter finished serving this ticket. */
  | { kind: 'ended'; at: number; ticket: TicketRef; counter: CounterRef | null }
  /** The customer gave up (hung up, walked out, no-show before being called). */
  | { kind: 'left'; at: number; ticket: TicketRef }
  /** A counter opened; without `services` it serves every service. */
  | { kind: 'counter_opened'; at: number; counter: CounterRef; services?: readonly ServiceRef[] }
  | { kind: 'counter_paused'; at: number; counter: CounterRef }
  /** A counter's services changed in the configuration (its open/paused/closed state stays); without `services` it serves every service. */
  | { kind: 'counter_services'; at: number; counter: CounterRef; services?: readonly ServiceRef[] }
  | { kind: 'counter_closed'; at: number; counter: CounterRef };

/** Why an estimate is longer than usual; the lobby shows these as short sentences. */
export type ReasonCode = 'fewer_counters' | 'more_arrivals' | 'longer_service';

/** Why the estimator cannot say anything. */
export type UnknownCause =
  /** No counter is open for the service, nor seen serving it recently. */
  | 'no_counter'
  /** Not enough served tickets seen yet to learn from. */
  | 'no_history';

export type WaitEstimate =
  | {
      known: true;
      /** Point estimate of the wait from now until the ticket is called, in seconds. */
      waitSec: number;
      /** 80% range: the wait is expected to fall between these in 8 cases out of 10. */
      p10Sec: number;
      p90Sec: number;
      /** Usual wait for this service at this hour of day, when there is enough history to say. */
      usualSec: number | undefined;
      /** Why it is longer than usual; empty when it is not (or nothing unusual explains it). */
      reasons: ReasonCode[];
    }
  /** Reasons here describe the branch now (e.g. fewer counters than usual) even without a figure. */
  | { known: false; cause: UnknownCause; reasons: ReasonCode[] };

export type WaitingEstimate = {
  ticket: TicketRef;
  service: ServiceRef;
  /** Tickets expected to be called before this one (all services, priorities applied). */
  ahead: number;
  estimate: WaitEstimate;
};

export interface EstimatorOptions {
  /**
   * Seconds of head start per priority level: a ticket of priority p is queued as if it had been
   * issued this many seconds earlier. Default: none (plain first come, first served).
   */
  priorityHeadStartSec?: Readonly<Record<number, number>>;
  /** A counter without an explicit open/pause/close state counts as serving a service if it served it within this window. Default 30 min. */
  activeCounterWindowSec?: number;
  /** Served tickets needed before estimates are given. Default 20. */
  minHistory?: number;
  /** Served tickets of one service before its own model replaces the shared one. Default 150. */
  minServiceHistory?: number;
  /** Forgetting factor of the online regression (1 = never forget; 0.998 ≈ the last 500 tickets). Default 0.998. */
  forgetting?: number;
  /** Tickets waiting longer than this are assumed gone without a log entry. Default 4 h. */
  staleTicketSec?: number;
  /** Service time assumed before any service was seen today, seconds; on the long side. Default 300 (5 min). */
  defaultServiceSec?: number;
  /** Services seen ended today before the "now" estimate is shown while the learned model has too little history. Default 3. */
  minServicesToday?: number;
  /** Local time offset for hour-of-day "usual" figures, minutes east of UTC. Default 0. */
  utcOffsetMin?: number;
}

export interface Estimator {
  /** Feed one event; events must come in time order. O(1) mostly; an issue costs O(waiting²). */
  observe(event: EstimatorEvent): void;
  /** Wait for a ticket issued now for `service` (with optional priority). */
  estimateNew(service: ServiceRef, now: number, priority?: number): WaitEstimate;
  /** Remaining wait of every ticket still waiting, in expected call order. */
  estimateWaiting(now: number): WaitingEstimate[];
  /** What it has learned, as JSON: `createEstimator(sameOptions, saved)` goes on from here. */
  save(): string;
}
