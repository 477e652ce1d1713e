import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, testDatabase } from '../test/test-db';
import type { OpenDatabase } from './connection';

let open: OpenDatabase;
beforeAll(async () => {
  open = await testDatabase();
});
afterAll(() => open.close());

const prepared = async (like: string) =>
  (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements where statement like ${like}`.execute(open.db)).rows;

describe.skipIf(onPostgres)('embedded database statements', () => {
  it('plans a statement with parameters once, then only binds and runs it', async () => {
    const theme = (code: string) => open.db.selectFrom('themes').select(['code', 'label']).where('code', '=', code).executeTakeFirst();
    expect(await theme('logement')).toMatchObject({ code: 'logement' });
    expect(await theme('mobilite')).toMatchObject({ code: 'mobilite' });
    expect(await theme('inconnu')).toBeUndefined();
    const kept = await prepared('select "code", "label" from "themes" where "code" = $1');
    expect(kept).toHaveLength(1);
  });

  it('reads a table right after its shape changed (schema changes empty the cache)', async () => {
    await sql`create table load_probe (id int primary key, a text)`.execute(open.db);
    await open.db
      .insertInto('load_probe' as never)
      .values({ id: 1, a: 'x' } as never)
      .execute();
    const read = () => sql<Record<string, unknown>>`select * from load_probe where id = ${1}`.execute(open.db);
    expect((await read()).rows).toEqual([{ id: 1, a: 'x' }]);
    await sql`alter table load_probe add column b text default 'y'`.execute(open.db);
    expect((await read()).rows).toEqual([{ id: 1, a: 'x', b: 'y' }]);
    await sql`drop table load_probe`.execute(open.db);
  });

  it('keeps the database error (SQLSTATE, constraint) and a usable connection after it', async () => {
    await sql`create table load_unique (id int primary key)`.execute(open.db);
    const insert = () =>
      open.db
        .insertInto('load_unique' as never)
        .values({ id: 1 } as never)
        .execute();
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: '23505', constraint: 'load_unique_pkey' });
    await expect(
      open.db.transaction().execute(async (tx) =>
        tx
          .insertInto('load_unique' as never)
          .values({ id: 1 } as never)
          .execute(),
      ),
    ).rejects.toMatchObject({
      code: '23505',
    });
    expect((await sql<{ n: number }>`select count(*)::int as n from load_unique where id > ${0}`.execute(open.db)).rows).toEqual([{ n: 1 }]);
    await sql`drop table load_unique`.execute(open.db);
  });

  it('keeps at most 64 statements prepared', async () => {
    for (let i = 0; i < 80; i++) await sql`select ${i}::int + ${sql.lit(i)} as n`.execute(open.db);
    expect((await prepared('select $1::int + %')).length).toBeLessThanOrEqual(64);
    expect((await sql<{ n: number }>`select ${5}::int + 1 as n`.execute(open.db)).rows).toEqual([{ n: 6 }]);
  });
});
