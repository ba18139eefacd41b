import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end tests share one Chromium and kill/restart servers: keep files from fighting for 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    setupFiles: ['test/support/board-words.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      // The tests that touch the store, again on PostgreSQL (a throwaway cluster for the run, a schema per server).
      {
        extends: true,
        test: {
          name: 'postgres',
          // Every integration suite that touches the store; not the ones that start their own
          // engines (engines, multi-node), nor the Chromium end-to-end suites (SQLite only).
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/engines.test.ts', 'test/integration/multi-node*.test.ts'],
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['test/support/pg-global.ts'],
        },
      },
    ],
  },
});
