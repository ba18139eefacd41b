import {
  CAUSES,
  pickText,
  type BranchConfig,
  type BranchState,
  type Cause,
  type CounterConfig,
  type CounterState,
  type Preset,
  type Ticket,
  waitingCount,
} from '../../core/client';
import { t, type Language } from '../../ui/i18n/localize';

/**
 * What the tablet reads out of a branch's live state. Pure functions, so every element words
 * the same thing the same way.
 */

export interface CounterView {
  config: CounterConfig;
  state: CounterState;
  current: Ticket | null;
}

export function counterView(state: BranchState, counterId: string): CounterView | null {
  const config = state.config?.counters.find((c) => c.id === counterId);
  const cs = state.counters[counterId];
  if (!config || !cs) return null;
  const current = cs.ticketId ? (state.tickets[cs.ticketId] ?? null) : null;
  return { config, state: cs, current };
}

/** Text of a LocalText in the tablet's language, then the branch's languages. */
export function local(config: BranchConfig | null, text: Record<string, string>, lang: Language): string {
  return pickText(text, lang, config?.languages ?? []);
}

export function counterName(config: BranchConfig, counterId: string, lang: Language): string {
  const c = config.counters.find((x) => x.id === counterId);
  return c ? local(config, c.name, lang) : counterId;
}

export function serviceName(config: BranchConfig, serviceId: string, lang: Language): string {
  const s = config.services.find((x) => x.id === serviceId);
  return s ? local(config, s.name, lang) : serviceId;
}

export interface Waiting {
  total: number;
  perService: { id: string; count: number }[];
}

/** How many wait for the services a counter serves (each ticket counted once). */
export function waitingFor(state: BranchState, services: readonly string[]): Waiting {
  const perService = [...new Set(services)].map((id) => ({ id, count: waitingCount(state, id) }));
  return { total: perService.reduce((n, s) => n + s.count, 0), perService };
}

/** The counter's status in words: open / paused until HH:MM / closed. */
/** A counter's status as the tablet says it; `now` (server time) says a "back at" that has passed is late, as the lobby does. */
export function statusText(cs: CounterState, lang: Language, clock: (at: number) => string, now?: number): string {
  if (cs.status === 'open') return t(lang, 'common.status.open');
  if (cs.status === 'closed') return t(lang, 'common.status.closed');
  if (cs.backAt !== null && now !== undefined && now >= cs.backAt) return t(lang, 'causes.pausedLate', { time: clock(cs.backAt) });
  return cs.backAt !== null ? t(lang, 'tablet.status.pausedUntil', { time: clock(cs.backAt) }) : t(lang, 'tablet.status.pausedUnknown');
}

/** Presets grouped by cause, causes in their fixed order, presets in the manager's order. */
export function presetsByCause(presets: readonly Preset[]): { cause: Cause; presets: Preset[] }[] {
  return CAUSES.map((cause) => ({ cause, presets: presets.filter((p) => p.cause === cause) })).filter((g) => g.presets.length > 0);
}
