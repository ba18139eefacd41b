/**
 * An integration token (a queue system's key for POST …/ingest) as the server lists it and the
 * console shows it: never its secret, which is shown once, at creation.
 */
export interface IntegrationToken {
  id: string;
  branchId: string;
  name: string;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  lastUsedAt: number | null;
}
