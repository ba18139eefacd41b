import { happenedAt } from '../event-time';
import type { BranchEvent } from '../events';
import type { BranchState } from '../state';
import type { EstimatorEvent } from './types';

/**
 * What a branch event tells the wait estimator. `branch` is a state holding the branch's
 * configuration, where a counter's services come from.
 */
export function toEstimatorEvents(e: BranchEvent, branch: BranchState): EstimatorEvent[] {
  switch (e.type) {
    case 'TicketIssued':
      return [{ kind: 'issued', at: happenedAt(e), ticket: e.ticket.id, service: e.ticket.service, ...(e.inferred ? { inferred: true } : {}) }];
    case 'TicketIssueCorrected':
      return [{ kind: 'issue_corrected', at: e.at, ticket: e.ticketId, issuedAt: e.issuedAt }];
    case 'TicketCalled':
      return [{ kind: 'called', at: happenedAt(e), ticket: e.ticketId, counter: e.counterId, ...(e.overtaken ? { past: true } : {}) }];
    // A no-show was called: the counter is free again, like after a (short) service.
    case 'ServiceEnded':
    case 'TicketNoShow':
      return [{ kind: 'ended', at: happenedAt(e), ticket: e.ticketId, counter: e.counterId }];
    // Back to waiting for another service: the counter is free, the ticket queues again (its wait
    // from here is what a customer sent on waits; the estimator does not keep the earlier place).
    case 'TicketTransferred':
      return [
        { kind: 'ended', at: e.at, ticket: e.ticketId, counter: e.counterId },
        { kind: 'issued', at: e.at, ticket: e.ticketId, service: e.service },
      ];
    case 'TicketCancelled':
      return [{ kind: 'left', at: e.at, ticket: e.ticketId }];
    case 'CounterOpened': {
      const services = branch.config?.counters.find((c) => c.id === e.counterId)?.services;
      return [{ kind: 'counter_opened', at: e.at, counter: e.counterId, ...(services ? { services } : {}) }];
    }
    case 'CounterPaused':
      return [{ kind: 'counter_paused', at: e.at, counter: e.counterId }];
    // A service added to (or taken from) a counter already open counts for it at once, not from
    // its next opening: the event itself says the new services (`branch` may be a later state).
    case 'CounterUpserted':
      return [{ kind: 'counter_services', at: e.at, counter: e.counter.id, services: e.counter.services }];
    case 'ServiceUpserted':
    case 'ServiceRemoved':
    case 'BranchConfigured':
      return servicesAfter(e, branch).map(([counter, services]) => ({ kind: 'counter_services' as const, at: e.at, counter, services }));
    case 'CounterRemoved':
      return [{ kind: 'counter_closed', at: e.at, counter: e.counterId }];
    case 'CounterClosed':
      return [{ kind: 'counter_closed', at: e.at, counter: e.counterId }];
    default:
      return [];
  }
}

/**
 * Each counter's services after a service or whole-configuration change, from the event where it
 * says them and from the counters' other services in `branch` (a service's own change touches only it).
 */
function servicesAfter(
  e: Extract<BranchEvent, { type: 'ServiceUpserted' | 'ServiceRemoved' | 'BranchConfigured' }>,
  branch: BranchState,
): [string, string[]][] {
  if (e.type === 'BranchConfigured') return e.config.counters.map((c) => [c.id, [...c.services]]);
  const counters = branch.config?.counters ?? [];
  if (e.type === 'ServiceRemoved') return counters.map((c) => [c.id, c.services.filter((s) => s !== e.serviceId)]);
  const id = e.service.id;
  const wanted = e.counters;
  if (!wanted) return [];
  return counters.map((c) => {
    const others = c.services.filter((s) => s !== id);
    return [c.id, wanted.includes(c.id) ? [...others, id] : others];
  });
}
