import { sql } from 'kysely';
import type { Database } from './connection';

export async function getSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('essaim_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function setSetting(db: Database, key: string, value: unknown) {
  await db
    .insertInto('essaim_settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
    .execute();
}

/** Fresh planner statistics and visibility map after a bulk load (outside any transaction). */
export async function vacuumAnalyze(db: Database) {
  await sql`vacuum analyze`.execute(db);
}
