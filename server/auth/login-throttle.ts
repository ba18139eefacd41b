import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../store/sql';

/**
 * Login throttling in layers, the way identity providers do it (OWASP's "device cookies"):
 * - per address, across usernames: password spraying from one place stops after `perAddress`
 *   failures in the window;
 * - per address and account: one colleague's typos do not lock the others behind the same router;
 * - per account, from addresses it never logged in from: after `accountFree` failures each next
 *   guess must wait twice as long (up to `accountMaxDelayMs`), however many addresses guess;
 * - a device the account logged in from before (a long-lived cookie) skips all of these and has
 *   its own budget, so nobody sharing the branch's NAT can lock a teller out of their own tablet.
 * Counters live in the database (they survive restarts and are shared by all nodes).
 */
export interface ThrottlePolicy {
  windowMs: number;
  perAddress: number;
  perAddressAccount: number;
  accountFree: number;
  accountWindowMs: number;
  /** The wait after the first failure beyond the free ones; it doubles with each next. */
  accountDelayMs: number;
  accountMaxDelayMs: number;
  perDevice: number;
  /** An address the account logged in from within this long counts as known. */
  knownAddressMs: number;
  deviceMs: number;
}

export const DEFAULT_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  perAddress: 30,
  perAddressAccount: 10,
  accountFree: 5,
  accountWindowMs: 24 * 3600_000,
  accountDelayMs: 30_000,
  accountMaxDelayMs: 15 * 60_000,
  perDevice: 10,
  knownAddressMs: 30 * 24 * 3600_000,
  deviceMs: 365 * 24 * 3600_000,
};

export interface Attempt {
  username: string;
  address: string;
  /** The device cookie the browser sent, if any. */
  deviceToken?: string;
}

export type ThrottleReason = 'address' | 'address_account' | 'account' | 'device';
export type Verdict = { ok: true; trustedDevice: boolean; knownAddress: boolean } | { ok: false; reason: ThrottleReason; retryAfterMs: number };

interface CounterRow {
  failures: number;
  window_start: number;
  last_failure: number;
}

const hash = (t: string) => createHash('sha256').update(t).digest('base64url');
const key = {
  address: (a: string) => `a:${a}`,
  addressAccount: (a: string, u: string) => `au:${a}|${u}`,
  account: (u: string) => `u:${u}`,
  device: (tokenHash: string) => `d:${tokenHash}`,
};

export class LoginThrottle {
  constructor(
    private readonly sql: Sql,
    readonly policy: ThrottlePolicy = DEFAULT_POLICY,
  ) {}

  /** Whether this attempt may go on to a password check, and if not, why and for how long. */
  async check(a: Attempt, now: number): Promise<Verdict> {
    const username = a.username.toLowerCase();
    const p = this.policy;
    const device = await this.trustedDevice(username, a.deviceToken, now);
    if (device) {
      const d = await this.counter(key.device(device), p.windowMs, now);
      if (d.failures < p.perDevice) return { ok: true, trustedDevice: true, knownAddress: true };
      return { ok: false, reason: 'device', retryAfterMs: d.window_start + p.windowMs - now };
    }
    const byAddress = await this.counter(key.address(a.address), p.windowMs, now);
    if (byAddress.failures >= p.perAddress) return { ok: false, reason: 'address', retryAfterMs: byAddress.window_start + p.windowMs - now };
    const pair = await this.counter(key.addressAccount(a.address, username), p.windowMs, now);
    if (pair.failures >= p.perAddressAccount) return { ok: false, reason: 'address_account', retryAfterMs: pair.window_start + p.windowMs - now };
    const knownAddress = await this.isKnownAddress(username, a.address, now);
    if (!knownAddress) {
      const account = await this.counter(key.account(username), p.accountWindowMs, now);
      const over = account.failures - p.accountFree;
      if (over >= 0) {
        const delay = Math.min(p.accountDelayMs * 2 ** over, p.accountMaxDelayMs);
        const wait = account.last_failure + delay - now;
        if (wait > 0) return { ok: false, reason: 'account', retryAfterMs: wait };
      }
    }
    return { ok: true, trustedDevice: false, knownAddress };
  }

  /** A wrong password (or unknown user) after `check` let the attempt through. */
  async failed(a: Attempt, verdict: Verdict & { ok: true }, now: number): Promise<void> {
    const username = a.username.toLowerCase();
    const p = this.policy;
    await this.sql.tx(async (tx) => {
      if (verdict.trustedDevice) return this.bump(tx, key.device(hash(a.deviceToken!)), p.windowMs, now);
      await this.bump(tx, key.address(a.address), p.windowMs, now);
      await this.bump(tx, key.addressAccount(a.address, username), p.windowMs, now);
      if (!verdict.knownAddress) await this.bump(tx, key.account(username), p.accountWindowMs, now);
    });
  }

  /**
   * A good password: the account's slowdown starts again (not the address's counters: a known
   * password must not buy more guesses at others), the address becomes known, and the
   * browser gets (or keeps) a device token for this account. Returns the token to set as a cookie.
   */
  async succeeded(a: Attempt, now: number): Promise<string> {
    const username = a.username.toLowerCase();
    const token = (await this.trustedDevice(username, a.deviceToken, now)) ? a.deviceToken! : randomBytes(24).toString('base64url');
    await this.sql.tx(async (tx) => {
      for (const k of [key.account(username), key.device(hash(token))]) {
        await tx.run('DELETE FROM login_counters WHERE key = ?', [k]);
      }
      await tx.run(
        `INSERT INTO login_known_addresses (username, address, last_at) VALUES (?, ?, ?)
         ON CONFLICT (username, address) DO UPDATE SET last_at = excluded.last_at`,
        [username, a.address, now],
      );
      await tx.run(
        `INSERT INTO login_devices (token_hash, username, created_at, last_used_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (token_hash) DO UPDATE SET last_used_at = excluded.last_used_at`,
        [hash(token), username, now, now],
      );
    });
    return token;
  }

  /** Forgets what no longer counts: expired windows, old addresses and devices. */
  async purge(now: number): Promise<void> {
    const p = this.policy;
    await this.sql.run('DELETE FROM login_counters WHERE window_start <= ?', [now - Math.max(p.windowMs, p.accountWindowMs)]);
    await this.sql.run('DELETE FROM login_known_addresses WHERE last_at <= ?', [now - p.knownAddressMs]);
    await this.sql.run('DELETE FROM login_devices WHERE last_used_at <= ?', [now - p.deviceMs]);
  }

  /** The hash of the device token when it is a device this account logged in from. */
  private async trustedDevice(username: string, token: string | undefined, now: number): Promise<string | null> {
    if (!token || token.length > 64) return null;
    const h = hash(token);
    const row = await this.sql.get<{ username: string; last_used_at: number }>('SELECT username, last_used_at FROM login_devices WHERE token_hash = ?', [h]);
    return row && row.username === username && now - row.last_used_at < this.policy.deviceMs ? h : null;
  }

  private async isKnownAddress(username: string, address: string, now: number): Promise<boolean> {
    const row = await this.sql.get<{ last_at: number }>('SELECT last_at FROM login_known_addresses WHERE username = ? AND address = ?', [username, address]);
    return !!row && now - row.last_at < this.policy.knownAddressMs;
  }

  /** A counter as it stands now: an expired window counts as empty. */
  private async counter(k: string, windowMs: number, now: number): Promise<CounterRow> {
    const row = await this.sql.get<CounterRow>('SELECT failures, window_start, last_failure FROM login_counters WHERE key = ?', [k]);
    if (!row || row.window_start + windowMs <= now) return { failures: 0, window_start: now, last_failure: 0 };
    return { failures: Number(row.failures), window_start: Number(row.window_start), last_failure: Number(row.last_failure) };
  }

  private async bump(tx: Sql, k: string, windowMs: number, now: number): Promise<void> {
    await tx.run(
      `INSERT INTO login_counters (key, failures, window_start, last_failure) VALUES (?, 1, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_counters.window_start <= ? THEN 1 ELSE login_counters.failures + 1 END,
         window_start = CASE WHEN login_counters.window_start <= ? THEN excluded.window_start ELSE login_counters.window_start END,
         last_failure = excluded.last_failure`,
      [k, now, now, now - windowMs, now - windowMs],
    );
  }
}
