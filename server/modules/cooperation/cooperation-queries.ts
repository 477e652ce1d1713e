import { type SqlBool, sql } from 'kysely';
import type { CooperationInput, CooperationPatch, ProjectBrief } from '../../../shared/schemas/cooperation';
import type { Executor } from '../../db/connection';

// ——— Know-how transfers ———

export interface TransferRow {
  id: string;
  from_collective_id: string | null;
  from_collective_name: string | null;
  from_organisation_id: string | null;
  from_organisation_name: string | null;
  to_collective_id: string;
  to_collective_name: string;
  requested_by: 'giver' | 'receiver';
  topic: string;
  themes: string[];
  project_id: string | null;
  project_title: string | null;
  status: string;
  message: string;
  requested_on: string;
  answered_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  sessions_held: number;
  outcome: string;
  testimonial_quote: string | null;
  testimonial_author: string | null;
  testimonial_consent: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Who may see which transfers: everything, or the public ones plus those of some collectives and structures. */
export interface TransferScope {
  all: boolean;
  collectiveIds: readonly string[];
  organisationIds: readonly string[];
}

function transfers(db: Executor) {
  return db
    .selectFrom('knowledge_transfers as t')
    .innerJoin('collectives as kt', 'kt.id', 't.to_collective_id')
    .leftJoin('collectives as kf', 'kf.id', 't.from_collective_id')
    .leftJoin('organisations as of', 'of.id', 't.from_organisation_id')
    .leftJoin('projects as p', 'p.id', 't.project_id')
    .selectAll('t')
    .select(['kt.name as to_collective_name', 'kf.name as from_collective_name', 'of.name as from_organisation_name', 'p.title as project_title']);
}

export async function getTransfers(db: Executor, ids: readonly string[], lock = false): Promise<TransferRow[]> {
  if (ids.length === 0) return [];
  let q = transfers(db).where('t.id', 'in', ids);
  if (lock) q = q.forUpdate('t');
  return (await q.execute()) as TransferRow[];
}

export async function listTransfers(
  db: Executor,
  f: {
    scope: TransferScope;
    collectiveId?: string | undefined;
    organisationId?: string | undefined;
    status?: string | undefined;
    mineOnly: boolean;
    page: number;
    pageSize: number;
  },
) {
  const q = transfers(db).where((eb) => {
    const c = [];
    const side = [
      ...(f.scope.collectiveIds.length ? [eb('t.from_collective_id', 'in', f.scope.collectiveIds), eb('t.to_collective_id', 'in', f.scope.collectiveIds)] : []),
      ...(f.scope.organisationIds.length ? [eb('t.from_organisation_id', 'in', f.scope.organisationIds)] : []),
    ];
    if (f.mineOnly) c.push(side.length ? eb.or(side) : sql<SqlBool>`false`);
    else if (!f.scope.all) c.push(eb.or([eb('t.status', 'in', ['accepted', 'in_progress', 'done']), ...side]));
    if (f.collectiveId) c.push(eb.or([eb('t.from_collective_id', '=', f.collectiveId), eb('t.to_collective_id', '=', f.collectiveId)]));
    if (f.organisationId) c.push(eb('t.from_organisation_id', '=', f.organisationId));
    if (f.status) c.push(eb('t.status', '=', f.status));
    return eb.and(c);
  });
  const [{ n }] = (await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute()) as [{ n: number }];
  const rows = (await q
    .orderBy('t.requested_on', 'desc')
    .orderBy('t.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as TransferRow[];
  return { rows, total: Number(n) };
}

export async function insertTransfer(
  db: Executor,
  t: {
    from_collective_id: string | null;
    from_organisation_id: string | null;
    to_collective_id: string;
    requested_by: 'giver' | 'receiver';
    requested_by_account_id: string | null;
    topic: string;
    themes: string[];
    project_id: string | null;
    message: string;
    requested_on: string;
  },
  id?: string,
): Promise<string> {
  const row = await db
    .insertInto('knowledge_transfers')
    .values({ ...t, ...(id ? { id } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type TransferChanges = Partial<{
  from_collective_id: string | null;
  from_organisation_id: string | null;
  topic: string;
  themes: string[];
  project_id: string | null;
  status: string;
  answered_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  sessions_held: number;
  outcome: string;
  testimonial_quote: string | null;
  testimonial_author: string | null;
  testimonial_consent: boolean;
}>;

export async function updateTransfer(db: Executor, id: string, changes: TransferChanges) {
  await db
    .updateTable('knowledge_transfers')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** The published testimonials (their author consented), newest first; a year keeps those of transfers that ran that year. */
export async function publishedTestimonials(db: Executor, year?: number) {
  let q = transfers(db).where('t.testimonial_consent', '=', true).where('t.testimonial_quote', 'is not', null).where('t.status', '<>', 'declined');
  if (year !== undefined) q = q.where(sql<SqlBool>`extract(year from coalesce(t.ended_on, t.started_on, t.requested_on)) = ${year}`);
  return (await q.orderBy(sql`coalesce(t.ended_on, t.started_on, t.requested_on)`, 'desc').orderBy('t.id').execute()) as TransferRow[];
}

/** The accounts that answer for a side of a transfer: the collective's coordinators, the structure's holders. */
export async function sideAccounts(db: Executor, side: { collectiveId?: string | null; organisationId?: string | null }): Promise<string[]> {
  const patterns = [
    ...(side.collectiveId ? [JSON.stringify([{ role: 'coordinator', scope: [side.collectiveId] }])] : []),
    ...(side.organisationId ? [JSON.stringify([{ role: 'holder', scope: [side.organisationId] }])] : []),
  ];
  if (patterns.length === 0) return [];
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or(patterns.map((p) => sql<SqlBool>`roles @> ${p}::jsonb`)))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function nationalTeamAccounts(db: Executor): Promise<string[]> {
  const r = await sql<{ id: string }>`select id from accounts where roles @> ${JSON.stringify([{ role: 'admin' }])}::jsonb order by id`.execute(db);
  return r.rows.map((x) => x.id);
}

export async function collectiveExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('collectives').select('id').where('id', '=', id).executeTakeFirst());
}
export async function organisationExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}
export async function unknownThemes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const known = new Set((await db.selectFrom('themes').select('code').where('code', 'in', codes).execute()).map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}
export async function themeLabels(db: Executor) {
  return new Map((await db.selectFrom('themes').select(['code', 'label']).execute()).map((r) => [r.code, r.label]));
}

/** What the giver ranking needs of every collective: its themes (projects' and members'), proven projects, perimeter, transfers done. */
export async function giverFacts(db: Executor) {
  const collectives = await db.selectFrom('collectives').select(['id', 'name']).orderBy('name').execute();
  const themes = await sql<{ collective_id: string; theme_code: string }>`
    select p.collective_id, pt.theme_code from projects p join project_themes pt on pt.project_id = p.id where p.collective_id is not null
    union
    select m.collective_id, ot.theme_code from collective_members m join organisation_themes ot on ot.organisation_id = m.organisation_id`.execute(db);
  const proven = await db
    .selectFrom('projects as p')
    .select([
      'p.collective_id',
      'p.title',
      sql<string[]>`coalesce((select array_agg(theme_code order by theme_code) from project_themes where project_id = p.id), '{}')`.as('themes'),
    ])
    .where('p.collective_id', 'is not', null)
    .where('p.stage', 'in', ['development', 'scale_up'])
    .orderBy('p.title')
    .execute();
  const places = await perimeters(db);
  const done = await db
    .selectFrom('knowledge_transfers')
    .select(['from_collective_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'done')
    .where('from_collective_id', 'is not', null)
    .groupBy('from_collective_id')
    .execute();
  return collectives.map((k) => ({
    id: k.id,
    name: k.name,
    themes: themes.rows.filter((t) => t.collective_id === k.id).map((t) => t.theme_code),
    proven: proven.filter((p) => p.collective_id === k.id).map((p) => ({ title: p.title, themes: p.themes })),
    places: places.get(k.id) ?? [],
    transfersDone: Number(done.find((d) => d.from_collective_id === k.id)?.n ?? 0),
  }));
}

/** Every collective's perimeter, each part resolved to its commune, EPCI, département and région. */
export async function perimeters(db: Executor, collectiveId?: string) {
  let q = db.selectFrom('collective_perimeter').select(['collective_id', 'commune_code', 'epci_code', 'departement_code', 'region_code']);
  if (collectiveId) q = q.where('collective_id', '=', collectiveId);
  const out = new Map<string, Array<{ commune: string | null; epci: string | null; departement: string | null; region: string | null }>>();
  for (const r of await q.execute()) {
    const list = out.get(r.collective_id) ?? [];
    list.push({ commune: r.commune_code, epci: r.epci_code, departement: r.departement_code, region: r.region_code });
    out.set(r.collective_id, list);
  }
  return out;
}

// ——— Projects and replication ———

export interface ProjectFacts extends ProjectBrief {
  leadOrganisationId: string | null;
}

export async function projectBriefs(db: Executor, ids: readonly string[]): Promise<Map<string, ProjectFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('projects as p')
    .leftJoin('collectives as k', 'k.id', 'p.collective_id')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .select([
      'p.id',
      'p.title',
      'p.stage',
      'p.collective_id',
      'k.name as collective_name',
      'p.commune_code',
      'c.name as commune_name',
      'p.departement_code',
      'p.lead_organisation_id',
      sql<string[]>`coalesce((select array_agg(theme_code order by theme_code) from project_themes where project_id = p.id), '{}')`.as('themes'),
    ])
    .where('p.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        stage: r.stage,
        collectiveId: r.collective_id,
        collectiveName: r.collective_name,
        communeCode: r.commune_code,
        communeName: r.commune_name,
        departementCode: r.departement_code,
        themes: r.themes,
        leadOrganisationId: r.lead_organisation_id,
      },
    ]),
  );
}

export async function sourceOf(db: Executor, replicaId: string) {
  return db.selectFrom('project_replications').selectAll().where('replica_project_id', '=', replicaId).executeTakeFirst();
}
export async function replicasOf(db: Executor, sourceId: string) {
  return db
    .selectFrom('project_replications')
    .selectAll()
    .where('source_project_id', '=', sourceId)
    .orderBy('created_at')
    .orderBy('replica_project_id')
    .execute();
}
/** The chain of sources above a project (its source, its source's source…), for the cycle check. */
export async function sourceChain(db: Executor, projectId: string): Promise<Map<string, string>> {
  const r = await sql<{ replica_project_id: string; source_project_id: string }>`
    with recursive up(replica_project_id, source_project_id, depth) as (
      select replica_project_id, source_project_id, 1 from project_replications where replica_project_id = ${projectId}
      union all
      select r.replica_project_id, r.source_project_id, up.depth + 1 from project_replications r join up on r.replica_project_id = up.source_project_id where up.depth < 1000
    )
    select replica_project_id, source_project_id from up`.execute(db);
  return new Map(r.rows.map((x) => [x.replica_project_id, x.source_project_id]));
}
export async function setSource(db: Executor, replicaId: string, sourceId: string, accountId: string | null) {
  await db
    .insertInto('project_replications')
    .values({ replica_project_id: replicaId, source_project_id: sourceId, recorded_by_account_id: accountId })
    .onConflict((oc) => oc.column('replica_project_id').doUpdateSet({ source_project_id: sourceId, recorded_by_account_id: accountId, created_at: sql`now()` }))
    .execute();
}
export async function removeSource(db: Executor, replicaId: string) {
  await db.deleteFrom('project_replications').where('replica_project_id', '=', replicaId).execute();
}

/** Every replication with the year it was recorded (the map), optionally those whose source carries a theme. */
export async function allReplications(db: Executor, f: { theme?: string | undefined }) {
  let q = db
    .selectFrom('project_replications as r')
    .select(['r.replica_project_id', 'r.source_project_id', sql<number>`extract(year from r.created_at)::int`.as('year')]);
  if (f.theme)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_themes as pt')
          .select('pt.project_id')
          .whereRef('pt.project_id', '=', 'r.source_project_id')
          .where('pt.theme_code', '=', f.theme as string),
      ),
    );
  return q.orderBy('r.created_at').orderBy('r.replica_project_id').execute();
}

/** The replications where a collective's projects are the source or the replica. */
export async function collectiveReplications(db: Executor, collectiveId: string) {
  return db
    .selectFrom('project_replications as r')
    .innerJoin('projects as s', 's.id', 'r.source_project_id')
    .innerJoin('projects as p', 'p.id', 'r.replica_project_id')
    .select(['r.source_project_id', 'r.replica_project_id'])
    .where((eb) => eb.or([eb('s.collective_id', '=', collectiveId), eb('p.collective_id', '=', collectiveId)]))
    .orderBy('r.created_at')
    .execute();
}

export async function insertIntention(db: Executor, collectiveId: string, sourceProjectId: string) {
  return db
    .insertInto('replication_intentions')
    .values({ collective_id: collectiveId, source_project_id: sourceProjectId })
    .onConflict((oc) => oc.columns(['collective_id', 'source_project_id']).doUpdateSet({ collective_id: collectiveId }))
    .returning(['collective_id', 'source_project_id', 'created_at'])
    .executeTakeFirstOrThrow();
}
export async function intentionsOf(db: Executor, collectiveId: string) {
  return db.selectFrom('replication_intentions').selectAll().where('collective_id', '=', collectiveId).orderBy('created_at').execute();
}

/**
 * What « projets à essaimer » weighs for a collective: the themes of its
 * early projects (idea, launch) and of its members count as the territory's
 * needs; the candidates are proven projects (development, scale-up) of other
 * collectives that neither the collective nor any replica in it already holds.
 */
export async function ideaFacts(db: Executor, collectiveId: string) {
  const needs = await sql<{ theme_code: string; n: number }>`
    select theme_code, count(*)::int as n from (
      select pt.theme_code from projects p join project_themes pt on pt.project_id = p.id where p.collective_id = ${collectiveId} and p.stage in ('idea', 'launch')
      union all
      select ot.theme_code from collective_members m join organisation_themes ot on ot.organisation_id = m.organisation_id where m.collective_id = ${collectiveId}
    ) x group by theme_code`.execute(db);
  const candidates = await sql<{ id: string; title: string; themes: string[] }>`
    select p.id, p.title, coalesce((select array_agg(theme_code order by theme_code) from project_themes where project_id = p.id), '{}') as themes
    from projects p
    where p.stage in ('development', 'scale_up') and p.status <> 'abandoned'
      and p.collective_id is distinct from ${collectiveId}
      and not exists (
        select 1 from project_replications r join projects q on q.id = r.replica_project_id
        where r.source_project_id = p.id and q.collective_id = ${collectiveId})
    order by p.title, p.id`.execute(db);
  return { needs: new Map(needs.rows.map((r) => [r.theme_code, Number(r.n)])), candidates: candidates.rows };
}

// ——— Workshops ———

export async function workshopEvent(db: Executor, id: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('workshop_details as w', 'w.event_id', 'e.id')
    .leftJoin('themes as th', 'th.code', 'w.theme_code')
    .select([
      'e.id',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.public',
      'e.kind',
      'e.organiser_organisation_id',
      'w.theme_code',
      'th.label as theme_label',
      'w.summary',
    ])
    .where('e.id', '=', id)
    .where('e.kind', '=', 'workshop')
    .executeTakeFirst();
}

/** A workshop's speakers, and its attendance counted per collective (the collective a registration names, or the one its person coordinates). */
export async function workshopAttendance(db: Executor, eventId: string) {
  const speakers = (
    await sql<{ person_name: string | null; organisation_name: string | null }>`
    select nullif(btrim(coalesce(pe.first_name, '') || ' ' || coalesce(pe.last_name, '')), '') as person_name, o.name as organisation_name
    from registrations r
    left join people pe on pe.id = r.person_id
    left join organisations o on o.id = coalesce(r.organisation_id, pe.organisation_id)
    where r.event_id = ${eventId} and r.role = 'speaker' and r.status <> 'cancelled'
    order by o.name, person_name`.execute(db)
  ).rows;
  const perCollective = await sql<{ collective_id: string; collective_name: string; n: number }>`
    select k.id as collective_id, k.name as collective_name, count(*)::int as n
    from registrations r
    join collectives k on k.id = coalesce(r.collective_id, (select c.id from collectives c where c.coordinator_id = r.person_id order by c.name limit 1))
    where r.event_id = ${eventId} and r.status in ('registered', 'attended')
    group by k.id, k.name order by k.name`.execute(db);
  const total = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', 'in', ['registered', 'attended'])
    .executeTakeFirstOrThrow();
  return { speakers, perCollective: perCollective.rows, total: Number(total.n) };
}

export async function workshopMaterials(db: Executor, eventId: string) {
  return db
    .selectFrom('workshop_materials')
    .select(['id', 'label', 'url', 'file_name', sql<number | null>`octet_length(content)`.as('size_bytes')])
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export async function upsertWorkshopDetails(db: Executor, eventId: string, d: { theme_code?: string | null; summary?: string }) {
  await db
    .insertInto('workshop_details')
    .values({ event_id: eventId, theme_code: d.theme_code ?? null, summary: d.summary ?? '' })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ ...d, updated_at: sql`now()` }))
    .execute();
}
export async function insertMaterial(db: Executor, m: { event_id: string; label: string; url: string }) {
  return db.insertInto('workshop_materials').values(m).returning('id').executeTakeFirstOrThrow();
}
export async function insertMaterialFile(db: Executor, m: { event_id: string; label: string; file_name: string; content_type: string; content: Uint8Array }) {
  return db.insertInto('workshop_materials').values(m).returning('id').executeTakeFirstOrThrow();
}
export async function materialFile(db: Executor, eventId: string, id: string) {
  return db
    .selectFrom('workshop_materials')
    .select(['file_name', 'content_type', 'content'])
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .where('content', 'is not', null)
    .executeTakeFirst();
}
export async function deleteMaterial(db: Executor, eventId: string, id: string) {
  const r = await db.deleteFrom('workshop_materials').where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The workshops a collective attended (a registration naming it, or its coordinator's). */
export async function collectiveWorkshops(db: Executor, collectiveId: string, publicOnly: boolean) {
  const r = await sql<{ event_id: string; title: string; starts_at: Date; n: number }>`
    select e.id as event_id, e.title, e.starts_at, count(*)::int as n
    from events e join registrations r on r.event_id = e.id
    where e.kind = 'workshop' and r.status in ('registered', 'attended') and (${!publicOnly} or e.public)
      and (r.collective_id = ${collectiveId} or (r.collective_id is null and r.person_id = (select coordinator_id from collectives where id = ${collectiveId})))
    group by e.id, e.title, e.starts_at order by e.starts_at, e.id`.execute(db);
  return r.rows;
}

/** The workshops of a sector programme: those on its theme. */
export async function themeWorkshops(db: Executor, themeCode: string | null) {
  if (!themeCode) return [];
  return db
    .selectFrom('events as e')
    .innerJoin('workshop_details as w', 'w.event_id', 'e.id')
    .select(['e.id', 'e.title', 'e.starts_at'])
    .where('e.kind', '=', 'workshop')
    .where('e.public', '=', true)
    .where('w.theme_code', '=', themeCode)
    .orderBy('e.starts_at')
    .execute();
}
export async function programmeTheme(db: Executor, id: string) {
  return db.selectFrom('sector_programmes').select(['id', 'theme_code']).where('id', '=', id).executeTakeFirst();
}

// ——— Cooperations ———

export interface CooperationRow {
  id: string;
  large_group_id: string;
  large_group_name: string;
  social_innovator_id: string;
  social_innovator_name: string;
  sector_programme_id: string | null;
  sector_programme_name: string | null;
  subject: string;
  description: string;
  status: string;
  started_on: string | null;
  ended_on: string | null;
  results: Array<{ label: string; value: number; unit: string }>;
}

export async function listCooperations(
  db: Executor,
  f: { ids?: readonly string[]; sectorProgrammeId?: string | undefined; organisationId?: string | undefined; status?: string | undefined },
) {
  let q = db
    .selectFrom('cooperations as c')
    .innerJoin('organisations as g', 'g.id', 'c.large_group_id')
    .innerJoin('organisations as s', 's.id', 'c.social_innovator_id')
    .leftJoin('sector_programmes as sp', 'sp.id', 'c.sector_programme_id')
    .select([
      'c.id',
      'c.large_group_id',
      'g.name as large_group_name',
      'c.social_innovator_id',
      's.name as social_innovator_name',
      'c.sector_programme_id',
      'sp.name as sector_programme_name',
      'c.subject',
      'c.description',
      'c.status',
      'c.started_on',
      'c.ended_on',
      sql<
        CooperationRow['results']
      >`coalesce((select json_agg(json_build_object('label', x.label, 'value', x.value, 'unit', x.unit) order by x.position) from cooperation_results x where x.cooperation_id = c.id), '[]'::json)`.as(
        'results',
      ),
    ]);
  if (f.ids) {
    if (f.ids.length === 0) return [];
    q = q.where('c.id', 'in', f.ids);
  }
  if (f.sectorProgrammeId) q = q.where('c.sector_programme_id', '=', f.sectorProgrammeId);
  if (f.organisationId)
    q = q.where((eb) => eb.or([eb('c.large_group_id', '=', f.organisationId as string), eb('c.social_innovator_id', '=', f.organisationId as string)]));
  if (f.status) q = q.where('c.status', '=', f.status);
  const rows = await q.orderBy('c.started_on', 'desc').orderBy('c.subject').orderBy('c.id').execute();
  return rows.map((r) => {
    const results = (typeof r.results === 'string' ? JSON.parse(r.results) : r.results) as CooperationRow['results'];
    return { ...r, results: results.map((x) => ({ ...x, value: Number(x.value) })) } as CooperationRow;
  });
}

const cooperationValues = (c: CooperationPatch) => ({
  ...(c.largeGroupId !== undefined ? { large_group_id: c.largeGroupId } : {}),
  ...(c.socialInnovatorId !== undefined ? { social_innovator_id: c.socialInnovatorId } : {}),
  ...(c.sectorProgrammeId !== undefined ? { sector_programme_id: c.sectorProgrammeId } : {}),
  ...(c.subject !== undefined ? { subject: c.subject } : {}),
  ...(c.description !== undefined ? { description: c.description } : {}),
  ...(c.status !== undefined ? { status: c.status } : {}),
  ...(c.startedOn !== undefined ? { started_on: c.startedOn } : {}),
  ...(c.endedOn !== undefined ? { ended_on: c.endedOn } : {}),
});

async function writeResults(db: Executor, id: string, results: CooperationInput['results']) {
  if (results === undefined) return;
  await db.deleteFrom('cooperation_results').where('cooperation_id', '=', id).execute();
  if (results.length)
    await db
      .insertInto('cooperation_results')
      .values(results.map((r, i) => ({ cooperation_id: id, position: i, label: r.label, value: r.value, unit: r.unit })))
      .execute();
}

export async function insertCooperation(db: Executor, c: CooperationInput, id?: string) {
  const row = await db
    .insertInto('cooperations')
    .values({ ...(cooperationValues(c) as { large_group_id: string; social_innovator_id: string; subject: string }), ...(id ? { id } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeResults(db, row.id, c.results);
  return row.id;
}
export async function updateCooperation(db: Executor, id: string, c: CooperationPatch) {
  const values = cooperationValues(c);
  await db
    .updateTable('cooperations')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await writeResults(db, id, c.results);
}
export async function sectorProgrammeExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('sector_programmes').select('id').where('id', '=', id).executeTakeFirst());
}
