import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseSummary, type TableSummary } from './backup';
import { openDatabase, wrapPGlite } from './connection';
import { countedVersion } from './snapshot-queries';
import { seedDemo } from '../seed/demo';
import { TEMPLATE_DUMP } from '../test/paths';
import { runCli } from '../../cli/essaim';
import { EXIT } from '../../cli/exit-codes';

// Backups through the command line, as an operator runs them: embedded → embedded,
// and with TEST_DATABASE_URL, embedded → PostgreSQL → embedded.
const dir = mkdtempSync(join(tmpdir(), 'essaim-backup-'));
const source = join(dir, 'source');
let out = '';
let err = '';
let expected: TableSummary[];

async function run(env: Record<string, string | undefined>, ...argv: string[]) {
  out = '';
  err = '';
  const saved = { ESSAIM_DATA_DIR: process.env.ESSAIM_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
  try {
    return await runCli(argv);
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  }
}

async function summaryOf(config: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }) {
  const open = await openDatabase(config, 'test');
  try {
    return await databaseSummary(open.db as Kysely<unknown>);
  } finally {
    await open.close();
  }
}

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  // An embedded database with the reference data and the demo network, and an audit entry (identity column) removed to leave a gap.
  const pglite = await PGlite.create({ dataDir: source, loadDataDir: new Blob([readFileSync(TEMPLATE_DUMP)]), parsers: { 1082: (v: string) => v } });
  const open = wrapPGlite(pglite);
  await seedDemo(open.db);
  await sql`delete from audit_log where id = (select min(id) from audit_log)`.execute(open.db);
  expected = await databaseSummary(open.db as Kysely<unknown>);
  await open.close();
}, 300_000);
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (s: TableSummary[], name: string) => s.find((t) => t.name === name)?.rows ?? 0;

describe('essaim db backup / restore', () => {
  const file = join(dir, 'essaim.backup.gz');

  it('backs up the embedded database and restores the same rows into an empty one', async () => {
    expect(rowsOf(expected, 'projects')).toBeGreaterThan(10);
    expect(rowsOf(expected, 'communes')).toBeGreaterThan(30_000);
    expect(await run({ ESSAIM_DATA_DIR: source }, 'db', 'backup', file)).toBe(EXIT.ok);
    expect(out).toMatch(/Sauvegarde écrite\u202f: .*essaim\.backup\.gz \(\d+ tables, \d[\d\u202f]* lignes\)/);
    // An existing file is never overwritten.
    expect(await run({ ESSAIM_DATA_DIR: source }, 'db', 'backup', file)).toBe(EXIT.conflict);
    expect(err).toContain('backup_exists');

    const target = join(dir, 'target');
    expect(await run({ ESSAIM_DATA_DIR: target }, 'db', 'restore', file)).toBe(EXIT.ok);
    expect(out).toContain('sommes de contrôle vérifiés');
    expect(await summaryOf({ kind: 'pglite', dataDir: target })).toEqual(expected);

    // An identity column continues after the restored values.
    const open = await openDatabase({ kind: 'pglite', dataDir: target }, 'test');
    const max = await sql<{ id: number }>`select max(id)::int as id from audit_log`.execute(open.db);
    const next = await sql<{
      id: number;
    }>`insert into audit_log (actor_kind, action, entity, record_id) values ('system', 'create', 'themes', 'x') returning id`.execute(open.db);
    // The tables' triggers work again after the load: a counted change moves the figures' version.
    const version = await countedVersion(open.db);
    await sql`update projects set stage = case when stage = 'idea' then 'launch' else 'idea' end where id = (select min(id::text)::uuid from projects)`.execute(
      open.db,
    );
    const moved = (await countedVersion(open.db)) !== version;
    await open.close();
    expect(Number(next.rows[0]?.id)).toBeGreaterThan(Number(max.rows[0]?.id));
    expect(moved).toBe(true);
  }, 300_000);

  it('refuses to restore into a database that has tables (exit 4) unless --force, which replaces it', async () => {
    const target = join(dir, 'busy');
    // A database with tables and rows of its own (another demo seed would do; a migrated empty base is enough to refuse).
    expect(await run({ ESSAIM_DATA_DIR: target }, 'db', 'migrate')).toBe(EXIT.ok);
    expect(await run({ ESSAIM_DATA_DIR: target }, 'db', 'restore', file)).toBe(EXIT.conflict);
    expect(err).toContain('database_not_empty');
    expect(err).toContain('--force');
    expect(await run({ ESSAIM_DATA_DIR: target }, 'db', 'restore', file, '--force')).toBe(EXIT.ok);
    expect(await summaryOf({ kind: 'pglite', dataDir: target })).toEqual(expected);
  }, 300_000);

  it('refuses a truncated or foreign file, restoring nothing', async () => {
    const whole = gunzipSync(readFileSync(file)).toString();
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gzipSync(whole.slice(0, Math.floor(whole.length * 0.6))));
    const target = join(dir, 'from-cut');
    expect(await run({ ESSAIM_DATA_DIR: target }, 'db', 'restore', cut)).toBe(EXIT.invalid);
    expect(err).toContain('incomplète');
    expect(rowsOf(await summaryOf({ kind: 'pglite', dataDir: target }), 'projects')).toBe(0);
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"not":"a backup"}\n'));
    expect(await run({ ESSAIM_DATA_DIR: join(dir, 'from-foreign') }, 'db', 'restore', foreign)).toBe(EXIT.invalid);
    expect(err).toContain('n’est pas une sauvegarde Essaim');
  }, 120_000);

  const url = process.env.TEST_DATABASE_URL;
  it.skipIf(!url)(
    'moves an embedded backup to PostgreSQL and back, the same rows each way',
    async () => {
      // A database of its own next to the test database: a restore --force empties its target.
      const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
      const name = `${new URL(url as string).pathname.slice(1)}_restore`;
      await sql`drop database if exists ${sql.id(name)}`.execute(admin);
      await sql`create database ${sql.id(name)}`.execute(admin);
      const target = new URL(url as string);
      target.pathname = `/${name}`;
      try {
        expect(await run({ DATABASE_URL: target.href }, 'db', 'restore', file)).toBe(EXIT.ok);
        expect(await summaryOf({ kind: 'postgres', url: target.href })).toEqual(expected);
        expect(await run({ DATABASE_URL: target.href }, 'db', 'restore', file)).toBe(EXIT.conflict);

        const back = join(dir, 'from-postgres.gz');
        expect(await run({ DATABASE_URL: target.href }, 'db', 'backup', back)).toBe(EXIT.ok);
        const embedded = join(dir, 'back-home');
        expect(await run({ ESSAIM_DATA_DIR: embedded }, 'db', 'restore', back)).toBe(EXIT.ok);
        expect(await summaryOf({ kind: 'pglite', dataDir: embedded })).toEqual(expected);
      } finally {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
        await admin.destroy();
      }
    },
    600_000,
  );
});
