import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts', 'engines/**/*.test.ts', 'web/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/dist/**'],
    globalSetup: ['server/test/global-setup.ts', 'web/e2e/global-setup.ts'],
    // One PostgreSQL database is shared: its test files take turns.
    fileParallelism: !onPostgres,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
