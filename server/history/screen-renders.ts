import { RESOLVED_VISIBLE_MS, SCREEN_DOWN_AFTER_MS, type NoticeRecord } from '../../core';
import type { Sql } from '../store/sql';

/** When a screen showed a notice, from its own reports of what it rendered. */
export interface NoticeReceipt {
  screenId: string;
  screenName: string;
  /** Showing it from `from` to `to` (server time), as active or, after it was resolved, as resolved. */
  shown: { from: number; to: number; as: 'active' | 'resolved' }[];
}

interface RenderRow {
  screen_id: string;
  screen_name: string;
  seq: number | string;
  from_at: number | string;
  to_at: number | string;
}

/**
 * Read receipts: every report a paired screen sends ("I have seq N on screen", at least every
 * 15 s) extends or starts a run of (screen, seq, from, to). A notice was on a screen while the
 * seq it rendered lay between the notice's posting and its resolution (and, as resolved, for the
 * minutes after). A screen silent for longer than SCREEN_DOWN_AFTER_MS starts a new run: a gap in
 * its reports is a gap in the receipt, never assumed to be showing.
 */
export class ScreenRenders {
  constructor(private readonly sql: Sql) {}

  /** One report of a screen: it had `seq` of its branch on screen at `at`. */
  async record(branchId: string, screenId: string, screenName: string, seq: number, at: number): Promise<void> {
    await this.sql.tx(async (tx) => {
      const last = await tx.get<{ seq: number | string; from_at: number | string; to_at: number | string }>(
        'SELECT seq, from_at, to_at FROM screen_renders WHERE branch_id = ? AND screen_id = ? ORDER BY from_at DESC LIMIT 1',
        [branchId, screenId],
      );
      if (last && Number(last.seq) === seq && at - Number(last.to_at) <= SCREEN_DOWN_AFTER_MS && at >= Number(last.to_at)) {
        await tx.run('UPDATE screen_renders SET to_at = ?, screen_name = ? WHERE branch_id = ? AND screen_id = ? AND from_at = ?', [at, screenName, branchId, screenId, last.from_at]);
        return;
      }
      // The previous run ends where this one begins, if the screen kept reporting.
      if (last && at - Number(last.to_at) <= SCREEN_DOWN_AFTER_MS && at > Number(last.to_at)) {
        await tx.run('UPDATE screen_renders SET to_at = ? WHERE branch_id = ? AND screen_id = ? AND from_at = ?', [at, branchId, screenId, last.from_at]);
      }
      await tx.run(
        `INSERT INTO screen_renders (branch_id, screen_id, screen_name, seq, from_at, to_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (branch_id, screen_id, from_at) DO UPDATE SET seq = excluded.seq, to_at = excluded.to_at`,
        [branchId, screenId, screenName, seq, at, at],
      );
    });
  }

  /** Which screens showed the notice, from when to when. */
  async receipts(branchId: string, n: NoticeRecord): Promise<NoticeReceipt[]> {
    if (n.postedSeq === undefined) return [];
    const until = n.endedAt === null ? Number.MAX_SAFE_INTEGER : n.endedAt + RESOLVED_VISIBLE_MS;
    const rows = await this.sql.all<RenderRow>(
      'SELECT screen_id, screen_name, seq, from_at, to_at FROM screen_renders WHERE branch_id = ? AND seq >= ? AND from_at <= ? ORDER BY screen_id, from_at',
      [branchId, n.postedSeq, until],
    );
    const out = new Map<string, NoticeReceipt>();
    for (const r of rows) {
      const seq = Number(r.seq);
      const as: 'active' | 'resolved' = n.resolvedSeq != null && seq >= n.resolvedSeq ? 'resolved' : 'active';
      const from = Number(r.from_at);
      const to = as === 'resolved' ? Math.min(Number(r.to_at), until) : Number(r.to_at);
      if (to < from) continue;
      let rec = out.get(r.screen_id);
      if (!rec) out.set(r.screen_id, (rec = { screenId: r.screen_id, screenName: r.screen_name, shown: [] }));
      rec.screenName = r.screen_name;
      const prev = rec.shown[rec.shown.length - 1];
      // Runs that follow on with the notice in the same phase are one stretch on screen.
      if (prev && prev.as === as && from <= prev.to) prev.to = Math.max(prev.to, to);
      else rec.shown.push({ from, to, as });
    }
    return [...out.values()];
  }
}
