import type { BranchConfig } from './branch';
import type { BranchState } from './state';
import { localDay } from './time';

/**
 * How many counters are open against the branch's plan. The plan is every counter of the branch
 * during its opening hours. Without opening hours in the configuration, the branch counts as open
 * while a counter is open or paused or someone waits: the lobby must not call a branch at full
 * strength when three of four counters are shut and people wait, but neither complain at night.
 */
export interface Capacity {
  /** Counters open now, and how many the plan has. */
  open: number;
  planned: number;
  paused: number;
  closed: number;
  /** Whether the branch is within its opening hours; null when it has none configured. */
  duringHours: boolean | null;
  /** Fewer counters open than planned while the branch is open. */
  belowPlan: boolean;
}

export function capacity(state: BranchState, now: number): Capacity {
  const config = state.config;
  const counters = Object.values(state.counters);
  const open = counters.filter((c) => c.status === 'open').length;
  const paused = counters.filter((c) => c.status === 'paused').length;
  const closed = counters.length - open - paused;
  const duringHours = config ? withinOpeningHours(config, now) : null;
  const waiting = Object.values(state.queues).reduce((n, q) => n + q.length, 0) + Object.values(state.hiddenWaiting ?? {}).reduce((n, h) => n + h, 0);
  const operating = duringHours ?? (open + paused > 0 || waiting > 0);
  const planned = counters.length;
  return { open, planned, paused, closed, duringHours, belowPlan: operating && open < planned };
}

/** Counters open for one service, and how many serve it in the plan. */
export function serviceCapacity(state: BranchState, service: string): { open: number; planned: number } {
  const serving = (state.config?.counters ?? []).filter((c) => c.services.includes(service));
  return { open: serving.filter((c) => state.counters[c.id]?.status === 'open').length, planned: serving.length };
}

/** Opening hours as the console stores them (contract 5); read structurally until the type lands. */
interface HoursLike {
  weekly: Partial<Record<string, { open: string; close: string }[]>>;
  closed?: { date: string }[];
  exceptions?: { date: string; intervals: { open: string; close: string }[] }[];
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Whether `now` falls in the branch's opening hours (local time); null without hours. */
export function withinOpeningHours(config: BranchConfig, now: number): boolean | null {
  const hours = (config as BranchConfig & { hours?: HoursLike }).hours;
  if (!hours) return null;
  const date = localDay(now, config.timezone);
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: config.timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  if (hours.closed?.some((c) => c.date === date)) return false;
  const exception = hours.exceptions?.find((e) => e.date === date);
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!;
  const intervals = exception ? exception.intervals : (hours.weekly[weekday] ?? []);
  return intervals.some((i) => i.open <= hhmm && hhmm < i.close);
}
