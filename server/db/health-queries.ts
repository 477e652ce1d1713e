import { type Kysely, sql } from 'kysely';
import type { Executor } from './connection';
import { MIGRATION_TABLES } from './migrator';

/** The database answers a statement (`/readyz`): nothing read, nothing a visitor could learn. */
export async function databaseAnswers(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Names of the migrations applied to this database (Kysely's bookkeeping table). */
// biome-ignore lint/suspicious/noExplicitAny: any executor, before or after the Essaim schema exists
export async function appliedMigrationNames(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLES[0])} order by name`.execute(db);
  return r.rows.map((x) => x.name);
}
