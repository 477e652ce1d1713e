import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

/** A page of rows and how many there are in all. */
export interface Page<T> {
  rows: T[];
  total: number;
}

const none = <T>(): Page<T> => ({ rows: [], total: 0 });

/** Collectives by id, with their project count, by name. */
export async function collectivesByIds(db: Executor, ids: string[], limit: number) {
  if (ids.length === 0) return none<{ id: string; name: string; territory_label: string; projects: number }>();
  const q = db.selectFrom('collectives as c').where('c.id', 'in', ids);
  const rows = await q
    .select(['c.id', 'c.name', 'c.territory_label', sql<number>`(select count(*)::int from projects p where p.collective_id = c.id)`.as('projects')])
    .orderBy('c.name')
    .limit(limit)
    .execute();
  const { n } = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: n };
}

/** Projects of some collectives or led by some organisations, last updated first. */
export async function projectsOf(db: Executor, by: { collectives?: string[]; leadOrganisations?: string[] }, limit: number) {
  const collectives = by.collectives ?? [];
  const leads = by.leadOrganisations ?? [];
  if (collectives.length === 0 && leads.length === 0)
    return none<{ id: string; title: string; stage: string; commune_name: string | null; collective_name: string | null; updated_at: Date }>();
  const q = db
    .selectFrom('projects as p')
    .where((eb) =>
      eb.or([...(collectives.length ? [eb('p.collective_id', 'in', collectives)] : []), ...(leads.length ? [eb('p.lead_organisation_id', 'in', leads)] : [])]),
    );
  const rows = await q
    .leftJoin('communes as m', 'm.code', 'p.commune_code')
    .leftJoin('collectives as c', 'c.id', 'p.collective_id')
    .select(['p.id', 'p.title', 'p.stage', 'm.name as commune_name', 'c.name as collective_name', 'p.updated_at'])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.title')
    .limit(limit)
    .execute();
  const { n } = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: n };
}

/** Organisations by id, by name. */
export async function organisationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return none<{ id: string; name: string; kind: string; commune_name: string | null }>();
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('communes as m', 'm.code', 'o.commune_code')
    .select(['o.id', 'o.name', 'o.kind', 'm.name as commune_name'])
    .where('o.id', 'in', ids)
    .orderBy('o.name')
    .execute();
  return { rows, total: rows.length };
}

/** Funds managed by some organisations, largest first. */
export async function fundsManagedBy(db: Executor, managers: string[], limit: number) {
  if (managers.length === 0) return none<{ id: string; name: string; amount_mobilisable_eur: number; french_impact: boolean }>();
  const q = db.selectFrom('funds as f').where('f.manager_id', 'in', managers);
  const rows = await q
    .select(['f.id', 'f.name', 'f.amount_mobilisable_eur', 'f.french_impact'])
    .orderBy('f.amount_mobilisable_eur', 'desc')
    .orderBy('f.name')
    .limit(limit)
    .execute();
  const { n } = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: n };
}

/** The structures a civil servant sponsors (sponsorships under way) or is asked to (proposals awaiting an answer). */
export async function structuresSponsoredBy(db: Executor, personId: string | null) {
  if (!personId) return none<{ id: string; organisation_name: string; status: string }>();
  const rows = await db
    .selectFrom('sponsorships as s')
    .innerJoin('sponsorship_needs as n', 'n.id', 's.need_id')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .select(['o.id', 'o.name as organisation_name', 's.status'])
    .where('s.sponsor_person_id', '=', personId)
    .where('s.status', 'in', ['proposed', 'active'])
    .orderBy('o.name')
    .execute();
  return { rows, total: rows.length };
}

/** An account's directory person's name. */
export async function personName(db: Executor, personId: string | null) {
  if (!personId) return null;
  const r = await db.selectFrom('people').select(sql<string>`first_name || ' ' || last_name`.as('name')).where('id', '=', personId).executeTakeFirst();
  return r?.name ?? null;
}

/**
 * The latest writes to the network, newest first, each with what it names (a
 * record's name or title, read from its state after — or before a deletion)
 * and who made it (their person's name, else their e-mail).
 */
export async function latestChanges(db: Executor, limit: number) {
  const label = (col: 'after' | 'before') =>
    sql`coalesce(a.${sql.ref(col)}->>'name', a.${sql.ref(col)}->>'title', a.${sql.ref(col)}->>'organisationName', a.${sql.ref(col)}->>'label', nullif(trim(coalesce(a.${sql.ref(col)}->>'firstName', '') || ' ' || coalesce(a.${sql.ref(col)}->>'lastName', '')), ''))`;
  const rows = await db
    .selectFrom('audit_log as a')
    // actor_id is text (it may name a non-account actor one day): compare as text.
    .leftJoin('accounts as u', (j) => j.on(sql<boolean>`u.id::text = a.actor_id`))
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.entity',
      'a.record_id',
      'a.actor_kind',
      sql<string | null>`coalesce(${label('after')}, ${label('before')})`.as('record_label'),
      sql<string | null>`coalesce(p.first_name || ' ' || p.last_name, u.email)`.as('actor_name'),
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  const { n } = await db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: n };
}

/**
 * The events a person is registered to (not cancelled): as themself, or through their
 * structure's project (holder) or fund (investor); upcoming first (soonest first), then past
 * ones (latest first). With each, its label, the role, and for a conference whose agendas are
 * published the meetings on that registration's agenda.
 */
export async function registrationsOf(db: Executor, by: { personId: string | null; holderOf: string[]; investorOf: string[] }, now: Date, limit: number) {
  const q = db
    .selectFrom('registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .where('r.status', '!=', 'cancelled')
    .where((eb) =>
      eb.or([
        ...(by.personId ? [eb('r.person_id', '=', by.personId)] : []),
        ...(by.holderOf.length ? [eb.and([eb('r.role', '=', 'project'), eb('r.organisation_id', 'in', by.holderOf)])] : []),
        ...(by.investorOf.length ? [eb.and([eb('r.role', '=', 'investor'), eb('r.organisation_id', 'in', by.investorOf)])] : []),
        sql<boolean>`false`,
      ]),
    );
  const rows = await q
    .leftJoin('projects as p', 'p.id', 'r.project_id')
    .leftJoin('funds as f', 'f.id', 'r.fund_id')
    .leftJoin('conference_settings as cs', 'cs.event_id', 'e.id')
    .select([
      'r.id',
      'r.event_id',
      'r.role',
      'e.title',
      'e.kind',
      'e.starts_at',
      'e.ends_at',
      'p.title as project_title',
      'f.name as fund_name',
      'cs.published_at',
      sql<number>`(select count(*)::int from meetings m where (m.a_registration_id = r.id or m.b_registration_id = r.id) and m.status not in ('cancelled') and m.slot_id is not null)`.as(
        'meetings',
      ),
    ])
    .orderBy(sql`case when e.ends_at >= ${now} then 0 else 1 end`)
    .orderBy(sql`case when e.ends_at >= ${now} then e.starts_at end`, 'asc')
    .orderBy('e.starts_at', 'desc')
    .limit(limit)
    .execute();
  const { n } = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: n };
}
