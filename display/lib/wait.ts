import type { ReasonCode } from '../../core/client';
import type { MessageKey } from '../../ui/i18n/localize';

/** How a wait reads (shared with the kiosk and the phone ticket): ui/time/wait-words.ts. */
export { waitWords, type WaitWords } from '../../ui/time/wait-words';

/** The sentence for each reason a wait is longer than usual. */
export const REASON_MESSAGE: Record<ReasonCode, MessageKey> = {
  fewer_counters: 'lobby.reasonFewerCounters',
  more_arrivals: 'lobby.reasonMoreArrivals',
  longer_service: 'lobby.reasonLongerService',
};
