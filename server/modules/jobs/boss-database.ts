import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery } from 'kysely';
import type { Database, Executor } from '../../db/connection';

/** What pg-boss needs of a database it does not own (its `db` option). */
export interface BossDatabase {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss on the embedded PGlite, which is ONE connection. Each statement of
 * pg-boss waits for Kysely's connection (the dialect hands it to one user at a
 * time, a transaction from its begin to its commit), so pg-boss never runs
 * inside another caller's open transaction, and nobody else's statement runs
 * inside pg-boss's. pg-boss's multi-statement scripts (BEGIN … COMMIT) run in
 * one call, so they are atomic; their rows are returned, every statement's, as
 * pg-boss asks of a custom adapter.
 */
export function pgliteBossDatabase(db: Database, pglite: PGlite): BossDatabase {
  return {
    executeSql: (text, values) =>
      db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        try {
          const results = await pglite.exec(text);
          return { rows: results.flatMap((r) => r.rows) };
        } catch (err) {
          // A script that failed after its BEGIN leaves the session in an aborted
          // transaction: close it before handing the connection back.
          await pglite.exec('rollback').catch(() => {});
          throw err;
        }
      }),
  };
}

/**
 * pg-boss statements run inside a Kysely transaction (a job enqueued with the
 * change that calls for it: when the change rolls back, no job is left).
 * Only single statements with parameters go through here (sending a job).
 */
export function executorBossDatabase(ex: Executor): BossDatabase {
  return {
    async executeSql(text, values = []) {
      const res = await ex.executeQuery(CompiledQuery.raw(text, values));
      return { rows: res.rows };
    },
  };
}
