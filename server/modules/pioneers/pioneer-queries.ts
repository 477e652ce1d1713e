import { sql } from 'kysely';
import type { Pioneer, PioneerInput, PioneerListQuery } from '../../../shared/schemas/pioneer';
import { locatedIn, matches, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';

// A pioneer is found by its organisation's name and place.
function filtered(db: Executor, f: PioneerListQuery) {
  const query = tsQuery(f.q);
  return db
    .selectFrom('pioneers as pi')
    .innerJoin('organisations as o', 'o.id', 'pi.organisation_id')
    .where((eb) => {
      const c = [];
      if (query) c.push(matches(sql.ref('o.search'), query));
      if (f.territory) c.push(locatedIn('o', f.territory));
      if (f.labelYear) c.push(eb('pi.label_year', '=', f.labelYear));
      return eb.and(c);
    });
}

export const { count: countPioneers, listIds: listPioneerIds } = listQueries(filtered, {
  id: 'pi.id',
  search: 'o.search',
  sort: 'name',
  keys: { name: sql`lower(o.name)`, labelYear: sql`pi.label_year` },
});

export async function getPioneers(db: Executor, ids: string[]): Promise<Pioneer[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('pioneers as pi')
    .innerJoin('organisations as o', 'o.id', 'pi.organisation_id')
    .selectAll('pi')
    .select([
      'o.name as organisation_name',
      'o.commune_code',
      sql<
        Array<{ year: number; count: number }>
      >`coalesce((select json_agg(json_build_object('year', b.year, 'count', b.count) order by b.year) from pioneer_beneficiaries b where b.pioneer_id = pi.id), '[]'::json)`.as(
        'beneficiaries',
      ),
      sql<
        Array<{ id: string; name: string }>
      >`coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.name, c.id) from pioneer_champions pc join organisations c on c.id = pc.organisation_id where pc.pioneer_id = pi.id), '[]'::json)`.as(
        'champions',
      ),
    ])
    .where('pi.id', 'in', ids)
    .execute();
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return inIdOrder(
    ids,
    rows,
    (r): Pioneer => ({
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      communeCode: r.commune_code,
      labelYear: r.label_year,
      description: r.description,
      beneficiaries: parse(r.beneficiaries),
      champions: parse(r.champions),
      ...timestampsOf(r),
    }),
  );
}

const toRow = (p: PioneerInput) => ({
  organisation_id: p.organisationId,
  label_year: p.labelYear,
  description: p.description ?? '',
});

async function writeLinks(db: Executor, id: string, p: PioneerInput) {
  await db.deleteFrom('pioneer_beneficiaries').where('pioneer_id', '=', id).execute();
  await db.deleteFrom('pioneer_champions').where('pioneer_id', '=', id).execute();
  if (p.beneficiaries?.length)
    await db
      .insertInto('pioneer_beneficiaries')
      .values(p.beneficiaries.map((b) => ({ pioneer_id: id, ...b })))
      .execute();
  const champions = [...new Set(p.championIds ?? [])];
  if (champions.length)
    await db
      .insertInto('pioneer_champions')
      .values(champions.map((o) => ({ pioneer_id: id, organisation_id: o })))
      .execute();
}

export async function insertPioneers(db: Executor, items: PioneerInput[], ids?: string[]) {
  const out: string[] = [];
  for (const [i, p] of items.entries()) {
    const row = await db
      .insertInto('pioneers')
      .values({ ...toRow(p), ...(ids ? { id: ids[i] } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(db, row.id, p);
    out.push(row.id);
  }
  return out;
}

export async function updatePioneer(db: Executor, id: string, p: PioneerInput) {
  await db
    .updateTable('pioneers')
    .set({ ...toRow(p), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await writeLinks(db, id, p);
}

export async function deletePioneer(db: Executor, id: string) {
  return Number((await db.deleteFrom('pioneers').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}

export async function pioneerIdOfOrganisation(db: Executor, organisationId: string) {
  return (await db.selectFrom('pioneers').select('id').where('organisation_id', '=', organisationId).executeTakeFirst())?.id;
}
