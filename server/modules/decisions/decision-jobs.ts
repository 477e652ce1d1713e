import type { Database } from '../../db/connection';
import { systemActor } from '../../policies/actor';
import { defineJob } from '../jobs/job-queue';
import { decisionService } from './decision-service';

export const DECISIONS_DUE_JOB = 'decisions.due';

/**
 * Collective decisions' work outside the request, every minute: the voters
 * of a poll that opened are told, and a poll whose closing time passed is
 * counted and its result told to its voters.
 */
export function decisionJobs(deps: { db: Database }) {
  return [
    defineJob({
      name: DECISIONS_DUE_JOB,
      label: 'Ouverture et clôture des scrutins',
      cron: '* * * * *',
      run: async () => {
        await decisionService(deps.db).runDue(systemActor);
      },
    }),
  ];
}
