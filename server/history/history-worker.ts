/**
 * The history read models folded off the node's event loop (started by HistoryThread): a
 * HistoryService on a database connection of its own, fed with the events the node commits.
 * Everything it writes (rows, position, webhook outbox) goes in its own transactions as before,
 * so what a crash leaves is what it left in the node's thread: the read models catch up from the
 * log at the next start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import type { BranchEvent, BranchState } from '../../core';
import { CommittedEvents } from '../commands/committed';
import { MIGRATIONS, openDatabase, type Synchronous } from '../store/db';
import { SqlEventStore } from '../store/event-store';
import { openPostgres } from '../store/postgres';
import { SqliteSql, type Sql } from '../store/sql';
import { WebhookDispatcher } from '../webhooks/dispatcher';
import { WebhookStore } from '../webhooks/webhook-store';
import { HistoryService } from './history-service';
import { HistoryStore } from './history-store';

export interface HistoryWorkerData {
  dataDir: string;
  databaseUrl?: string;
  sqliteSynchronous?: Synchronous;
  logLevel: string;
}

/** Node → worker. */
export type ToWorker = { op: 'events'; batches: [string, BranchEvent[]][] } | { op: 'caughtUp'; id: number; branchId: string } | { op: 'stop'; id: number };
/** Worker → node. */
export type FromWorker = { op: 'ready' } | { op: 'done'; id: number; error?: string } | { op: 'log'; line: string } | { op: 'queued' };

const port = parentPort!;
const data = (workerData as { data: HistoryWorkerData }).data;
const post = (m: FromWorker) => port.postMessage(m);
// Its log lines go to the node's logger (one log, one place).
const logger = pino({ level: data.logLevel, base: undefined }, { write: (line: string) => post({ op: 'log', line }) });

async function open(): Promise<Sql> {
  if (data.databaseUrl) return openPostgres(data.databaseUrl, MIGRATIONS, { max: 4 });
  // The node's own file: migrated by the node already; this connection may wait for the node's
  // writes (busy_timeout), which blocks only this thread. The node checkpoints the WAL.
  const db = openDatabase(data.dataDir, data.sqliteSynchronous);
  db.pragma('wal_autocheckpoint = 0');
  return new SqliteSql(db);
}

const sql = await open();
const store = new SqlEventStore(sql);
const history = new HistoryService(sql, store, new HistoryStore(sql), logger);
// The outbox is filled here, in the read models' transaction; the node's dispatcher sends.
const outbox = new WebhookDispatcher(new WebhookStore(sql), { allowLocal: false, retryBaseMs: 0, queued: () => post({ op: 'queued' }) }, logger);
history.onChanges((tx, branchId, changes, state) => outbox.enqueue(tx, branchId, changes, state.config?.timezone));
const committed = new CommittedEvents(logger);
history.start(committed);

port.on('message', (m: ToWorker) => {
  switch (m.op) {
    case 'events':
      // The listeners here read the events only; the state argument is for the log line of a failing one.
      for (const [branchId, events] of m.batches) committed.emit(branchId, events, { seq: events[events.length - 1]!.seq } as BranchState);
      return;
    case 'caughtUp':
      history.caughtUp(m.branchId).then(
        () => post({ op: 'done', id: m.id }),
        (err: unknown) => post({ op: 'done', id: m.id, error: String(err) }),
      );
      return;
    case 'stop':
      void (async () => {
        let error: string | undefined;
        try {
          await history.stop();
          await sql.close();
        } catch (err) {
          error = String(err);
        }
        post({ op: 'done', id: m.id, ...(error ? { error } : {}) });
        port.close();
      })();
      return;
  }
});
post({ op: 'ready' });
