import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { open, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { conflict, invalid } from '../errors';
import * as q from './backup-queries';
import { appliedMigrationNames } from './health-queries';
import { MIGRATION_TABLES, migrateTo, migrateToLatest, migrationNames } from './migrator';

/**
 * Backups: one logical format for the embedded database and for PostgreSQL.
 *
 * A gzipped file of JSON lines: a header (format, version, the migrations the
 * database had), then each table's rows in primary-key order, one `to_jsonb`
 * object a line, then a trailer with each table's row count and SHA-256 of its
 * lines (a truncated file has no trailer and is refused). Read inside one
 * repeatable-read transaction, so the rows are one consistent moment.
 *
 * Why not PGlite's `dumpDataDir` tarball or pg_dump: the tarball is PGlite's
 * on-disk files (one PostgreSQL major version, never loadable into a
 * PostgreSQL server), and pg_dump is a binary the machine may not have (and
 * must match the server's version). JSON lines need only SQL both engines
 * speak, so an embedded backup restores into PostgreSQL — the way to move
 * from one to the other — and back.
 *
 * A restore rebuilds the schema with this code's migrations up to the
 * backup's last one, loads the rows parents first, checks every count and
 * checksum, then applies the newer migrations: a backup from an older
 * version restores into a newer one.
 */
export const BACKUP_FORMAT = 'essaim-backup';
const VERSION = 1;
const PAGE = 2000;

// biome-ignore lint/suspicious/noExplicitAny: the schema is what the backup says, not the code's latest
type Any = Kysely<any>;

interface Header {
  version: number;
  createdAt: string;
  source: string;
  migrations: string[];
  tables: Array<{ name: string; columns: string[] }>;
}
export interface TableSummary {
  name: string;
  rows: number;
  sha256: string;
}

/** Parents before children (foreign keys), then by name; a table's own references do not count. */
function loadOrder(tables: q.TableShape[], keys: Array<{ child: string; parent: string }>) {
  const names = new Set(tables.map((t) => t.name));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const k of keys) if (k.child !== k.parent && names.has(k.child) && names.has(k.parent)) parents.get(k.child)?.add(k.parent);
  const out: q.TableShape[] = [];
  const left = [...tables];
  while (left.length) {
    const i = left.findIndex((t) => [...(parents.get(t.name) ?? [])].every((p) => out.some((o) => o.name === p)));
    if (i < 0) throw new Error(`références circulaires entre les tables ${left.map((t) => t.name).join(', ')}`);
    out.push(...left.splice(i, 1));
  }
  return out;
}

/** Each table's rows, in the order a restore reads them back, as JSON lines. */
async function* tableLines(db: Any, t: q.TableShape) {
  let after: string | undefined;
  for (;;) {
    const page = await q.rowPage(db, t, after, PAGE);
    yield* page;
    if (page.length < PAGE || t.key.length === 0) return;
    after = page[page.length - 1];
  }
}

/** Row count and checksum of a table as a backup sees it. */
async function summarise(db: Any, t: q.TableShape): Promise<TableSummary> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const line of tableLines(db, t)) {
    hash.update(line).update('\n');
    rows++;
  }
  return { name: t.name, rows, sha256: hash.digest('hex') };
}

/** Counts and checksums of every table (what a backup's trailer holds; tests compare databases with it). */
export async function databaseSummary(db: Any): Promise<TableSummary[]> {
  return db.transaction().execute(async (trx) => {
    await q.utcForThisTransaction(trx);
    const out: TableSummary[] = [];
    for (const t of await q.tableShapes(trx, MIGRATION_TABLES)) out.push(await summarise(trx, t));
    return out;
  });
}

/** Write a backup of the database to `file`; answers each table's count and checksum. */
export async function backupDatabase(db: Any, file: string, source: string): Promise<TableSummary[]> {
  // A backup never overwrites a file (an earlier backup, or anything else).
  const handle = await open(file, 'wx').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EEXIST') throw conflict('backup_exists', `Le fichier ${file} existe déjà : choisissez un autre nom (une sauvegarde n’écrase rien).`);
    throw err;
  });
  const gzip = createGzip();
  // An error of the file (disk full…) fails the writes below instead of leaving them waiting.
  const written = pipeline(gzip, handle.createWriteStream());
  written.catch(() => {});
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), written]);
  };
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await q.utcForThisTransaction(trx);
        const tables = loadOrder(await q.tableShapes(trx, MIGRATION_TABLES), await q.foreignKeys(trx));
        const header: Header = {
          version: VERSION,
          createdAt: new Date().toISOString(),
          source,
          migrations: await appliedMigrationNames(trx),
          tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
        };
        await write(JSON.stringify([BACKUP_FORMAT, header]));
        const summary: TableSummary[] = [];
        for (const t of tables) {
          await write(JSON.stringify(['table', t.name]));
          const hash = createHash('sha256');
          let rows = 0;
          for await (const line of tableLines(trx, t)) {
            await write(line);
            hash.update(line).update('\n');
            rows++;
          }
          summary.push({ name: t.name, rows, sha256: hash.digest('hex') });
        }
        await write(JSON.stringify(['end', summary]));
        return summary;
      });
    gzip.end();
    await written;
    return summary;
  } catch (err) {
    // No half backup left behind to be mistaken for a whole one.
    gzip.destroy();
    await written.catch(() => {});
    await rm(file, { force: true });
    throw err;
  }
}

/** The lines of a backup file, checked to be one. */
async function* backupLines(file: string) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } catch (err) {
    throw invalid(`${file} n’est pas une sauvegarde Essaim lisible (${(err as Error).message}).`, [], 'invalid_backup');
  }
}

/**
 * Restore a backup into the database. A database that has tables is refused
 * (conflict) unless `force`, which first empties its public schema.
 */
export async function restoreDatabase(db: Any, file: string, opts: { force?: boolean } = {}): Promise<{ tables: TableSummary[]; migrated: string[] }> {
  const lines = backupLines(file)[Symbol.asyncIterator]();
  const first = await lines.next();
  let header: Header;
  try {
    const [format, h] = JSON.parse(String(first.value)) as [string, Header];
    if (format !== BACKUP_FORMAT) throw new Error('format');
    header = h;
  } catch {
    throw invalid(`${file} n’est pas une sauvegarde Essaim (format ${BACKUP_FORMAT} attendu).`, [], 'invalid_backup');
  }
  if (header.version !== VERSION)
    throw invalid(`Sauvegarde au format ${header.version}, que cette version ne lit pas (format ${VERSION}).`, [], 'invalid_backup');
  const known = await migrationNames();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw invalid(
      `Cette sauvegarde vient d’une version plus récente d’Essaim (migrations inconnues : ${unknown.join(', ')}) : restaurez-la avec cette version.`,
      [],
      'invalid_backup',
    );

  if (await q.hasTables(db)) {
    if (!opts.force)
      throw conflict(
        'database_not_empty',
        'La base de destination contient déjà des tables : la restauration les remplacerait. Restaurez dans une base vide, ou ajoutez --force pour la remplacer.',
      );
    await q.dropPublicSchema(db);
  }
  const last = header.migrations[header.migrations.length - 1];
  if (last) await migrateTo(db, last);

  const shapes = new Map((await q.tableShapes(db, MIGRATION_TABLES)).map((t) => [t.name, t]));
  let trailer: TableSummary[] | undefined;
  await db.transaction().execute(async (trx) => {
    await q.utcForThisTransaction(trx);
    await q.prepareLoad(trx, [...shapes.keys()]);
    let table: q.TableShape | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (table) await q.insertRows(trx, table, batch);
      batch = [];
    };
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const line = next.value;
      if (line.startsWith('{')) {
        if (!table) throw invalid('Sauvegarde mal formée : une ligne de données avant toute table.', [], 'invalid_backup');
        batch.push(line);
        if (batch.length >= 1000) await flush();
        continue;
      }
      const [kind, value] = JSON.parse(line) as ['table', string] | ['end', TableSummary[]];
      await flush();
      if (kind === 'end') {
        trailer = value as TableSummary[];
        break;
      }
      table = shapes.get(value as string);
      if (!table) throw invalid(`Sauvegarde mal formée : la table ${value} n’existe pas à ce niveau de migrations.`, [], 'invalid_backup');
    }
    if (!trailer) throw invalid(`${file} est incomplète (pas de fin de sauvegarde) : rien n’a été restauré.`, [], 'invalid_backup');
    for (const t of shapes.values()) await q.resetIdentity(trx, t);
    await q.finishLoad(trx, [...shapes.keys()]);
    // The same rows as saved, or nothing: counts and checksums read back inside the transaction.
    for (const expected of trailer) {
      const shape = shapes.get(expected.name);
      const got = shape ? await summarise(trx, shape) : undefined;
      if (!got || got.rows !== expected.rows || got.sha256 !== expected.sha256)
        throw invalid(
          `La table ${expected.name} restaurée ne correspond pas à la sauvegarde (${got?.rows ?? 0} lignes au lieu de ${expected.rows}) : rien n’a été restauré.`,
          [],
          'backup_mismatch',
        );
    }
  });
  const migrated = await migrateToLatest(db);
  return { tables: trailer ?? [], migrated };
}
