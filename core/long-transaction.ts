import type { EventPayload } from './events';
import type { BranchState } from './state';

/**
 * A customer at a counter for much longer than usual for their service: the teller's tablet offers
 * to tell the room. "Much longer" is 2.5 × the branch's usual service time for that service (and at
 * least 5 minutes more), or a default when there is no history yet.
 */
export const LONG_TRANSACTION_DEFAULT_SEC = 20 * 60;
export const LONG_TRANSACTION_RATIO = 2.5;
const LONG_TRANSACTION_MIN_EXTRA_SEC = 5 * 60;

/** Seconds at the counter after which a transaction counts as long, given the usual service time if known. */
export function longTransactionAfterSec(usualSec?: number): number {
  if (usualSec === undefined || !(usualSec > 0)) return LONG_TRANSACTION_DEFAULT_SEC;
  return Math.round(Math.max(LONG_TRANSACTION_RATIO * usualSec, usualSec + LONG_TRANSACTION_MIN_EXTRA_SEC));
}

export interface LongTransaction {
  counterId: string;
  ticketId: string;
  number: string;
  service: string;
  /** Since when the customer is at the counter. */
  since: number;
  afterSec: number;
  /** A long_transaction notice for this counter is already up. */
  announced: boolean;
}

/** The long transaction at a counter now, if its customer has been there longer than `afterSec` for their service. */
export function longTransactionAt(
  state: BranchState,
  counterId: string,
  now: number,
  usualSec: Readonly<Record<string, number | undefined>> = {},
): LongTransaction | null {
  const id = state.counters[counterId]?.ticketId;
  const t = id ? state.tickets[id] : undefined;
  if (!t || t.calledAt === null) return null;
  const afterSec = longTransactionAfterSec(usualSec[t.service]);
  if (now - t.calledAt < afterSec * 1000) return null;
  const announced = longTransactionNotices(state, counterId).length > 0;
  return { counterId, ticketId: t.id, number: t.number, service: t.service, since: t.calledAt, afterSec, announced };
}

/** Active long_transaction notices about this counter alone: they end with the service at it. */
export function longTransactionNotices(state: BranchState, counterId: string): string[] {
  return state.notices
    .filter((n) => n.status === 'active' && n.cause === 'long_transaction' && n.scope.type === 'counters' && n.scope.ids.length === 1 && n.scope.ids[0] === counterId)
    .map((n) => n.id);
}

/** The events that close a counter's long-transaction notices when the customer at it leaves. */
export function endLongTransaction(state: BranchState, counterId: string): EventPayload[] {
  return longTransactionNotices(state, counterId).map((noticeId) => ({ type: 'NoticeResolved' as const, noticeId, text: null, apologise: false }));
}
