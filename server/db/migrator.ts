import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const MIGRATION_FILE = /^\d{8}T\d{6}_[a-z0-9_]+\.ts$/;

/** The names of the migrations this code brings, in the order they apply (file names, nothing imported). */
export async function migrationNames(): Promise<string[]> {
  return (await readdir(folder))
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((f) => f.replace(/\.ts$/, ''));
}

/** Migrations are the timestamped files of ./migrations, applied in name order. */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const name of await migrationNames()) {
      out[name] = (await import(pathToFileURL(join(folder, `${name}.ts`)).href)) as Migration;
    }
    return out;
  }
}

/** Kysely's bookkeeping of applied migrations, and its lock. */
export const MIGRATION_TABLES = ['essaim_migrations', 'essaim_migrations_lock'] as const;

export function migrator(db: Kysely<unknown>) {
  return new Migrator({ db, provider: new FolderProvider(), migrationTableName: MIGRATION_TABLES[0], migrationLockTableName: MIGRATION_TABLES[1] });
}

function check(result: MigrationResultSet) {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`La migration ${failed?.migrationName ?? '?'} a échoué : ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? '↑' : '↓'} ${r.migrationName}`);
}

export async function migrateToLatest(db: Kysely<unknown>) {
  return check(await migrator(db).migrateToLatest());
}

/** Apply (or undo) migrations until `name` is the last one applied (a backup restored at its own schema). */
export async function migrateTo(db: Kysely<unknown>, name: string) {
  return check(await migrator(db).migrateTo(name));
}

export async function rollbackOne(db: Kysely<unknown>) {
  return check(await migrator(db).migrateDown());
}

export async function migrationStatus(db: Kysely<unknown>) {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
