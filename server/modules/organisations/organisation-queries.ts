import { type SqlBool, sql } from 'kysely';
import type { Organisation, OrganisationInput, OrganisationListQuery } from '../../../shared/schemas/organisation';
import { type CommuneParents, communeParents, locatedIn, matches, searchVector, territoryColumns, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';

const columns = [
  'o.id',
  'o.name',
  'o.siret',
  'o.siren',
  'o.legal_category',
  'o.kind',
  'o.siae_kind',
  'o.ess',
  'o.esus',
  'o.naf_code',
  'o.commune_code',
  'o.website',
  'o.description',
  'o.created_at',
  'o.updated_at',
] as const;

function baseSelect(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('communes as c', 'c.code', 'o.commune_code')
    .select([...columns, 'c.name as commune_name'])
    .select(
      sql<string[]>`coalesce((select array_agg(theme_code order by theme_code) from organisation_themes t where t.organisation_id = o.id), '{}')`.as('themes'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

function present(r: Row): Organisation {
  return {
    id: r.id,
    name: r.name,
    siret: r.siret,
    siren: r.siren,
    legalCategory: r.legal_category,
    kind: r.kind as Organisation['kind'],
    siaeKind: r.siae_kind as Organisation['siaeKind'],
    ess: r.ess,
    esus: r.esus,
    nafCode: r.naf_code,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    website: r.website,
    description: r.description,
    themes: r.themes,
    ...timestampsOf(r),
  };
}

function filtered(db: Executor, f: Omit<OrganisationListQuery, 'page' | 'pageSize' | 'format'>) {
  const query = tsQuery(f.q);
  return db.selectFrom('organisations as o').where((eb) => {
    const conds = [];
    if (query) conds.push(matches(sql.ref('o.search'), query));
    if (f.territory) conds.push(locatedIn('o', f.territory));
    if (f.theme?.length)
      conds.push(sql<SqlBool>`exists (select 1 from organisation_themes t where t.organisation_id = o.id and t.theme_code in (${sql.join(f.theme)}))`);
    if (f.kind) conds.push(eb('o.kind', '=', f.kind));
    if (f.siaeKind) conds.push(eb('o.siae_kind', '=', f.siaeKind));
    if (f.ess !== undefined) conds.push(eb('o.ess', '=', f.ess));
    if (f.esus !== undefined) conds.push(eb('o.esus', '=', f.esus));
    if (f.siret) conds.push(eb('o.siret', '=', f.siret));
    if (f.siren) conds.push(eb('o.siren', '=', f.siren));
    if (f.champion !== undefined)
      conds.push(sql<SqlBool>`${f.champion ? sql`` : sql`not`} exists (select 1 from pioneer_champions c where c.organisation_id = o.id)`);
    if (f.sponsorAdministration !== undefined)
      conds.push(
        sql<SqlBool>`${f.sponsorAdministration ? sql`` : sql`not`} exists (select 1 from people p where p.administration_id = o.id and p.is_public_sponsor)`,
      );
    return eb.and(conds);
  });
}

/** One page of ids in the requested order; `limit` undefined = every match (exports). */
export const { count: countOrganisations, listIds: listOrganisationIds } = listQueries(filtered, {
  id: 'o.id',
  search: 'o.search',
  sort: 'name',
  keys: { name: sql`lower(o.name)`, createdAt: sql`o.created_at` },
});

/** Organisations by id, in the order of `ids`. */
export async function getOrganisations(db: Executor, ids: string[]): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  const rows = await baseSelect(db).where('o.id', 'in', ids).execute();
  return inIdOrder(ids, rows, present);
}

export async function findOrganisationIdsBySiret(db: Executor, sirets: string[]) {
  if (sirets.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('organisations').select(['id', 'siret']).where('siret', 'in', sirets).execute();
  return new Map(rows.map((r) => [r.siret as string, r.id]));
}

export async function existingOrganisationIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

function toRow(parents: CommuneParents, o: OrganisationInput) {
  return {
    name: o.name,
    siret: o.siret ?? null,
    siren: o.siren ?? o.siret?.slice(0, 9) ?? null,
    legal_category: o.legalCategory ?? null,
    kind: o.kind,
    siae_kind: o.siaeKind ?? null,
    ess: o.ess ?? false,
    esus: o.esus ?? false,
    naf_code: o.nafCode ?? null,
    commune_code: o.communeCode ?? null,
    ...territoryColumns(o.communeCode, parents),
    website: o.website ?? null,
    description: o.description ?? '',
    search: searchVector([
      [o.name, 'A'],
      [o.siret ?? o.siren, 'A'],
      [o.description, 'C'],
    ]),
  };
}

/** Insert many organisations in one statement per chunk; returns their ids in order. */
export async function insertOrganisations(db: Executor, items: OrganisationInput[], ids?: string[]): Promise<string[]> {
  const out: string[] = [];
  const parents = await communeParents(
    db,
    items.map((o) => o.communeCode),
  );
  const chunk = 500;
  for (let i = 0; i < items.length; i += chunk) {
    const slice = items.slice(i, i + chunk);
    const rows = await db
      .insertInto('organisations')
      .values(slice.map((o, j) => ({ ...toRow(parents, o), ...(ids ? { id: ids[i + j] } : {}) })))
      .returning('id')
      .execute();
    const sliceIds = rows.map((r) => r.id);
    const themeRows = slice.flatMap((o, j) => (o.themes ?? []).map((t) => ({ organisation_id: sliceIds[j] as string, theme_code: t })));
    if (themeRows.length) await db.insertInto('organisation_themes').values(themeRows).execute();
    out.push(...sliceIds);
  }
  return out;
}

export async function updateOrganisation(db: Executor, id: string, o: OrganisationInput) {
  await db
    .updateTable('organisations')
    .set({ ...toRow(await communeParents(db, [o.communeCode]), o), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('organisation_themes').where('organisation_id', '=', id).execute();
  if (o.themes?.length)
    await db
      .insertInto('organisation_themes')
      .values(o.themes.map((t) => ({ organisation_id: id, theme_code: t })))
      .execute();
}

export async function deleteOrganisation(db: Executor, id: string) {
  const r = await db.deleteFrom('organisations').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** How many organisations the base holds (an empty base gets the demo network). */
export async function organisationTotal(db: Executor) {
  return (await db.selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}
