import { type Kysely, sql } from 'kysely';

/**
 * The database's current snapshot (`xmin:xmax:in-progress`). Two statements
 * that see the same snapshot see the same committed data, whichever server,
 * process or command wrote it: any write takes a new transaction id and moves it.
 */
// biome-ignore lint/suspicious/noExplicitAny: any executor of the Essaim schema
export async function currentSnapshot(db: Kysely<any>): Promise<string> {
  const r = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  return (r.rows[0] as { snapshot: string }).snapshot;
}
