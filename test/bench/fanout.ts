/**
 * Fan-out: a command → every screen of its branch. (a) one branch with many screens, commands one
 * after another; (b) 1,000 branches × 10 screens with commands arriving at 200/s spread over them.
 * Reference: the bare `ws` server sending the same bytes to the same number of sockets, driven by
 * the same load generator.
 */
import { Child, loadGenerator } from './lib/child';
import { HttpClient, pct } from './lib/http';
import { fmt, ratio, type Row } from './lib/report';
import { now } from './lib/screen-client';

interface Collected {
  perDelivery: number[];
  lastScreen: number[];
  missing: number;
  cpuMs: number;
  wallMs: number;
  /** The server's own: event-loop delay max and CPU over the measured window. */
  server?: { eldMaxMs: number; cpuMs: number };
}

export interface Target {
  url: string;
  /** Sends the next command to `branch` and resolves with the seq it made. */
  send(branch: string): Promise<number>;
  /** The server process, for its event-loop delay and CPU. */
  process: Child;
}

async function window<T extends Collected>(target: Target, measure: () => Promise<T>): Promise<T> {
  await target.process.call('eld');
  const cpu0 = await target.process.call<number>('cpu');
  const result = await measure();
  const cpu1 = await target.process.call<number>('cpu');
  const eld = await target.process.call<{ maxMs: number }>('eld');
  return { ...result, server: { eldMaxMs: eld.maxMs, cpuMs: cpu1 - cpu0 } };
}

/** Branchboard as a target: a kiosk ticket over REST. */
export function branchboardTarget(url: string, process: Child): Target {
  const http = new HttpClient(url, 256);
  return { url, process, send: (b) => http.ticket(b) };
}

/** The reference as a target: the same frame bytes (with the next seq) posted to /send. */
export function referenceTarget(url: string, process: Child, frame: string): Target {
  const http = new HttpClient(url, 256);
  const seqs = new Map<string, number>();
  const [name, event] = JSON.parse(frame.slice(2)) as [string, Record<string, unknown>];
  return {
    url,
    process,
    async send(branch) {
      const seq = (seqs.get(branch) ?? 0) + 1;
      seqs.set(branch, seq);
      const res = await http.post(`/send?branch=${encodeURIComponent(branch)}`, `42${JSON.stringify([name, { ...event, branchId: branch, seq }])}`);
      if (res.status !== 200) throw new Error(`reference /send: ${res.status}`);
      return seq;
    },
  };
}

export async function oneBranch(target: Target, screens: number, rounds: number): Promise<Collected> {
  const gen = loadGenerator();
  try {
    await gen.call('open', { url: target.url, branches: ['bench-0'], perBranch: screens });
    await target.send('bench-0'); // warm-up: JIT, caches
    return await window(target, async () => {
      await gen.call('arm');
      const sends: [string, number, number][] = [];
      for (let r = 0; r < rounds; r++) {
        const t0 = now();
        const seq = await target.send('bench-0');
        sends.push(['bench-0', seq, t0]);
        // A screen that lost its link (a ping unanswered on a busy machine) counts as missing, not as a stall.
        await gen.call<boolean>('wait', { branch: 'bench-0', seq, timeoutMs: 5000 });
      }
      return await gen.call<Collected>('collect', { sends });
    });
  } finally {
    await gen.call('close').catch(() => {});
    await gen.kill();
  }
}

export async function manyBranches(target: Target, branches: number, perBranch: number, perSecond: number, seconds: number): Promise<Collected> {
  const gen = loadGenerator();
  const names = Array.from({ length: branches }, (_, i) => `bench-${i}`);
  try {
    await gen.call('open', { url: target.url, branches: names, perBranch });
    // Steady state, not the connection wave: the screens' snapshots and first estimates are sent
    // (the storm section measures the wave).
    await new Promise((r) => setTimeout(r, 5000));
    return await window(target, async () => {
    await gen.call('arm');
    const sends: [string, number, number][] = [];
    const inFlight: Promise<void>[] = [];
    const total = perSecond * seconds;
    const start = now();
    for (let i = 0; i < total; i++) {
      // Open loop: each command leaves at its planned time, whether or not earlier ones are done.
      const due = start + (i * 1000) / perSecond;
      const wait = due - now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const branch = names[Math.floor(Math.random() * names.length)]!;
      const t0 = now();
      inFlight.push(target.send(branch).then((seq) => void sends.push([branch, seq, t0])));
    }
    await Promise.all(inFlight);
    await new Promise((r) => setTimeout(r, 1000)); // the last events' way to the screens
    return await gen.call<Collected>('collect', { sends });
    });
  } finally {
    await gen.call('close').catch(() => {});
    await gen.kill();
  }
}

export function fanoutRows(label: string, subject: Collected, reference: Collected): Row[] {
  const cpu = (c: Collected) => fmt((c.cpuMs / c.wallMs) * 100);
  const cpuServer = (c: Collected) => fmt(((c.server?.cpuMs ?? NaN) / c.wallMs) * 100);
  const p = (c: Collected, q: number) => pct(c.perDelivery, q);
  return [
    {
      what: `${label}: command → each screen, p50 / p99 (ms)`,
      value: `${fmt(p(subject, 50), 1)} / ${fmt(p(subject, 99), 1)}`,
      reference: `${fmt(p(reference, 50), 1)} / ${fmt(p(reference, 99), 1)}`,
      ratio: ratio(p(subject, 99), p(reference, 99)),
      note: `${subject.perDelivery.length} deliveries, ${subject.missing} missing`,
    },
    {
      what: `${label}: command → its last screen, p50 / p99 (ms)`,
      value: `${fmt(pct(subject.lastScreen, 50), 1)} / ${fmt(pct(subject.lastScreen, 99), 1)}`,
      reference: `${fmt(pct(reference.lastScreen, 50), 1)} / ${fmt(pct(reference.lastScreen, 99), 1)}`,
      ratio: ratio(pct(subject.lastScreen, 99), pct(reference.lastScreen, 99)),
      note: `load generator CPU ${cpu(subject)}% / ${cpu(reference)}% of a core`,
    },
    {
      what: `${label}: server event-loop delay max (ms), CPU`,
      value: `${fmt(subject.server?.eldMaxMs ?? NaN, 1)}, ${cpuServer(subject)}%`,
      reference: `${fmt(reference.server?.eldMaxMs ?? NaN, 1)}, ${cpuServer(reference)}%`,
      ratio: ratio(subject.server?.eldMaxMs ?? NaN, reference.server?.eldMaxMs ?? NaN),
      note: 'CPU in % of one core over the measured window',
    },
  ];
}
