import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Migrations are the timestamped files of ./migrations, applied in name order. */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(folder)).filter((f) => /^\d{8}T\d{6}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.ts$/, '')] = (await import(pathToFileURL(join(folder, f)).href)) as Migration;
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

export async function rollbackOne(db: Kysely<unknown>) {
  return check(await migrator(db).migrateDown());
}

export async function migrationStatus(db: Kysely<unknown>) {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
