import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end tests share one Chromium and kill/restart servers: keep files from fighting for 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
