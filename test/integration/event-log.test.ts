import { afterEach, describe, expect, it } from 'vitest';
import { applyAll, decide, emptyState, type BranchEvent } from '../../core';
import { openDatabase } from '../../server/store/db';
import { EventLog } from '../../server/store/event-log';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { removeDir, tempDataDir } from '../support/server';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

describe('event log on SQLite', () => {
  it('keeps gap-free seqs, folds from snapshots, and answers "what did the screen show at time t"', () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const db = openDatabase(dir);
    const log = new EventLog(db);
    const t0 = Date.UTC(2026, 10, 23, 8, 0);
    log.openBranch('demo', DEMO_BRANCH, { role: 'system' }, t0);
    // 2,400 tickets, one a second: past two snapshot points.
    for (let i = 0; i < 2400; i++) {
      const at = t0 + (i + 1) * 1000;
      const d = decide(log.state('demo')!, { type: 'IssueTicket', ticketId: `ticket-${String(i).padStart(5, '0')}`, service: i % 3 ? 'teller' : 'advice' }, at);
      if (!d.ok) throw new Error(d.error.message);
      db.transaction(() => log.commit('demo', log.append('demo', d.events, { role: 'kiosk' }, at).state))();
    }
    const live = log.state('demo')!;
    expect(live.seq).toBe(2401);
    expect(db.prepare("SELECT seq FROM snapshots WHERE branch_id = 'demo' ORDER BY seq").all()).toEqual([{ seq: 1000 }, { seq: 2000 }]);

    const all = log.eventsSince('demo', 0, 10_000);
    expect(all.map((e: BranchEvent) => e.seq)).toEqual(Array.from({ length: 2401 }, (_, i) => i + 1));

    log.dropCache();
    expect(log.state('demo')).toEqual(live);

    // At 09:25:00 (1,500 s after t0) the screen held the first 1,501 events.
    const at = t0 + 1_500_000;
    expect(log.stateAt('demo', at)).toEqual(applyAll(emptyState('demo'), all.slice(0, 1501)));
    expect(log.stateAt('demo', at)!.queues.teller!.length + log.stateAt('demo', at)!.queues.advice!.length).toBe(1500);
    expect(log.state('nowhere')).toBeUndefined();
    db.close();
  });
});
