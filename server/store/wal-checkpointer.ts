import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db';

/** How often the worker moves committed pages from the WAL into the database. */
const EVERY_MS = 500;

/**
 * Checkpoints SQLite's write-ahead log from a worker thread with a connection of its own, so the
 * copy into the database file and its fsync never run on the event loop. Left to itself, SQLite
 * checkpoints inside the COMMIT that crosses 1,000 WAL pages: measured, that one commit in a few
 * hundred took 5–140 ms and held every command and screen behind it. The worker runs PASSIVE
 * checkpoints (never blocking the writer); what is durable is unchanged — commits were already
 * in the WAL, and a checkpoint only moves them. If the worker fails, SQLite's own automatic
 * checkpoints come back.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(
    private readonly db: Db,
    file: string,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    const require = createRequire(import.meta.url);
    this.worker = new Worker(WORKER, { eval: true, workerData: { module: require.resolve('better-sqlite3'), file, everyMs: EVERY_MS, synchronous: db.pragma('synchronous', { simple: true }) } });
    this.worker.unref();
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
  }

  /** Stops the worker after a last checkpoint (the database closes after this). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise<void>((ok) => this.worker.once('exit', () => ok()));
    // Held while it stops: unref'd, a process with nothing else to do would end before close() resolved.
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
  }

  private fallBack(): void {
    if (this.stopped || !this.db.open) return;
    this.stopped = true;
    this.db.pragma('wal_autocheckpoint = 1000');
  }
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + Number(workerData.synchronous));
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;
