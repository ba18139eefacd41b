import type { Db } from '../store/db';

export type Role = 'manager' | 'teller';

export interface User {
  username: string;
  name: string;
  role: Role;
  branches: string[];
}

interface UserRow {
  username: string;
  name: string;
  role: Role;
  password_hash: string;
  branches: string;
}

export class Users {
  constructor(private readonly db: Db) {}

  create(user: User, passwordHash: string, now: number): void {
    this.db
      .prepare('INSERT INTO users (username, name, role, password_hash, branches, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(user.username, user.name, user.role, passwordHash, JSON.stringify(user.branches), now);
  }

  /** The user and their password hash, for login. */
  withHash(username: string): { user: User; hash: string } | undefined {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
    return row ? { user: toUser(row), hash: row.password_hash } : undefined;
  }

  get(username: string): User | undefined {
    return this.withHash(username)?.user;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }
}

function toUser(r: UserRow): User {
  return { username: r.username, name: r.name, role: r.role, branches: JSON.parse(r.branches) };
}

/** Whether a user may act on a branch: staff are bound to their branches. */
export function mayActOn(user: User, branchId: string): boolean {
  return user.branches.includes(branchId) || user.branches.includes('*');
}
