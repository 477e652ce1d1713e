import { sql } from 'kysely';
import type { Theme } from '../../../shared/schemas/reference';
import type { Executor } from '../../db/connection';

const usage = sql<number>`(
  (select count(*) from project_themes x where x.theme_code = t.code)
  + (select count(*) from organisation_themes x where x.theme_code = t.code)
  + (select count(*) from fund_themes x where x.theme_code = t.code))::int`;

export async function listThemes(db: Executor): Promise<Theme[]> {
  return db
    .selectFrom('themes as t')
    .select(['t.code', 't.label', 't.position', usage.as('usage')])
    .orderBy('t.position')
    .orderBy('t.code')
    .execute();
}

export async function getTheme(db: Executor, code: string): Promise<Theme | undefined> {
  return db
    .selectFrom('themes as t')
    .select(['t.code', 't.label', 't.position', usage.as('usage')])
    .where('t.code', '=', code)
    .executeTakeFirst();
}

export async function insertTheme(db: Executor, t: { code: string; label: string; position?: number | undefined }) {
  const position = t.position ?? (await db.selectFrom('themes').select(sql<number>`coalesce(max(position), -1)::int + 1`.as('p')).executeTakeFirstOrThrow()).p;
  await db.insertInto('themes').values({ code: t.code, label: t.label, position }).execute();
}

export async function updateTheme(db: Executor, code: string, t: { label?: string | undefined; position?: number | undefined }) {
  const set = { ...(t.label !== undefined ? { label: t.label } : {}), ...(t.position !== undefined ? { position: t.position } : {}) };
  if (Object.keys(set).length === 0) return (await getTheme(db, code)) !== undefined;
  const r = await db.updateTable('themes').set(set).where('code', '=', code).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteTheme(db: Executor, code: string) {
  return Number((await db.deleteFrom('themes').where('code', '=', code).executeTakeFirst()).numDeletedRows) > 0;
}
