import { sql } from 'kysely';
import type { Person, PersonInput, PersonListQuery } from '../../../shared/schemas/person';
import { matches, searchVector, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';

function filtered(db: Executor, f: PersonListQuery) {
  const query = tsQuery(f.q);
  return db.selectFrom('people as p').where((eb) => {
    const c = [];
    if (query) c.push(matches(sql.ref('p.search'), query));
    if (f.organisation) c.push(eb('p.organisation_id', '=', f.organisation));
    if (f.administration) c.push(eb('p.administration_id', '=', f.administration));
    if (f.advisor !== undefined) c.push(eb('p.is_advisor', '=', f.advisor));
    if (f.publicSponsor !== undefined) c.push(eb('p.is_public_sponsor', '=', f.publicSponsor));
    return eb.and(c);
  });
}

export const { count: countPeople, listIds: listPersonIds } = listQueries(filtered, {
  id: 'p.id',
  search: 'p.search',
  sort: 'name',
  keys: { name: sql`lower(p.last_name) || ' ' || lower(p.first_name)`, createdAt: sql`p.created_at` },
});

export async function getPeople(db: Executor, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .leftJoin('organisations as a', 'a.id', 'p.administration_id')
    .leftJoin('sponsor_profiles as sp', 'sp.person_id', 'p.id')
    .selectAll('p')
    .select(['o.name as organisation_name', 'a.name as administration_name', 'sp.grade', 'sp.expertise', 'sp.territories', 'sp.capacity', 'sp.paused_until'])
    .where('p.id', 'in', ids)
    .execute();
  return inIdOrder(
    ids,
    rows,
    (r): Person => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      phone: r.phone,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      titles: r.titles,
      isAdvisor: r.is_advisor,
      isPublicSponsor: r.is_public_sponsor,
      administrationId: r.administration_id,
      administrationName: r.administration_name,
      sponsor: r.is_public_sponsor
        ? {
            administrationId: r.administration_id ?? '',
            grade: r.grade ?? '',
            expertise: (r.expertise ?? []) as NonNullable<Person['sponsor']>['expertise'],
            territories: r.territories ?? [],
            capacity: r.capacity ?? 1,
            pausedUntil: r.paused_until ?? null,
          }
        : null,
      ...timestampsOf(r),
    }),
  );
}

function toRow(p: PersonInput) {
  return {
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email ?? null,
    phone: p.phone ?? null,
    organisation_id: p.organisationId ?? null,
    titles: p.titles ?? [],
    is_advisor: p.isAdvisor ?? false,
    is_public_sponsor: p.isPublicSponsor ?? false,
    administration_id: p.administrationId ?? null,
    search: searchVector([
      [`${p.firstName} ${p.lastName}`, 'A'],
      [(p.titles ?? []).join(' '), 'B'],
    ]),
  };
}

export async function insertPeople(db: Executor, items: PersonInput[], ids?: string[]) {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const rows = await db
      .insertInto('people')
      .values(items.slice(i, i + 500).map((p, j) => ({ ...toRow(p), ...(ids ? { id: ids[i + j] } : {}) })))
      .returning('id')
      .execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

export async function updatePerson(db: Executor, id: string, p: PersonInput) {
  await db
    .updateTable('people')
    .set({ ...toRow(p), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deletePerson(db: Executor, id: string) {
  return Number((await db.deleteFrom('people').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}

export async function personIdByEmail(db: Executor, email: string) {
  return (await db.selectFrom('people').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst())?.id;
}

export async function organisationKindOf(db: Executor, id: string) {
  return (await db.selectFrom('organisations').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}

/**
 * The collectives, among `among`, each person belongs to: as its
 * coordinator, or through their organisation (a member, or the holder of
 * one of its projects).
 */
export async function collectivesOfPeople(db: Executor, personIds: string[], among: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0 || among.length === 0) return out;
  const rows = await sql<{ person_id: string; collective_id: string }>`
    select p.id as person_id, c.id as collective_id from people p join collectives c on c.coordinator_id = p.id
      where p.id = any(${personIds}::uuid[]) and c.id = any(${among}::uuid[])
    union
    select p.id, m.collective_id from people p join collective_members m on m.organisation_id = p.organisation_id
      where p.id = any(${personIds}::uuid[]) and m.collective_id = any(${among}::uuid[])
    union
    select p.id, j.collective_id from people p join projects j on j.lead_organisation_id = p.organisation_id
      where p.id = any(${personIds}::uuid[]) and j.collective_id = any(${among}::uuid[])`.execute(db);
  for (const r of rows.rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.collective_id]);
  return out;
}
