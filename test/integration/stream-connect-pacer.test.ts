import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Actor, Command } from '../../core';
import { CONNECTS_PER_TURN } from '../../server/realtime/connect-pacer';
import { removeDir, startTestServer, waitFor, type TestServer } from '../support/server';

/**
 * Screens' namespace connects are let in a few dozen per turn of the event loop
 * (server/realtime/connect-pacer.ts): a crowd whose connect packets arrive in one poll phase is
 * welcomed over several turns, every screen still gets the branch's state as the log has it
 * when it is let in, and what is committed while it waits reaches it once, in order.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

/** A screen spoken to by hand over `ws`, so the test decides when its connect packet goes out. */
interface RawScreen {
  ws: WebSocket;
  seqs: number[];
  gaps: number;
}

/** Opens the WebSocket and waits for engine.io's open packet; the Socket.IO connect is not sent yet. */
function openScreen(i: number): Promise<RawScreen> {
  return new Promise((resolve, reject) => {
    // Each from its own loopback address, as TVs behind their own links: the per-address limits stay out of it.
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { localAddress: `127.0.3.${i + 1}` });
    const screen: RawScreen = { ws, seqs: [], gaps: 0 };
    const last = () => screen.seqs[screen.seqs.length - 1] ?? -1;
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('0')) return resolve(screen);
      if (text === '2') return ws.send('3');
      if (!text.startsWith('42')) return;
      const [name, msg] = JSON.parse(text.slice(2)) as [string, { state?: { seq: number }; events?: { seq: number }[]; seq?: number }];
      if (name === 'snapshot') screen.seqs.push(msg.state!.seq);
      for (const e of name === 'catchup' ? msg.events! : name === 'event' ? [msg as { seq: number }] : []) {
        if (screen.seqs.length && e.seq !== last() + 1) screen.gaps++;
        screen.seqs.push(e.seq);
      }
    });
    ws.on('error', reject);
  });
}

const kiosk: Actor = { role: 'kiosk' };
let n = 0;
const ticket = () => {
  const key = `pacer-${++n}`;
  return { branch: 'demo', command: { type: 'IssueTicket', ticketId: `t-${key}`, service: 'teller' } satisfies Command, key, actor: kiosk, fingerprint: `fp-${key}` };
};

describe('a crowd of connect packets in one poll phase', () => {
  it('welcomes them a few dozen per turn, each at the log head, with a command committed while they wait', async () => {
    const screens = await Promise.all(Array.from({ length: 90 }, (_, i) => openScreen(i)));
    // Turns of this process's event loop, counted where the welcomes run (the check phase).
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const welcomedIn: number[] = [];
    let committed: Promise<unknown> | undefined;
    server.stream.io.on('connection', () => {
      welcomedIn.push(turn);
      // While the rest still wait their turn: they must get it in their snapshot, the first ones as an event.
      if (welcomedIn.length === 1) committed = server.commands.execute(ticket());
    });
    // All 90 written in one go: they reach the server in the same poll phase.
    for (const s of screens) s.ws.send(`40${JSON.stringify({ branch: 'demo', estimates: 'services' })}`);
    await waitFor(() => screens.every((s) => s.seqs.length > 0), 10_000, 'every screen welcomed');
    await committed;
    counting = false;
    const head = (await server.states.get('demo'))!.seq;
    await waitFor(() => screens.every((s) => s.seqs[s.seqs.length - 1] === head), 5_000, 'every screen at the head');

    const perTurn = new Map<number, number>();
    for (const t of welcomedIn) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(welcomedIn).toHaveLength(90);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(CONNECTS_PER_TURN);
    expect(perTurn.size).toBeGreaterThanOrEqual(Math.ceil(90 / CONNECTS_PER_TURN));
    expect(screens.map((s) => s.gaps)).toEqual(screens.map(() => 0));
    // Never a seq twice: the ones welcomed after the command do not hear it again as an event.
    expect(screens.every((s) => new Set(s.seqs).size === s.seqs.length)).toBe(true);
    expect(server.unhandledErrors()).toEqual([]);
    for (const s of screens) s.ws.terminate();
  }, 30_000);
});
