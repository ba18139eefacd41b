import { waitingCount, type BranchState, type Notice } from '../../core/client';

/**
 * What a customer of one service needs to know from the branch's state, for the kiosk and the
 * phone ticket: whether the service can be taken now (and if not, why), the notices that touch
 * it, and where a ticket stands. Pure: state in, facts out.
 */

/** Counters configured for `serviceId`. */
function countersOf(state: BranchState, serviceId: string): string[] {
  return (state.config?.counters ?? []).filter((c) => c.services.includes(serviceId)).map((c) => c.id);
}

/** Active notices about the whole branch, this service, or a counter that serves it; newest first. */
export function noticesTouchingService(state: BranchState, serviceId: string): Notice[] {
  const counters = new Set(countersOf(state, serviceId));
  return state.notices
    .filter((n) => n.status === 'active')
    .filter((n) => {
      switch (n.scope.type) {
        case 'branch':
          return true;
        case 'services':
          return n.scope.ids.includes(serviceId);
        case 'counters':
          return n.scope.ids.some((id) => counters.has(id));
      }
    })
    .sort((a, b) => b.startedAt - a.startedAt);
}

export type Availability =
  | { available: true }
  /** A notice says the service is unavailable (its text is the reason). */
  | { available: false; reason: 'notice'; notice: Notice }
  /** No counter that serves it is open. */
  | { available: false; reason: 'no_counter' };

export function serviceAvailability(state: BranchState, serviceId: string): Availability {
  const notice = noticesTouchingService(state, serviceId).find(
    (n) => n.effect === 'service_unavailable' && n.scope.type === 'services' && n.scope.ids.includes(serviceId),
  );
  if (notice) return { available: false, reason: 'notice', notice };
  const open = countersOf(state, serviceId).some((id) => state.counters[id]?.status === 'open');
  return open ? { available: true } : { available: false, reason: 'no_counter' };
}

export type TicketPlace =
  /** `ahead`: tickets of the same service issued before it and still waiting. */
  | { status: 'waiting'; ahead: number }
  | { status: 'called'; counterId: string; recalls: number }
  | { status: 'no_show' }
  /** No longer in the state: served, or given back. */
  | { status: 'gone' };

export function ticketPlace(state: BranchState, ticketId: string): TicketPlace {
  const t = state.tickets[ticketId];
  if (t?.status === 'waiting') {
    const queue = state.queues[t.service] ?? [];
    const i = queue.indexOf(t.id);
    return { status: 'waiting', ahead: i < 0 ? 0 : i };
  }
  if (t?.status === 'called' && t.counterId) return { status: 'called', counterId: t.counterId, recalls: t.recalls };
  if (state.noShows?.[ticketId]) return { status: 'no_show' };
  return { status: 'gone' };
}

/** Tickets waiting for `serviceId` now. */
export function waitingFor(state: BranchState, serviceId: string): number {
  return waitingCount(state, serviceId);
}
