import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script, no types
import { buildFreshness } from '../../scripts/build-freshness.mjs';
import { freePort } from '../support/process-server';
import { DEMO_PASSWORD, removeDir, tempDataDir, waitFor } from '../support/server';

const root = join(import.meta.dirname, '..', '..');

/** `npm start` exactly as a person types it (npm → sh → scripts/start.mjs → the server). */
function npmStart(port: number, dataDir: string): { child: ChildProcess; output: () => string } {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BRANCHBOARD_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn' };
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

// Its own processes and SQLite, whatever the project's store.
describe.skipIf(process.env.TEST_STORE === 'postgres')('npm start', () => {
  it('a SIGTERM to npm stops the server (the port is free within seconds); its database is readable only by its user', { timeout: 120_000 }, async () => {
    const parent = tempDataDir();
    const dataDir = join(parent, 'fresh'); // created by the server
    const port = await freePort();
    const { child, output } = npmStart(port, dataDir);
    try {
      await waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${output()}`);
        return fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      }, 90_000, 'the server to answer /healthz');
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const f of ['branchboard.sqlite', 'branchboard.sqlite-wal', 'branchboard.sqlite-shm']) {
        expect(statSync(join(dataDir, f)).mode & 0o777, f).toBe(0o600);
      }
      child.kill('SIGTERM');
      await exited(child);
      await waitFor(() => portFree(port), 5_000, 'the port to be free after SIGTERM to npm');
    } finally {
      child.kill('SIGKILL');
      removeDir(parent);
    }
  });

  it('a port already in use is said in one line with the port and what to do, and the exit code is not 0', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(port, '127.0.0.1', () => r()));
    const dataDir = tempDataDir();
    const { child, output } = npmStart(port, dataDir);
    try {
      const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      expect(code).not.toBe(0);
      const said = output()
        .split('\n')
        .filter((l) => l.includes('Branchboard cannot start'));
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(String(port));
      expect(said[0]).toContain('PORT=');
      expect(output()).not.toContain('EADDRINUSE');
      expect(output()).not.toMatch(/^\s+at /m); // no stack trace
    } finally {
      child.kill('SIGKILL');
      holder.close();
      removeDir(dataDir);
    }
  });

  it('the build is checked against every vite input and every front-end folder', async () => {
    const { built, sources } = (await buildFreshness(root)) as { built: string[]; sources: string[] };
    for (const page of ['display', 'admin', 'kiosk', 'ticket']) expect(built).toContain(join(root, 'dist', page, 'index.html'));
    for (const dir of ['core', 'display', 'admin', 'kiosk', 'ticket', 'ui']) expect(sources).toContain(join(root, dir));
    expect(sources).not.toContain(join(root, 'server'));
  });
});
