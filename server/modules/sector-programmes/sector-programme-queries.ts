import { sql } from 'kysely';
import type { SectorProgramme, SectorProgrammeInput, SectorProgrammeListQuery } from '../../../shared/schemas/sector-programme';
import { matches, searchVector, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';

function filtered(db: Executor, f: SectorProgrammeListQuery) {
  const query = tsQuery(f.q);
  return db.selectFrom('sector_programmes as s').where((eb) => {
    const c = [];
    if (query) c.push(matches(sql.ref('s.search'), query));
    if (f.theme) c.push(eb('s.theme_code', '=', f.theme));
    if (f.member)
      c.push(
        eb.exists(
          eb
            .selectFrom('sector_programme_members as m')
            .select('m.programme_id')
            .whereRef('m.programme_id', '=', 's.id')
            .where('m.organisation_id', '=', f.member),
        ),
      );
    return eb.and(c);
  });
}

export const { count: countSectorProgrammes, listIds: listSectorProgrammeIds } = listQueries(filtered, {
  id: 's.id',
  search: 's.search',
  sort: 'name',
  keys: { name: sql`lower(s.name)` },
});

export async function getSectorProgrammes(db: Executor, ids: string[]): Promise<SectorProgramme[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('sector_programmes as s')
    .selectAll('s')
    .select([
      sql<
        Array<{ organisationId: string; name: string; role: string }>
      >`coalesce((select json_agg(json_build_object('organisationId', o.id, 'name', o.name, 'role', m.role) order by o.name, o.id) from sector_programme_members m join organisations o on o.id = m.organisation_id where m.programme_id = s.id), '[]'::json)`.as(
        'members',
      ),
      sql<string[]>`coalesce((select array_agg(project_id::text order by project_id) from sector_programme_projects p where p.programme_id = s.id), '{}')`.as(
        'project_ids',
      ),
    ])
    .where('s.id', 'in', ids)
    .execute();
  return inIdOrder(
    ids,
    rows,
    (r): SectorProgramme => ({
      id: r.id,
      name: r.name,
      themeCode: r.theme_code,
      startedOn: r.started_on as unknown as string | null,
      description: r.description,
      members: (typeof r.members === 'string' ? JSON.parse(r.members) : r.members) as SectorProgramme['members'],
      projectIds: r.project_ids,
      ...timestampsOf(r),
    }),
  );
}

const toRow = (s: SectorProgrammeInput) => ({
  name: s.name,
  theme_code: s.themeCode ?? null,
  started_on: s.startedOn ?? null,
  description: s.description ?? '',
  search: searchVector([
    [s.name, 'A'],
    [s.description, 'C'],
  ]),
});

async function writeLinks(db: Executor, id: string, s: SectorProgrammeInput) {
  await db.deleteFrom('sector_programme_members').where('programme_id', '=', id).execute();
  await db.deleteFrom('sector_programme_projects').where('programme_id', '=', id).execute();
  if (s.members?.length)
    await db
      .insertInto('sector_programme_members')
      .values(s.members.map((m) => ({ programme_id: id, organisation_id: m.organisationId, role: m.role })))
      .execute();
  const projects = [...new Set(s.projectIds ?? [])];
  if (projects.length)
    await db
      .insertInto('sector_programme_projects')
      .values(projects.map((p) => ({ programme_id: id, project_id: p })))
      .execute();
}

export async function insertSectorProgrammes(db: Executor, items: SectorProgrammeInput[], ids?: string[]) {
  const out: string[] = [];
  for (const [i, s] of items.entries()) {
    const row = await db
      .insertInto('sector_programmes')
      .values({ ...toRow(s), ...(ids ? { id: ids[i] } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(db, row.id, s);
    out.push(row.id);
  }
  return out;
}

export async function updateSectorProgramme(db: Executor, id: string, s: SectorProgrammeInput) {
  await db
    .updateTable('sector_programmes')
    .set({ ...toRow(s), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await writeLinks(db, id, s);
}

export async function deleteSectorProgramme(db: Executor, id: string) {
  return Number((await db.deleteFrom('sector_programmes').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}
