import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './process-server';

/**
 * Throwaway database engines for tests and benchmarks: a real PostgreSQL cluster (initdb into a
 * temp dir, unix socket beside it, TCP on a free loopback port) and a real redis-server, both
 * gone after `stop()`. They come from Debian's `postgresql` and `redis-server` packages;
 * `.ci/run` installs them.
 */

const PG_BIN = process.env.PG_BIN ?? debianPgBin();
const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin: take the newest. */
function debianPgBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return join(root, majors[0] ?? '15', 'bin');
}

/** Why an engine cannot be started here, or undefined when it can. */
export function missingPostgres(): string | undefined {
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) {
    return `PostgreSQL binaries not found in ${PG_BIN} (apt-get install -y postgresql, or set PG_BIN)`;
  }
  if (isRoot() && !osUser('postgres')) return 'running as root and there is no "postgres" OS user to run PostgreSQL as (apt-get install -y postgresql creates it)';
  return undefined;
}

export function missingRedis(): string | undefined {
  return existsSync(REDIS_SERVER) ? undefined : `redis-server not found at ${REDIS_SERVER} (apt-get install -y redis-server, or set REDIS_SERVER)`;
}

export interface Postgres {
  /** postgres://… on 127.0.0.1, database `postgres`, trust authentication. */
  url: string;
  port: number;
  /** A fresh, empty database on this cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface Redis {
  url: string;
  port: number;
  /** SIGKILL, as a crash or a network cut would: for outage tests. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it runs without persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

function osUser(name: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: there it runs as the `postgres` OS user Debian's package creates. */
function asPgUser(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function run(cmd: string, args: string[], what: string): void {
  const [c, a] = asPgUser(cmd, args);
  const r = spawnSync(c, a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export interface PostgresOptions {
  /** Durability as in production (fsync on). Off by default: tests don't survive power cuts. */
  durable?: boolean;
  maxConnections?: number;
}

export async function startPostgres(opts: PostgresOptions = {}): Promise<Postgres> {
  const missing = missingPostgres();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'branchboard-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    const u = osUser('postgres')!;
    chownSync(dir, u.uid, u.gid);
  }
  chmodSync(dir, 0o700);
  run(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], 'initdb');
  const port = await freePort();
  const settings = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    `max_connections = ${opts.maxConnections ?? 200}`,
    `shared_buffers = 128MB`,
    ...(opts.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
  ];
  writeFileSync(join(data, 'postgresql.auto.conf'), settings.join('\n') + '\n');
  if (isRoot()) {
    const u = osUser('postgres')!;
    chownSync(join(data, 'postgresql.auto.conf'), u.uid, u.gid);
  }
  run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', 'start'], 'pg_ctl start');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      run(join(PG_BIN, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-qc', `CREATE DATABASE ${name}`], 'CREATE DATABASE');
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], 'pg_ctl stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function startRedis(): Promise<Redis> {
  const missing = missingRedis();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'branchboard-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    let output = '';
    const c = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    await new Promise<void>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`redis-server did not start: ${output}`)), 10_000);
      const onData = (d: Buffer) => {
        output += d;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(t);
          ok();
        }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', onData);
      c.once('exit', (code) => {
        clearTimeout(t);
        fail(new Error(`redis-server exited (${code}): ${output}`));
      });
    });
  };
  const kill = () =>
    new Promise<void>((ok) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return ok();
      c.once('exit', () => ok());
      c.kill('SIGKILL');
    });
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For skip messages: who runs the tests. */
export const runningAs = () => userInfo().username;
