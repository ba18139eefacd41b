import type { StaffAccount, StaffRole } from '../../core';
import type { Sql } from '../store/sql';

export type Role = StaffRole;

/** The account behind a live session: what routes check rights against. */
export interface User {
  username: string;
  name: string;
  role: Role;
  /** Branches the account is bound to; an admin's rights do not depend on it (every branch). */
  branches: string[];
}

interface UserRow {
  username: string;
  name: string;
  role: Role;
  password_hash: string;
  branches: string;
  created_at: number;
  disabled: number;
  last_login_at: number | null;
}

/**
 * Staff accounts on the engine-neutral `Sql`. A disabled account cannot log in and its sessions
 * stop working at once (the session check reads the account, and disabling deletes its sessions).
 */
export class Users {
  constructor(private readonly sql: Sql) {}

  /** False when the username is taken. */
  async create(user: User, passwordHash: string, now: number, db: Sql = this.sql): Promise<boolean> {
    const r = await db.run(
      `INSERT INTO users (username, name, role, password_hash, branches, created_at, disabled)
       VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (username) DO NOTHING`,
      [user.username, user.name, user.role, passwordHash, JSON.stringify(user.branches), now],
    );
    return r.changes === 1;
  }

  /** An enabled account and its password hash, for login; a disabled one is as good as unknown. */
  async withHash(username: string): Promise<{ user: User; hash: string } | undefined> {
    const row = await this.row(username);
    return row && !row.disabled ? { user: toUser(row), hash: row.password_hash } : undefined;
  }

  /** An enabled account (sessions of a disabled one are worth nothing). */
  async get(username: string): Promise<User | undefined> {
    const row = await this.row(username);
    return row && !row.disabled ? toUser(row) : undefined;
  }

  /** Any account, disabled or not, as the console shows it. */
  async account(username: string, db: Sql = this.sql): Promise<StaffAccount | undefined> {
    const row = await this.row(username, db);
    return row ? toAccount(row) : undefined;
  }

  async list(): Promise<StaffAccount[]> {
    const rows = await this.sql.all<UserRow>('SELECT * FROM users ORDER BY username');
    return rows.map(toAccount);
  }

  async update(username: string, patch: { name?: string; role?: Role; branches?: string[]; disabled?: boolean }, db: Sql = this.sql): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (patch.name !== undefined) sets.push('name = ?'), params.push(patch.name);
    if (patch.role !== undefined) sets.push('role = ?'), params.push(patch.role);
    if (patch.branches !== undefined) sets.push('branches = ?'), params.push(JSON.stringify(patch.branches));
    if (patch.disabled !== undefined) sets.push('disabled = ?'), params.push(patch.disabled ? 1 : 0);
    if (!sets.length) return;
    await db.tx(async (tx) => {
      await tx.run(`UPDATE users SET ${sets.join(', ')} WHERE username = ?`, [...params, username]);
      if (patch.disabled) await tx.run('DELETE FROM sessions WHERE username = ?', [username]);
    });
  }

  /** A new password/PIN; the account's sessions end, so a leaked one stops working now. */
  async setPassword(username: string, passwordHash: string, db: Sql = this.sql): Promise<void> {
    await db.tx(async (tx) => {
      await tx.run('UPDATE users SET password_hash = ? WHERE username = ?', [passwordHash, username]);
      await tx.run('DELETE FROM sessions WHERE username = ?', [username]);
    });
  }

  async recordLogin(username: string, at: number): Promise<void> {
    await this.sql.run('UPDATE users SET last_login_at = ? WHERE username = ?', [at, username]);
  }

  async count(): Promise<number> {
    const row = await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM users');
    return Number(row?.n ?? 0);
  }

  /** Enabled admins: the last one cannot be demoted or disabled, or nobody could create branches. */
  async activeAdmins(db: Sql = this.sql): Promise<number> {
    const row = await db.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0");
    return Number(row?.n ?? 0);
  }

  private row(username: string, db: Sql = this.sql): Promise<UserRow | undefined> {
    return db.get<UserRow>('SELECT * FROM users WHERE username = ?', [username]);
  }
}

function toUser(r: UserRow): User {
  return { username: r.username, name: r.name, role: r.role, branches: JSON.parse(r.branches) };
}

function toAccount(r: UserRow): StaffAccount {
  return {
    ...toUser(r),
    disabled: Boolean(Number(r.disabled)),
    createdAt: Number(r.created_at),
    lastLoginAt: r.last_login_at === null ? null : Number(r.last_login_at),
  };
}

/** Whether a user may act on a branch: an admin on every one, staff on the branches they are bound to. */
export function mayActOn(user: User, branchId: string): boolean {
  return user.role === 'admin' || user.branches.includes(branchId) || user.branches.includes('*');
}
