import { sql } from 'kysely';
import type { Collective, CollectiveInput, CollectiveListQuery } from '../../../shared/schemas/collective';
import { matches, perimeterOverlaps, searchVector, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';
import { readPerimeters, writePerimeter } from '../territories/perimeter-queries';

function filtered(db: Executor, f: CollectiveListQuery) {
  const query = tsQuery(f.q);
  return db.selectFrom('collectives as k').where((eb) => {
    const c = [];
    if (query) c.push(matches(sql.ref('k.search'), query));
    if (f.territory) c.push(perimeterOverlaps('collective_perimeter', 'collective_id', sql.ref('k.id'), f.territory));
    if (f.wave) c.push(eb('k.wave', '=', f.wave));
    if (f.member)
      c.push(
        eb.exists(
          eb
            .selectFrom('collective_members as m')
            .select('m.organisation_id')
            .whereRef('m.collective_id', '=', 'k.id')
            .where('m.organisation_id', '=', f.member),
        ),
      );
    return eb.and(c);
  });
}

export const { count: countCollectives, listIds: listCollectiveIds } = listQueries(filtered, {
  id: 'k.id',
  search: 'k.search',
  sort: 'name',
  keys: { name: sql`lower(k.name)`, labelDate: sql`k.label_date` },
});

export async function getCollectives(db: Executor, ids: string[]): Promise<Collective[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('collectives as k')
    .leftJoin('people as p', 'p.id', 'k.coordinator_id')
    .selectAll('k')
    .select([
      sql<string | null>`p.first_name || ' ' || p.last_name`.as('coordinator_name'),
      sql<
        string[]
      >`coalesce((select array_agg(organisation_id::text order by organisation_id) from collective_members m where m.collective_id = k.id), '{}')`.as(
        'member_ids',
      ),
      sql<number>`(select count(*)::int from projects pr where pr.collective_id = k.id)`.as('project_count'),
    ])
    .where('k.id', 'in', ids)
    .execute();
  const perimeters = await readPerimeters(db, 'collective_perimeter', 'collective_id', ids);
  return inIdOrder(
    ids,
    rows,
    (r): Collective => ({
      id: r.id,
      name: r.name,
      territoryLabel: r.territory_label,
      labelDate: r.label_date as unknown as string | null,
      wave: r.wave,
      coordinatorId: r.coordinator_id,
      coordinatorName: r.coordinator_name,
      description: r.description,
      website: r.website,
      perimeter: perimeters.get(r.id) ?? [],
      memberIds: r.member_ids,
      projectCount: r.project_count,
      ...timestampsOf(r),
    }),
  );
}

function toRow(k: CollectiveInput) {
  return {
    name: k.name,
    territory_label: k.territoryLabel ?? '',
    label_date: k.labelDate ?? null,
    wave: k.wave ?? null,
    coordinator_id: k.coordinatorId ?? null,
    description: k.description ?? '',
    website: k.website ?? null,
    search: searchVector([
      [k.name, 'A'],
      [k.territoryLabel, 'A'],
      [k.description, 'C'],
    ]),
  };
}

async function writeLinks(db: Executor, id: string, k: CollectiveInput) {
  await writePerimeter(db, 'collective_perimeter', 'collective_id', id, k.perimeter ?? []);
  await db.deleteFrom('collective_members').where('collective_id', '=', id).execute();
  const members = [...new Set(k.memberIds ?? [])];
  if (members.length)
    await db
      .insertInto('collective_members')
      .values(members.map((m) => ({ collective_id: id, organisation_id: m })))
      .execute();
}

export async function insertCollectives(db: Executor, items: CollectiveInput[], ids?: string[]) {
  const out: string[] = [];
  for (const [i, k] of items.entries()) {
    const row = await db
      .insertInto('collectives')
      .values({ ...toRow(k), ...(ids ? { id: ids[i] } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(db, row.id, k);
    out.push(row.id);
  }
  return out;
}

export async function updateCollective(db: Executor, id: string, k: CollectiveInput) {
  await db
    .updateTable('collectives')
    .set({ ...toRow(k), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await writeLinks(db, id, k);
}

export async function deleteCollective(db: Executor, id: string) {
  return Number((await db.deleteFrom('collectives').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}
