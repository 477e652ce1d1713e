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

/**
 * The version of the data the key figures count (essaim_data_versions, moved
 * by triggers: see its migration). Part of a statement, so that a result is
 * stamped with the version it was computed from.
 */
export const countedVersionSql = sql<string>`(select version::text from essaim_data_versions where name = 'counted')`;

/** The current version of the counted data (null when none was ever recorded: nothing is then kept). */
// biome-ignore lint/suspicious/noExplicitAny: any executor of the Essaim schema
export async function countedVersion(db: Kysely<any>): Promise<string | undefined> {
  const r = await sql<{ version: string | null }>`select ${countedVersionSql} as version`.execute(db);
  return r.rows[0]?.version ?? undefined;
}
