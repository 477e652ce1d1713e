import { workerDatabaseUrl } from './workers';

// Runs in each test worker before its files: on PostgreSQL, the worker's own
// copy of the test database (made from it by global-setup.ts), so that files
// running at once never empty each other's tables.
const url = process.env.TEST_DATABASE_URL;
const pool = process.env.VITEST_POOL_ID;
if (url && pool) process.env.TEST_DATABASE_URL = workerDatabaseUrl(url, Number(pool));
