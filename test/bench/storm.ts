/**
 * Reconnect storm: 10,000 screens on 1,000 branches, the node killed (SIGKILL) and started again
 * on the same data and port. Measured: from the restart until every screen is live and exactly at
 * its branch's head seq, with commands arriving during the storm; no screen may have seen a gap it
 * could not fill (the client counts them) and none may end behind the log.
 */
import { Child, loadGenerator } from './lib/child';
import { HttpClient } from './lib/http';
import { fmt, type Row } from './lib/report';
import { now } from './lib/screen-client';

export interface StormResult {
  screens: number;
  liveMs: number;
  exactMs: number;
  listenMs: number;
  commandsDuring: number;
  gaps: number;
  refused: number;
  eldMaxMs: number;
  /** The load generator's CPU from the kill until every screen was exact (ms): it must not be the bound. */
  generatorCpuMs: number;
  /** The restarted node's CPU from its start until every screen was exact (ms). */
  nodeCpuMs: number;
}

type Status = { screens: number; live: number; exact: number; gaps: number; refused: number; stuck: { branches: number; upgrading: number; open: number }; cpuMs: number };

export async function reconnectStorm(dataDir: string, branches: number, perBranch: number, timeoutMs = 60_000): Promise<StormResult> {
  const names = Array.from({ length: branches }, (_, i) => `bench-${i}`);
  let node = new Child('lib/node-process.ts');
  const { url, port } = await node.call<{ url: string; port: number }>('start', { dataDir, branches });
  const gen = loadGenerator();
  try {
    await gen.call('open', { url, branches: names, perBranch, reconnect: true });
    const cpu0 = (await gen.call<Status>('status', { heads: {} })).cpuMs;
    await node.kill('SIGKILL');
    const t0 = now();
    node = new Child('lib/node-process.ts');
    await node.call('start', { dataDir, port, branches });
    const listenMs = now() - t0;
    await node.call('eld');
    // Commands keep coming while the screens return: 200 spread over the branches.
    const http = new HttpClient(url, 16);
    let commandsDuring = 0;
    const commands = (async () => {
      for (let i = 0; i < 200; i++) {
        await http.ticket(names[(i * 7) % names.length]!);
        commandsDuring++;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    let liveMs = NaN;
    let status: Status;
    // The log's heads are final once the 200 commands are acknowledged (nothing else writes): read
    // once then, not every turn — a GROUP BY over the log each 50 ms was the bench's CPU in the node.
    let heads: Record<string, number> = {};
    let headsFinal = false;
    for (;;) {
      if (!headsFinal && commandsDuring === 200) {
        heads = await node.call<Record<string, number>>('heads', { branches });
        headsFinal = true;
      }
      status = await gen.call<Status>('status', { heads });
      if (Number.isNaN(liveMs) && status.live === status.screens) liveMs = now() - t0;
      if (headsFinal && status.exact === status.screens) break;
      if (now() - t0 > timeoutMs) throw new Error(`storm: after ${timeoutMs} ms only ${status.exact} of ${status.screens} screens exact (${status.live} live, ${status.gaps} gaps filled, ${status.refused} connections refused; not live: ${status.stuck.branches} branches, ${status.stuck.upgrading} upgrading, ${status.stuck.open} open)`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await commands;
    const exactMs = now() - t0;
    const eld = await node.call<{ maxMs: number }>('eld');
    const nodeCpuMs = await node.call<number>('cpu');
    http.close();
    return { screens: status.screens, liveMs, exactMs, listenMs, commandsDuring, gaps: status.gaps, refused: status.refused, eldMaxMs: eld.maxMs, generatorCpuMs: status.cpuMs - cpu0, nodeCpuMs };
  } finally {
    await gen.call('close').catch(() => {});
    await gen.kill();
    await node.call('stop').catch(() => {});
    if (process.env.BENCH_CPU_PROF_DIR || process.env.BENCH_STALL_LOG) await node.call('exit').catch(() => {});
    await node.kill();
  }
}

export function stormRows(r: StormResult): Row[] {
  return [
    {
      what: `reconnect storm, ${fmt(r.screens)} screens: restart → every screen live / exact (s)`,
      value: `${fmt(r.liveMs / 1000, 1)} / ${fmt(r.exactMs / 1000, 1)}`,
      reference: `${fmt(r.listenMs / 1000, 1)}`,
      note: `reference: restart → listening; ${r.commandsDuring} commands during the storm, gaps the screens filled: ${r.gaps}; connections refused: ${r.refused}; event loop max ${fmt(r.eldMaxMs)} ms; CPU until exact: node ${fmt(r.nodeCpuMs / 1000, 1)} s, load generator ${fmt(r.generatorCpuMs / 1000, 1)} s (${fmt((r.generatorCpuMs / r.exactMs) * 100)}% of a core)`,
    },
  ];
}
