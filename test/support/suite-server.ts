import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { UpdateBranchBody } from '../../core';
import { launchChromium } from './browser';
import { key, removeDir, startTestServer, type TestServer } from './server';

/**
 * A default test server started before a suite's tests and stopped after them, with the sockets
 * the tests opened (returned; push each one) disconnected first. `started` hands the server over.
 */
export function serverPerSuite<S extends { disconnect(): unknown }>(started: (server: TestServer) => void): S[] {
  const sockets: S[] = [];
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    started(server);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });
  return sockets;
}

/** A default test server and a Chromium for a browser suite, both closed after its tests; `started` may open its pages. */
export function serverAndChromiumPerSuite(started: (server: TestServer, browser: Browser) => unknown): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await started(server, browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** Changes the demo branch's configuration as the admin, through the command path. */
export async function updateBranch(server: TestServer, body: UpdateBranchBody, branch = 'demo'): Promise<void> {
  const k = key();
  const r = await server.commands.execute({ branch, command: { type: 'UpdateBranch', body }, key: k, actor: { role: 'admin', user: 'admin' }, fingerprint: k });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}
