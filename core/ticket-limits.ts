import type { TicketLimits } from './branch';

/** Tickets a branch gives out when its manager set no limits (see `TicketLimits`). */
export const DEFAULT_TICKET_LIMITS: Required<TicketLimits> = { perServicePerDay: 1_500, perMinute: 60 };
