import { createHash } from 'node:crypto';
import type { Db } from './db';

/** How long a reply is kept for retries; a tablet retries within seconds, a day is generous. */
const KEEP_MS = 24 * 3600_000;

export interface StoredReply {
  status: number;
  body: unknown;
}

/**
 * Replies to commands already applied, by Idempotency-Key. Saved in the same transaction as
 * the command's events, so a command is either applied with its reply saved, or not at all.
 */
export class CommandReplies {
  private readonly find;
  private readonly save;
  private readonly purge;

  constructor(db: Db) {
    this.find = db.prepare<[string, string], { request_hash: string; status: number; body: string }>(
      'SELECT request_hash, status, body FROM command_replies WHERE branch_id = ? AND key = ?',
    );
    this.save = db.prepare('INSERT INTO command_replies (branch_id, key, request_hash, status, body, at) VALUES (?, ?, ?, ?, ?, ?)');
    this.purge = db.prepare('DELETE FROM command_replies WHERE at < ?');
  }

  /** The earlier reply, 'mismatch' if the key was used for a different request, or undefined. */
  lookup(branchId: string, key: string, requestHash: string): StoredReply | 'mismatch' | undefined {
    const row = this.find.get(branchId, key);
    if (!row) return undefined;
    if (row.request_hash !== requestHash) return 'mismatch';
    return { status: row.status, body: JSON.parse(row.body) };
  }

  remember(branchId: string, key: string, requestHash: string, reply: StoredReply, now: number): void {
    this.save.run(branchId, key, requestHash, reply.status, JSON.stringify(reply.body), now);
  }

  forgetOlderThan(now: number): void {
    this.purge.run(now - KEEP_MS);
  }
}

/** A request's fingerprint: the same key must come with the same command. */
export function requestHash(method: string, path: string, body: unknown, username: string | null): string {
  return createHash('sha256').update(JSON.stringify([method, path, body ?? null, username])).digest('base64url');
}
