import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export interface InnovationFilters {
  ids?: readonly string[];
  eventId?: string | undefined;
  /** Only innovations of public events (a visitor). */
  publicOnly?: boolean;
}

export async function innovationRows(db: Executor, f: InnovationFilters = {}) {
  if (f.ids && f.ids.length === 0) return [];
  let q = db
    .selectFrom('innovations as i')
    .innerJoin('events as e', 'e.id', 'i.event_id')
    .innerJoin('hackathon_teams as t', 't.id', 'i.team_id')
    .leftJoin('hackathon_challenges as c', 'c.id', 'i.challenge_id')
    .leftJoin('organisations as o', 'o.id', 'i.carrier_organisation_id')
    .select([
      'i.id',
      'i.event_id',
      'e.title as event_title',
      'e.organiser_organisation_id',
      'e.public',
      'e.registration_open',
      'i.team_id',
      't.name as team_name',
      'c.title as challenge_title',
      'i.title',
      'i.summary',
      'i.carrier_organisation_id',
      'o.name as carrier_name',
      'i.project_id',
      sql<string>`to_char(i.propelled_on, 'YYYY-MM-DD')`.as('propelled_on'),
    ]);
  if (f.ids) q = q.where('i.id', 'in', f.ids);
  if (f.eventId) q = q.where('i.event_id', '=', f.eventId);
  if (f.publicOnly) q = q.where('e.public', '=', true);
  return q.orderBy('e.starts_at').orderBy(sql`lower(i.title)`).orderBy('i.id').execute();
}

export async function followUpRows(db: Executor, innovationIds: readonly string[]) {
  if (innovationIds.length === 0) return [];
  return db
    .selectFrom('innovation_follow_ups')
    .select([
      'innovation_id',
      'month',
      sql<string>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on'),
      'requested_at',
      'recorded_at',
      'status',
      'next_step',
      sql<number | null>`funding_found_eur::float8`.as('funding_found_eur'),
      'people_reached',
    ])
    .where('innovation_id', 'in', innovationIds)
    .orderBy('innovation_id')
    .orderBy('month')
    .execute();
}

export async function insertInnovation(
  db: Executor,
  i: {
    event_id: string;
    team_id: string;
    challenge_id: string | null;
    title: string;
    summary: string;
    carrier_organisation_id: string | null;
    propelled_on: string;
  },
  id?: string,
) {
  const newId = (
    await db
      .insertInto('innovations')
      .values({ ...i, ...(id ? { id } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('innovation_follow_ups')
    .values(
      [3, 6, 12].map((month) => ({
        innovation_id: newId,
        month,
        due_on: sql<string>`(${i.propelled_on}::date + make_interval(months => ${month}))::date`,
      })),
    )
    .execute();
  return newId;
}

export async function innovationOfTeam(db: Executor, teamId: string) {
  return (await db.selectFrom('innovations').select('id').where('team_id', '=', teamId).executeTakeFirst())?.id;
}

export async function recordFollowUp(
  db: Executor,
  innovationId: string,
  month: number,
  f: { status: string; next_step: string; funding_found_eur: number | null; people_reached: number | null },
) {
  await db
    .updateTable('innovation_follow_ups')
    .set({ ...f, recorded_at: sql`now()` })
    .where('innovation_id', '=', innovationId)
    .where('month', '=', month)
    .execute();
  await db.updateTable('innovations').set({ updated_at: sql`now()` }).where('id', '=', innovationId).execute();
}

export async function linkProject(db: Executor, innovationId: string, projectId: string) {
  const r = await db
    .updateTable('innovations')
    .set({ project_id: projectId, updated_at: sql`now()` })
    .where('id', '=', innovationId)
    .where('project_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Follow-ups due on or before `day` and not yet requested, with the innovation's carrier and team. */
export async function dueFollowUps(db: Executor, day: string) {
  return db
    .selectFrom('innovation_follow_ups as f')
    .innerJoin('innovations as i', 'i.id', 'f.innovation_id')
    .select(['f.innovation_id', 'f.month', 'i.title', 'i.carrier_organisation_id', 'i.team_id'])
    .where('f.requested_at', 'is', null)
    .where('f.recorded_at', 'is', null)
    .where('f.due_on', '<=', sql<string>`${day}::date`)
    .orderBy('f.due_on')
    .orderBy('f.innovation_id')
    .execute();
}

export async function markRequested(db: Executor, innovationId: string, month: number) {
  await db
    .updateTable('innovation_follow_ups')
    .set({ requested_at: sql`now()` })
    .where('innovation_id', '=', innovationId)
    .where('month', '=', month)
    .execute();
}

/** The accounts that answer for a follow-up: the carrier's holders, and the team members' persons. */
export async function followUpAccounts(db: Executor, carrierOrganisationId: string | null, teamId: string) {
  const scoped = carrierOrganisationId ? JSON.stringify([{ role: 'holder', scope: [carrierOrganisationId] }]) : null;
  const rows = await db
    .selectFrom('accounts as a')
    .select('a.id')
    .where((eb) =>
      eb.or([
        eb(
          'a.person_id',
          'in',
          eb
            .selectFrom('hackathon_team_members as m')
            .innerJoin('registrations as r', 'r.id', 'm.registration_id')
            .select('r.person_id')
            .where('m.team_id', '=', teamId)
            .where('r.person_id', 'is not', null),
        ),
        ...(scoped ? [sql<boolean>`a.roles @> ${scoped}::jsonb`] : []),
      ]),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.id);
}
