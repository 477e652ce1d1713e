import { type SqlBool, sql } from 'kysely';
import type { EventInput, EventListQuery } from '../../../shared/schemas/event';
import type { Executor } from '../../db/connection';
import { communeParents, locatedIn, matches, searchVector, territoryColumns, tsQuery } from '../../db/sql-helpers';
import { listQueries } from '../../db/sql-helpers-order';

/** The list filters, and whether the caller sees only public events (a visitor). */
export type EventFilters = Omit<EventListQuery, 'page' | 'pageSize'> & { publicOnly: boolean };

// A day of the filters is a day in Paris: its first instant is local midnight there.
const parisMidnight = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

function filtered(db: Executor, f: EventFilters) {
  const query = tsQuery(f.q);
  return db.selectFrom('events as e').where((eb) => {
    const c = [];
    if (f.publicOnly) c.push(eb('e.public', '=', true));
    if (query) c.push(matches(sql.ref('e.search'), query));
    if (f.programme) c.push(eb('e.programme', '=', f.programme));
    if (f.kind) c.push(eb('e.kind', '=', f.kind));
    if (f.from) c.push(sql<SqlBool>`e.ends_at >= ${parisMidnight(f.from)}`);
    if (f.to) c.push(sql<SqlBool>`e.starts_at < ${parisMidnight(f.to, 1)}`);
    if (f.territory) c.push(locatedIn('e', f.territory));
    return eb.and(c);
  });
}

export const { count: countEvents, listIds: listEventIds } = listQueries(filtered, {
  id: 'e.id',
  search: 'e.search',
  sort: 'startsAt',
  keys: { startsAt: sql`e.starts_at` },
});

/** A stored event with what its record shows (commune, organiser, how many registered). */
export interface EventRow {
  id: string;
  kind: string;
  programme: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  commune_code: string | null;
  commune_name: string | null;
  departement_code: string | null;
  region_code: string | null;
  online_url: string | null;
  organiser_organisation_id: string | null;
  organiser_name: string | null;
  capacity: number | null;
  registration_open: boolean;
  public: boolean;
  registered_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Events by id (in no particular order); `forUpdate` locks them until the transaction ends (capacity checks). */
export async function eventRows(db: Executor, ids: readonly string[], forUpdate = false): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  if (forUpdate) await db.selectFrom('events').select('id').where('id', 'in', ids).forUpdate().execute();
  return db
    .selectFrom('events as e')
    .leftJoin('communes as c', 'c.code', 'e.commune_code')
    .leftJoin('organisations as o', 'o.id', 'e.organiser_organisation_id')
    .select([
      'e.id',
      'e.kind',
      'e.programme',
      'e.title',
      'e.description',
      'e.starts_at',
      'e.ends_at',
      'e.address',
      'e.commune_code',
      'c.name as commune_name',
      'e.departement_code',
      'e.region_code',
      'e.online_url',
      'e.organiser_organisation_id',
      'o.name as organiser_name',
      'e.capacity',
      'e.registration_open',
      'e.public',
      'e.created_at',
      'e.updated_at',
    ])
    .select(sql<number>`(select count(*)::int from registrations r where r.event_id = e.id and r.status <> 'cancelled')`.as('registered_count'))
    .where('e.id', 'in', ids)
    .execute();
}

async function toRow(db: Executor, e: EventInput) {
  const communeCode = e.place?.communeCode ?? null;
  const parents = await communeParents(db, [communeCode]);
  return {
    kind: e.kind,
    programme: e.programme,
    title: e.title,
    description: e.description ?? '',
    starts_at: e.startsAt,
    ends_at: e.endsAt,
    address: e.place?.address ?? null,
    commune_code: communeCode,
    ...territoryColumns(communeCode, parents),
    online_url: e.onlineUrl ?? null,
    organiser_organisation_id: e.organiserOrganisationId ?? null,
    capacity: e.capacity ?? null,
    registration_open: e.registrationOpen ?? true,
    public: e.public ?? true,
    search: searchVector([
      [e.title, 'A'],
      [e.place?.address, 'B'],
      [e.description, 'C'],
    ]),
  };
}

export async function insertEvent(db: Executor, e: EventInput, id?: string): Promise<string> {
  const row = await db
    .insertInto('events')
    .values({ ...(await toRow(db, e)), ...(id ? { id } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEvent(db: Executor, id: string, e: EventInput) {
  await db
    .updateTable('events')
    .set({ ...(await toRow(db, e)), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteEvent(db: Executor, id: string): Promise<boolean> {
  const r = await db.deleteFrom('events').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Whether a commune and an organisation exist (an event's references), as the missing ones' field paths. */
export async function missingEventReferences(db: Executor, e: EventInput): Promise<Array<{ path: string; message: string }>> {
  const out: Array<{ path: string; message: string }> = [];
  if (e.place && !(await db.selectFrom('communes').select('code').where('code', '=', e.place.communeCode).executeTakeFirst()))
    out.push({ path: 'place.communeCode', message: `Commune inconnue (code INSEE) : ${e.place.communeCode}` });
  if (e.organiserOrganisationId && !(await db.selectFrom('organisations').select('id').where('id', '=', e.organiserOrganisationId).executeTakeFirst()))
    out.push({ path: 'organiserOrganisationId', message: `Structure inconnue : ${e.organiserOrganisationId}` });
  return out;
}
