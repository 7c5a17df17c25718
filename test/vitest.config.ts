// Three kinds of tests, run by `npm test` (which builds the app first for the end-to-end ones):
//   unit/         pure functions over literal values
//   integration/  the core on real SQLite files with the real migrations, and the CLI
//   e2e/          the built renderer in a real browser (or the Electron app) against the real core
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A screen waits on the data core's threads; on a loaded 2-core CI machine an answer can
          // take seconds, so a poll that only means "until it shows" gets more than one second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
