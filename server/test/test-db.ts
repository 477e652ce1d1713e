import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';
import { type AppDeps, buildApp } from '../app';
import { seedDemo } from '../seed/demo';
import { insertToken } from '../modules/auth/auth-queries';
import { insertAccounts } from '../modules/accounts/account-queries';
import { hashToken } from '../modules/auth/auth-service';
import { type Executor, type OpenDatabase, postgresDatabase, wrapPGlite } from '../db/connection';
import type { Role } from '../../shared/schemas/auth';
import { MIGRATION_TABLES } from '../db/migrator';
import { TEMPLATE_DUMP } from './paths';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Tables that keep their rows between tests: reference data (territories,
// themes), instance settings and the migrations' bookkeeping. Every other
// table, including those later migrations add, is emptied. The version of the
// counted data keeps its row: the truncation moves it, as any write does.
const keptTables = ['regions', 'departements', 'epcis', 'communes', 'themes', 'essaim_settings', 'essaim_data_versions', ...MIGRATION_TABLES];

/**
 * A migrated database with reference data and nothing else: a fresh PGlite
 * from the template, or the PostgreSQL test database emptied of domain rows.
 * The same suite runs on both (`TEST_DATABASE_URL` picks PostgreSQL).
 */
export async function testDatabase(): Promise<OpenDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const db = postgresDatabase(url, 5);
    const domain = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' and tablename <> all(${keptTables})`.execute(
      db,
    );
    await sql`truncate ${sql.join(domain.rows.map((t) => sql.table(t.tablename)))} cascade`.execute(db);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(TEMPLATE_DUMP)]), parsers: { 1082: (v: string) => v } });
  return wrapPGlite(pglite);
}

export const TEST_ADMIN_TOKEN = 'essaim_test-admin-token';

/** An account that signs in with an API token (`Bearer <token>`); its id. */
export async function tokenAccount(db: Executor, a: { email: string; roles: Role[]; token: string; personId?: string | null }) {
  const [id] = (await insertAccounts(db, [{ email: a.email, passwordHash: null, roles: a.roles, personId: a.personId ?? null }])) as [string];
  await insertToken(db, { accountId: id, name: 'tests', tokenHash: hashToken(a.token) });
  return id;
}

/**
 * The HTTP app on a fresh test database. `app.inject` acts as the national
 * team (an admin account's bearer token) unless a request brings its own
 * authorization; `anonymous.inject` acts as a visitor.
 */
export async function testApp(deps: Omit<Partial<AppDeps>, 'db'> = {}) {
  const database = await testDatabase();
  // Tests fail sign-ins from one address far more often than a person: the limits have their own tests.
  const app = await buildApp({ db: database.db, signInLimits: { failuresPerAddress: 10_000 }, ...deps });
  await tokenAccount(database.db, { email: 'admin@tests.essaim.test', roles: [{ role: 'admin' }], token: TEST_ADMIN_TOKEN });
  const asAdmin = Object.create(app) as typeof app;
  asAdmin.inject = ((opts: InjectOptions | string) => {
    const o = typeof opts === 'string' ? { url: opts } : opts;
    return app.inject({ ...o, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...o.headers } });
  }) as typeof app.inject;
  return {
    app: asAdmin,
    anonymous: app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The HTTP app on a test database filled with the demo network of 2020. */
export async function demoApp() {
  const t = await testApp();
  await seedDemo(t.db);
  return t;
}
