import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * A bench process (the node under test, the bare `ws` reference, a load generator) spawned with
 * tsx and --expose-gc, spoken to over IPC with request/reply.
 */
export class Child {
  private readonly proc: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  output = '';

  constructor(script: string, env: Record<string, string> = {}, execArgv: string[] = []) {
    this.proc = fork(join(import.meta.dirname, '..', script), [], {
      // BENCH_CPU_PROF_DIR=<dir>: the node under test writes a CPU profile there when it exits (op 'exit').
      execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROF_DIR && script.includes('node-process') ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []), ...execArgv],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.proc.stdout!.on('data', (d) => (this.output += d));
    this.proc.stderr!.on('data', (d) => (this.output += d));
    this.proc.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.fail(new Error(m.error));
      else w.ok(m.result);
    });
    this.proc.on('exit', (code, signal) => {
      for (const w of this.waiting.values()) w.fail(new Error(`${script} exited (${code ?? signal}): ${this.output.slice(-2000)}`));
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  call<T = unknown>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((ok, fail) => {
      this.waiting.set(id, { ok: ok as (v: unknown) => void, fail });
      this.proc.send({ id, op, ...args });
    });
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise((ok) => {
      this.proc.once('exit', () => ok());
      this.proc.kill(signal);
    });
  }
}

/** Load generators started by this bench run, each given its own block of source addresses. */
let loadGenerators = 0;

/**
 * A load generator process (lib/loadgen-process.ts). Each one connects from its own addresses
 * (127.N.x.y): the server limits connections per address (a burst of 100, then one a second), and
 * a section's screens are other devices than the last section's, not the same NAT connecting again.
 */
export function loadGenerator(): Child {
  return new Child('lib/loadgen-process.ts', { BENCH_ADDRESS_BLOCK: String((loadGenerators++ % 250) + 1) });
}
