import request from 'supertest';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitEstimates } from '../../core';
import { HEARTBEAT_BURST } from '../../server/realtime/heartbeat-parts';
import { key, once, removeDir, startTestServer, waitFor, type StreamClient, type TestServer } from '../support/server';

/**
 * A branch with more screens than a burst hears its heartbeat in parts, one part per turn of the
 * ticker (server/realtime/heartbeat-parts.ts): still every screen once a period, with the branch's
 * seq and the estimates after a change, the lobbies the services' only, the phones every ticket's.
 */
const LOBBIES = HEARTBEAT_BURST + 30;
const PHONES = 5;
let server: TestServer;
const sockets: StreamClient[] = [];

/** A screen behind one of 20 addresses (the proxy says which), so the per-address limits let them all in. */
function screen(i: number, lobby: boolean): StreamClient {
  return io(server.url, {
    auth: lobby ? { branch: 'demo', estimates: 'services' } : { branch: 'demo' },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': `10.9.0.${(i % 20) + 1}` },
  }) as StreamClient;
}

beforeAll(async () => {
  server = await startTestServer({ trustProxy: ['loopback'], ticketsPerMinute: 1000 });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('the heartbeat of a branch with many screens', () => {
  it(`reaches each of ${LOBBIES + PHONES} screens with the seq and the estimates after a ticket, lobbies without every ticket's`, async () => {
    for (let i = 0; i < LOBBIES + PHONES; i++) sockets.push(screen(i, i >= PHONES));
    await Promise.all(sockets.map((s) => once(s, 'snapshot', 60_000)));
    const heard = sockets.map(() => [] as { seq: number; estimates?: WaitEstimates }[]);
    sockets.forEach((s, i) => s.on('tick', (t) => void heard[i]!.push(t)));

    const res = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);
    const { seq, ticket } = res.body as { seq: number; ticket: { id: string } };
    // Every screen's next heartbeat says the new seq; the estimates after the ticket ride on one.
    const after = (i: number) => heard[i]!.find((t) => t.seq >= seq && t.estimates && (t.estimates.seq ?? 0) >= seq);
    await waitFor(() => heard.every((_, i) => after(i)), 30_000, 'every screen a heartbeat with the estimates after the ticket');
    for (let i = 0; i < sockets.length; i++) {
      const t = after(i)!;
      if (i < PHONES) expect(t.estimates!.tickets?.[ticket.id]).toBeDefined();
      else expect(t.estimates!.tickets).toBeUndefined();
      expect(t.estimates!.services.teller).toBeDefined();
    }
    expect(server.unhandledErrors()).toEqual([]);
  }, 90_000);
});
