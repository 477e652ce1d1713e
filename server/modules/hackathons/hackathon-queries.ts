import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/connection';

export interface Settings {
  rubric: Array<{ id: string; label: string; weight: number }>;
  submission_deadline: Date | null;
  results_published_at: Date | null;
}

export async function settingsOf(db: Executor, eventId: string, forUpdate = false): Promise<Settings> {
  let q = db.selectFrom('hackathon_settings').select(['rubric', 'submission_deadline', 'results_published_at']).where('event_id', '=', eventId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { ...row, rubric: row.rubric as Settings['rubric'] } : { rubric: [], submission_deadline: null, results_published_at: null };
}

export async function saveSettings(db: Executor, eventId: string, s: Partial<Settings>) {
  const values = {
    ...(s.rubric ? { rubric: JSON.stringify(s.rubric) } : {}),
    ...(s.submission_deadline !== undefined ? { submission_deadline: s.submission_deadline } : {}),
    ...(s.results_published_at !== undefined ? { results_published_at: s.results_published_at } : {}),
  };
  await db
    .insertInto('hackathon_settings')
    .values({ event_id: eventId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
}

export async function challengeRows(db: Executor, eventId: string) {
  return db
    .selectFrom('hackathon_challenges as c')
    .leftJoin('organisations as o', 'o.id', 'c.partner_organisation_id')
    .select(['c.id', 'c.event_id', 'c.title', 'c.description', 'c.partner_organisation_id', 'o.name as partner_name'])
    .where('c.event_id', '=', eventId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function insertChallenge(
  db: Executor,
  eventId: string,
  c: { title: string; description: string; partner_organisation_id: string | null },
  id?: string,
) {
  return (
    await db
      .insertInto('hackathon_challenges')
      .values({ event_id: eventId, ...c, ...(id ? { id } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function teamRows(db: Executor, eventId: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('hackathon_teams as t')
    .leftJoin('hackathon_challenges as c', 'c.id', 't.challenge_id')
    .leftJoin('registrations as mr', 'mr.id', 't.mentor_registration_id')
    .leftJoin('people as mp', 'mp.id', 'mr.person_id')
    .leftJoin('hackathon_submissions as s', 's.team_id', 't.id')
    .select([
      't.id',
      't.event_id',
      't.name',
      't.challenge_id',
      'c.title as challenge_title',
      't.mentor_registration_id',
      sql<string | null>`case when mp.id is null then null else mp.first_name || ' ' || mp.last_name end`.as('mentor_name'),
      's.title as submission_title',
      's.pitch',
      's.links',
      's.submitted_at',
      's.updated_at as submission_updated_at',
    ])
    .where('t.event_id', '=', eventId);
  if (ids) q = q.where('t.id', 'in', ids);
  return q.orderBy(sql`lower(t.name)`).orderBy('t.id').execute();
}

export async function memberRows(db: Executor, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('hackathon_team_members as m')
    .innerJoin('registrations as r', 'r.id', 'm.registration_id')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('organisations as o', (join) => join.on(sql<SqlBool>`o.id = coalesce(r.organisation_id, p.organisation_id)`))
    .select([
      'm.team_id',
      'm.registration_id',
      sql<string | null>`case when p.id is null then null else p.first_name || ' ' || p.last_name end`.as('name'),
      'o.name as organisation_name',
      'r.sector',
    ])
    .where('m.team_id', 'in', teamIds)
    .orderBy('p.last_name')
    .orderBy('m.registration_id')
    .execute();
}

export async function insertTeam(
  db: Executor,
  eventId: string,
  t: { name: string; challenge_id: string | null; mentor_registration_id: string | null },
  members: readonly string[],
  id?: string,
) {
  const teamId = (
    await db
      .insertInto('hackathon_teams')
      .values({ event_id: eventId, ...t, ...(id ? { id } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  if (members.length)
    await db
      .insertInto('hackathon_team_members')
      .values(members.map((registration_id) => ({ team_id: teamId, registration_id })))
      .execute();
  return teamId;
}

export async function teamNameTaken(db: Executor, eventId: string, name: string) {
  return Boolean(
    await db.selectFrom('hackathon_teams').select('id').where('event_id', '=', eventId).where(sql<SqlBool>`lower(name) = lower(${name})`).executeTakeFirst(),
  );
}

/** Live registrations of this event among `ids`, with whether they already are in a team. */
export async function registrationsOf(db: Executor, eventId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('registrations as r')
    .leftJoin('hackathon_team_members as m', 'm.registration_id', 'r.id')
    .select(['r.id', 'r.person_id', 'r.role', 'm.team_id'])
    .where('r.event_id', '=', eventId)
    .where('r.status', '<>', 'cancelled')
    .where('r.id', 'in', ids)
    .execute();
}

/** The actor's live registrations at this event, and their teams. */
export async function mine(db: Executor, eventId: string, personId: string | null) {
  if (!personId) return { judgeRegistrationIds: [], teamIds: [] };
  const rows = await db
    .selectFrom('registrations as r')
    .leftJoin('hackathon_team_members as m', 'm.registration_id', 'r.id')
    .select(['r.id', 'r.role', 'm.team_id'])
    .where('r.event_id', '=', eventId)
    .where('r.person_id', '=', personId)
    .where('r.status', '<>', 'cancelled')
    .execute();
  return {
    judgeRegistrationIds: rows.filter((r) => r.role === 'judge').map((r) => r.id),
    teamIds: rows.flatMap((r) => (r.team_id ? [r.team_id] : [])),
  };
}

export async function upsertSubmission(db: Executor, teamId: string, s: { title: string; pitch: string; links: string[] }) {
  await db
    .insertInto('hackathon_submissions')
    .values({ team_id: teamId, ...s })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ ...s, updated_at: sql`now()` }))
    .execute();
}

/** Live judges of this event, with the structure they answer for (their registration's, or their person's). */
export async function judgeRows(db: Executor, eventId: string) {
  return db
    .selectFrom('registrations as r')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.person_id',
      sql<string | null>`coalesce(r.organisation_id, p.organisation_id)`.as('organisation_id'),
      sql<string | null>`case when p.id is null then null else p.first_name || ' ' || p.last_name end`.as('name'),
    ])
    .where('r.event_id', '=', eventId)
    .where('r.role', '=', 'judge')
    .where('r.status', '<>', 'cancelled')
    .orderBy('r.id')
    .execute();
}

/** Judge–team pairs that share a structure (a judge's and a member's). */
export async function organisationConflicts(db: Executor, eventId: string) {
  return db
    .selectFrom('registrations as j')
    .leftJoin('people as jp', 'jp.id', 'j.person_id')
    .innerJoin('hackathon_teams as t', 't.event_id', 'j.event_id')
    .innerJoin('hackathon_team_members as m', 'm.team_id', 't.id')
    .innerJoin('registrations as r', 'r.id', 'm.registration_id')
    .leftJoin('people as rp', 'rp.id', 'r.person_id')
    .select(['j.id as judge_registration_id', 't.id as team_id'])
    .distinct()
    .where('j.event_id', '=', eventId)
    .where('j.role', '=', 'judge')
    .where('j.status', '<>', 'cancelled')
    .where(sql<SqlBool>`coalesce(j.organisation_id, jp.organisation_id) = coalesce(r.organisation_id, rp.organisation_id)`)
    .execute();
}

export async function declaredConflicts(db: Executor, eventId: string) {
  return db
    .selectFrom('hackathon_conflicts as c')
    .innerJoin('hackathon_teams as t', 't.id', 'c.team_id')
    .select(['c.judge_registration_id', 'c.team_id'])
    .where('t.event_id', '=', eventId)
    .execute();
}

export async function declareConflict(db: Executor, judgeRegistrationId: string, teamId: string) {
  await db
    .insertInto('hackathon_conflicts')
    .values({ judge_registration_id: judgeRegistrationId, team_id: teamId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function assignmentRows(db: Executor, eventId: string, judgeRegistrationIds?: readonly string[]) {
  if (judgeRegistrationIds && judgeRegistrationIds.length === 0) return [];
  let q = db
    .selectFrom('hackathon_assignments as a')
    .innerJoin('hackathon_teams as t', 't.id', 'a.team_id')
    .innerJoin('registrations as j', 'j.id', 'a.judge_registration_id')
    .leftJoin('people as p', 'p.id', 'j.person_id')
    .leftJoin('hackathon_reviews as rv', (join) => join.onRef('rv.judge_registration_id', '=', 'a.judge_registration_id').onRef('rv.team_id', '=', 'a.team_id'))
    .select([
      'a.judge_registration_id',
      'a.team_id',
      't.name as team_name',
      sql<string | null>`case when p.id is null then null else p.first_name || ' ' || p.last_name end`.as('judge_name'),
      sql<boolean>`rv.team_id is not null`.as('reviewed'),
    ])
    .where('t.event_id', '=', eventId);
  if (judgeRegistrationIds) q = q.where('a.judge_registration_id', 'in', judgeRegistrationIds);
  return q.orderBy(sql`lower(t.name)`).orderBy('a.judge_registration_id').execute();
}

export async function replaceAssignments(db: Executor, eventId: string, pairs: ReadonlyArray<{ judge: string; team: string }>) {
  await db
    .deleteFrom('hackathon_assignments')
    .where('team_id', 'in', (eb) => eb.selectFrom('hackathon_teams').select('id').where('event_id', '=', eventId))
    .execute();
  if (pairs.length)
    await db
      .insertInto('hackathon_assignments')
      .values(pairs.map((p) => ({ judge_registration_id: p.judge, team_id: p.team })))
      .execute();
}

export async function isAssigned(db: Executor, judgeRegistrationId: string, teamId: string) {
  return Boolean(
    await db
      .selectFrom('hackathon_assignments')
      .select('team_id')
      .where('judge_registration_id', '=', judgeRegistrationId)
      .where('team_id', '=', teamId)
      .executeTakeFirst(),
  );
}

export interface ReviewFilter {
  judgeRegistrationIds?: readonly string[];
  teamIds?: readonly string[];
}

export async function reviewRows(db: Executor, eventId: string, f: ReviewFilter = {}) {
  const ors = [...(f.judgeRegistrationIds ?? []), ...(f.teamIds ?? [])];
  if ((f.judgeRegistrationIds || f.teamIds) && ors.length === 0) return [];
  let q = db
    .selectFrom('hackathon_reviews as rv')
    .innerJoin('hackathon_teams as t', 't.id', 'rv.team_id')
    .innerJoin('registrations as j', 'j.id', 'rv.judge_registration_id')
    .leftJoin('people as p', 'p.id', 'j.person_id')
    .select([
      'rv.judge_registration_id',
      'rv.team_id',
      'rv.scores',
      'rv.comment',
      'rv.updated_at',
      sql<string | null>`case when p.id is null then null else p.first_name || ' ' || p.last_name end`.as('judge_name'),
    ])
    .where('t.event_id', '=', eventId);
  if (f.judgeRegistrationIds || f.teamIds)
    q = q.where((eb) =>
      eb.or([
        ...(f.judgeRegistrationIds?.length ? [eb('rv.judge_registration_id', 'in', f.judgeRegistrationIds)] : []),
        ...(f.teamIds?.length ? [eb('rv.team_id', 'in', f.teamIds)] : []),
      ]),
    );
  return q.orderBy(sql`lower(t.name)`).orderBy('rv.judge_registration_id').execute();
}

export async function countReviews(db: Executor, eventId: string) {
  return (
    await db
      .selectFrom('hackathon_reviews as rv')
      .innerJoin('hackathon_teams as t', 't.id', 'rv.team_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('t.event_id', '=', eventId)
      .executeTakeFirstOrThrow()
  ).n;
}

export async function upsertReview(db: Executor, r: { judge_registration_id: string; team_id: string; scores: Record<string, number>; comment: string }) {
  const values = { scores: JSON.stringify(r.scores), comment: r.comment };
  await db
    .insertInto('hackathon_reviews')
    .values({ judge_registration_id: r.judge_registration_id, team_id: r.team_id, ...values })
    .onConflict((oc) => oc.columns(['judge_registration_id', 'team_id']).doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

export async function insertComparison(db: Executor, c: { judge_registration_id: string; winner_team_id: string; loser_team_id: string }) {
  await db.insertInto('hackathon_comparisons').values(c).execute();
}

export async function comparisonRows(db: Executor, eventId: string) {
  return db
    .selectFrom('hackathon_comparisons as c')
    .innerJoin('hackathon_teams as t', 't.id', 'c.winner_team_id')
    .select(['c.winner_team_id', 'c.loser_team_id'])
    .where('t.event_id', '=', eventId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** Registrations that take part (registered or attended), by sector (null: not said). */
export async function participantsBySector(db: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('registrations')
    .select(['sector', sql<number>`count(*)::int`.as('n')])
    .where('event_id', 'in', eventIds)
    .where('status', 'in', ['registered', 'attended'])
    .groupBy('sector')
    .execute();
}
