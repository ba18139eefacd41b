import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * What a process under test reports to the bench over IPC: memory after a full GC, the
 * event-loop delay since the last reading, and its own CPU time (user + system, ms).
 */
export type Probe = { op: 'mem' } | { op: 'eld' } | { op: 'cpu' } | { op: 'cpuMain' };

/**
 * The CPU time (ms) of the main thread alone, the one event loop every request passes: what
 * bounds a node's rate when other threads (WAL checkpoints, the history read models) take the rest.
 * Linux: /proc/self/task/<pid>/stat, in clock ticks (10 ms); elsewhere the whole process's.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
}

export interface MemReading {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  // Twice: the first pass frees what finalizers of the second would keep.
  gc();
  gc();
}

export async function answerProbe(p: Probe): Promise<unknown> {
  switch (p.op) {
    case 'mem': {
      fullGc();
      await new Promise((r) => setTimeout(r, 50));
      fullGc();
      const m = process.memoryUsage();
      return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers } satisfies MemReading;
    }
    case 'eld': {
      const r = { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6 };
      loop.reset();
      return r;
    }
    case 'cpu': {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    }
    case 'cpuMain':
      return mainThreadCpuMs();
  }
}

/** The child side of the IPC: `{id, ...request}` in, `{id, result | error}` out. */
export function serveIpc(handle: (msg: Record<string, unknown>) => Promise<unknown>): void {
  process.on('message', async (raw: { id: number } & Record<string, unknown>) => {
    if (raw.op === 'exit') {
      (await import('./stall-log')).writeStallLog();
      process.exit(0);
    }
    if (raw.op === 'heapsnapshot') {
      fullGc();
      const { writeHeapSnapshot } = await import('node:v8');
      process.send!({ id: raw.id, result: writeHeapSnapshot(raw.file as string) });
      return;
    }
    try {
      const result = (raw.op === 'mem' || raw.op === 'eld' || raw.op === 'cpu' || raw.op === 'cpuMain') ? await answerProbe(raw as unknown as Probe) : await handle(raw);
      process.send!({ id: raw.id, result });
    } catch (err) {
      process.send!({ id: raw.id, error: String((err as Error).stack ?? err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
