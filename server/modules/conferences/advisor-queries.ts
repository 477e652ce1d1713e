import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

/** The projects an advisor accompanies now. */
export async function accompaniedProjects(db: Executor, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('advisor_projects').select('project_id').where('advisor_id', '=', personId).where('status', '=', 'active').execute();
  return rows.map((r) => r.project_id);
}

export interface AdvisorRow {
  person_id: string;
  name: string;
  organisation_name: string | null;
  cohort: string | null;
  trained_on: string | null;
  projects: Array<{ projectId: string; title: string; since: string; status: string }>;
}

/** Advisors (people marked as such), with their training and the projects they accompany, by name. */
export async function advisorRows(db: Executor, ids?: readonly string[]): Promise<AdvisorRow[]> {
  if (ids?.length === 0) return [];
  let q = db
    .selectFrom('people as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .leftJoin('advisor_trainings as t', 't.person_id', 'p.id')
    .select([
      'p.id as person_id',
      sql<string>`p.first_name || ' ' || p.last_name`.as('name'),
      'o.name as organisation_name',
      't.cohort',
      sql<string | null>`to_char(t.trained_on, 'YYYY-MM-DD')`.as('trained_on'),
      sql<AdvisorRow['projects']>`coalesce((select json_agg(json_build_object('projectId', ap.project_id, 'title', pr.title,
          'since', to_char(ap.since, 'YYYY-MM-DD'), 'status', ap.status) order by ap.since, pr.title)
        from advisor_projects ap join projects pr on pr.id = ap.project_id where ap.advisor_id = p.id), '[]'::json)`.as('projects'),
    ])
    .where('p.is_advisor', '=', true);
  if (ids) q = q.where('p.id', 'in', ids);
  return (await q.orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').execute()) as AdvisorRow[];
}

export async function saveTraining(db: Executor, personId: string, t: { cohort: string; trainedOn: string }) {
  await db
    .insertInto('advisor_trainings')
    .values({ person_id: personId, cohort: t.cohort, trained_on: t.trainedOn })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ cohort: t.cohort, trained_on: t.trainedOn }))
    .execute();
}

export async function saveAccompaniment(db: Executor, a: { advisorId: string; projectId: string; since: string; status: string }) {
  await db
    .insertInto('advisor_projects')
    .values({ advisor_id: a.advisorId, project_id: a.projectId, since: a.since, status: a.status })
    .onConflict((oc) => oc.columns(['advisor_id', 'project_id']).doUpdateSet({ since: a.since, status: a.status }))
    .execute();
}

export async function setAccompanimentStatus(db: Executor, advisorId: string, projectId: string, status: string): Promise<boolean> {
  const r = await db.updateTable('advisor_projects').set({ status }).where('advisor_id', '=', advisorId).where('project_id', '=', projectId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function projectExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst());
}
