import type { Logger } from 'pino';
import { promiseMoments, type BranchState, type TicketPromise } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { Sql } from '../store/sql';
import type { WebhookDispatcher } from './dispatcher';

/** How often waiting tickets are checked against their service's promise. */
const CHECK_MS = 1_000;
/** A promise passed longer ago than this (the node was down for a day) is history, not news. */
const NEWS_MS = 24 * 3600_000;

/**
 * promise.missed (issue 12): fires the moment a waiting ticket passes its service's promise
 * (core's promiseMoments), not when it is finally called. Once per ticket: every node watches
 * the branches it holds in memory (those with screens or commands; it loads none for this), and
 * the outbox keeps one delivery per (webhook, ticket) — the delivery id is made from the ticket —
 * whichever node queued it first. A branch no node held when its promise passed gets it at the
 * call, under the same id.
 */
export class PromiseWatcher {
  /** Tickets already queued, per branch (forgotten once they leave the queue). */
  private readonly queued = new Map<string, Set<string>>();
  private timer?: ReturnType<typeof setInterval>;
  private running: Promise<void> | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly states: BranchStates,
    private readonly webhooks: WebhookDispatcher,
    private readonly clock: () => number = Date.now,
    private readonly logger?: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), CHECK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Queues promise.missed for every waiting ticket past its promise at `now` and not queued yet. */
  check(now = this.clock()): Promise<void> {
    this.running ??= this.round(now)
      .catch((err) => this.logger?.error({ err }, 'promise check failed'))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async round(now: number): Promise<void> {
    for (const branchId of this.states.loaded()) {
      const state = this.states.peek(branchId);
      if (!state?.config) continue;
      const queued = this.queued.get(branchId) ?? new Set<string>();
      this.queued.set(branchId, queued);
      const waiting = new Set(Object.values(state.queues).flat());
      for (const id of queued) if (!waiting.has(id)) queued.delete(id);
      for (const m of promiseMoments(state)) {
        if (m.passesAt > now) break;
        if (queued.has(m.ticketId) || now - m.passesAt > NEWS_MS) continue;
        await this.sql.tx((tx) => this.webhooks.enqueuePromiseMissed(tx, branchId, m, promiseOf(state, m), state.seq, state.config?.timezone ?? 'UTC'));
        queued.add(m.ticketId);
      }
    }
  }
}

function promiseOf(state: BranchState, m: TicketPromise): { issuedAt: number; promiseMinutes: number } {
  const promiseMinutes = state.config?.services.find((s) => s.id === m.service)?.promiseMinutes ?? 0;
  return { issuedAt: state.tickets[m.ticketId]?.issuedAt ?? m.passesAt - promiseMinutes * 60_000, promiseMinutes };
}
