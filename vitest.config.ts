import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest keeps a core free by default, which on a 2-core machine ran the integration files one at a time;
    // each file has its own database, so two at once are independent and the tier takes two thirds of the time.
    // The browser tier stays one file at a time (fileParallelism below): its files share one server.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          // Unit tests keep no state between files (no mocks, stubs or fake timers), so they share one
          // process: a fresh one per file cost five times the run of the tests themselves.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/global-databases.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-server.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A page reloads or refetches in well under a second alone, but several seconds on a loaded CI
          // machine; expect.poll's own default gives up after one.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
