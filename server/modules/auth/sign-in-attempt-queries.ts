import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

/**
 * Count one attempt under each key, in a window that starts afresh once the
 * last one (measured by the database clock) is over; each key's count in its
 * window. One statement, so concurrent attempts never count the same slot.
 */
export async function countAttempt(db: Executor, keys: string[], windowMinutes: number) {
  // Keys whose window ended a day ago are forgotten here rather than by a scheduled job.
  await db.deleteFrom('sign_in_attempts').where('window_started_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  const open = sql<boolean>`sign_in_attempts.window_started_at > now() - make_interval(mins => ${windowMinutes})`;
  const rows = await db
    .insertInto('sign_in_attempts')
    .values(keys.map((key) => ({ key, attempts: 1, window_started_at: sql<Date>`now()` })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when ${open} then sign_in_attempts.attempts + 1 else 1 end`,
        window_started_at: sql<Date>`case when ${open} then sign_in_attempts.window_started_at else now() end`,
      }),
    )
    .returning(['key', 'attempts'])
    .execute();
  return new Map(rows.map((r) => [r.key, r.attempts]));
}

/** Take back one attempt (a sign-in that succeeded is not counted). */
export async function uncountAttempt(db: Executor, key: string) {
  await db.updateTable('sign_in_attempts').set({ attempts: sql<number>`greatest(attempts - 1, 0)` }).where('key', '=', key).execute();
}

export async function forgetAttempts(db: Executor, key: string) {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}
