import { withinOpeningHours, type BranchState } from '../core/client';
import { serviceAvailability } from '../ui/queue/service-facts';
import { nextOpening } from '../ui/time/next-opening';

/**
 * Whether the kiosk can give tickets now, and if not why — said on the screen instead of
 * "Tap the service you need" over an empty list:
 * - `closed`: outside the branch's opening hours (when it opens next, if its hours say);
 * - `none`: open, but no service can be served (`no_services`: none set up; `no_counter`: no
 *   counter open for any; `notice`: a notice made some unavailable — each says its reason).
 */
export type KioskAvailability =
  | { kind: 'open' }
  | { kind: 'closed'; opensAt: number | null }
  | { kind: 'none'; reason: 'no_services' | 'no_counter' | 'notice' };

export function kioskAvailability(state: BranchState, now: number): KioskAvailability {
  const config = state.config;
  if (!config) return { kind: 'none', reason: 'no_services' };
  if (withinOpeningHours(config, now) === false) return { kind: 'closed', opensAt: nextOpening(config, now) };
  if (config.services.length === 0) return { kind: 'none', reason: 'no_services' };
  const each = config.services.map((s) => serviceAvailability(state, s.id));
  if (each.some((a) => a.available)) return { kind: 'open' };
  return { kind: 'none', reason: each.some((a) => !a.available && a.reason === 'notice') ? 'notice' : 'no_counter' };
}
