import { hash, randomFillSync } from 'node:crypto';
import type { Sql } from './sql';

/** A phone ticket's page works this long: past the day it was taken, it has nothing to show. */
const KEEP_MS = 2 * 24 * 3600_000;

export interface TicketLink {
  branchId: string;
  ticketId: string;
  createdAt: number;
  cancelledAt: number | null;
}

const pool = Buffer.alloc(4096);
let poolAt = pool.length;
// One-shot (no Hash object): a ticket's link is hashed in its own transaction.
const hashOf = (token: string): string => hash('sha256', token, 'base64url');

/**
 * The link from a phone ticket's page (/t/<token>) to its ticket. The token is 128 random bits,
 * unrelated to the ticket's number or to the ticket id that public streams carry, so nobody can
 * open (or give back) someone else's ticket by counting. Only its hash is stored.
 */
export class TicketLinks {
  constructor(private readonly sql: Sql) {}

  /** A new token, e.g. "q3V0n2Yw8S1xK5mP7aBc9g" (22 characters, URL-safe). */
  static newToken(): string {
    // 16 bytes of the CSPRNG, drawn from a pool filled 256 tokens at a time (a kernel call a token was measurable at thousands a second).
    if (poolAt + 16 > pool.length) {
      randomFillSync(pool);
      poolAt = 0;
    }
    const token = pool.toString('base64url', poolAt, poolAt + 16);
    poolAt += 16;
    return token;
  }

  static isToken(s: string): boolean {
    return /^[A-Za-z0-9_-]{22}$/.test(s);
  }

  /** Written in the transaction that issues the ticket (`tx`): the link exists exactly when the ticket does. */
  async create(tx: Sql, token: string, branchId: string, ticketId: string, now: number): Promise<void> {
    await tx.run('INSERT INTO ticket_links (token_hash, branch_id, ticket_id, created_at) VALUES (?, ?, ?, ?)', [hashOf(token), branchId, ticketId, now]);
  }

  async find(token: string): Promise<TicketLink | undefined> {
    const row = await this.sql.get<{ branch_id: string; ticket_id: string; created_at: number; cancelled_at: number | null }>(
      'SELECT branch_id, ticket_id, created_at, cancelled_at FROM ticket_links WHERE token_hash = ?',
      [hashOf(token)],
    );
    if (!row) return undefined;
    const cancelledAt = row.cancelled_at === null ? null : Number(row.cancelled_at);
    return { branchId: row.branch_id, ticketId: row.ticket_id, createdAt: Number(row.created_at), cancelledAt };
  }

  /** The customer gave the ticket back: its page says so from now on (the first time counts). In `tx`, the cancel's own transaction. */
  async markCancelled(token: string, now: number, tx: Sql = this.sql): Promise<void> {
    await tx.run('UPDATE ticket_links SET cancelled_at = ? WHERE token_hash = ? AND cancelled_at IS NULL', [now, hashOf(token)]);
  }

  async forgetOlderThan(now: number): Promise<void> {
    await this.sql.run('DELETE FROM ticket_links WHERE created_at < ?', [now - KEEP_MS]);
  }
}
