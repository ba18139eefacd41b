import { randomBytes } from 'node:crypto';
import { mayManageUser, type CommandError, type CreateUserBody, type StaffAccount, type StaffChange, type UpdateUserBody } from '../../core';
import type { CommandHandler } from '../commands/execute';
import { hashPassword } from '../auth/passwords';
import type { User, Users } from '../auth/users';
import type { CommandReplies, StoredReply } from '../store/command-replies';
import type { EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';
import type { Idempotent } from './branch-admin';

/** Idempotency replies of account commands are kept under this name (not a slug: no branch can have it). */
const STAFF_SCOPE = '@staff';

export type StaffResult = { ok: true; replayed: boolean; reply: StoredReply } | { ok: false; error: CommandError };

/** What an account command writes in one branch's log: its changes there, and the account as it now is. */
export interface StaffLogEntry {
  branch: string;
  changes: StaffChange[];
  account: { username: string; name: string; role: StaffAccount['role'] };
}

/** Where the stored reply keeps the log entries, so a retry can finish writing them; never sent. */
const LOG_FIELD = '_log';

/** 10 characters without look-alikes (no 0/O, 1/l/I): read off a screen, typed on a tablet. */
export function newPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Staff accounts as the console manages them: who may create or change whom (mayManageUser in
 * core), idempotent by key, a generated password/PIN in the first reply only (never stored in
 * the replay: a lost reply means a reset, not a password kept in the database).
 */
export class StaffAdmin {
  constructor(
    private readonly sql: Sql,
    private readonly users: Users,
    private readonly replies: CommandReplies,
    private readonly store: EventStore,
    private readonly commands: CommandHandler,
  ) {}

  /** The accounts `who` may see: an admin all, a manager those bound to one of their branches. */
  async list(who: User): Promise<StaffAccount[]> {
    const all = await this.users.list();
    if (who.role === 'admin') return all;
    return all.filter((a) => a.username === who.username || (a.role !== 'admin' && a.branches.some((b) => who.branches.includes(b))));
  }

  /**
   * `opts`: the demo's chosen password (and its hash, made once for all its accounts), and
   * `unlogged` for the demo's own accounts, made by the system at first start: the demo's log
   * stays the branch's day from its opening (seq 1), as tools and screens expect.
   */
  async create(who: User, body: CreateUserBody, id: Idempotent, opts: { password?: string; passwordHash?: string; unlogged?: boolean } = {}): Promise<StaffResult> {
    // Hashing takes ~50 ms: before the transaction, which holds the database meanwhile.
    const password = opts.password ?? newPassword();
    const hash = opts.passwordHash ?? (await hashPassword(password));
    const target = { username: body.username, role: body.role, branches: body.role === 'admin' ? [] : body.branches };
    // Read outside the transaction: inside it only `tx` may be used.
    const bad = await this.unknownBranch(target.branches);
    return this.once(id, async (tx) => {
      if (!mayManageUser(who, target)) return refuse('forbidden', 'forbidden', forbiddenWhy(who), 'role');
      if (bad) return bad;
      const created = await this.users.create({ ...target, name: body.name }, hash, Date.now(), tx);
      if (!created) return refuse('conflict', 'username_taken', `the username "${body.username}" is taken`, 'username');
      const user = (await this.users.account(body.username, tx))!;
      return { status: 201, body: { ok: true, user }, once: { password }, log: opts.unlogged ? [] : user.branches.map((branch) => entry(branch, ['created'], user)) };
    });
  }

  async update(who: User, username: string, body: UpdateUserBody, id: Idempotent): Promise<StaffResult> {
    const bad = await this.unknownBranch(body.branches ?? []);
    return this.once(id, async (tx) => {
      const before = await this.users.account(username, tx);
      if (!before) return refuse('not_found', 'unknown_user', `no account "${username}"`);
      const selfChange = username === who.username && (body.role !== undefined || body.branches !== undefined || body.disabled !== undefined);
      if (selfChange) return refuse('forbidden', 'forbidden', 'nobody changes their own role, branches or access', 'role');
      const after = { username, role: body.role ?? before.role, branches: body.branches ?? before.branches };
      if (username !== who.username && !(mayManageUser(who, before) && mayManageUser(who, after))) {
        return refuse('forbidden', 'forbidden', forbiddenWhy(who), body.role ? 'role' : 'branches');
      }
      if (after.role !== 'admin' && after.branches.length === 0) return refuse('invalid', 'invalid', 'bind the account to at least one branch', 'branches');
      if (bad) return bad;
      const losesAdmin = before.role === 'admin' && !before.disabled && (after.role !== 'admin' || body.disabled === true);
      if (losesAdmin && (await this.users.activeAdmins(tx)) <= 1) {
        return refuse('conflict', 'last_admin', 'this is the last admin: make another admin first');
      }
      await this.users.update(username, { ...body, ...(after.role === 'admin' ? { branches: [] } : {}) }, tx);
      const user = (await this.users.account(username, tx))!;
      return { status: 200, body: { ok: true, user }, log: updateLog(before, user) };
    });
  }

  async resetPassword(who: User, username: string, id: Idempotent): Promise<StaffResult> {
    const password = newPassword();
    const hash = await hashPassword(password);
    return this.once(id, async (tx) => {
      const target = await this.users.account(username, tx);
      if (!target) return refuse('not_found', 'unknown_user', `no account "${username}"`);
      if (username === who.username || !mayManageUser(who, target)) return refuse('forbidden', 'forbidden', forbiddenWhy(who));
      await this.users.setPassword(username, hash, tx);
      return { status: 200, body: { ok: true, user: target }, once: { password }, log: target.branches.map((branch) => entry(branch, ['password_reset'], target)) };
    });
  }

  /**
   * Runs an account command once per Idempotency-Key, its change and its reply in one
   * transaction. `once` fields go to the first reply only. Then the change goes into the log of
   * each branch it touches (a command per branch, with the same key, so it is written once); the
   * entries are kept with the reply, so a retry after a crash in between writes what is missing.
   */
  private async once(
    id: Idempotent,
    fn: (tx: Sql) => Promise<{ status: number; body: Record<string, unknown>; once?: Record<string, unknown>; log?: StaffLogEntry[] } | { error: CommandError }>,
  ): Promise<StaffResult> {
    const earlier = await this.replies.lookup(STAFF_SCOPE, id.key, id.fingerprint);
    if (earlier === 'mismatch') return refuse('conflict', 'idempotency_key_reused', 'this Idempotency-Key was already used for another request', 'Idempotency-Key');
    if (earlier) {
      const { [LOG_FIELD]: log, ...body } = earlier.body as Record<string, unknown>;
      await this.record(id, (log as StaffLogEntry[] | undefined) ?? []);
      return { ok: true, replayed: true, reply: { status: earlier.status, body } };
    }
    const result = await this.sql.tx(async (tx) => {
      const out = await fn(tx);
      if ('error' in out) return { ok: false as const, error: out.error };
      const kept = out.log?.length ? { ...out.body, [LOG_FIELD]: out.log } : out.body;
      const now = Date.now();
      await this.replies.remember(tx, STAFF_SCOPE, id.key, id.fingerprint, { status: out.status, body: kept }, now);
      // What the logs still lack, in the same transaction as the change: a crash before they are
      // written leaves it here, and the next start writes it (finishPending), retry or not.
      if (out.log?.length) {
        await tx.run('INSERT INTO staff_log_pending (idem_key, fingerprint, actor, entries, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING', [
          id.key,
          id.fingerprint,
          JSON.stringify(id.actor),
          JSON.stringify(out.log),
          now,
        ]);
      }
      return { ok: true as const, replayed: false, reply: { status: out.status, body: { ...out.body, ...out.once } }, log: out.log ?? [] };
    });
    if (!result.ok) return result;
    await this.record(id, result.log);
    return { ok: true, replayed: false, reply: result.reply };
  }

  /**
   * Writes in the branches' logs the staff changes an earlier run committed but did not get to
   * log (the process ended in between). Called at start, before the node serves.
   */
  async finishPending(): Promise<number> {
    const rows = await this.sql.all<{ idem_key: string; fingerprint: string; actor: string; entries: string }>(
      'SELECT idem_key, fingerprint, actor, entries FROM staff_log_pending ORDER BY at',
    );
    for (const r of rows) {
      await this.record({ key: r.idem_key, fingerprint: r.fingerprint, actor: JSON.parse(r.actor) }, JSON.parse(r.entries) as StaffLogEntry[]);
    }
    return rows.length;
  }

  /**
   * Writes the entries in their branches' logs, by whoever made the change. Applied once per
   * branch and key (the command's idempotency), so writing them again is harmless; once all are
   * written the pending row goes. A database error leaves it for the next start; a branch that
   * refuses the entry (it no longer exists) is not retried for ever.
   */
  private async record(id: Idempotent, log: readonly StaffLogEntry[]): Promise<void> {
    for (const e of log) {
      await this.commands.execute({
        branch: e.branch,
        command: { type: 'RecordStaffChange', changes: e.changes, account: e.account },
        key: id.key,
        fingerprint: id.fingerprint,
        actor: id.actor,
      });
    }
    await this.sql.run('DELETE FROM staff_log_pending WHERE idem_key = ?', [id.key]);
  }

  private async unknownBranch(branches: readonly string[]): Promise<{ error: CommandError } | undefined> {
    for (const [i, b] of branches.entries()) {
      if (!(await this.store.branchExists(b))) return refuse('invalid', 'unknown_branch', `no branch "${b}"`, `branches.${i}`);
    }
    return undefined;
  }
}

function entry(branch: string, changes: StaffChange[], a: StaffAccount): StaffLogEntry {
  return { branch, changes, account: { username: a.username, name: a.name, role: a.role } };
}

/** An update as each branch sees it: bound to the new ones, unbound from the old, and what changed in those it stays at. */
export function updateLog(before: StaffAccount, after: StaffAccount): StaffLogEntry[] {
  const stays: StaffChange[] = [
    ...(before.name !== after.name ? (['renamed'] as const) : []),
    ...(before.role !== after.role ? (['role_changed'] as const) : []),
    ...(before.disabled !== after.disabled ? [after.disabled ? ('disabled' as const) : ('enabled' as const)] : []),
  ];
  return [
    ...before.branches.filter((b) => !after.branches.includes(b)).map((b) => entry(b, ['unbound'], after)),
    ...after.branches.map((b) => (before.branches.includes(b) ? entry(b, stays, after) : entry(b, ['bound'], after))),
  ].filter((e) => e.changes.length > 0);
}

function forbiddenWhy(who: User): string {
  return who.role === 'manager' ? 'a manager manages the tellers of their own branches only' : 'your role may not manage accounts';
}

function refuse(kind: CommandError['kind'], code: string, message: string, field?: string): { ok: false; error: CommandError } {
  return { ok: false, error: { kind, code, message, ...(field ? { field } : {}) } };
}
