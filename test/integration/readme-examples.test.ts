import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, loginAs, removeDir, startTestServer } from '../support/server';

/**
 * The README's `curl` examples, run as written (only the address changed to this test server's),
 * with nothing but bash, curl and node — what a stock Debian machine with Node has. Issue 11 found
 * the ticket example failing for want of `uuidgen`.
 */
const run = promisify(execFile);
const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
/** The README's shell blocks that call curl. */
const curlBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^\s*curl /m.test(b));
const STOCK = new Set(['curl', 'node']);

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const block = (what: RegExp) => {
  const found = curlBlocks.filter((b) => what.test(b));
  expect(found, `one README curl example matching ${what}`).toHaveLength(1);
  return found[0]!;
};
/** Runs one example as bash would, against this server. */
const sh = async (script: string, env: Record<string, string> = {}) => {
  const host = new URL(server.url).host;
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script.replaceAll('localhost:3000', host)], { env: { PATH: process.env.PATH!, ...env }, timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('README examples', () => {
  it('use no tool a stock machine lacks (only curl, and node for an id)', () => {
    expect(curlBlocks.length).toBeGreaterThanOrEqual(2);
    for (const b of curlBlocks) {
      const tools = [...b.matchAll(/(?:^|\$\(|\|)\s*([a-z][\w-]*)/gm)].map((m) => m[1]!);
      expect(tools.filter((t) => !STOCK.has(t)), b).toEqual([]);
    }
  });

  it('the kiosk ticket example issues a ticket with its phone link', async () => {
    const reply = await sh(block(/\/tickets /));
    expect(reply).toMatchObject({ ok: true, ticket: { service: 'teller' }, phone: { token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) } });
  });

  it('the ingest example is applied step by step with a token made as the README says', async () => {
    const manager = await loginAs(server.url, 'manager');
    const made = await manager.post('/api/branches/demo/integration-tokens').set('Idempotency-Key', key()).send({ name: 'Q-Matic' }).expect(201);
    const reply = await sh(block(/\/ingest /), { TOKEN: made.body.secret });
    expect(reply).toMatchObject({ ok: true, results: [{ status: 'applied' }, { status: 'applied' }, { status: 'applied' }] });
  });
});
