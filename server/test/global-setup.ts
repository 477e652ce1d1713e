import { mkdirSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Database, postgresDatabase, wrapPGlite } from '../db/connection';
import { startJobQueue } from '../modules/jobs/job-queue';
import { migrateToLatest } from '../db/migrator';
import type { DB } from '../db/schema';
import { ensureReferenceData } from '../modules/territories/territory-reference';
import { seedDemo } from '../seed/demo';
import { DEMO_TEMPLATE_DUMP, TEMPLATE_DUMP, TEST_DIR } from './paths';
import { workerDatabaseUrl } from './workers';
import type { TestProject } from 'vitest/node';

/**
 * Prepare the database once for the whole run: migrations and reference data
 * (35,000 communes) in a PGlite template that each test file loads (and a
 * second one with the demo network), or in the PostgreSQL database named by
 * TEST_DATABASE_URL.
 */
export default async function setup(project: TestProject) {
  mkdirSync(TEST_DIR, { recursive: true });
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
    // The test database is disposable: start from an empty schema, so every run
    // applies the migrations from the first one, whatever an earlier run left.
    await sql`drop schema if exists public cascade`.execute(db);
    await sql`create schema public`.execute(db);
    await sql`drop schema if exists pgboss cascade`.execute(db);
    await migrateToLatest(db as Kysely<unknown>);
    await ensureReferenceData(db);
    await db.destroy();
    const boss = postgresDatabase(url, 2);
    await installJobQueue(boss);
    await boss.destroy();
    // One copy per worker, so that test files run at once (worker-database.ts).
    // From another database: a template must have no connection while it is copied.
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    try {
      for (let n = 1; n <= project.config.maxWorkers; n++) {
        const name = new URL(workerDatabaseUrl(url, n)).pathname.slice(1);
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.query(`create database "${name}" template "${new URL(url).pathname.slice(1)}"`);
      }
    } finally {
      await admin.end();
    }
    return;
  }
  const pglite = await PGlite.create();
  const open = wrapPGlite(pglite);
  await migrateToLatest(open.db as Kysely<unknown>);
  await ensureReferenceData(open.db);
  await installJobQueue(open.db);
  const dump = await pglite.dumpDataDir('none');
  writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  // The demo network is seeded once more on top, for the many files that
  // start from it (browser suites, figures, policies): each loads this copy
  // instead of seeding the network again.
  await seedDemo(open.db);
  const demo = await pglite.dumpDataDir('none');
  writeFileSync(DEMO_TEMPLATE_DUMP, Buffer.from(await demo.arrayBuffer()));
  await open.close();
}

/** pg-boss installs its schema at its first start: done once here, so each test's app starts it in a moment. */
async function installJobQueue(db: Database) {
  const queue = await startJobQueue(db, [], { work: false });
  await queue.stop();
}
