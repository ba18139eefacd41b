/** Wait-time estimation for the lobby screen (issue 3). Pure: no I/O, no Node or DOM APIs. */
export { createEstimator } from './estimator';
export { createBaselines, BASELINES } from './baselines';
export type { BaselineName, BaselineOptions, Baselines } from './baselines';
export type {
  CounterRef,
  Estimator,
  EstimatorEvent,
  EstimatorOptions,
  ReasonCode,
  ServiceRef,
  TicketRef,
  UnknownCause,
  WaitEstimate,
  WaitingEstimate,
} from './types';
export { toEstimatorEvents } from './from-branch-events';
