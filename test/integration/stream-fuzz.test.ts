import fc from 'fast-check';
import { connect as tcp } from 'node:net';
import request from 'supertest';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamHandshake } from '../../core';
import { branchState, connectStream, DEMO_PASSWORD, once, openDemoBranch, openTestSql, removeDir, startTestServer, type StreamClient } from '../support/server';

/**
 * Issue 10: hostile input on the socket stream — generated handshakes (fixed seed) and generated
 * events from connected clients. Asserts: a bad handshake is refused with a code and the socket
 * closed, nothing is logged as an error, the branch does not change, and the stream still serves
 * a good client afterwards. The server trusts the loopback proxy so each handshake can come from
 * its own address (the per-address connection limits are tested in hardening-flood.test.ts).
 */
const HANDSHAKES = Number(process.env.HOSTILE_HANDSHAKES) || 800;
const EVENTS = Number(process.env.HOSTILE_EVENTS) || 5_400;

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ trustProxy: ['loopback'] });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

let address = 0;
function connect(auth: unknown): StreamClient {
  const n = ++address;
  return io(server.url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { 'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
  }) as StreamClient;
}

/** What the server did with a handshake: the first of refused / snapshot / catchup / a disconnect. */
function outcome(socket: StreamClient): Promise<string> {
  return new Promise((resolve) => {
    const s = socket as unknown as { on(e: string, cb: (p: unknown) => void): void };
    const done = (what: string) => () => resolve(what);
    s.on('refused', (r) => resolve(`refused:${(r as { code: string }).code}`));
    s.on('snapshot', done('snapshot'));
    s.on('catchup', done('catchup'));
    s.on('disconnect', done('disconnect'));
    s.on('connect_error', done('connect_error'));
    setTimeout(done('silence'), 10_000);
  });
}

const nearShape = fc.record(
  {
    branch: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('demo ', 'DEMO', '../demo', 'demo\u0000', 'x'.repeat(41), 'no-such-branch'), fc.jsonValue()),
    lastSeq: fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, '5', null, true), fc.jsonValue()),
    screen: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('\u0000'.repeat(20), 'x'.repeat(20) + '\u2028'), fc.jsonValue()),
    // The lobby's option: only the services' estimates. Anything but the one word is refused.
    estimates: fc.oneof(fc.constantFrom('services', 'Services', 'services ', 'tickets', 'all', '', null, true, 1, ['services'], { services: true }), fc.jsonValue()),
    constructor: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
/** Handshakes a server must refuse: wrong shape, or a branch that does not exist. */
const badHandshake = fc
  .oneof(nearShape, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined))
  .filter((a) => {
    const r = StreamHandshake.safeParse(a);
    return !r.success || r.data.branch !== 'demo';
  });

describe(`${HANDSHAKES} hostile handshakes and ${EVENTS} hostile events on the stream`, () => {
  it('every bad handshake is refused with a code; nothing is logged as an error', { timeout: 240_000 }, async () => {
    const inputs = fc.sample(badHandshake, { numRuns: HANDSHAKES, seed: 20261202 });
    const seq = (await branchState(server.url)).seq;
    const outcomes = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= inputs.length) return;
        const socket = connect(inputs[i]);
        const what = await outcome(socket);
        socket.disconnect();
        outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
        // An auth that is not an object is not a socket.io handshake at all: the protocol layer drops it.
        const object = typeof inputs[i] === 'object' && inputs[i] !== null && !Array.isArray(inputs[i]);
        const fine = what === 'refused:invalid' || what === 'refused:unknown_branch' || (!object && (what === 'disconnect' || what === 'connect_error'));
        if (!fine) throw new Error(`handshake ${JSON.stringify(inputs[i])} → ${what}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect((outcomes.get('refused:invalid') ?? 0) + (outcomes.get('refused:unknown_branch') ?? 0)).toBeGreaterThan(HANDSHAKES / 2);
    expect(server.unhandledErrors()).toEqual([]);
    expect((await branchState(server.url)).seq).toBe(seq);
    console.log(`hostile handshakes: ${inputs.length}; ${JSON.stringify(Object.fromEntries(outcomes))}`);
  });

  it('a good branch with a wrongly typed option is refused, not crashed on nor half-served; with the options right (or unknown fields beside them) it is served', { timeout: 60_000 }, async () => {
    const seq = (await branchState(server.url)).seq;
    const refused: unknown[] = [
      { branch: 'demo', estimates: 'Services' },
      { branch: 'demo', estimates: 'tickets' },
      { branch: 'demo', estimates: ['services'] },
      { branch: 'demo', estimates: { toString: 'services' } },
      { branch: 'demo', estimates: null },
      { branch: 'demo', estimates: 1 },
      { branch: 'demo', lastSeq: '3' },
      { branch: 'demo', lastSeq: -1 },
      { branch: 'demo', lastSeq: 1.5 },
      { branch: 'demo', lastSeq: null },
      { branch: 'demo', screen: 12345678901234567890 },
      { branch: 'demo', screen: { token: 'x'.repeat(30) } },
      { branch: 'demo', screen: 'short' },
      { branch: 'demo', screen: 'x'.repeat(101) },
      { branch: ['demo'] },
      { branch: { toString: 'demo' } },
    ];
    for (const auth of refused) {
      const socket = connect(auth);
      expect(await outcome(socket), JSON.stringify(auth)).toBe('refused:invalid');
      socket.disconnect();
    }
    const served: [unknown, string][] = [
      [{ branch: 'demo', estimates: 'services' }, 'snapshot'],
      [{ branch: 'demo', estimates: 'services', lastSeq: seq }, 'catchup'],
      // A screen ahead of the log (a database restored from backup) is given the truth afresh.
      [{ branch: 'demo', estimates: 'services', lastSeq: seq + 1_000_000 }, 'snapshot'],
      [{ branch: 'demo', lastSeq: 0, unknown: { deep: [1, { x: '</script>' }] }, __proto__: { estimates: 'tickets' } }, 'catchup'],
      // A screen token of the right shape that pairs with nothing: the board is public, the socket is told it is unpaired.
      [{ branch: 'demo', estimates: 'services', screen: 'no-such-screen-token-0000' }, 'snapshot'],
    ];
    for (const [auth, first] of served) {
      const socket = connect(auth);
      expect(await outcome(socket), JSON.stringify(auth)).toBe(first);
      socket.disconnect();
    }
    // A lobby asking for the services' estimates gets those, never every waiting ticket's.
    const lobby = connect({ branch: 'demo', estimates: 'services' });
    const phone = connect({ branch: 'demo' });
    try {
      const withEstimates = (s: StreamClient) =>
        new Promise<Record<string, unknown>>((resolve) => {
          const seen = (m: { estimates?: unknown }) => m.estimates && resolve(m.estimates as Record<string, unknown>);
          s.on('snapshot', seen);
          s.on('tick', seen);
        });
      const [forLobby, forPhone] = await Promise.all([withEstimates(lobby), withEstimates(phone)]);
      expect(Object.keys(forLobby.services as object).length).toBeGreaterThan(0);
      expect(forLobby.tickets).toBeUndefined();
      expect(forPhone.tickets).toBeDefined();
    } finally {
      lobby.disconnect();
      phone.disconnect();
    }
    expect(server.unhandledErrors()).toEqual([]);
    expect((await branchState(server.url)).seq).toBe(seq);
  });

  it('raw upgrade requests that are not WebSocket handshakes, or stop halfway, are answered or closed; the stream serves on', { timeout: 120_000 }, async () => {
    const port = Number(new URL(server.url).port);
    const ws = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n';
    const key = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    const path = '/socket.io/?EIO=4&transport=websocket';
    const requests = [
      `GET ${path} HTTP/1.1\r\nHost: x\r\n${ws}\r\n`, // no key
      `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n${key}\r\n`,
      `GET /socket.io/?EIO=99&transport=websocket HTTP/1.1\r\nHost: x\r\n${ws}${key}\r\n`,
      `GET /socket.io/?EIO=4&transport=carrier-pigeon HTTP/1.1\r\nHost: x\r\n${ws}${key}\r\n`,
      `GET /api/branches/demo/state HTTP/1.1\r\nHost: x\r\n${ws}${key}\r\n`,
      `GET /display/demo HTTP/1.1\r\nHost: x\r\n${ws}${key}\r\n`,
      `POST ${path} HTTP/1.1\r\nHost: x\r\n${ws}${key}Content-Length: 5\r\n\r\nhello`,
      `GET ${path}&sid=${'x'.repeat(5000)} HTTP/1.1\r\nHost: x\r\n${ws}${key}\r\n`,
      `GET ${path} HTTP/1.1\r\nHost: x\r\n${ws}${key}Cookie: bb_session=%; bb_session=${'A'.repeat(3000)}\r\nX-Forwarded-For: not-an-address, ::ffff:999.1.1.1\r\n\r\n`,
      `GET ${path} HTTP/1.1\r\nHost: x\r\n${ws}${key}\r\n\x89\x80\x00\x00\x00\x00\xff\xff\xff\xff`, // the handshake, then garbage frames
      `GET ${path} HTTP/1.1\r\nHost: x\r\n${ws}`, // stops halfway through its headers
    ];
    const errorsBefore = server.unhandledErrors().length;
    const outcomes = await Promise.all(
      requests.map(
        (text, i) =>
          new Promise<string>((resolve) => {
            const c = tcp(port, '127.0.0.1', () => c.write(Buffer.from(text, 'latin1')));
            let got = '';
            const done = (what: string) => {
              resolve(`${i}: ${what}`);
              c.destroy();
            };
            // Answered (a status line), or closed by the server; the one left halfway is hung up on by us.
            c.on('data', (d) => {
              got += d.toString('latin1');
              if (got.includes('\r\n')) done(got.split('\r\n')[0]!);
            });
            c.on('error', () => undefined);
            c.on('close', () => done('closed'));
            setTimeout(() => done('silence'), i === requests.length - 1 ? 2000 : 30_000);
          }),
      ),
    );
    for (const o of outcomes.slice(0, -1)) expect(o, o).toMatch(/: (HTTP\/1\.1 (101|4\d\d)|closed)/);
    expect(server.unhandledErrors().slice(errorsBefore)).toEqual([]);
    const fresh = connect({ branch: 'demo' });
    expect((await once(fresh, 'snapshot', 15_000)).state.branchId).toBe('demo');
    fresh.disconnect();
  });

  it('events of any name and payload from connected screens change nothing and break nothing', { timeout: 240_000 }, async () => {
    const name = fc.oneof(fc.constantFrom('resync', 'report', 'event', 'snapshot', 'tick', '__proto__', 'constructor', 'toString', 'disconnect', 'error', 'connect'), fc.string({ maxLength: 40 }).filter((s) => s.length > 0));
    const payload = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ lastSeq: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.jsonValue()) }),
      fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
      fc.integer({ min: 1, max: 12_000 }).map((n) => 'x'.repeat(n)),
      fc.constant(undefined),
    );
    const inputs = fc.sample(fc.tuple(name, fc.array(payload, { maxLength: 3 })), { numRuns: EVENTS, seed: 20261203 });
    const seq = (await branchState(server.url)).seq;
    const sockets = Array.from({ length: 4 }, () => connect({ branch: 'demo' }));
    await Promise.all(sockets.map((s) => once(s, 'snapshot')));
    const raw = (s: StreamClient) => s as unknown as { emit(ev: string, ...args: unknown[]): void; connected: boolean };
    inputs.forEach(([ev, args], i) => {
      const s = sockets[i % sockets.length]!;
      // socket.io-client refuses to send its own reserved names; those never reach a server from it either.
      if (['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(ev)) return;
      raw(s).emit(ev, ...args);
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.unhandledErrors()).toEqual([]);
    expect((await branchState(server.url)).seq).toBe(seq);
    // The stream still serves: the hostile screens that are still connected get heartbeats, and a new screen a snapshot.
    // (one the server closed for an oversized message may not know it yet: a disconnect counts too)
    for (const s of sockets.filter((x) => raw(x).connected)) {
      const heard = await Promise.race([
        once(s, 'tick', 15_000).then(() => 'tick', () => 'silence'),
        new Promise<string>((r) => (s as unknown as { once(e: string, cb: () => void): void }).once('disconnect', () => r('closed'))),
      ]);
      expect(heard).not.toBe('silence');
    }
    const fresh = connect({ branch: 'demo' });
    expect((await once(fresh, 'snapshot')).state.seq).toBe(seq);
    fresh.disconnect();
    for (const s of sockets) s.disconnect();
    console.log(`hostile socket events: ${inputs.length} over ${sockets.length} screens`);
  });
});

/**
 * Not input, but the same promise: the database failing while a screen connects (a PostgreSQL
 * failover under a reconnect storm) never ends the node with an unhandled rejection. The
 * socket is let go without a refusal (the screen shows its data as stale and retries), and once
 * the database answers again the screen is served.
 */
describe('the database failing while a screen connects', () => {
  it('lets the socket go, logs it, and serves the next one once the database is back', { timeout: 60_000 }, async () => {
    const own = await startTestServer();
    const sql = await openTestSql(own.dataDir);
    try {
      await openDemoBranch(own, 'away');
      // Not held in memory: the connection has to ask the database.
      own.states.dropCache();
      await sql.run('ALTER TABLE branches RENAME TO branches_away');
      const first = connectStream(own.url, { branch: 'away' });
      const heard: string[] = [];
      (first as unknown as { onAny(cb: (e: string) => void): void }).onAny((e) => heard.push(e));
      const why = await new Promise<string>((resolve) => first.on('disconnect', (reason) => resolve(reason)));
      expect(why).toBe('io server disconnect');
      expect(heard).toEqual([]);
      first.disconnect();
      expect(own.logs.some((l) => /stream connection failed/.test(l.msg))).toBe(true);

      await sql.run('ALTER TABLE branches_away RENAME TO branches');
      const second = connectStream(own.url, { branch: 'away' });
      expect((await once(second, 'snapshot', 15_000)).state.branchId).toBe('away');
      second.disconnect();

      // The staff feed likewise: its overview reads the screens, and the database fails it.
      const login = await request(own.url).post('/api/session').send({ username: 'manager', password: DEMO_PASSWORD });
      const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='))!.split(';')[0]!;
      await sql.run('ALTER TABLE screens RENAME TO screens_away');
      const staff = io(`${own.url}/staff`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
      try {
        expect(await new Promise<string>((resolve) => staff.on('disconnect', (reason) => resolve(reason)))).toBe('io server disconnect');
      } finally {
        staff.disconnect();
        await sql.run('ALTER TABLE screens_away RENAME TO screens');
      }
    } finally {
      await own.stop();
      if (sql.dialect === 'sqlite') removeDir(own.dataDir);
    }
  });
});
