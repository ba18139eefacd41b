import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import type { User } from './users';
import { Users } from './users';

export const SESSION_COOKIE = 'bb_session';

const hashToken = (t: string) => createHash('sha256').update(t).digest('base64url');

/** Login sessions; only a hash of the token is stored, so a copy of the database opens no session. */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly users: Users,
    private readonly ttlMs: number,
  ) {}

  open(username: string, now: number): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.ttlMs;
    this.db
      .prepare('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(hashToken(token), username, now, expiresAt);
    return { token, expiresAt };
  }

  /** The user behind a token, if the session is still valid. */
  async user(token: string | undefined, now: number): Promise<User | undefined> {
    if (!token) return undefined;
    const row = this.db
      .prepare<[string, number], { username: string }>('SELECT username FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(hashToken(token), now);
    return row ? await this.users.get(row.username) : undefined;
  }

  close(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  purgeExpired(now: number): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }
}
