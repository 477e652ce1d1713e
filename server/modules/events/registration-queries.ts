import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/connection';

export interface RegistrationRow {
  id: string;
  event_id: string;
  person_id: string | null;
  person_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string;
  project_id: string | null;
  project_title: string | null;
  fund_id: string | null;
  fund_name: string | null;
  status: string;
  max_meetings: number | null;
  /** Its bilateral meetings recorded as missed (no-show), at a conference. */
  meeting_no_shows: number;
  collective_id: string | null;
  sector: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Whose registrations a participant sees: their person's, their projects' (holder) and their funds' (investor). */
export interface Ownership {
  personId: string | null;
  holderOf: readonly string[];
  investorOf: readonly string[];
}

export interface RegistrationFilters {
  ids?: readonly string[] | undefined;
  role?: string | undefined;
  status?: string | undefined;
  /** Only these (a participant); undefined: all (the organiser). */
  ownedBy?: Ownership | undefined;
}

/** An event's registrations, projects first then funds then people, each by name. */
export async function registrationRows(db: Executor, eventId: string, f: RegistrationFilters = {}): Promise<RegistrationRow[]> {
  if (f.ids && f.ids.length === 0) return [];
  let q = db
    .selectFrom('registrations as r')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('projects as pr', 'pr.id', 'r.project_id')
    .leftJoin('funds as fu', 'fu.id', 'r.fund_id')
    .select([
      'r.id',
      'r.event_id',
      'r.person_id',
      sql<string | null>`case when p.id is null then null else p.first_name || ' ' || p.last_name end`.as('person_name'),
      'r.organisation_id',
      'o.name as organisation_name',
      'r.role',
      'r.project_id',
      'pr.title as project_title',
      'r.fund_id',
      'fu.name as fund_name',
      'r.status',
      'r.max_meetings',
      sql<number>`(select count(*)::int from meetings m where (m.a_registration_id = r.id or m.b_registration_id = r.id) and m.status = 'no_show')`.as(
        'meeting_no_shows',
      ),
      'r.collective_id',
      'r.sector',
      'r.created_at',
      'r.updated_at',
    ])
    .where('r.event_id', '=', eventId);
  if (f.ids) q = q.where('r.id', 'in', f.ids);
  if (f.role) q = q.where('r.role', '=', f.role);
  if (f.status) q = q.where('r.status', '=', f.status);
  const own = f.ownedBy;
  if (own)
    q = q.where((eb) =>
      eb.or([
        ...(own.personId ? [eb('r.person_id', '=', own.personId)] : []),
        ...(own.holderOf.length ? [eb.and([eb('r.role', '=', 'project'), eb('r.organisation_id', 'in', own.holderOf)])] : []),
        ...(own.investorOf.length ? [eb.and([eb('r.role', '=', 'investor'), eb('r.organisation_id', 'in', own.investorOf)])] : []),
      ]),
    );
  return q
    .orderBy(sql`case r.role when 'project' then 0 when 'investor' then 1 else 2 end`)
    .orderBy(sql`lower(coalesce(pr.title, fu.name, p.last_name, o.name))`)
    .orderBy('r.id')
    .execute();
}

/** Registrations that hold a place (every one not cancelled), other than `except`. */
export async function countTakenPlaces(db: Executor, eventId: string, except?: string): Promise<number> {
  let q = db.selectFrom('registrations').select(sql<number>`count(*)::int`.as('n')).where('event_id', '=', eventId).where('status', '<>', 'cancelled');
  if (except) q = q.where('id', '<>', except);
  return (await q.executeTakeFirstOrThrow()).n;
}

export interface RegistrationValues {
  person_id: string | null;
  organisation_id: string | null;
  role: string;
  project_id: string | null;
  fund_id: string | null;
  status: string;
  max_meetings: number | null;
  /** The collective the person or structure comes for (workshops: attendance per collective). */
  collective_id?: string | null;
  /** A hackathon participant's sector (left out: unchanged on update, none on insert). */
  sector?: string | null;
}

/** Insert registrations of one event (`ids`: chosen ids, as the demo seed gives); their ids in order. */
export async function insertRegistrations(db: Executor, eventId: string, rows: readonly RegistrationValues[], ids?: readonly string[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insertInto('registrations')
    .values(rows.map((r, i) => ({ ...r, event_id: eventId, ...(ids ? { id: ids[i] } : {}) })))
    .returning('id')
    .execute();
  return out.map((r) => r.id);
}

export async function updateRegistration(db: Executor, id: string, r: RegistrationValues) {
  await db
    .updateTable('registrations')
    .set({ ...r, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** A live registration of the same project, fund, or else person (or structure), in the same role (the unique index's key). */
export async function duplicateRegistration(db: Executor, eventId: string, r: RegistrationValues, except?: string): Promise<string | undefined> {
  let q = db
    .selectFrom('registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('role', '=', r.role)
    .where('status', '<>', 'cancelled')
    .where(sql<SqlBool>`coalesce(project_id, fund_id, person_id, organisation_id) = ${r.project_id ?? r.fund_id ?? r.person_id ?? r.organisation_id}`);
  if (except) q = q.where('id', '<>', except);
  return (await q.executeTakeFirst())?.id;
}

/** The structure a registered project (its lead) or fund (its manager) stands for; undefined when the record does not exist. */
export async function ownerOf(db: Executor, table: 'projects' | 'funds', id: string): Promise<{ owner: string | null } | undefined> {
  if (table === 'projects') return db.selectFrom('projects').select('lead_organisation_id as owner').where('id', '=', id).executeTakeFirst();
  return db.selectFrom('funds').select('manager_id as owner').where('id', '=', id).executeTakeFirst();
}
/** A person's structure and advisor flag (who may register as an advisor). */
export async function personFacts(db: Executor, personId: string) {
  return db.selectFrom('people').select(['id', 'organisation_id', 'is_advisor']).where('id', '=', personId).executeTakeFirst();
}
export async function organisationExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}

/** The accounts a registration concerns: its person's, and those that answer for its project (holders) or its fund (investors). */
export async function accountsOfRegistration(db: Executor, r: Pick<RegistrationValues, 'person_id' | 'organisation_id' | 'role'>): Promise<string[]> {
  const scoped =
    r.organisation_id && (r.role === 'project' || r.role === 'investor')
      ? JSON.stringify([{ role: r.role === 'project' ? 'holder' : 'investor', scope: [r.organisation_id] }])
      : null;
  if (!r.person_id && !scoped) return [];
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([...(r.person_id ? [eb('person_id', '=', r.person_id)] : []), ...(scoped ? [sql<SqlBool>`roles @> ${scoped}::jsonb`] : [])]))
    .orderBy('id')
    .execute();
  return rows.map((x) => x.id);
}
