import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../store/sql';
import type { User } from './users';
import { Users } from './users';

export const SESSION_COOKIE = 'bb_session';
/** Open sessions one account may have (tablets, a phone, the console): the oldest goes first. */
export const MAX_SESSIONS_PER_ACCOUNT = 10;

const hashToken = (t: string) => createHash('sha256').update(t).digest('base64url');

/** A session as the console lists it: never the token, nor its hash. */
export interface SessionInfo {
  /** Public id, to revoke it by. */
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string | null;
  address: string | null;
}

interface SessionRow {
  id: string;
  created_at: number;
  last_seen_at: number | null;
  expires_at: number;
  user_agent: string | null;
  address: string | null;
}

/** "Last seen" is written at most this often per session, not on every request. */
const SEEN_EVERY_MS = 60_000;

/**
 * Login sessions, on the engine-neutral `Sql` (shared by every node on PostgreSQL, so a login on
 * one node is valid on all); only a hash of the token is stored, so a copy of the database opens no session.
 */
export class Sessions {
  constructor(
    private readonly sql: Sql,
    private readonly users: Users,
    private readonly ttlMs: number,
  ) {}

  async open(username: string, now: number, from: { userAgent?: string; address?: string } = {}): Promise<{ token: string; id: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const id = randomBytes(9).toString('base64url');
    const expiresAt = now + this.ttlMs;
    await this.sql.tx(async (tx) => {
      await tx.run('INSERT INTO sessions (token_hash, username, created_at, expires_at, id, user_agent, address, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        hashToken(token),
        username,
        now,
        expiresAt,
        id,
        from.userAgent?.slice(0, 200) ?? null,
        from.address ?? null,
        now,
      ]);
      // Unlimited sessions per account would let a leaked password pile up logins unseen.
      await tx.run(
        `DELETE FROM sessions WHERE username = ? AND token_hash NOT IN
           (SELECT token_hash FROM sessions WHERE username = ? ORDER BY created_at DESC, id LIMIT ?)`,
        [username, username, MAX_SESSIONS_PER_ACCOUNT],
      );
    });
    return { token, id, expiresAt };
  }

  /** The user behind a token, if the session is still valid; notes when it was last used. */
  async user(token: string | undefined, now: number): Promise<(User & { sessionId: string }) | undefined> {
    if (!token || token.length > 100) return undefined;
    const h = hashToken(token);
    const row = await this.sql.get<{ username: string; id: string; last_seen_at: number | null }>(
      'SELECT username, id, last_seen_at FROM sessions WHERE token_hash = ? AND expires_at > ?',
      [h, now],
    );
    if (!row) return undefined;
    if (Number(row.last_seen_at ?? 0) + SEEN_EVERY_MS <= now) await this.sql.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [now, h]);
    const user = await this.users.get(row.username);
    return user ? { ...user, sessionId: row.id } : undefined;
  }

  async close(token: string | undefined): Promise<void> {
    if (token) await this.sql.run('DELETE FROM sessions WHERE token_hash = ?', [hashToken(token)]);
  }

  /** The account's open sessions, newest first. */
  async list(username: string, now: number): Promise<SessionInfo[]> {
    const rows = await this.sql.all<SessionRow>(
      'SELECT id, created_at, last_seen_at, expires_at, user_agent, address FROM sessions WHERE username = ? AND expires_at > ? ORDER BY created_at DESC, id',
      [username, now],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: Number(r.created_at),
      lastSeenAt: Number(r.last_seen_at ?? r.created_at),
      expiresAt: Number(r.expires_at),
      userAgent: r.user_agent,
      address: r.address,
    }));
  }

  /** Ends one session of the account; false when it has no such session. */
  async revoke(username: string, id: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM sessions WHERE username = ? AND id = ?', [username, id])).changes > 0;
  }

  /** Ends every session of the account (password reset, account disabled); returns how many. */
  async revokeAll(username: string): Promise<number> {
    return (await this.sql.run('DELETE FROM sessions WHERE username = ?', [username])).changes;
  }

  async purgeExpired(now: number): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
  }
}
