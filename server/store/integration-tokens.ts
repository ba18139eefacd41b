import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IntegrationToken } from '../../core';
import type { Sql } from './sql';

export type { IntegrationToken };

interface Row {
  id: string;
  branch_id: string;
  name: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
  last_used_at: number | null;
}

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');
const num = (x: number | null): number | null => (x === null ? null : Number(x));
const fromRow = (r: Row): IntegrationToken => ({
  id: r.id,
  branchId: r.branch_id,
  name: r.name,
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  revokedAt: num(r.revoked_at),
  lastUsedAt: num(r.last_used_at),
});

/** A token's secret: "bbi_" and 256 random bits, so a leaked log line is recognisable and it cannot be guessed. */
const PREFIX = 'bbi_';

/**
 * Per-branch API tokens for an existing queue system feeding Branchboard (the ingest API).
 * Only a hash of each secret is kept; a revoked token stays listed (who made it, when it was
 * last used) but opens nothing.
 */
export class IntegrationTokens {
  constructor(private readonly sql: Sql) {}

  async create(branchId: string, name: string, createdBy: string, now: number): Promise<{ token: IntegrationToken; secret: string }> {
    const id = randomUUID();
    const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.sql.run(
      'INSERT INTO integration_tokens (id, branch_id, name, token_hash, created_at, created_by, revoked_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)',
      [id, branchId, name, hashOf(secret), now, createdBy],
    );
    return { token: { id, branchId, name, createdAt: now, createdBy, revokedAt: null, lastUsedAt: null }, secret };
  }

  async list(branchId: string): Promise<IntegrationToken[]> {
    const rows = await this.sql.all<Row>(
      'SELECT id, branch_id, name, created_at, created_by, revoked_at, last_used_at FROM integration_tokens WHERE branch_id = ? ORDER BY created_at, id',
      [branchId],
    );
    return rows.map(fromRow);
  }

  /** Revokes a token of the branch (again: nothing more); undefined when it has no such token. */
  async revoke(branchId: string, id: string, now: number): Promise<IntegrationToken | undefined> {
    await this.sql.run('UPDATE integration_tokens SET revoked_at = ? WHERE branch_id = ? AND id = ? AND revoked_at IS NULL', [now, branchId, id]);
    const row = await this.sql.get<Row>(
      'SELECT id, branch_id, name, created_at, created_by, revoked_at, last_used_at FROM integration_tokens WHERE branch_id = ? AND id = ?',
      [branchId, id],
    );
    return row ? fromRow(row) : undefined;
  }

  /** The token a secret belongs to (revoked ones included: the caller tells 401 apart), noting its use. */
  async verify(secret: string, now: number): Promise<IntegrationToken | undefined> {
    if (!secret.startsWith(PREFIX) || secret.length > 200) return undefined;
    const row = await this.sql.get<Row>(
      'SELECT id, branch_id, name, created_at, created_by, revoked_at, last_used_at FROM integration_tokens WHERE token_hash = ?',
      [hashOf(secret)],
    );
    if (!row) return undefined;
    if (row.revoked_at === null) await this.sql.run('UPDATE integration_tokens SET last_used_at = ? WHERE id = ?', [now, row.id]);
    return fromRow(row);
  }
}
