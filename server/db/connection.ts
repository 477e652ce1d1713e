import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { acquireDataDirLock } from './lock';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type Database = Kysely<DB>;
/** The database or an open transaction: what a query function runs on. */
export type Executor = Database | Transaction<DB>;

/** The connections at this instant (metrics): PGlite is one connection that statements take in turn. */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

/**
 * What carries a database besides Kysely, for the job queue (pg-boss) that
 * speaks SQL of its own: the one PGlite connection (whose access Kysely's
 * dialect serialises) or the PostgreSQL server's address (pg-boss keeps a
 * small pool of its own there).
 */
export type DatabaseCarrier = { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; url: string };
const carriers = new WeakMap<Database, DatabaseCarrier>();
export const carrierOf = (db: Database): DatabaseCarrier | undefined => carriers.get(db);

/** Kysely over a PostgreSQL server, remembered with its address. */
export function postgresDatabase(url: string, max = 10, pool = new pg.Pool({ connectionString: url, max })): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  carriers.set(db, { kind: 'postgres', url });
  return db;
}

export interface OpenDatabase {
  db: Database;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
  poolStats?: () => PoolStats;
}

/** Connections each server opens to PostgreSQL (several servers share the server's max_connections). */
export const POOL_MAX = 10;

// bigint columns hold euros and counts far below 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
// Dates (no time) stay strings so that no time zone shifts them.
pg.types.setTypeParser(1082, (v) => v);

/**
 * Open the configured database. The embedded one is locked to this process;
 * `purpose` says who holds it in the message another process would see.
 */
export async function openDatabase(config: DatabaseConfig, purpose: string): Promise<OpenDatabase> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: POOL_MAX });
    const db = postgresDatabase(config.url, POOL_MAX, pool);
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      poolStats: () => ({ max: POOL_MAX, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const lock = acquireDataDirLock(config.dataDir, purpose);
  try {
    const pglite = await PGlite.create({ dataDir: config.dataDir, parsers: { 1082: (v: string) => v } });
    return wrapPGlite(pglite, async () => lock.release());
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Kysely over an already open PGlite (tests open them in memory). */
export function wrapPGlite(pglite: PGlite, onClose: () => Promise<void> = async () => {}): OpenDatabase {
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<DB>({ dialect });
  carriers.set(db, { kind: 'pglite', pglite });
  return {
    db,
    kind: 'pglite',
    poolStats: () => {
      const { busy, waiting } = dialect.stats();
      return { max: 1, total: 1, idle: busy ? 0 : 1, waiting };
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
      await onClose();
    },
  };
}
