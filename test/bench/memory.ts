/**
 * Memory per idle lobby socket: heap and RSS of the server process after a full GC, before and
 * after 10,000 screens (10 on each of 1,000 branches) connected and went quiet. The reference is
 * the bare `ws` server holding the same sockets from the same load generator.
 */
import { Child } from './lib/child';
import type { MemReading } from './lib/probes';
import { fmt, ratio, type Row } from './lib/report';

export interface PerSocket {
  heap: number;
  rss: number;
  openMs: number;
}

export async function perIdleSocket(url: string, server: Child, branches: number, perBranch: number): Promise<PerSocket> {
  const gen = new Child('lib/loadgen-process.ts');
  try {
    const before = await server.call<MemReading>('mem');
    const { ms } = await gen.call<{ ms: number }>('open', { url, branches: Array.from({ length: branches }, (_, i) => `bench-${i}`), perBranch });
    // Idle: past the first estimates and a few ticks and pings.
    await new Promise((r) => setTimeout(r, 6000));
    const after = await server.call<MemReading>('mem');
    const n = branches * perBranch;
    return { heap: (after.heapUsed - before.heapUsed) / n, rss: (after.rss - before.rss) / n, openMs: ms };
  } finally {
    await gen.call('close').catch(() => {});
    await gen.kill();
  }
}

export function memoryRows(n: number, subject: PerSocket, reference: PerSocket): Row[] {
  return [
    {
      what: `heap per idle lobby socket at ${fmt(n)} (KB)`,
      value: fmt(subject.heap / 1024, 2),
      reference: fmt(reference.heap / 1024, 2),
      ratio: ratio(subject.heap, reference.heap),
      note: 'after a full GC; target ≤ 8 KB',
    },
    {
      what: `RSS per idle lobby socket at ${fmt(n)} (KB)`,
      value: fmt(subject.rss / 1024, 2),
      reference: fmt(reference.rss / 1024, 2),
      ratio: ratio(subject.rss, reference.rss),
      note: `connecting them took ${fmt(subject.openMs / 1000, 1)} s / ${fmt(reference.openMs / 1000, 1)} s`,
    },
  ];
}
