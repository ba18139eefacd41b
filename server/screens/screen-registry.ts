import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  PAIRING_ALPHABET,
  PAIRING_TTL_MS,
  SCREEN_DOWN_AFTER_MS,
  ScreenSound,
  type PairingClaim,
  type PairingTicket,
  type ScreenKind,
  type ScreenReport,
  type ScreenSoundState,
  type ScreenStatus,
} from '../../core';
import type { Sql } from '../store/sql';

const hash = (t: string) => createHash('sha256').update(t).digest('base64url');
const token = () => randomBytes(32).toString('base64url');
/** Codes waiting at once, all screens together: a flood of pairing requests cannot fill the table. */
const MAX_PENDING = 1_000;
const LOG_KEPT = 50;

interface ScreenRow {
  id: string;
  branch_id: string;
  name: string;
  kind: ScreenKind;
  paired_at: number;
  last_seen_at: number | null;
  rendered_seq: number | null;
  version: string | null;
  last_error: string | null;
  last_error_at: number | null;
  up: number;
  sound_settings: string | null;
  sound_state: ScreenSoundState | null;
  sound_played_at: number | null;
  sound_at: number | null;
}

/**
 * Paired screens (lobby TVs, kiosks) and the codes of those waiting to be paired, on the
 * engine-neutral `Sql`. Only hashes of tokens are kept, except a new screen's token, which waits
 * beside its code until the code expires so the screen can fetch it (and fetch it again if the
 * first answer was lost).
 */
export class ScreenRegistry {
  constructor(private readonly sql: Sql) {}

  /** A code for a screen on first start; undefined when too many are already waiting. */
  async requestPairing(kind: ScreenKind, version: string | undefined, now: number): Promise<PairingTicket | undefined> {
    await this.sql.run('DELETE FROM screen_pairings WHERE expires_at <= ?', [now]);
    const pending = await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM screen_pairings');
    if (Number(pending?.n ?? 0) >= MAX_PENDING) return undefined;
    const pairingToken = token();
    const expiresAt = now + PAIRING_TTL_MS;
    for (;;) {
      const code = Array.from({ length: 6 }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join('');
      const r = await this.sql.run(
        `INSERT INTO screen_pairings (code, token_hash, kind, version, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO NOTHING`,
        [code, hash(pairingToken), kind, version ?? null, now, expiresAt],
      );
      if (r.changes === 1) return { code, pairingToken, expiresAt };
    }
  }

  /** What a waiting screen learns when it asks: still waiting, or paired (with its token); undefined: expired or unknown. */
  async claim(pairingToken: string, now: number): Promise<PairingClaim | undefined> {
    const row = await this.sql.get<{ expires_at: number; screen_id: string | null; screen_token: string | null }>(
      'SELECT expires_at, screen_id, screen_token FROM screen_pairings WHERE token_hash = ?',
      [hash(pairingToken)],
    );
    if (!row || Number(row.expires_at) <= now) return undefined;
    if (!row.screen_id || !row.screen_token) return { status: 'pending', expiresAt: Number(row.expires_at) };
    const screen = await this.get(row.screen_id);
    if (!screen) return undefined;
    return { status: 'paired', screenToken: row.screen_token, screen: { id: screen.id, name: screen.name, kind: screen.kind, branchId: screen.branchId } };
  }

  /** Pairs the screen showing `code` to a branch under a name; undefined when no screen shows that code. */
  async pair(branchId: string, code: string, name: string, by: string | null, now: number): Promise<ScreenStatus | undefined> {
    const screenToken = token();
    const id = `scr-${randomBytes(5).toString('hex')}`;
    const paired = await this.sql.tx(async (tx) => {
      const p = await tx.get<{ kind: ScreenKind; version: string | null }>(
        'SELECT kind, version FROM screen_pairings WHERE code = ? AND expires_at > ? AND screen_id IS NULL',
        [code, now],
      );
      if (!p) return false;
      await tx.run(
        `INSERT INTO screens (id, branch_id, name, kind, token_hash, paired_at, paired_by, version, up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
        [id, branchId, name, p.kind, hash(screenToken), now, by, p.version],
      );
      await tx.run('UPDATE screen_pairings SET screen_id = ?, screen_token = ? WHERE code = ?', [id, screenToken, code]);
      return true;
    });
    return paired ? this.get(id) : undefined;
  }

  /** The screen holding a token (its socket handshake, a kiosk's X-Screen-Token). */
  async byToken(screenToken: string): Promise<ScreenStatus | undefined> {
    const row = await this.sql.get<{ id: string }>('SELECT id FROM screens WHERE token_hash = ?', [hash(screenToken)]);
    return row ? this.get(row.id) : undefined;
  }

  async get(id: string): Promise<ScreenStatus | undefined> {
    const row = await this.sql.get<ScreenRow>('SELECT * FROM screens WHERE id = ?', [id]);
    return row ? this.toStatus(row) : undefined;
  }

  async list(branchId: string): Promise<ScreenStatus[]> {
    const rows = await this.sql.all<ScreenRow>('SELECT * FROM screens WHERE branch_id = ? ORDER BY paired_at, id', [branchId]);
    return Promise.all(rows.map((r) => this.toStatus(r)));
  }

  /** Screens per branch and how many of them are down, for the all-branches table. */
  async counts(): Promise<Map<string, { total: number; down: number }>> {
    const rows = await this.sql.all<{ branch_id: string; total: number; up: number }>(
      'SELECT branch_id, count(*) AS total, sum(up) AS up FROM screens GROUP BY branch_id',
    );
    return new Map(rows.map((r) => [r.branch_id, { total: Number(r.total), down: Number(r.total) - Number(r.up ?? 0) }]));
  }

  /** One branch's screens and how many are down (the row of the all-branches table). */
  async countsOf(branchId: string): Promise<{ total: number; down: number }> {
    const r = await this.sql.get<{ total: number; up: number | null }>('SELECT count(*) AS total, sum(up) AS up FROM screens WHERE branch_id = ?', [branchId]);
    const total = Number(r?.total ?? 0);
    return { total, down: total - Number(r?.up ?? 0) };
  }

  async rename(id: string, name: string): Promise<void> {
    await this.sql.run('UPDATE screens SET name = ? WHERE id = ?', [name, id]);
  }

  /** Forgets a screen: its token stops working at once. */
  async unpair(id: string): Promise<void> {
    await this.sql.tx(async (tx) => {
      await tx.run('DELETE FROM screen_status_log WHERE screen_id = ?', [id]);
      await tx.run('DELETE FROM screen_pairings WHERE screen_id = ?', [id]);
      await tx.run('DELETE FROM screens WHERE id = ?', [id]);
    });
  }

  /** Its own sound settings, from the console (each unset one follows the branch's). */
  async setSound(id: string, sound: ScreenSound): Promise<void> {
    await this.sql.run('UPDATE screens SET sound_settings = ? WHERE id = ?', [JSON.stringify(sound), id]);
  }

  /**
   * A screen's report: it is alive (up again if it was down), what it rendered, its version and
   * last error, and whether its sound works (kept with the time it said so; the last time it
   * played is kept when a report leaves it out).
   */
  async report(id: string, r: ScreenReport, now: number): Promise<{ cameUp: boolean }> {
    const last = r.errors?.[r.errors.length - 1];
    const sound = r.sound ? [r.sound.state, r.sound.playedAt ?? null, now] : [];
    return this.sql.tx(async (tx) => {
      await tx.run(
        `UPDATE screens SET last_seen_at = ?, rendered_seq = ?, version = ?${last ? ', last_error = ?, last_error_at = ?' : ''}${
          r.sound ? ', sound_state = ?, sound_played_at = COALESCE(?, sound_played_at), sound_at = ?' : ''
        } WHERE id = ?`,
        [now, r.renderedSeq, r.version, ...(last ? [last.message, last.at ?? now] : []), ...sound, id],
      );
      const cameUp = (await tx.run('UPDATE screens SET up = 1 WHERE id = ? AND up = 0', [id])).changes === 1;
      if (cameUp) await this.logChange(tx, id, now, true);
      return { cameUp };
    });
  }

  /** Marks down the screens silent longer than SCREEN_DOWN_AFTER_MS; returns those that just went down. */
  async sweep(now: number): Promise<string[]> {
    const silent = await this.sql.all<{ id: string }>('SELECT id FROM screens WHERE up = 1 AND (last_seen_at IS NULL OR last_seen_at < ?)', [now - SCREEN_DOWN_AFTER_MS]);
    const down: string[] = [];
    for (const { id } of silent) {
      // Of several nodes sweeping, one marks it and logs it.
      const changed = await this.sql.tx(async (tx) => {
        if ((await tx.run('UPDATE screens SET up = 0 WHERE id = ? AND up = 1', [id])).changes !== 1) return false;
        await this.logChange(tx, id, now, false);
        return true;
      });
      if (changed) down.push(id);
    }
    return down;
  }

  private async logChange(tx: Sql, id: string, at: number, up: boolean): Promise<void> {
    await tx.run('INSERT INTO screen_status_log (screen_id, at, up) VALUES (?, ?, ?) ON CONFLICT (screen_id, at, up) DO NOTHING', [id, at, up ? 1 : 0]);
  }

  private async toStatus(r: ScreenRow): Promise<ScreenStatus> {
    const log = await this.sql.all<{ at: number; up: number }>('SELECT at, up FROM screen_status_log WHERE screen_id = ? ORDER BY at DESC LIMIT ?', [r.id, LOG_KEPT]);
    return {
      id: r.id,
      branchId: r.branch_id,
      name: r.name,
      kind: r.kind,
      pairedAt: Number(r.paired_at),
      lastSeenAt: r.last_seen_at === null ? null : Number(r.last_seen_at),
      renderedSeq: r.rendered_seq === null ? null : Number(r.rendered_seq),
      version: r.version,
      lastError: r.last_error ? { at: Number(r.last_error_at ?? 0), message: r.last_error } : null,
      up: Boolean(Number(r.up)),
      log: log.map((l) => ({ at: Number(l.at), up: Boolean(Number(l.up)) })),
      sound: soundOf(r.sound_settings),
      soundReport: r.sound_state
        ? { state: r.sound_state, playedAt: r.sound_played_at === null ? null : Number(r.sound_played_at), at: Number(r.sound_at ?? 0) }
        : null,
    };
  }
}

/** Stored settings, as the schema has them (anything unreadable: the branch's). */
function soundOf(json: string | null): ScreenSound {
  if (!json) return {};
  try {
    const parsed = ScreenSound.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
