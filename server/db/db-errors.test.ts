import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-db';
import { translateDbError } from './db-errors';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

/** The database's own error for a query, or undefined when it passes. */
const errorOf = (q: ReturnType<typeof sql>) =>
  q.execute(database.db).then(
    () => undefined,
    (e: unknown) => e,
  );

describe(`database errors from the client's data (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a NUL that slips past the schemas is a 400 in the error shape, not a 500', async () => {
    const inText = await errorOf(sql`select ${'a\u0000b'}::text`);
    const inJson = await errorOf(sql`select ${'{"a":"\\u0000"}'}::jsonb ->> 'a'`);
    for (const e of [inText, inJson]) {
      expect(e).toBeDefined();
      expect(translateDbError(e)).toMatchObject({ kind: 'invalid', code: 'invalid_character', message: expect.stringContaining('retirez-le') });
    }
  });
});
