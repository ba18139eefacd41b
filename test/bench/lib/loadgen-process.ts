/**
 * A load generator: holds thousands of screens (the light client in screen-client.ts) and
 * records when each live event reached each of them. Driven by the bench over IPC.
 */
import { HttpClient } from './http';
import { now, Screen } from './screen-client';
import { serveIpc } from './probes';

let screens: Screen[] = [];
/** This generator's source addresses are 127.<block>.x.y (lib/child.ts, loadGenerator). */
const block = Number(process.env.BENCH_ADDRESS_BLOCK ?? 1);
/** Arrivals recorded while armed: branch → seq → arrival times. */
let arrivals = new Map<string, Map<number, number[]>>();
let armed = false;
let cpuAtArm = 0;
let armedAt = 0;

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function record(screen: Screen, seq: number, at: number): void {
  if (!armed) return;
  let bySeq = arrivals.get(screen.branch);
  if (!bySeq) arrivals.set(screen.branch, (bySeq = new Map()));
  let list = bySeq.get(seq);
  if (!list) bySeq.set(seq, (list = []));
  list.push(at);
}

async function openAll(url: string, branches: string[], perBranch: number, reconnect: boolean, concurrency: number): Promise<number> {
  const todo: Screen[] = [];
  // 50 screens per source address (127.N.x.y, N this generator's block), below the server's 100
  // sockets and 100-connect burst per address.
  const from = (k: number) => `127.${block}.${Math.floor(k / 50 / 250)}.${(Math.floor(k / 50) % 250) + 1}`;
  for (const b of branches) for (let i = 0; i < perBranch; i++) todo.push(new Screen(url, b, record, reconnect, from(screens.length + todo.length)));
  const t0 = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < todo.length) {
        const s = todo[next++]!;
        await s.connect();
      }
    }),
  );
  screens.push(...todo);
  return now() - t0;
}

serveIpc(async (msg) => {
  switch (msg.op) {
    case 'open': {
      const { url, branches, perBranch, reconnect = false, concurrency = 200 } = msg as unknown as { url: string; branches: string[]; perBranch: number; reconnect?: boolean; concurrency?: number };
      const ms = await openAll(url, branches, perBranch, reconnect, concurrency);
      return { screens: screens.length, ms };
    }
    case 'arm':
      arrivals = new Map();
      armed = true;
      cpuAtArm = cpuMs();
      armedAt = now();
      return null;
    case 'collect': {
      // sends: [branch, seq, t0][] → per delivery latency (ms) and per command time to its last screen.
      armed = false;
      const sends = msg.sends as [string, number, number][];
      const perDelivery: number[] = [];
      const lastScreen: number[] = [];
      let missing = 0;
      const expected = new Map<string, number>();
      for (const s of screens) expected.set(s.branch, (expected.get(s.branch) ?? 0) + 1);
      for (const [branch, seq, t0] of sends) {
        const list = arrivals.get(branch)?.get(seq) ?? [];
        missing += (expected.get(branch) ?? 0) - list.length;
        let last = 0;
        for (const at of list) {
          perDelivery.push(Math.round((at - t0) * 100) / 100);
          last = Math.max(last, at - t0);
        }
        if (list.length) lastScreen.push(Math.round(last * 100) / 100);
      }
      return { perDelivery, lastScreen, missing, cpuMs: cpuMs() - cpuAtArm, wallMs: now() - armedAt };
    }
    case 'wait': {
      // Resolves when every screen of `branch` holds `seq` (or after timeoutMs).
      const { branch, seq, timeoutMs = 10_000 } = msg as unknown as { branch: string; seq: number; timeoutMs?: number };
      const t0 = Date.now();
      const mine = screens.filter((s) => s.branch === branch);
      while (mine.some((s) => s.seq < seq) && Date.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 2));
      return mine.every((s) => s.seq >= seq);
    }
    case 'status': {
      // heads: branch → the log's seq; answers how many screens are live and exactly at it.
      const heads = (msg.heads ?? {}) as Record<string, number>;
      let live = 0;
      let exact = 0;
      let lastLiveAt = 0;
      let gaps = 0;
      let duplicates = 0;
      let refused = 0;
      for (const s of screens) {
        if (s.live) live++;
        if (s.live && heads[s.branch] === s.seq) exact++;
        lastLiveAt = Math.max(lastLiveAt, s.liveAt);
        gaps += s.stats.gaps;
        refused += s.stats.refused;
        duplicates += s.stats.duplicates;
      }
      // Screens not live: on how many branches, and whether their WebSocket is still upgrading (0) or open (1).
      const notLive = screens.filter((s) => !s.live);
      const stuck = { branches: new Set(notLive.map((s) => s.branch)).size, upgrading: notLive.filter((s) => s.wsState === 0).length, open: notLive.filter((s) => s.wsState === 1).length };
      return { screens: screens.length, live, exact, lastLiveAt, gaps, duplicates, refused, stuck, cpuMs: cpuMs() };
    }
    case 'commands': {
      // `concurrency` closed loops of kiosk tickets over `branches` for `seconds`: persisted commands/s and latency.
      const { url, branches, concurrency, seconds } = msg as unknown as { url: string; branches: string[]; concurrency: number; seconds: number };
      const http = new HttpClient(url, concurrency);
      const latencies: number[] = [];
      const cpu0 = cpuMs();
      const t0 = now();
      const end = t0 + seconds * 1000;
      let n = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (now() < end) {
            const branch = branches[n++ % branches.length]!;
            const s = now();
            await http.ticket(branch);
            latencies.push(now() - s);
          }
        }),
      );
      const wallMs = now() - t0;
      http.close();
      return { count: latencies.length, wallMs, latencies, cpuMs: cpuMs() - cpu0 };
    }
    case 'close':
      for (const s of screens) s.close();
      screens = [];
      return null;
  }
  throw new Error(`unknown op ${String(msg.op)}`);
});
