import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { BranchEvent } from '../../core';
import type { CommittedEvents } from '../commands/committed';
import type { EventStore } from '../store/event-store';
import type { Sql } from '../store/sql';
import { EstimatorCheckpoints } from './estimator-checkpoints';
import type { HistoryFollower } from './history-follower';
import type { FromWorker, HistoryWorkerData, ToWorker } from './history-worker';

/**
 * The history read models (issue 12) folded on a worker thread (history-worker.ts) instead of the
 * node's event loop: their projection, hash chain, estimator and writes were a quarter of a
 * command's CPU. This side hands the worker every committed batch (one message a turn of the
 * loop) and asks it for caughtUp(); the worker writes through a connection of its own, in the same
 * transactions as before, and says when it queued webhooks for this node's dispatcher to send.
 */
export class HistoryThread implements HistoryFollower {
  readonly estimators: EstimatorCheckpoints;
  private worker?: Worker;
  private unsubscribe?: () => void;
  private outgoing: [string, BranchEvent[]][] = [];
  private sending = false;
  private next = 1;
  private readonly waiting = new Map<number, { ok: () => void; fail: (e: Error) => void }>();
  private stopping?: Promise<void>;

  constructor(
    private readonly target: Omit<HistoryWorkerData, 'logLevel'>,
    sql: Sql,
    store: EventStore,
    private readonly logger: Logger,
    /** Something was queued in the webhook outbox. */
    private readonly queued: () => void = () => {},
  ) {
    // Replays read the checkpoints (and fill in missing ones) from here; the worker runs the one along the log.
    this.estimators = new EstimatorCheckpoints(sql, store);
  }

  start(committed: CommittedEvents): void {
    this.stopping = undefined;
    this.worker ??= this.spawn();
    this.unsubscribe = committed.on((branchId, events) => {
      this.outgoing.push([branchId, [...events]]);
      if (!this.sending) {
        this.sending = true;
        setImmediate(() => this.send());
      }
    });
  }

  caughtUp(branchId: string): Promise<void> {
    return this.call((id) => ({ op: 'caughtUp', id, branchId }));
  }

  stop(): Promise<void> {
    if (!this.worker) return Promise.resolve();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    return (this.stopping ??= this.call((id) => ({ op: 'stop', id })).finally(() => {
      const w = this.worker;
      this.worker = undefined;
      return w?.terminate();
    }).then(() => undefined));
  }

  /** The events committed in this turn of the loop, in one message (in order, before any later question). */
  private send(): void {
    this.sending = false;
    if (!this.outgoing.length || !this.worker) return;
    const batches = this.outgoing;
    this.outgoing = [];
    this.worker.postMessage({ op: 'events', batches } satisfies ToWorker);
  }

  private call(make: (id: number) => ToWorker): Promise<void> {
    if (!this.worker) return Promise.reject(new Error('the history thread is not running'));
    this.send();
    const id = this.next++;
    return new Promise<void>((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.worker!.postMessage(make(id));
    });
  }

  private spawn(): Worker {
    const require = createRequire(import.meta.url);
    const entry = new URL('./history-worker.ts', import.meta.url).href;
    // The worker reads TypeScript through tsx, registered in it (an eval'd worker gets no loader from
    // `--import tsx`, and vitest has none), by its ESM entry's path: the package's `require` entry
    // loads its hooks from a wrong relative path when imported.
    const register = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry, register, data: { ...this.target, logLevel: this.logger.level } },
    });
    worker.on('message', (m: FromWorker) => this.hear(m));
    worker.on('error', (err) => this.logger.error({ err }, 'history thread failed'));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      for (const w of this.waiting.values()) w.fail(new Error(`the history thread ended (${code})`));
      this.waiting.clear();
      // Ended by itself (not stopped): a new one, a second later, catches the read models up from the log.
      if (!this.stopping && this.unsubscribe) {
        this.logger.error({ code }, 'history thread ended; starting another');
        setTimeout(() => {
          if (!this.stopping && this.unsubscribe && !this.worker) this.worker = this.spawn();
        }, 1000).unref();
      }
    });
    return worker;
  }

  private hear(m: FromWorker): void {
    switch (m.op) {
      case 'done': {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error) w?.fail(new Error(m.error));
        else w?.ok();
        return;
      }
      case 'queued':
        this.queued();
        return;
      case 'log': {
        const { level, msg, time: _time, ...rest } = JSON.parse(m.line) as { level: number; msg?: string; time?: number };
        const label = (this.logger.levels.labels[level] ?? 'info') as 'info';
        this.logger[label]({ ...rest, thread: 'history' }, msg);
        return;
      }
      case 'ready':
        return;
    }
  }
}

const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.register) (await import(workerData.register)).register();
  await import(workerData.entry);
})().catch((err) => { setImmediate(() => { throw err; }); });
`;
