import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteSql } from './sql';
import { WalCheckpointer } from './wal-checkpointer';

export type Db = Database.Database;

/** Schema steps, applied in order once each; `user_version` records how far a database got. */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE branches (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
  );
  -- The per-branch event log: the single source of truth, the audit trail and the history.
  CREATE TABLE events (
    branch_id TEXT NOT NULL REFERENCES branches(id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (branch_id, seq)
  ) WITHOUT ROWID;
  -- Folded states, so a restart need not replay years of events.
  CREATE TABLE snapshots (
    branch_id TEXT NOT NULL REFERENCES branches(id),
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (branch_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('manager', 'teller')),
    password_hash TEXT NOT NULL,
    branches TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  -- Replies to commands already applied, so a retried command (same Idempotency-Key) is applied once.
  CREATE TABLE command_replies (
    branch_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (branch_id, key)
  ) WITHOUT ROWID;
  CREATE INDEX command_replies_at ON command_replies(at);
  `,
  // Phone tickets (issue 11): the unguessable token of each ticket's page, kept as a hash.
  `
  CREATE TABLE ticket_links (
    token_hash TEXT PRIMARY KEY,
    branch_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Set when the customer gave the ticket back from the phone.
    cancelled_at BIGINT
  );
  CREATE INDEX ticket_links_created ON ticket_links(created_at);
  `,
  // Ingest from an existing queue system (issue 11): per-branch API tokens (hashed), and how far
  // each external ticket got, so late and repeated steps are recognised.
  `
  CREATE TABLE integration_tokens (
    id TEXT PRIMARY KEY,
    branch_id TEXT NOT NULL,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT
  );
  CREATE INDEX integration_tokens_branch ON integration_tokens(branch_id);
  CREATE TABLE ingest_tickets (
    branch_id TEXT NOT NULL,
    external_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    stage INTEGER NOT NULL,
    -- The steps of it applied (JSON list: "issued", "called", "recalled:<event id>", …).
    steps TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (branch_id, external_id)
  );
  CREATE INDEX ingest_tickets_updated ON ingest_tickets(updated_at);
  `,
  // Issue 6: the admin role, disabled accounts and last login. SQLite cannot change a CHECK in
  // place, so users is rebuilt; sessions are kept aside meanwhile (dropping users would cascade).
  `
  CREATE TABLE users_v2 (
    username TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'teller')),
    password_hash TEXT NOT NULL,
    branches TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    last_login_at BIGINT
  );
  INSERT INTO users_v2 (username, name, role, password_hash, branches, created_at)
    SELECT username, name, role, password_hash, branches, created_at FROM users;
  CREATE TABLE sessions_kept AS SELECT * FROM sessions;
  DROP TABLE sessions;
  DROP TABLE users;
  ALTER TABLE users_v2 RENAME TO users;
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  INSERT INTO sessions SELECT token_hash, username, created_at, expires_at FROM sessions_kept;
  DROP TABLE sessions_kept;
  CREATE INDEX sessions_username ON sessions(username);
  `,
  // Issue 6: the bank-wide preset library every branch inherits, and paired screens.
  `
  CREATE TABLE preset_library (
    id TEXT PRIMARY KEY,
    preset TEXT NOT NULL,
    position BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT
  );
  -- Codes shown by screens waiting to be paired; the screen token waits here until claimed.
  CREATE TABLE screen_pairings (
    code TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    version TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    screen_id TEXT,
    screen_token TEXT
  );
  CREATE INDEX screen_pairings_expires ON screen_pairings(expires_at);
  CREATE TABLE screens (
    id TEXT PRIMARY KEY,
    branch_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    paired_at BIGINT NOT NULL,
    paired_by TEXT,
    last_seen_at BIGINT,
    rendered_seq BIGINT,
    version TEXT,
    last_error TEXT,
    last_error_at BIGINT,
    up INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX screens_branch ON screens(branch_id);
  CREATE TABLE screen_status_log (
    screen_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    up INTEGER NOT NULL,
    PRIMARY KEY (screen_id, at, up)
  );
  `,
  // Login throttling (server/auth/login-throttle.ts), persisted so a restart resets nothing;
  // sessions get a public id (to list and revoke them), where they came from, when last used.
  `
  CREATE TABLE login_counters (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    last_failure BIGINT NOT NULL
  );
  CREATE TABLE login_known_addresses (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (username, address)
  );
  CREATE TABLE login_devices (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
  );
  ALTER TABLE sessions ADD COLUMN id TEXT;
  ALTER TABLE sessions ADD COLUMN user_agent TEXT;
  ALTER TABLE sessions ADD COLUMN address TEXT;
  ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT;
  UPDATE sessions SET id = substr(token_hash, 1, 12) WHERE id IS NULL;
  `,
  // History read models (issue 12): rows kept up to date from committed events, so reports never replay the log.
  `
  CREATE TABLE history_positions (
    branch_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    chain TEXT NOT NULL,
    memory TEXT NOT NULL
  );
  CREATE TABLE history_notices (
    branch_id TEXT NOT NULL,
    notice_id TEXT NOT NULL,
    day TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    cause TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (branch_id, notice_id)
  );
  CREATE INDEX history_notices_day ON history_notices(branch_id, day);
  CREATE TABLE history_tickets (
    branch_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    day TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (branch_id, ticket_id)
  );
  CREATE INDEX history_tickets_day ON history_tickets(branch_id, day, issued_at);
  CREATE TABLE history_days (
    branch_id TEXT NOT NULL,
    day TEXT NOT NULL,
    service TEXT NOT NULL,
    figures TEXT NOT NULL,
    PRIMARY KEY (branch_id, day, service)
  );
  CREATE TABLE history_audit (
    branch_id TEXT NOT NULL,
    seq_from BIGINT NOT NULL,
    seq_to BIGINT NOT NULL,
    at BIGINT NOT NULL,
    username TEXT,
    role TEXT NOT NULL,
    types TEXT NOT NULL,
    counters TEXT NOT NULL,
    chain TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (branch_id, seq_from)
  );
  CREATE INDEX history_audit_at ON history_audit(branch_id, at);
  CREATE INDEX history_audit_seq_to ON history_audit(branch_id, seq_to);
  CREATE INDEX events_at ON events(branch_id, at);
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    branch_id TEXT,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    branch_id TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_at BIGINT,
    last_status INTEGER,
    last_error TEXT,
    last_response TEXT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_at);
  CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, created_at);
  `,
  // Read receipts (issue 12): runs of (screen, seq it rendered, from, to) from the screens' own reports.
  `
  CREATE TABLE screen_renders (
    branch_id TEXT NOT NULL,
    screen_id TEXT NOT NULL,
    screen_name TEXT NOT NULL,
    seq BIGINT NOT NULL,
    from_at BIGINT NOT NULL,
    to_at BIGINT NOT NULL,
    PRIMARY KEY (branch_id, screen_id, from_at)
  );
  CREATE INDEX screen_renders_seq ON screen_renders(branch_id, seq);
  `,
  // Replay (issue 12): the wait estimator's learned state every few thousand events, so a past moment's estimates start from the nearest one.
  `
  CREATE TABLE estimator_checkpoints (
    branch_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (branch_id, seq)
  );
  `,
  // Per-screen sound (issue 8): the console's settings for a screen (JSON), and what the screen last said of its sound.
  `
  ALTER TABLE screens ADD COLUMN sound_settings TEXT;
  ALTER TABLE screens ADD COLUMN sound_state TEXT;
  ALTER TABLE screens ADD COLUMN sound_played_at BIGINT;
  ALTER TABLE screens ADD COLUMN sound_at BIGINT;
  `,
  // Staff changes (issue 6) still to be written in their branches' logs: made in the account
  // change's own transaction, removed once written, finished at start after a crash in between.
  `
  CREATE TABLE staff_log_pending (
    idem_key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    actor TEXT NOT NULL,
    entries TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  `,
];

/**
 * How hard a commit waits for the disk (docs/SECURITY.md, "Durability"). `normal` (WAL): a
 * process crash loses nothing acknowledged; a power cut or OS crash may lose the last commits
 * since the WAL was last synced, never the database's consistency. `full`: every commit is on
 * disk before it is acknowledged, power cut included, at the cost of an fsync per command.
 */
export type Synchronous = 'normal' | 'full';

/**
 * The embedded database: one SQLite file in the data dir. The server uses only `sql`, the async,
 * engine-neutral handle; `db` is the same connection, for tools and benchmarks that measure SQLite itself.
 */
export function openSqlite(dataDir: string, synchronous: Synchronous = 'normal'): { db: Db; sql: SqliteSql } {
  const db = openDatabase(dataDir, synchronous);
  // The history thread writes through a connection of its own: SqliteSql waits for it between
  // turns of the event loop; SQLite's busy_timeout would sleep on the loop.
  db.pragma('busy_timeout = 0');
  // WAL checkpoints off the event loop (they were the commands' worst stalls).
  return { db, sql: new SqliteSql(db, new WalCheckpointer(db, join(dataDir, 'branchboard.sqlite'))) };
}

export function openDatabase(dataDir: string, synchronous: Synchronous = 'normal'): Db {
  // The database holds password hashes and sessions: only this user may read it. SQLite gives
  // the -wal and -shm files the main file's mode, so it is set before WAL mode creates them.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'branchboard.sqlite');
  const db = new Database(file);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MiB: with the log, replies, links and read models of hundreds
  // of branches, each command's rows landed on pages evicted since and read again. 64 MiB at most.
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
