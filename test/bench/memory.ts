/**
 * Memory per idle lobby socket: heap and RSS of the server process after a full GC, before and
 * after 10,000 screens (10 on each of 1,000 branches) connected and went quiet. The reference is
 * the bare `ws` server holding the same sockets from the same load generator.
 */
import { Child, loadGenerator } from './lib/child';
import type { MemReading } from './lib/probes';
import { fmt, ratio, type Row } from './lib/report';

export interface PerSocket {
  heap: number;
  rss: number;
  openMs: number;
  /**
   * The same split in two (with `split`): the heap per branch that its first screen brought
   * (the screen and what the node keeps per branch: its state, estimator, rooms), and per each
   * further screen of a branch (what a socket alone costs).
   */
  firstOfBranch?: number;
  furtherScreen?: number;
}

const idle = () => new Promise((r) => setTimeout(r, 6000));

export async function perIdleSocket(url: string, server: Child, branches: number, perBranch: number, split = false): Promise<PerSocket> {
  const gen = loadGenerator();
  try {
    const names = Array.from({ length: branches }, (_, i) => `bench-${i}`);
    const before = await server.call<MemReading>('mem');
    let first: MemReading | undefined;
    let openMs = 0;
    if (split && perBranch > 1) {
      openMs += (await gen.call<{ ms: number }>('open', { url, branches: names, perBranch: 1 })).ms;
      await idle();
      first = await server.call<MemReading>('mem');
    }
    openMs += (await gen.call<{ ms: number }>('open', { url, branches: names, perBranch: first ? perBranch - 1 : perBranch })).ms;
    // Idle: past the first estimates and a few ticks and pings.
    await idle();
    const after = await server.call<MemReading>('mem');
    const n = branches * perBranch;
    return {
      heap: (after.heapUsed - before.heapUsed) / n,
      rss: (after.rss - before.rss) / n,
      openMs,
      ...(first ? { firstOfBranch: (first.heapUsed - before.heapUsed) / branches, furtherScreen: (after.heapUsed - first.heapUsed) / (n - branches) } : {}),
    };
  } finally {
    await gen.call('close').catch(() => {});
    await gen.kill();
  }
}

export function memoryRows(n: number, subject: PerSocket, reference: PerSocket): Row[] {
  const rows: Row[] = [
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
  if (subject.firstOfBranch !== undefined) rows.push(splitRow('Branchboard', subject));
  return rows;
}

/** The heap per socket split into a branch's first screen and each further one (see PerSocket). */
export function splitRow(what: string, s: PerSocket): Row {
  return {
    what: `…${what}: a branch's first screen / each further screen, heap (KB)`,
    value: `${fmt(s.firstOfBranch! / 1024, 2)} / ${fmt(s.furtherScreen! / 1024, 2)}`,
    note: 'the first brings what the node keeps per branch',
  };
}
