import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../support/server';

/**
 * After a restart every screen reconnects at once. The kernel completes their TCP handshakes while
 * the event loop is busy and queues them for `accept` (Node takes one per turn of its loop); beyond
 * the listening socket's backlog it drops them, and each dropped screen tries again only after TCP's
 * SYN timeout (1 s, then 3 s, 7 s…). The node listens with a deep backlog
 * (server/http/listen-backlog.ts), so a crowd arriving while the loop is held is queued, not dropped.
 */
const CROWD = 800; // more than Node's default backlog of 511
const somaxconn = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
  } catch {
    return NaN;
  }
})();

/**
 * A crowd in a process of its own (this one's loop is held): on 'go' it opens `n` connections and
 * reports how many the kernel completed, once all are or when none more came for 500 ms (a dropped
 * handshake is retried only after a second).
 */
const crowd = `
const { connect } = require('node:net');
process.on('message', ({ port, n }) => {
  let done = 0, quiet;
  const report = () => { process.send(done, () => process.exit(0)); };
  const more = () => { clearTimeout(quiet); if (done === n) report(); else quiet = setTimeout(report, 500); };
  for (let i = 0; i < n; i++) connect(port, '127.0.0.1').on('connect', () => { done++; more(); }).on('error', () => {});
  more();
});
process.send('ready');
`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('the listening socket', () => {
  // The kernel caps any backlog at net.core.somaxconn (4096 on current Linux, 128 before 5.4).
  it.skipIf(!(somaxconn >= CROWD))(`queues ${CROWD} connections that arrive while the event loop is held`, async () => {
    const child = spawn(process.execPath, ['-e', crowd], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const messages: unknown[] = [];
    const next = () => new Promise<unknown>((ok) => (messages.length ? ok(messages.shift()) : child.once('message', ok)));
    child.on('message', (m) => messages.push(m));
    try {
      expect(await next()).toBe('ready');
      messages.length = 0;
      child.send({ port: server.port, n: CROWD });
      // Held as a reconnect storm's busy turns hold it: nothing is accepted meanwhile. (A crowd
      // that only got going after this still connects: the test cannot fail by being slow.)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
      expect(await next()).toBe(CROWD);
    } finally {
      child.kill();
    }
  });
});
