import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO_PASSWORD, waitFor } from './server';

const root = join(import.meta.dirname, '..', '..');
/** Where phones would reach the branch: the lobby's QR code points here. */
export const PUBLIC_URL = 'https://coda.filiale-demo.example';

/** A free TCP port, so a restarted server can come back on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Branchboard as its own process, exactly as `npm start` runs it, so a test can kill it hard
 * (SIGKILL: no goodbye to the sockets) and start it again on the same data dir and port.
 */
export class ServerProcess {
  private child?: ChildProcess;
  output = '';

  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** More environment (DATABASE_URL, REDIS_URL for many nodes). */
    readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
      cwd: root,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, BRANCHBOARD_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn', PUBLIC_URL: PUBLIC_URL, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    await waitFor(
      async () => {
        if (this.child?.exitCode !== null) throw new Error(`server exited: ${this.output}`);
        try {
          return (await fetch(`${this.url}/healthz`)).ok;
        } catch {
          return false;
        }
      },
      // A ceiling, not a target: tsx compiles the server at start, slow on a busy 2-core machine.
      60_000,
      'the server to answer /healthz',
    );
  }

  kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
