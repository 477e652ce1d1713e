import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationKinds, projectStages, siaeKinds } from '../../shared/vocabulary';
import { ensureReferenceData } from '../modules/territories/territory-reference';
import { testDatabase } from '../test/test-db';
import type { OpenDatabase } from './connection';
import { migrateToLatest, migrationStatus, rollbackOne } from './migrator';

let open: OpenDatabase;
beforeAll(async () => {
  open = await testDatabase();
});
afterAll(() => open.close());

describe('migrations', () => {
  it('roll back to nothing and apply again', async () => {
    const db = open.db as Kysely<unknown>;
    const all = await migrationStatus(db);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((m) => m.executedAt)).toBe(true);
    for (let i = 0; i < all.length; i++) await rollbackOne(db);
    expect((await migrationStatus(db)).every((m) => !m.executedAt)).toBe(true);
    expect(await migrateToLatest(db)).toHaveLength(all.length);
    await ensureReferenceData(open.db);
  }, 120_000);

  it('accept every value of the shared vocabularies (the CHECKs and the lists agree)', async () => {
    for (const kind of organisationKinds)
      await sql`insert into organisations (name, kind, siae_kind, search) values (${kind}, ${kind}, ${kind === 'siae' ? 'ACI' : null}, to_tsvector('french', ''))`.execute(
        open.db,
      );
    for (const s of siaeKinds)
      await sql`insert into organisations (name, kind, siae_kind, search) values (${s}, 'siae', ${s}, to_tsvector('french', ''))`.execute(open.db);
    for (const stage of projectStages)
      await sql`insert into projects (title, stage, search) values (${stage}, ${stage}, to_tsvector('french', ''))`.execute(open.db);
    await expect(sql`insert into projects (title, stage, search) values ('x', 'nope', to_tsvector('french', ''))`.execute(open.db)).rejects.toMatchObject({
      code: '23514',
    });
  });
});
