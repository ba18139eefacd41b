import { createServer, connect, type Server, type Socket as NetSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_AFTER_MS } from '../../core';
import { BranchStreamController, type StreamStatus } from '../../ui/stream/branch-stream';
import { key, removeDir, startTestServer, waitFor } from '../support/server';

/**
 * A link that dies without either end knowing — a NAT or Wi-Fi that drops a TV's connection and
 * sends nothing — leaves a socket open and silent: Socket.IO's own ping would notice only after
 * 45 s. The screen's stream (ui/stream/branch-stream.ts) marks its data stale within 5 s of
 * silence, and after 10 s reconnects by itself and resyncs from the seq it holds. The real
 * controller, socket.io-client and server, with a TCP relay in between that can go silent.
 */
class Relay {
  private readonly server: Server;
  private readonly links: { down: NetSocket; up: NetSocket; silent: boolean }[] = [];
  constructor(target: number) {
    this.server = createServer((down) => {
      const up = connect(target, '127.0.0.1');
      const link = { down, up, silent: false };
      this.links.push(link);
      // A silent link forwards nothing either way, and closes nothing: the connection just goes quiet.
      down.on('data', (d) => void (link.silent || up.write(d)));
      up.on('data', (d) => void (link.silent || down.write(d)));
      down.on('error', () => up.destroy());
      up.on('error', () => down.destroy());
      down.on('close', () => up.destroy());
      up.on('close', () => down.destroy());
    });
  }
  listen(): Promise<number> {
    return new Promise((ok) => this.server.listen(0, '127.0.0.1', () => ok((this.server.address() as AddressInfo).port)));
  }
  get connections(): number {
    return this.links.length;
  }
  /** Every connection made so far goes silent (new ones pass). */
  silenceAll(): void {
    for (const l of this.links) l.silent = true;
  }
  close(): void {
    for (const l of this.links) {
      l.down.destroy();
      l.up.destroy();
    }
    this.server.close();
  }
}

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
let relay: Relay;
let stream: BranchStreamController | undefined;

beforeAll(async () => {
  server = await startTestServer();
  relay = new Relay(server.port);
  const port = await relay.listen();
  // The controller connects where its page came from, as in a browser.
  (globalThis as unknown as { location?: URL }).location = new URL(`http://127.0.0.1:${port}/display/demo`);
});
afterAll(async () => {
  stream?.hostDisconnected();
  relay?.close();
  delete (globalThis as unknown as { location?: URL }).location;
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('a screen whose link goes silent', () => {
  it('marks itself stale within 5 s, reconnects by itself after 10 s, and shows exactly the log again', async () => {
    const statuses: { status: StreamStatus; at: number; connected: boolean; heardAgo: number }[] = [];
    let socket: Socket | undefined;
    const reasons: string[] = [];
    const host = {
      addController: () => {},
      requestUpdate: () => {
        const last = statuses[statuses.length - 1];
        if (stream && last?.status !== stream.status) {
          statuses.push({ status: stream.status, at: Date.now(), connected: socket?.connected ?? false, heardAgo: Date.now() - heardLocal });
        }
      },
    };
    let heardLocal = Date.now();
    stream = new BranchStreamController(host as never, () => 'demo', {
      onSocket: (s) => {
        socket = s;
        s.on('disconnect', (reason) => reasons.push(reason));
        // When the screen last heard anything from the server (its watchdog's own measure).
        s.onAny(() => (heardLocal = Date.now()));
      },
    });
    stream.hostConnected();
    await waitFor(() => stream!.status === 'live' && stream!.state !== null, 15_000, 'the screen to be live');
    expect(relay.connections).toBe(1);

    relay.silenceAll();
    const silentFrom = Date.now();
    const lastHeard = heardLocal;
    // Meanwhile a ticket is taken: the screen must show it once it is back.
    await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);

    await waitFor(() => stream!.status === 'stale', 15_000, 'the screen to mark itself stale');
    const stale = statuses.find((s) => s.status === 'stale' && s.at >= silentFrom)!;
    // By its silence watchdog, while the socket still believed itself connected — not after a disconnect.
    expect(stale.connected).toBe(true);
    expect(stale.at - lastHeard).toBeGreaterThanOrEqual(STALE_AFTER_MS);
    // Within 5 s of the last heartbeat heard, give or take a turn of the watchdog on a busy machine.
    expect(stale.at - lastHeard).toBeLessThan(STALE_AFTER_MS + 3_000);

    // It reconnects by itself: a new connection through the relay, the old one dropped by the
    // client ('io client disconnect'), not by Socket.IO's ping timeout 45 s later.
    await waitFor(() => relay.connections >= 2, 40_000, 'the screen to reconnect');
    expect(reasons[0]).toBe('io client disconnect');

    const head = (await request(server.url).get('/api/branches/demo/state')).body.state.seq as number;
    await waitFor(() => stream!.status === 'live' && stream!.replica.seq === head, 20_000, 'the screen to be live at the head again');
    expect(statuses.map((s) => s.status).filter((s) => s !== 'connecting')).toEqual(['live', 'stale', 'live']);
  }, 120_000);
});
