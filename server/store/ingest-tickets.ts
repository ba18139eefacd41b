import type { Sql } from './sql';

export interface IngestTicketRow {
  ticketId: string;
  /** How far the ticket got (core/ingest.ts INGEST_STAGE). */
  stage: number;
  /**
   * Steps of it already applied: "issued", "called", "recalled:<event id or time>", "served", "no_show".
   * A counter's row ("<day>|@counter:<id>", no ticket) holds its steps judged superseded
   * ("superseded <type>:<event id or time>") and the time of its latest applied step ("@<epoch ms>").
   */
  steps: string[];
}

/**
 * How far each external ticket got, per branch: what makes ingest idempotent on the external ids,
 * in order or late. `externalId` is the caller's key for it (IngestService: "<local day>|<its id>").
 */
export class IngestTickets {
  constructor(private readonly sql: Sql) {}

  async get(branchId: string, externalId: string): Promise<IngestTicketRow | undefined> {
    const row = await this.sql.get<{ ticket_id: string; stage: number; steps: string }>(
      'SELECT ticket_id, stage, steps FROM ingest_tickets WHERE branch_id = ? AND external_id = ?',
      [branchId, externalId],
    );
    return row ? { ticketId: row.ticket_id, stage: Number(row.stage), steps: JSON.parse(row.steps) as string[] } : undefined;
  }

  async put(branchId: string, externalId: string, row: IngestTicketRow, now: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO ingest_tickets (branch_id, external_id, ticket_id, stage, steps, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (branch_id, external_id) DO UPDATE SET stage = excluded.stage, steps = excluded.steps, updated_at = excluded.updated_at`,
      [branchId, externalId, row.ticketId, row.stage, JSON.stringify(row.steps.slice(-30)), now],
    );
  }

  /** External tickets not touched for this long are forgotten (their day is over). */
  async forgetOlderThan(before: number): Promise<void> {
    await this.sql.run('DELETE FROM ingest_tickets WHERE updated_at < ?', [before]);
  }
}
