import { hash } from 'node:crypto';
import type { Sql } from './sql';

/** How long a reply is kept for retries; a tablet retries within seconds, a day is generous. */
const KEEP_MS = 24 * 3600_000;

export interface StoredReply {
  status: number;
  body: unknown;
  /** `body` as JSON, when already at hand: stored and sent as it is, never serialised twice. */
  text?: string;
}

/**
 * Replies to commands already applied, by Idempotency-Key. Saved in the same transaction as
 * the command's events, so a command is either applied with its reply saved, or not at all;
 * (branch, key) is unique, so two nodes racing on one key cannot both apply it.
 */
export class CommandReplies {
  constructor(private readonly sql: Sql) {}

  /** The earlier reply, 'mismatch' if the key was used for a different request, or undefined. */
  async lookup(branchId: string, key: string, requestHash: string, db: Sql = this.sql): Promise<StoredReply | 'mismatch' | undefined> {
    const row = await db.get<{ request_hash: string; status: number; body: string }>(
      'SELECT request_hash, status, body FROM command_replies WHERE branch_id = ? AND key = ?',
      [branchId, key],
    );
    if (!row) return undefined;
    if (row.request_hash !== requestHash) return 'mismatch';
    return { status: Number(row.status), body: JSON.parse(row.body), text: row.body };
  }

  async remember(tx: Sql, branchId: string, key: string, requestHash: string, reply: StoredReply, now: number): Promise<void> {
    await tx.run('INSERT INTO command_replies (branch_id, key, request_hash, status, body, at) VALUES (?, ?, ?, ?, ?, ?)', [
      branchId,
      key,
      requestHash,
      reply.status,
      reply.text ?? JSON.stringify(reply.body),
      now,
    ]);
  }

  async forgetOlderThan(now: number): Promise<void> {
    await this.sql.run('DELETE FROM command_replies WHERE at < ?', [now - KEEP_MS]);
  }
}

/** A request's fingerprint: the same key must come with the same command (one-shot hash: no Hash object a command). */
export function requestHash(method: string, path: string, body: unknown, username: string | null): string {
  return hash('sha256', JSON.stringify([method, path, body ?? null, username]), 'base64url');
}
