import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer, type ServerParts } from '../../server/app';
import type { ServerConfigInput } from '../../server/config';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { MIGRATIONS, openSqlite } from '../../server/store/db';
import { openPostgres } from '../../server/store/postgres';
import type { Sql } from '../../server/store/sql';
import type { BranchState, ClientToServer, ServerToClient } from '../../core';

export const DEMO_PASSWORD = 'test-pass-1234';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'branchboard-test-'));
}

/** A pino log line as the server wrote it. */
export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

/**
 * The store a test server uses: SQLite in its data dir, or with TEST_STORE=postgres (the
 * "postgres" vitest project) a PostgreSQL schema of its own on the run's throwaway cluster,
 * named after the data dir, so a restart on the same dir finds the same data.
 */
export function databaseUrlFor(dataDir: string): string | undefined {
  const base = process.env.TEST_STORE === 'postgres' ? process.env.TEST_PG_URL : undefined;
  if (!base) return undefined;
  const schema = `t_${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`;
  return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * A real server on an ephemeral port with a real database (SQLite in a temp dir, or PostgreSQL:
 * see databaseUrlFor). Its log (pino
 * JSON lines, level info and up unless `logLevel` says otherwise) is kept in `logs`, so a test
 * can look at what it wrote: `unhandledErrors()` are lines at level error (50) or above.
 */
export async function startTestServer(
  opts: ServerConfigInput = {},
  parts: Omit<ServerParts, 'logStream'> = {},
): Promise<RunningServer & { dataDir: string; logs: LogLine[]; unhandledErrors(): LogLine[]; stop(): Promise<void> }> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const databaseUrl = opts.databaseUrl ?? databaseUrlFor(dataDir);
  if (databaseUrl) await ensureSchema(databaseUrl);
  const logs: LogLine[] = [];
  const logStream = { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) };
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demoPassword: DEMO_PASSWORD, logLevel: 'info', databaseUrl, ...opts }, { ...parts, logStream });
  return {
    ...server,
    dataDir,
    logs,
    unhandledErrors: () => logs.filter((l) => l.level >= 50),
    async stop() {
      await server.close();
    },
  };
}

/** The `Sql` a test works on directly: SQLite in `dir`, or its PostgreSQL schema under TEST_STORE=postgres. */
export async function openTestSql(dir: string): Promise<Sql> {
  const url = databaseUrlFor(dir);
  if (!url) return openSqlite(dir).sql;
  await ensureSchema(url);
  return openPostgres(url, MIGRATIONS);
}

/** Creates the schema a test database URL names (see databaseUrlFor), if it is not there yet. */
export async function ensureSchema(url: string): Promise<void> {
  const schema = /search_path=(\w+)/.exec(new URL(url).searchParams.get('options') ?? '')?.[1];
  if (!schema) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const key = () => randomUUID();

/** A branch's public state, as the lobby would fetch it; fails unless the server answers 200. */
export async function branchState(url: string, branch = 'demo'): Promise<BranchState> {
  const res = await request(url).get(`/api/branches/${branch}/state`);
  if (res.status !== 200) throw new Error(`GET state of ${branch}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.state as BranchState;
}

/** A supertest agent logged in as `username`, keeping its session cookie. */
export async function loginAs(url: string, username: string, password = DEMO_PASSWORD) {
  const agent = request.agent(url);
  const res = await agent.post('/api/session').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}

/**
 * The demo's staff for authorization tests: its admin, manager and teller1, and the manager
 * (giulia) of a second branch, "centro", made by the admin through the API.
 */
export async function staffOfTwoBranches(url: string) {
  const [admin, manager, teller] = await Promise.all([loginAs(url, 'admin'), loginAs(url, 'manager'), loginAs(url, 'teller1')]);
  await admin.post('/api/branches').set('Idempotency-Key', key()).send({ id: 'centro', name: 'Filiale Centro', timezone: 'Europe/Rome', languages: ['it'] });
  const res = await admin.post('/api/users').set('Idempotency-Key', key()).send({ username: 'giulia', name: 'Giulia', role: 'manager', branches: ['centro'] });
  const otherManager = await loginAs(url, 'giulia', res.body.password);
  return { admin, manager, teller, otherManager };
}

export type StreamClient = Socket<ServerToClient, ClientToServer>;

/** A real socket.io-client on the branch stream. */
export function connectStream(url: string, auth: { branch: string; lastSeq?: number }): StreamClient {
  return io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the first payload of `event` on the socket. */
export function once<E extends keyof ServerToClient>(socket: StreamClient, event: E, timeoutMs = 5000): Promise<Parameters<ServerToClient[E]>[0]> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no "${String(event)}" within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(e: string, cb: (p: unknown) => void): void }).once(event as string, (payload: unknown) => {
      clearTimeout(t);
      resolve(payload as Parameters<ServerToClient[E]>[0]);
    });
  });
}

/**
 * Opens a new branch `id` with the demo configuration (counters 1–4 closed, queues empty), or
 * unconfigured, through the command path: one per test, so tests never share a queue.
 */
export async function openDemoBranch(server: RunningServer, id: string, configured = true): Promise<string> {
  await server.commands.openBranch(id, configured ? { ...DEMO_BRANCH, id } : null, { role: 'system' });
  return id;
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
