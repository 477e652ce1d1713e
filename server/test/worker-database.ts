import { workerDatabaseUrl } from './workers';

// Runs in each test worker before each of its files: on PostgreSQL, the
// worker's own copy of the test database (made from it by global-setup.ts), so
// that files running at once never empty each other's tables. A worker runs
// several files in one process: the run's database is kept aside, so that the
// second file does not take the first one's copy for the original.
const url = process.env.ESSAIM_RUN_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const pool = process.env.VITEST_POOL_ID;
if (url && pool) {
  process.env.ESSAIM_RUN_DATABASE_URL = url;
  process.env.TEST_DATABASE_URL = workerDatabaseUrl(url, Number(pool));
}
