import type { Database } from '../../db/connection';
import { defineJob } from '../jobs/job-queue';
import { innovationService } from './innovation-service';

export const FOLLOW_UPS_JOB = 'hackathons.follow-ups';

/** Each morning, the innovations whose 3-, 6- or 12-month follow-up fell due are asked for it (once each). */
export function hackathonJobs(deps: { db: Database }) {
  return [
    defineJob({
      name: FOLLOW_UPS_JOB,
      label: 'Suivi des innovations propulsées (3, 6 et 12 mois)',
      cron: '15 7 * * *',
      run: async () => {
        await innovationService(deps.db).requestDueFollowUps();
      },
    }),
  ];
}
