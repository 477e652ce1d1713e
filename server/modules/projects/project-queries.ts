import { type SqlBool, sql } from 'kysely';
import type { Project, ProjectInput, ProjectListQuery } from '../../../shared/schemas/project';
import { type CommuneParents, communeParents, locatedIn, matches, searchVector, territoryColumns, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';

function filtered(db: Executor, f: Omit<ProjectListQuery, 'page' | 'pageSize'>) {
  const query = tsQuery(f.q);
  return db.selectFrom('projects as p').where((eb) => {
    const c = [];
    if (query) c.push(matches(sql.ref('p.search'), query));
    if (f.territory) c.push(locatedIn('p', f.territory));
    if (f.theme?.length) c.push(sql<SqlBool>`exists (select 1 from project_themes t where t.project_id = p.id and t.theme_code in (${sql.join(f.theme)}))`);
    if (f.stage) c.push(eb('p.stage', '=', f.stage));
    if (f.status) c.push(eb('p.status', '=', f.status));
    if (f.instrument) c.push(sql<SqlBool>`${f.instrument} = any(p.instruments)`);
    if (f.collective) c.push(eb('p.collective_id', '=', f.collective));
    if (f.organisation)
      c.push(
        eb.or([
          eb('p.lead_organisation_id', '=', f.organisation),
          sql<SqlBool>`exists (select 1 from project_partners pp where pp.project_id = p.id and pp.organisation_id = ${f.organisation})`,
        ]),
      );
    if (f.minNeed !== undefined) c.push(eb('p.funding_need_eur', '>=', f.minNeed));
    if (f.maxNeed !== undefined) c.push(eb('p.funding_need_eur', '<=', f.maxNeed));
    return eb.and(c);
  });
}

export const { count: countProjects, listIds: listProjectIds } = listQueries(filtered, {
  id: 'p.id',
  search: 'p.search',
  sort: '-createdAt',
  keys: { title: sql`lower(p.title)`, createdAt: sql`p.created_at`, fundingNeed: sql`p.funding_need_eur` },
});

export async function getProjects(db: Executor, ids: string[]): Promise<Project[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('projects as p')
    .leftJoin('collectives as k', 'k.id', 'p.collective_id')
    .leftJoin('organisations as o', 'o.id', 'p.lead_organisation_id')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .select([
      'p.id',
      'p.title',
      'p.summary',
      'p.description',
      'p.collective_id',
      'p.lead_organisation_id',
      'p.stage',
      'p.funding_need_eur',
      'p.instruments',
      'p.commune_code',
      'p.status',
      'p.beneficiaries',
      'p.created_at',
      'p.updated_at',
      'k.name as collective_name',
      'o.name as lead_name',
      'o.siret as lead_siret',
      'c.name as commune_name',
      'c.departement_code',
      'c.region_code',
    ])
    .select([
      sql<string[]>`coalesce((select array_agg(theme_code order by theme_code) from project_themes t where t.project_id = p.id), '{}')`.as('themes'),
      sql<string[]>`coalesce((select array_agg(organisation_id::text order by organisation_id) from project_partners pp where pp.project_id = p.id), '{}')`.as(
        'partner_ids',
      ),
    ])
    .where('p.id', 'in', ids)
    .execute();
  return inIdOrder(
    ids,
    rows,
    (r): Project => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      description: r.description,
      collectiveId: r.collective_id,
      collectiveName: r.collective_name,
      leadOrganisationId: r.lead_organisation_id,
      leadOrganisationName: r.lead_name,
      leadOrganisationSiret: r.lead_siret,
      partnerIds: r.partner_ids,
      themes: r.themes,
      stage: r.stage as Project['stage'],
      fundingNeedEur: r.funding_need_eur,
      instruments: r.instruments as Project['instruments'],
      communeCode: r.commune_code,
      communeName: r.commune_name,
      departementCode: r.departement_code,
      regionCode: r.region_code,
      status: r.status as Project['status'],
      beneficiaries: r.beneficiaries,
      ...timestampsOf(r),
    }),
  );
}

function toRow(parents: CommuneParents, p: ProjectInput) {
  return {
    title: p.title,
    summary: p.summary ?? '',
    description: p.description ?? '',
    collective_id: p.collectiveId ?? null,
    lead_organisation_id: p.leadOrganisationId ?? null,
    stage: p.stage,
    funding_need_eur: p.fundingNeedEur ?? null,
    instruments: p.instruments ?? [],
    commune_code: p.communeCode ?? null,
    ...territoryColumns(p.communeCode, parents),
    status: p.status ?? 'active',
    beneficiaries: p.beneficiaries ?? null,
    search: searchVector([
      [p.title, 'A'],
      [p.summary, 'B'],
      [p.description, 'C'],
    ]),
  };
}

async function writeLinks(db: Executor, pairs: Array<{ id: string; p: ProjectInput }>) {
  const themes = pairs.flatMap(({ id, p }) => (p.themes ?? []).map((t) => ({ project_id: id, theme_code: t })));
  const partners = pairs.flatMap(({ id, p }) => (p.partnerIds ?? []).map((o) => ({ project_id: id, organisation_id: o })));
  if (themes.length) await db.insertInto('project_themes').values(themes).execute();
  if (partners.length) await db.insertInto('project_partners').values(partners).execute();
}

export async function insertProjects(db: Executor, items: ProjectInput[], ids?: string[]) {
  const out: string[] = [];
  const parents = await communeParents(
    db,
    items.map((p) => p.communeCode),
  );
  for (let i = 0; i < items.length; i += 500) {
    const slice = items.slice(i, i + 500);
    const rows = await db
      .insertInto('projects')
      .values(slice.map((p, j) => ({ ...toRow(parents, p), ...(ids ? { id: ids[i + j] } : {}) })))
      .returning('id')
      .execute();
    await writeLinks(
      db,
      rows.map((r, j) => ({ id: r.id, p: slice[j] as ProjectInput })),
    );
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

export async function updateProject(db: Executor, id: string, p: ProjectInput) {
  await db
    .updateTable('projects')
    .set({ ...toRow(await communeParents(db, [p.communeCode]), p), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('project_themes').where('project_id', '=', id).execute();
  await db.deleteFrom('project_partners').where('project_id', '=', id).execute();
  await writeLinks(db, [{ id, p }]);
}

export async function deleteProject(db: Executor, id: string) {
  return Number((await db.deleteFrom('projects').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}
