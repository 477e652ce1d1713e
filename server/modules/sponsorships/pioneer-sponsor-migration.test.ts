import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import { migrateTo, migrateToLatest, migrationStatus } from '../../db/migrator';
import { onPostgres, testDatabase } from '../../test/test-db';

const MIGRATION = '20261128T030000_sponsorships';

let open: OpenDatabase;
beforeAll(async () => {
  open = await testDatabase();
});
afterAll(async () => {
  await migrateToLatest(open.db as Kysely<unknown>);
  await open.close();
});

describe(`the Pionniers' sponsor becomes a sponsorship (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('moves each pioneer’s sponsor into an active sponsorship, drops the column, and puts it back on the way down', async () => {
    const db = open.db as Kysely<unknown>;
    const names = (await migrationStatus(db)).map((m) => m.name);
    const before = names[names.indexOf(MIGRATION) - 1] as string;
    await migrateTo(db, before);
    const org = await sql<{
      id: string;
    }>`insert into organisations (name, kind, search) values ('Toit à Moi', 'ess_structure', to_tsvector('french', '')) returning id`.execute(db);
    const admin = await sql<{
      id: string;
    }>`insert into organisations (name, kind, search) values ('DJEPVA', 'administration', to_tsvector('french', '')) returning id`.execute(db);
    const person = await sql<{ id: string }>`insert into people (first_name, last_name, is_public_sponsor, administration_id, search)
      values ('Anne', 'Haut', true, ${admin.rows[0]?.id}, to_tsvector('french', '')) returning id`.execute(db);
    const orgId = org.rows[0]?.id as string;
    const sponsorId = person.rows[0]?.id as string;
    await sql`insert into pioneers (organisation_id, label_year, sponsor_id) values (${orgId}, 2019, ${sponsorId})`.execute(db);

    await migrateToLatest(db);
    const moved = await sql<{ status: string; sponsor_person_id: string; source: string }>`select s.status, s.sponsor_person_id, n.source
      from sponsorships s join sponsorship_needs n on n.id = s.need_id where n.organisation_id = ${orgId}`.execute(db);
    expect(moved.rows).toEqual([{ status: 'active', sponsor_person_id: sponsorId, source: 'pioneer' }]);
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'pioneers'`.execute(db);
    expect(columns.rows.map((c) => c.column_name)).not.toContain('sponsor_id');

    await migrateTo(db, before);
    const back = await sql<{ sponsor_id: string }>`select sponsor_id from pioneers where organisation_id = ${orgId}`.execute(db);
    expect(back.rows).toEqual([{ sponsor_id: sponsorId }]);
  });
});
