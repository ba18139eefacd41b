import type { Cause, Effect } from './causes';
import type { ScreenStatus } from './screens';
import type { BranchState } from './state';

/**
 * "All branches at a glance": one row per branch, as the console's live table shows it. Built
 * from the branch state (pure); the server adds the screens. Ages are given as instants, so a
 * client ticks them on its own clock corrected by `serverTime`.
 */
export interface BranchSummary {
  id: string;
  name: string;
  /** The branch's seq when this row was made (the live feed sends a row only when more than this changed). */
  seq: number;
  waiting: number;
  counters: { open: number; total: number };
  /** Active notices, oldest first. */
  notices: { id: string; cause: Cause; effect: Effect; startedAt: number; expectedEndAt: number | null }[];
  /** Per service: who waits, since when the first of them, against its promise. */
  services: { id: string; waiting: number; oldestSince: number | null; promiseMinutes: number | null }[];
  /** The ticket waiting longest in the branch, with its service's promise (null: none waiting). */
  longestWait: { service: string; since: number; promiseMinutes: number | null } | null;
  screens: { total: number; down: number };
}

export function branchSummary(state: BranchState, screens: { total: number; down: number } = { total: 0, down: 0 }): BranchSummary {
  const config = state.config;
  const services = (config?.services ?? []).map((sv) => {
    const queue = state.queues[sv.id] ?? [];
    const first = queue[0] ? state.tickets[queue[0]] : undefined;
    return { id: sv.id, waiting: queue.length, oldestSince: first?.issuedAt ?? null, promiseMinutes: sv.promiseMinutes ?? null };
  });
  const longest = services
    .filter((s) => s.oldestSince !== null)
    .sort((a, b) => a.oldestSince! - b.oldestSince!)[0];
  const counters = Object.values(state.counters);
  return {
    id: state.branchId,
    name: config?.name ?? state.branchId,
    seq: state.seq,
    waiting: services.reduce((n, s) => n + s.waiting, 0),
    counters: { open: counters.filter((c) => c.status === 'open').length, total: counters.length },
    notices: state.notices
      .filter((n) => n.status === 'active')
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((n) => ({ id: n.id, cause: n.cause, effect: n.effect, startedAt: n.startedAt, expectedEndAt: n.expectedEndAt })),
    services,
    longestWait: longest ? { service: longest.id, since: longest.oldestSince!, promiseMinutes: longest.promiseMinutes } : null,
    screens,
  };
}

/** The staff socket (namespace `/staff`, authenticated by the session cookie): server → console. */
export interface ServerToStaff {
  /** On connect: every branch the account may see. */
  overview: (msg: { branches: BranchSummary[]; serverTime: number }) => void;
  /** One branch changed (an event, a screen going up or down). */
  branch: (msg: { summary: BranchSummary; serverTime: number }) => void;
  /** A screen's status changed (report, up/down, paired, renamed, unpaired: `removed`). */
  screen: (msg: { screen: ScreenStatus; removed?: boolean; serverTime: number }) => void;
}

/** The staff socket: console → server. */
export interface StaffToServer {
  /** The screens page of a branch: every report of its screens, not only up and down. */
  'watch-screens': (branchId: string) => void;
}
