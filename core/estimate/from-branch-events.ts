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
      return [{ kind: 'issued', at: happenedAt(e), ticket: e.ticket.id, service: e.ticket.service }];
    case 'TicketCalled':
      return [{ kind: 'called', at: happenedAt(e), ticket: e.ticketId, counter: e.counterId }];
    // A no-show was called: the counter is free again, like after a (short) service.
    // A transfer frees the counter too; the ticket's wait for its new service is not learnt from.
    case 'TicketTransferred':
      return [{ kind: 'ended', at: e.at, ticket: e.ticketId, counter: e.counterId }];
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
    case 'CounterClosed':
      return [{ kind: 'counter_closed', at: e.at, counter: e.counterId }];
    default:
      return [];
  }
}
