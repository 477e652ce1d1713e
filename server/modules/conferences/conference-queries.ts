import { sql } from 'kysely';
import type { Executor } from '../../db/connection';
import { registrationRows } from '../events/registration-queries';

/** A registration as the conference sees it: who, for which project or fund, with a label for the other side. */
export interface ParticipantRow {
  id: string;
  role: string;
  status: string;
  person_id: string | null;
  organisation_id: string | null;
  project_id: string | null;
  fund_id: string | null;
  max_meetings: number | null;
  label: string;
}

/** The live registrations of an event (the events core's rows), each with the name the other side reads. */
export async function participantRows(db: Executor, eventId: string, ids?: readonly string[]): Promise<ParticipantRow[]> {
  const rows = await registrationRows(db, eventId, ids ? { ids } : {});
  return rows
    .filter((r) => r.status !== 'cancelled')
    .map((r) => ({
      id: r.id,
      role: r.role,
      status: r.status,
      person_id: r.person_id,
      organisation_id: r.organisation_id,
      project_id: r.project_id,
      fund_id: r.fund_id,
      max_meetings: r.max_meetings,
      label: r.project_title ?? r.fund_name ?? r.person_name ?? r.organisation_name ?? 'Participant',
    }));
}

export interface SettingsRow {
  event_id: string;
  meeting_minutes: number | null;
  break_minutes: number | null;
  days: Array<{ date: string; start: string; end: string }>;
  request_deadline: Date | null;
  max_requests: number | null;
  video_link_pattern: string | null;
  published_at: Date | null;
}

export async function settingsRow(db: Executor, eventId: string, forUpdate = false): Promise<SettingsRow | undefined> {
  let q = db.selectFrom('conference_settings').selectAll().where('event_id', '=', eventId);
  if (forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) as SettingsRow | undefined;
}

export async function saveSettings(db: Executor, eventId: string, s: Partial<Omit<SettingsRow, 'event_id' | 'days'>> & { days?: SettingsRow['days'] }) {
  const values = {
    ...s,
    ...(s.days ? { days: JSON.stringify(s.days) } : {}),
    updated_at: new Date(),
  } as Record<string, unknown>;
  await db
    .insertInto('conference_settings')
    .values({ event_id: eventId, ...values } as never)
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values as never))
    .execute();
}

export interface SlotRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  tables: number;
}

export async function slotRows(db: Executor, eventId: string): Promise<SlotRow[]> {
  return db.selectFrom('conference_slots').select(['id', 'starts_at', 'ends_at', 'tables']).where('event_id', '=', eventId).orderBy('starts_at').execute();
}

export async function replaceSlots(db: Executor, eventId: string, slots: ReadonlyArray<{ id?: string; startsAt: Date; endsAt: Date; tables: number }>) {
  await db.deleteFrom('conference_slots').where('event_id', '=', eventId).execute();
  if (slots.length === 0) return;
  await db
    .insertInto('conference_slots')
    .values(slots.map((s) => ({ ...(s.id ? { id: s.id } : {}), event_id: eventId, starts_at: s.startsAt, ends_at: s.endsAt, tables: s.tables })))
    .execute();
}

/** Each registration's slots, for those that said when they are free (others: every slot). */
export async function availabilityOf(db: Executor, registrationIds: readonly string[]): Promise<Map<string, string[]>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conference_availability_lists as l')
    .leftJoin('conference_availability as a', 'a.registration_id', 'l.registration_id')
    .select(['l.registration_id', 'a.slot_id'])
    .where('l.registration_id', 'in', registrationIds)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.registration_id) ?? [];
    if (r.slot_id) list.push(r.slot_id);
    out.set(r.registration_id, list);
  }
  return out;
}

export async function setAvailability(db: Executor, registrationId: string, slotIds: readonly string[]) {
  await db
    .insertInto('conference_availability_lists')
    .values({ registration_id: registrationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db.deleteFrom('conference_availability').where('registration_id', '=', registrationId).execute();
  if (slotIds.length)
    await db
      .insertInto('conference_availability')
      .values(slotIds.map((slot_id) => ({ registration_id: registrationId, slot_id })))
      .execute();
}

/** Projects' matching facts, by registration (all of the event's, or these). */
export async function projectFacts(db: Executor, eventId: string, ids?: readonly string[]) {
  if (ids?.length === 0) return [];
  let q = db
    .selectFrom('registrations as r')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .select([
      'r.id as registration_id',
      'p.commune_code',
      'p.epci_code',
      'p.departement_code',
      'p.region_code',
      'p.stage',
      'p.funding_need_eur',
      'p.instruments',
      sql<string>`p.title || '. ' || p.summary || ' ' || p.description`.as('text'),
      sql<string[]>`coalesce((select array_agg(t.theme_code order by t.theme_code) from project_themes t where t.project_id = p.id), '{}')`.as('themes'),
    ])
    .where('r.event_id', '=', eventId)
    .where('r.role', '=', 'project')
    .where('r.status', '<>', 'cancelled');
  if (ids) q = q.where('r.id', 'in', ids);
  return q.orderBy('r.id').execute();
}

/** Funds' theses, by registration (all of the event's, or these). */
export async function fundFacts(db: Executor, eventId: string, ids?: readonly string[]) {
  if (ids?.length === 0) return [];
  let q = db
    .selectFrom('registrations as r')
    .innerJoin('funds as f', 'f.id', 'r.fund_id')
    .select([
      'r.id as registration_id',
      'f.stages',
      'f.instruments',
      'f.ticket_min_eur',
      'f.ticket_max_eur',
      sql<string>`f.name || '. ' || f.description`.as('text'),
      sql<string[]>`coalesce((select array_agg(t.theme_code order by t.theme_code) from fund_themes t where t.fund_id = f.id), '{}')`.as('themes'),
      sql<Array<{ kind: string; code: string }>>`coalesce((select json_agg(json_build_object(
          'kind', case when t.commune_code is not null then 'commune' when t.epci_code is not null then 'epci' when t.departement_code is not null then 'departement' else 'region' end,
          'code', coalesce(t.commune_code, t.epci_code, t.departement_code, t.region_code))) from fund_territories t where t.fund_id = f.id), '[]'::json)`.as(
        'territories',
      ),
    ])
    .where('r.event_id', '=', eventId)
    .where('r.role', '=', 'investor')
    .where('r.status', '<>', 'cancelled');
  if (ids) q = q.where('r.id', 'in', ids);
  return q.orderBy('r.id').execute();
}

/** Accounts that answer for these registrations: the person registered, the project's holders, the fund's investors. */
export async function accountsOfRegistrations(db: Executor, registrationIds: readonly string[]): Promise<Map<string, string[]>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await sql<{ registration_id: string; account_id: string }>`
    select r.id as registration_id, a.id as account_id
    from registrations r
    join accounts a on (r.person_id is not null and a.person_id = r.person_id)
      or (r.organisation_id is not null and r.role in ('project', 'investor') and a.roles @> jsonb_build_array(jsonb_build_object(
            'role', case when r.role = 'project' then 'holder' else 'investor' end, 'scope', jsonb_build_array(r.organisation_id::text))))
    where r.id in (${sql.join(registrationIds)})`.execute(db);
  const out = new Map<string, string[]>();
  for (const r of rows.rows) out.set(r.registration_id, [...new Set([...(out.get(r.registration_id) ?? []), r.account_id])]);
  return out;
}
