import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end tests share one Chromium and kill/restart servers: keep files from fighting for 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      // The tests that touch the store, again on PostgreSQL (a throwaway cluster for the run, a schema per server).
      {
        extends: true,
        test: {
          name: 'postgres',
          // Only the suites whose every store is on the Sql interface: accounts, sessions and some
          // console stores still write to the node's own SQLite (server.db), which PostgreSQL mode
          // cannot mix with; add each suite here as its stores move.
          include: ['test/integration/event-store.test.ts', 'test/integration/ops.test.ts'],
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['test/support/pg-global.ts'],
        },
      },
    ],
  },
});
