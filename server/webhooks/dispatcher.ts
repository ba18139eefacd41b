import type { Logger } from 'pino';
import { GTFS_CAUSE, GTFS_EFFECT, isoLocal, type HistoryChanges, type HistorySignal, type NoticeRecord, type TicketPromise } from '../../core';
import type { Sql } from '../store/sql';
import { deliver, DELIVERY_TIMEOUT_MS, type DeliveryResult } from './deliver';
import { deliveryId, type WebhookStore } from './webhook-store';

/** After this many failed attempts a delivery is given up (the console can still resend it). */
export const MAX_ATTEMPTS = 10;
/** Backoff cap between attempts. */
const MAX_BACKOFF_MS = 3600_000;
/** Events older than this when folded (a rebuild of the read models) are history, not news: not sent. */
const NEWS_MS = 24 * 3600_000;
const POLL_MS = 1_000;
const BATCH = 20;

export interface DispatcherOptions {
  allowLocal: boolean;
  /** The first retry waits this long; each next one twice as long (with ±20% jitter), up to an hour. */
  retryBaseMs: number;
  clock?: () => number;
  /**
   * Called when the read models' hook queued something, instead of sending from here: the
   * history thread queues in its transaction and tells the node's dispatcher (which sends).
   */
  queued?: () => void;
}

/**
 * The webhook outbox: signals from the read models (notice posted / updated / resolved, promise
 * missed, screen down) become deliveries in the same transaction as the rows they came from, so
 * a restart loses none; a poller sends what is due, retrying with backoff.
 */
export class WebhookDispatcher {
  private timer?: ReturnType<typeof setInterval>;
  private running: Promise<void> | null = null;
  private readonly clock: () => number;

  constructor(
    private readonly store: WebhookStore,
    private readonly opts: DispatcherOptions,
    private readonly logger?: Logger,
  ) {
    this.clock = opts.clock ?? Date.now;
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends what is due now (again later if more is due than one round takes). */
  kick(): void {
    if (this.running) return;
    this.running = this.round()
      .catch((err) => this.logger?.error({ err }, 'webhook round failed'))
      .finally(() => (this.running = null));
  }

  /** The read models' hook: one delivery per subscribed webhook and signal, in their transaction. */
  readonly enqueue = async (tx: Sql, branchId: string, changes: HistoryChanges, timezone = 'UTC'): Promise<void> => {
    const now = this.clock();
    for (const s of changes.signals) {
      if (now - s.at > NEWS_MS) continue;
      for (const hook of await this.store.subscribers(tx, branchId, s.type, s.at)) {
        // A missed promise is queued when it passes (PromiseWatcher); at the call only if that was missed (a node down then): one key per ticket.
        const id = s.type === 'promise.missed' ? promiseDeliveryId(hook.id, branchId, s.ticket.id) : deliveryId(hook.id, branchId, s.seq, s.type);
        await this.store.enqueue(tx, { id, webhookId: hook.id, branchId, event: s.type, body: JSON.stringify(payload(id, branchId, s, timezone)) }, now);
      }
    }
    if (changes.signals.length) setImmediate(() => (this.opts.queued ? this.opts.queued() : this.kick()));
  };

  /** promise.missed at the moment a waiting ticket passes its service's promise (PromiseWatcher). */
  async enqueuePromiseMissed(
    tx: Sql,
    branchId: string,
    m: TicketPromise,
    p: { issuedAt: number; promiseMinutes: number },
    seq: number,
    timezone: string,
  ): Promise<void> {
    const hooks = await this.store.subscribers(tx, branchId, 'promise.missed', m.passesAt);
    for (const hook of hooks) {
      const id = promiseDeliveryId(hook.id, branchId, m.ticketId);
      const body = {
        id,
        type: 'promise.missed',
        branchId,
        seq,
        occurredAt: isoLocal(m.passesAt, timezone),
        data: { ticket: { number: m.number, service: m.service, issuedAt: isoLocal(p.issuedAt, timezone), calledAt: null, counter: null }, promiseMinutes: p.promiseMinutes, waitedMinutes: p.promiseMinutes },
      };
      await this.store.enqueue(tx, { id, webhookId: hook.id, branchId, event: 'promise.missed', body: JSON.stringify(body) }, this.clock());
    }
    if (hooks.length) setImmediate(() => this.kick());
  }

  /** Queues an event that does not come from the log (a screen going quiet). */
  async enqueueDirect(tx: Sql, branchId: string, event: 'screen.down', key: string, data: Record<string, unknown>, at: number): Promise<void> {
    for (const hook of await this.store.subscribers(tx, branchId, event, at)) {
      const id = deliveryId(hook.id, branchId, 0, `${event}|${key}`);
      const body = { id, type: event, branchId, occurredAt: new Date(at).toISOString(), data };
      await this.store.enqueue(tx, { id, webhookId: hook.id, branchId, event, body: JSON.stringify(body) }, this.clock());
    }
    setImmediate(() => this.kick());
  }

  private async round(): Promise<void> {
    for (;;) {
      const now = this.clock();
      const due = await this.store.due(now, BATCH);
      if (!due.length) return;
      await Promise.all(
        due.map(async (d) => {
          // Held for longer than a delivery can take: if this node dies mid-send, another retries it.
          if (!(await this.store.lease(d.id, d.nextAt, now + DELIVERY_TIMEOUT_MS * 3))) return;
          const hook = await this.store.get(d.webhookId);
          const secret = await this.store.secretOf(d.webhookId);
          if (!hook || !secret) return;
          const r: DeliveryResult = await deliver(hook.url, d.body, { secret, deliveryId: d.id, event: d.event }, this.opts.allowLocal, this.clock());
          const attempts = d.attempts + 1;
          if (r.ok) return this.store.delivered(d.id, attempts, r.status, r.response, this.clock());
          const nextAt = attempts >= MAX_ATTEMPTS ? null : this.clock() + backoff(attempts, this.opts.retryBaseMs);
          this.logger?.warn({ delivery: d.id, url: hook.url, attempts, error: r.error }, 'webhook delivery failed');
          return this.store.failedAttempt(d.id, attempts, nextAt, r.status, r.error, r.response);
        }),
      );
      if (due.length < BATCH) return;
    }
  }
}

/** One promise.missed per webhook and ticket, whichever node or path queues it (the outbox keeps the first). */
function promiseDeliveryId(webhookId: string, branchId: string, ticketId: string): string {
  return deliveryId(webhookId, branchId, 0, `promise.missed|${ticketId}`);
}

export function backoff(attempts: number, baseMs: number): number {
  const ms = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempts - 1));
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}

/** What a receiver gets: the event, its time and the thing it is about. No staff names: receivers are other systems. */
function payload(id: string, branchId: string, s: HistorySignal, tz: string) {
  const base = { id, type: s.type, branchId, seq: s.seq, occurredAt: isoLocal(s.at, tz) };
  if (s.type === 'promise.missed') {
    const t = s.ticket;
    return {
      ...base,
      data: { ticket: { number: t.number, service: t.service, issuedAt: isoLocal(t.issuedAt, tz), calledAt: t.calledAt ? isoLocal(t.calledAt, tz) : null, counter: t.counterId }, promiseMinutes: t.promiseMinutes, waitedMinutes: s.waitedMinutes },
    };
  }
  return { ...base, data: { notice: publicNotice(s.notice, tz) } };
}

function publicNotice(n: NoticeRecord, tz: string) {
  const iso = (at: number | null) => (at === null ? null : isoLocal(at, tz));
  return {
    id: n.id,
    cause: n.cause,
    effect: n.effect,
    gtfsCause: GTFS_CAUSE[n.cause],
    gtfsEffect: GTFS_EFFECT[n.effect],
    scope: n.scope,
    services: n.services,
    text: n.updates.reduce((t, u) => u.text ?? t, n.text),
    apologise: n.apologise,
    startedAt: iso(n.startedAt),
    expectedEndAt: iso(n.expectedEndAt),
    endedAt: iso(n.endedAt),
    updates: n.updates.length,
    resolution: n.resolution,
    customersTouched: n.touched,
  };
}
