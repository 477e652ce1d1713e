import { sql } from 'kysely';
import type { Executor } from './connection';

/** The database answers a statement (`/healthz`): nothing read, nothing a visitor could learn. */
export async function databaseAnswers(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
