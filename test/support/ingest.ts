import request from 'supertest';
import type { RunningServer } from '../../server/app';
import { fromLocal, localDay, type TicketRecord } from '../../core';
import { loginAs } from './server';

/**
 * What the ingest suites (issue 11) share: the demo manager made staff of a branch opened for the
 * test (their branches list grows), an integration token of that branch, its steps posted with it.
 */
export async function integrationSecret(server: RunningServer, branch: string): Promise<{ secret: string; manager: Awaited<ReturnType<typeof loginAs>> }> {
  const row = await server.sql.get<{ branches: string }>("SELECT branches FROM users WHERE username = 'manager'");
  await server.sql.run("UPDATE users SET branches = ? WHERE username = 'manager'", [JSON.stringify([...JSON.parse(row!.branches), branch])]);
  const manager = await loginAs(server.url, 'manager');
  const res = await manager.post(`/api/branches/${branch}/integration-tokens`).send({ name: 'Q-Matic hall' }).expect(201);
  return { secret: res.body.secret as string, manager };
}

/**
 * A server clock that runs from noon of today in `tz`, so an ingest suite's times near "now" and
 * "today" never fall across midnight whenever it runs: `today` and `noon` it started at, `now` to
 * hand the server as its clock and command clock, `shift` to move it (to the next day).
 */
export function noonClock(tz = 'Europe/Rome') {
  const started = Date.now();
  const today = localDay(started, tz);
  const noon = fromLocal(`${today}T12:00`, tz)!;
  let moved = 0;
  return { today, noon, now: () => noon + moved + (Date.now() - started), shift: (ms: number) => void (moved = ms) };
}

/** POST /ingest with a token's secret. */
export const ingest = (server: RunningServer, branch: string, secret: string, events: unknown[]) =>
  request(server.url).post(`/api/branches/${branch}/ingest`).set('Authorization', `Bearer ${secret}`).send({ events });

/** Each ingested step's status, in order. */
export const statuses = (res: request.Response) => res.body.results.map((r: { status: string }) => r.status) as string[];

/** A ticket's history record, once the read models have caught up with the log. */
export async function ticketRecord(server: RunningServer, branch: string, ticketId: string): Promise<TicketRecord> {
  await server.history.caughtUp(branch);
  const row = await server.sql.get<{ record: string }>('SELECT record FROM history_tickets WHERE branch_id = ? AND ticket_id = ?', [branch, ticketId]);
  return JSON.parse(row!.record) as TicketRecord;
}
