import { defineConfig } from 'vitest/config';
import SlowFirst from './server/test/sequencer';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts', 'engines/**/*.test.ts', 'web/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/dist/**'],
    globalSetup: ['server/test/global-setup.ts', 'web/e2e/global-setup.ts'],
    // On PostgreSQL each worker has its own database (server/test/worker-database.ts).
    setupFiles: ['server/test/worker-database.ts'],
    // How many files run at once. Vitest's default is one fewer than the
    // cores: a single worker on a two-core machine, although most files spend
    // their time waiting (on Chromium, a server process, PostgreSQL).
    maxWorkers: Number(process.env.TEST_WORKERS) || 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowFirst },
    pool: 'forks',
    // A worker runs its files one after the other in one process, keeping the
    // modules it has loaded: importing the server (Fastify, Zod schemas, PDF
    // and spreadsheet libraries) for each file cost ~5 s a file, 5 of the 6
    // minutes of the PostgreSQL run. Files share no state but what they
    // create and close themselves (each opens its own database and app).
    isolate: false,
  },
});
