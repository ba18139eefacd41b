import { createHash, randomUUID } from 'node:crypto';
import type { Sql } from '../store/sql';

export const WEBHOOK_EVENTS = ['notice.posted', 'notice.updated', 'notice.resolved', 'promise.missed', 'screen.down'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  /** null: the admin's, for every branch. */
  branchId: string | null;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdBy: string;
  createdAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  id: string;
  webhookId: string;
  branchId: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  nextAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  lastResponse: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

interface HookRow {
  id: string;
  branch_id: string | null;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_by: string;
  created_at: number | string;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  branch_id: string;
  event: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_at: number | string | null;
  last_status: number | null;
  last_error: string | null;
  last_response: string | null;
  created_at: number | string;
  delivered_at: number | string | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function toHook(r: HookRow): Webhook {
  return {
    id: r.id,
    branchId: r.branch_id,
    url: r.url,
    events: JSON.parse(r.events) as WebhookEvent[],
    active: Number(r.active) === 1,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
  };
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    branchId: r.branch_id,
    event: r.event,
    status: r.status,
    attempts: Number(r.attempts),
    nextAt: num(r.next_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastResponse: r.last_response,
    createdAt: Number(r.created_at),
    deliveredAt: num(r.delivered_at),
  };
}

/** A delivery's id, the same however often the read models fold the event: the outbox takes it once. */
export function deliveryId(webhookId: string, branchId: string, seq: number, event: string): string {
  const h = createHash('sha256').update(`${webhookId}|${branchId}|${seq}|${event}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Webhooks and their durable outbox, on the engine-neutral `Sql`. */
export class WebhookStore {
  constructor(private readonly sql: Sql) {}

  async put(h: Omit<Webhook, 'createdAt' | 'active'> & { secret: string; active?: boolean }, now: number): Promise<Webhook> {
    await this.sql.run(
      `INSERT INTO webhooks (id, branch_id, url, secret, events, active, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret, events = excluded.events, active = excluded.active`,
      [h.id, h.branchId, h.url, h.secret, JSON.stringify(h.events), h.active === false ? 0 : 1, h.createdBy, now],
    );
    return (await this.get(h.id))!;
  }

  async get(id: string): Promise<Webhook | undefined> {
    const r = await this.sql.get<HookRow>('SELECT * FROM webhooks WHERE id = ?', [id]);
    return r ? toHook(r) : undefined;
  }

  async secretOf(id: string): Promise<string | undefined> {
    return (await this.sql.get<{ secret: string }>('SELECT secret FROM webhooks WHERE id = ?', [id]))?.secret;
  }

  /** A branch's own webhooks; with `withAdmin`, the admin's (every branch) too. */
  async list(branchId: string | null, withAdmin = false): Promise<Webhook[]> {
    const rows =
      branchId === null
        ? await this.sql.all<HookRow>('SELECT * FROM webhooks WHERE branch_id IS NULL ORDER BY created_at, id')
        : await this.sql.all<HookRow>(
            `SELECT * FROM webhooks WHERE branch_id = ?${withAdmin ? ' OR branch_id IS NULL' : ''} ORDER BY created_at, id`,
            [branchId],
          );
    return rows.map(toHook);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.sql.tx(async (tx) => {
      await tx.run('DELETE FROM webhook_deliveries WHERE webhook_id = ?', [id]);
      return tx.run('DELETE FROM webhooks WHERE id = ?', [id]);
    })).changes > 0;
  }

  /** Active webhooks that want `event` from the branch, made before `at` (older events are history, not news). */
  async subscribers(tx: Sql, branchId: string, event: string, at: number): Promise<(Webhook & { secret: string })[]> {
    const rows = await tx.all<HookRow>('SELECT * FROM webhooks WHERE (branch_id = ? OR branch_id IS NULL) AND active = 1 AND created_at <= ?', [branchId, at]);
    return rows.map((r) => ({ ...toHook(r), secret: r.secret })).filter((h) => h.events.includes(event as WebhookEvent));
  }

  /** Puts a delivery in the outbox (in the caller's transaction); the same id twice is taken once. */
  async enqueue(tx: Sql, d: { id: string; webhookId: string; branchId: string; event: string; body: string }, now: number): Promise<void> {
    await tx.run(
      `INSERT INTO webhook_deliveries (id, webhook_id, branch_id, event, body, status, attempts, next_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [d.id, d.webhookId, d.branchId, d.event, d.body, now, now],
    );
  }

  /** Deliveries due now, oldest first. */
  async due(now: number, limit: number): Promise<(Delivery & { body: string; nextAt: number })[]> {
    const rows = await this.sql.all<DeliveryRow>(
      "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?",
      [now, limit],
    );
    return rows.map((r) => ({ ...toDelivery(r), body: r.body, nextAt: Number(r.next_at) }));
  }

  /**
   * Takes a due delivery for this node until `leaseUntil` (compare-and-set on its next time): two
   * nodes never send it at once, and one that dies mid-send leaves it to be retried.
   */
  async lease(id: string, seenNextAt: number, leaseUntil: number): Promise<boolean> {
    const r = await this.sql.run("UPDATE webhook_deliveries SET next_at = ? WHERE id = ? AND status = 'pending' AND next_at = ?", [leaseUntil, id, seenNextAt]);
    return r.changes === 1;
  }

  async delivered(id: string, attempts: number, status: number | null, response: string | null, now: number): Promise<void> {
    await this.sql.run(
      "UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, next_at = NULL, last_status = ?, last_error = NULL, last_response = ?, delivered_at = ? WHERE id = ?",
      [attempts, status, response, now, id],
    );
  }

  async failedAttempt(id: string, attempts: number, nextAt: number | null, status: number | null, error: string | null, response: string | null): Promise<void> {
    await this.sql.run(
      'UPDATE webhook_deliveries SET status = ?, attempts = ?, next_at = ?, last_status = ?, last_error = ?, last_response = ? WHERE id = ?',
      [nextAt === null ? 'failed' : 'pending', attempts, nextAt, status, error, response, id],
    );
  }

  async deliveries(webhookId: string, limit: number): Promise<Delivery[]> {
    const rows = await this.sql.all<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id LIMIT ?', [webhookId, limit]);
    return rows.map(toDelivery);
  }

  async delivery(id: string): Promise<(Delivery & { body: string }) | undefined> {
    const r = await this.sql.get<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = ?', [id]);
    return r ? { ...toDelivery(r), body: r.body } : undefined;
  }

  /** Sends a delivery again now, whatever became of it (the receiver dedupes by its id). */
  async resend(id: string, now: number): Promise<boolean> {
    return (await this.sql.run("UPDATE webhook_deliveries SET status = 'pending', next_at = ? WHERE id = ?", [now, id])).changes === 1;
  }
}

export const newWebhookId = () => randomUUID();
