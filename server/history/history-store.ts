import type { AuditEntry, DayServiceFigures, HistoryChanges, HistoryMemory, NoticeRecord, TicketRecord } from '../../core';
import type { Sql } from '../store/sql';

/**
 * Where a branch's read models stand: the last event folded, the hash-chain link after it, the
 * projector's memory. The memory is written every so many events only (it holds the branch's
 * state and open tickets, many KB): its own `seq` may be behind `seq`, and whoever loads it folds
 * the log's events between the two into it again, writing nothing (their rows are written).
 */
export interface HistoryPosition {
  seq: number;
  chain: string;
  memory: HistoryMemory;
}

export interface AuditFilter {
  user?: string;
  counter?: string;
  type?: string;
  from?: number;
  to?: number;
  /** Entries before this seq (paging backwards from the newest). */
  beforeSeq?: number;
  limit: number;
}

export type AuditRow = AuditEntry & { chain: string };

/**
 * The read models on the engine-neutral `Sql`: one row per notice, ticket, day × service and
 * command, each rewritten whole when it changes (idempotent: folding the same events again
 * writes the same rows), and the position they were folded to, all in one transaction.
 */
export class HistoryStore {
  constructor(private readonly sql: Sql) {}

  async position(branchId: string): Promise<HistoryPosition | undefined> {
    const row = await this.sql.get<{ seq: number | string; chain: string; memory: string }>(
      'SELECT seq, chain, memory FROM history_positions WHERE branch_id = ?',
      [branchId],
    );
    return row ? { seq: Number(row.seq), chain: row.chain, memory: JSON.parse(row.memory) as HistoryMemory } : undefined;
  }

  /**
   * Makes the rest of transaction `tx` the only one writing the branch's read models (PostgreSQL:
   * an advisory lock; SQLite has one writer) and tells whether they still stand at `seq`: false
   * when another node folded beyond it meanwhile, and the batch must not be written.
   */
  async claim(tx: Sql, branchId: string, seq: number): Promise<boolean> {
    if (tx.dialect === 'postgres') await tx.get("SELECT pg_advisory_xact_lock(hashtext('history:' || ?)) AS locked", [branchId]);
    const row = await tx.get<{ seq: number | string }>('SELECT seq FROM history_positions WHERE branch_id = ?', [branchId]);
    return Number(row?.seq ?? 0) === seq;
  }

  /**
   * Writes what one batch changed and the new position, in the caller's transaction; the memory
   * too when `withMemory` (or when the branch has no position yet).
   */
  async write(tx: Sql, branchId: string, changes: HistoryChanges, position: HistoryPosition, links: ReadonlyMap<number, string>, withMemory = true): Promise<void> {
    for (const n of changes.notices) {
      await tx.run(
        `INSERT INTO history_notices (branch_id, notice_id, day, started_at, cause, record) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (branch_id, notice_id) DO UPDATE SET day = excluded.day, started_at = excluded.started_at, cause = excluded.cause, record = excluded.record`,
        [branchId, n.id, n.day, n.startedAt, n.cause, JSON.stringify(n)],
      );
    }
    for (const t of changes.tickets) {
      await tx.run(
        `INSERT INTO history_tickets (branch_id, ticket_id, day, issued_at, record) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (branch_id, ticket_id) DO UPDATE SET day = excluded.day, issued_at = excluded.issued_at, record = excluded.record`,
        [branchId, t.id, t.day, t.issuedAt, JSON.stringify(t)],
      );
    }
    for (const d of changes.days) {
      await tx.run(
        `INSERT INTO history_days (branch_id, day, service, figures) VALUES (?, ?, ?, ?)
         ON CONFLICT (branch_id, day, service) DO UPDATE SET figures = excluded.figures`,
        [branchId, d.day, d.service, JSON.stringify(d)],
      );
    }
    for (const a of changes.audit) {
      await tx.run(
        `INSERT INTO history_audit (branch_id, seq_from, seq_to, at, username, role, types, counters, chain, entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (branch_id, seq_from) DO UPDATE SET seq_to = excluded.seq_to, chain = excluded.chain, types = excluded.types, counters = excluded.counters, entry = excluded.entry`,
        [
          branchId,
          a.seqFrom,
          a.seqTo,
          a.at,
          a.actor.user ?? null,
          a.actor.role,
          delimited(a.types),
          delimited(a.counters),
          links.get(a.seqTo) ?? position.chain,
          JSON.stringify(a),
        ],
      );
    }
    if (!withMemory) {
      const moved = await tx.run('UPDATE history_positions SET seq = ?, chain = ? WHERE branch_id = ?', [position.seq, position.chain, branchId]);
      if (moved.changes) return;
    }
    await tx.run(
      `INSERT INTO history_positions (branch_id, seq, chain, memory) VALUES (?, ?, ?, ?)
       ON CONFLICT (branch_id) DO UPDATE SET seq = excluded.seq, chain = excluded.chain, memory = excluded.memory`,
      [branchId, position.seq, position.chain, JSON.stringify(position.memory)],
    );
  }

  /** The memory alone, where the position is the memory's own (another node may have moved it on). */
  async saveMemory(tx: Sql, branchId: string, memory: HistoryMemory): Promise<void> {
    await tx.run('UPDATE history_positions SET memory = ? WHERE branch_id = ? AND seq = ?', [JSON.stringify(memory), branchId, memory.seq]);
  }

  async notices(branchIds: readonly string[], fromDay: string, toDay: string): Promise<(NoticeRecord & { branchId: string })[]> {
    if (!branchIds.length) return [];
    const rows = await this.sql.all<{ branch_id: string; record: string }>(
      `SELECT branch_id, record FROM history_notices WHERE branch_id IN (${marks(branchIds)}) AND day >= ? AND day <= ? ORDER BY started_at`,
      [...branchIds, fromDay, toDay],
    );
    return rows.map((r) => ({ ...(JSON.parse(r.record) as NoticeRecord), branchId: r.branch_id }));
  }

  async notice(branchId: string, noticeId: string): Promise<NoticeRecord | undefined> {
    const row = await this.sql.get<{ record: string }>('SELECT record FROM history_notices WHERE branch_id = ? AND notice_id = ?', [branchId, noticeId]);
    return row ? (JSON.parse(row.record) as NoticeRecord) : undefined;
  }

  async days(branchIds: readonly string[], fromDay: string, toDay: string): Promise<(DayServiceFigures & { branchId: string })[]> {
    if (!branchIds.length) return [];
    const rows = await this.sql.all<{ branch_id: string; figures: string }>(
      `SELECT branch_id, figures FROM history_days WHERE branch_id IN (${marks(branchIds)}) AND day >= ? AND day <= ? ORDER BY day, service`,
      [...branchIds, fromDay, toDay],
    );
    return rows.map((r) => ({ ...(JSON.parse(r.figures) as DayServiceFigures), branchId: r.branch_id }));
  }

  /** Tickets of a branch issued on the given local days, oldest first, in pages. */
  async *tickets(branchId: string, fromDay: string, toDay: string, page = 5000): AsyncGenerator<TicketRecord[]> {
    let after = -1;
    let afterId = '';
    for (;;) {
      const rows = await this.sql.all<{ ticket_id: string; issued_at: number | string; record: string }>(
        `SELECT ticket_id, issued_at, record FROM history_tickets
         WHERE branch_id = ? AND day >= ? AND day <= ? AND (issued_at > ? OR (issued_at = ? AND ticket_id > ?))
         ORDER BY issued_at, ticket_id LIMIT ?`,
        [branchId, fromDay, toDay, after, after, afterId, page],
      );
      if (!rows.length) return;
      yield rows.map((r) => JSON.parse(r.record) as TicketRecord);
      const last = rows[rows.length - 1]!;
      after = Number(last.issued_at);
      afterId = last.ticket_id;
      if (rows.length < page) return;
    }
  }

  async audit(branchId: string, f: AuditFilter): Promise<AuditRow[]> {
    const where = ['branch_id = ?'];
    const params: unknown[] = [branchId];
    if (f.user) where.push('username = ?'), params.push(f.user);
    if (f.counter) where.push('counters LIKE ?'), params.push(`%|${likeSafe(f.counter)}|%`);
    if (f.type) where.push('types LIKE ?'), params.push(`%|${likeSafe(f.type)}|%`);
    if (f.from !== undefined) where.push('at >= ?'), params.push(f.from);
    if (f.to !== undefined) where.push('at < ?'), params.push(f.to);
    if (f.beforeSeq !== undefined) where.push('seq_from < ?'), params.push(f.beforeSeq);
    const rows = await this.sql.all<{ entry: string; chain: string }>(
      `SELECT entry, chain FROM history_audit WHERE ${where.join(' AND ')} ORDER BY seq_from DESC LIMIT ?`,
      [...params, f.limit],
    );
    return rows.map((r) => ({ ...(JSON.parse(r.entry) as AuditEntry), chain: r.chain }));
  }

  /** The chain link after the last event at or before `seq`, from the audit row that ends there. */
  async linkAt(branchId: string, seq: number): Promise<string | undefined> {
    if (seq === 0) return '';
    const row = await this.sql.get<{ chain: string }>('SELECT chain FROM history_audit WHERE branch_id = ? AND seq_to = ?', [branchId, seq]);
    return row?.chain;
  }
}

/** "|a|b|" so that LIKE '%|a|%' finds a whole id, never a part of another. */
const delimited = (xs: readonly string[]) => `|${xs.join('|')}|`;
/** Ids are slugs and event types are letters, but a filter is user input: no wildcards from it. */
const likeSafe = (s: string) => s.replace(/[%_|\\]/g, '');
const marks = (xs: readonly unknown[]) => xs.map(() => '?').join(', ');
