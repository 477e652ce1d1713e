import type { z } from 'zod';
import type { advisor, advisorProjectInput, advisorTrainingInput } from '../../../shared/schemas/conference';
import type { AdvisorProjectStatus } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { recordWrite } from '../audit/audit-service';
import * as aq from './advisor-queries';
import { advisorPolicy } from './conference-policy';

const record = (r: aq.AdvisorRow): z.input<typeof advisor> => ({
  personId: r.person_id,
  name: r.name,
  organisationName: r.organisation_name,
  cohort: r.cohort,
  trainedOn: r.trained_on,
  projects: r.projects.map((p) => ({ ...p, status: p.status as AdvisorProjectStatus })),
});

/** The advisors trained in impact finance: every account reads them; the national team records training and accompaniments. */
export function advisorService(db: Database) {
  async function one(id: string) {
    const [row] = await aq.advisorRows(db, [id]);
    if (!row) throw notFound('Accompagnateur', id);
    return record(row);
  }
  return {
    async list(actor: Actor) {
      authorize(actor, 'read', { policy: advisorPolicy });
      return (await aq.advisorRows(db)).map(record);
    },
    async setTraining(actor: Actor, id: string, t: z.output<typeof advisorTrainingInput>) {
      authorize(actor, 'write', { policy: advisorPolicy });
      await one(id);
      await db.transaction().execute(async (tx) => {
        await aq.saveTraining(tx, id, t);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'advisors', recordId: id, after: t }]);
      });
      return one(id);
    },
    async accompany(actor: Actor, id: string, a: z.output<typeof advisorProjectInput>) {
      authorize(actor, 'write', { policy: advisorPolicy });
      await one(id);
      await db.transaction().execute(async (tx) => {
        if (!(await aq.projectExists(tx, a.projectId)))
          throw invalid(`Projet introuvable : ${a.projectId}`, [{ path: 'projectId', message: 'Projet introuvable' }], 'unknown_reference');
        await aq.saveAccompaniment(tx, { advisorId: id, ...a });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'advisors', recordId: id, after: a }]);
      });
      return one(id);
    },
    async updateAccompaniment(actor: Actor, id: string, projectId: string, status: AdvisorProjectStatus) {
      authorize(actor, 'write', { policy: advisorPolicy });
      await db.transaction().execute(async (tx) => {
        if (!(await aq.setAccompanimentStatus(tx, id, projectId, status))) throw notFound('Accompagnement', `${id}/${projectId}`);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'advisors', recordId: id, after: { projectId, status } }]);
      });
      return one(id);
    },
  };
}
