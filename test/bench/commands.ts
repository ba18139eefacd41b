/**
 * Persisted commands per second through the real HTTP path (kiosk tickets: REST, validation,
 * idempotency, decide, append in one transaction, broadcast), `concurrency` closed loops, against
 * the limit: a bare better-sqlite3 loop writing the same rows (the event and the idempotency
 * reply, one transaction per command) on the same schema and pragmas.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { openDatabase } from '../../server/store/db';
import { Child } from './lib/child';
import { pct } from './lib/http';
import { fmt, ratio, type Row } from './lib/report';
import { tempDir } from './lib/temp';

export interface Throughput {
  perSecond: number;
  p50: number;
  p99: number;
  generatorCpu: number;
  serverCpu: number;
  /** The main thread's share of it (the event loop; the rest: the history thread, WAL checkpoints). */
  serverMainCpu: number;
  eldMaxMs: number;
}

export async function httpCommands(url: string, server: Child, branches: string[], concurrency: number, seconds: number): Promise<Throughput> {
  const gen = new Child('lib/loadgen-process.ts');
  try {
    // Warm-up: JIT, statement caches, branch states in memory.
    await gen.call('commands', { url, branches, concurrency, seconds: 1 });
    await server.call('eld');
    const cpu0 = await server.call<number>('cpu');
    const main0 = await server.call<number>('cpuMain');
    const r = await gen.call<{ count: number; wallMs: number; latencies: number[]; cpuMs: number }>('commands', { url, branches, concurrency, seconds });
    const cpu1 = await server.call<number>('cpu');
    const main1 = await server.call<number>('cpuMain');
    const eld = await server.call<{ maxMs: number }>('eld');
    return {
      perSecond: r.count / (r.wallMs / 1000),
      p50: pct(r.latencies, 50),
      p99: pct(r.latencies, 99),
      generatorCpu: r.cpuMs / r.wallMs,
      serverCpu: (cpu1 - cpu0) / r.wallMs,
      serverMainCpu: (main1 - main0) / r.wallMs,
      eldMaxMs: eld.maxMs,
    };
  } finally {
    await gen.kill();
  }
}

/** The limit: the rows a ticket writes, written by better-sqlite3 directly, one transaction each. */
export function bareSqliteInserts(count: number): { perSecond: number; p99: number } {
  const dir = tempDir();
  const db = openDatabase(dir);
  try {
    db.prepare('INSERT INTO branches (id, created_at) VALUES (?, ?)').run('bench', Date.now());
    const insertEvent = db.prepare('INSERT INTO events (branch_id, seq, at, type, actor, payload) VALUES (?, ?, ?, ?, ?, ?)');
    const insertReply = db.prepare('INSERT INTO command_replies (branch_id, key, request_hash, status, body, at) VALUES (?, ?, ?, ?, ?, ?)');
    const write = db.transaction((seq: number) => {
      const at = Date.now();
      const payload = JSON.stringify({ type: 'TicketIssued', ticket: { id: randomUUID(), service: 'teller', number: `A${seq % 1000}`, day: '2026-12-01' } });
      insertEvent.run('bench', seq, at, 'TicketIssued', '{"role":"kiosk"}', payload);
      insertReply.run('bench', randomUUID(), 'f'.repeat(64), 201, `{"ok":true,"seq":${seq},"events":["TicketIssued"],"ticket":${payload}}`, at);
    });
    const times: number[] = [];
    const t0 = performance.now();
    for (let seq = 1; seq <= count; seq++) {
      const s = performance.now();
      write(seq);
      times.push(performance.now() - s);
    }
    return { perSecond: count / ((performance.now() - t0) / 1000), p99: pct(times, 99) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function commandRows(store: string, concurrency: number, t: Throughput, limit: { perSecond: number; p99: number }): Row {
  return {
    what: `${store}: persisted commands/s over HTTP at concurrency ${concurrency}, p50 / p99 (ms)`,
    value: `${fmt(t.perSecond)}/s, ${fmt(t.p50, 1)} / ${fmt(t.p99, 1)}`,
    reference: `${fmt(limit.perSecond)}/s, p99 ${fmt(limit.p99, 2)}`,
    ratio: ratio(t.perSecond, limit.perSecond),
    note: `server CPU ${fmt(t.serverCpu * 100)}% (${fmt((t.serverCpu * 1000) / t.perSecond, 2)} ms a command; main thread ${fmt(t.serverMainCpu * 100)}%, ${fmt((t.serverMainCpu * 1000) / t.perSecond, 2)} ms), generator ${fmt(t.generatorCpu * 100)}%, event loop max ${fmt(t.eldMaxMs)} ms`,
  };
}

/** The HTTP floor's row (lib/bare-http-process.ts): the most any HTTP command path can do here. */
export function floorRow(concurrency: number, t: Throughput): Row {
  return {
    what: `HTTP floor (express + helmet + JSON, no work) at concurrency ${concurrency}, p50 / p99 (ms)`,
    value: `${fmt(t.perSecond)}/s, ${fmt(t.p50, 1)} / ${fmt(t.p99, 1)}`,
    note: `server CPU ${fmt(t.serverCpu * 100)}% (${fmt((t.serverCpu * 1000) / t.perSecond, 2)} ms a request), generator ${fmt(t.generatorCpu * 100)}%`,
  };
}
