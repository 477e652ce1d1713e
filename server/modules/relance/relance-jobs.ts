import type { Database } from '../../db/connection';
import { defineJob } from '../jobs/job-queue';
import { measureService } from './measure-service';
import { obstacleService } from './obstacle-service';

export const OPENINGS_JOB = 'relance.openings';
export const REMINDERS_JOB = 'relance.reminders';

/**
 * ESS relance's work outside the request: each hour, the holders and
 * coordinators of eligible projects learn of measures that opened; each
 * morning, obstacles due in a few days or overdue are recalled to everyone
 * concerned (once per due date).
 */
export function relanceJobs(deps: { db: Database }) {
  return [
    defineJob({
      name: OPENINGS_JOB,
      label: 'Ouverture des mesures du plan de relance',
      cron: '5 * * * *',
      run: async () => {
        await measureService(deps.db).announceOpenings();
      },
    }),
    defineJob({
      name: REMINDERS_JOB,
      label: 'Échéances des freins et blocages',
      cron: '0 7 * * *',
      run: async () => {
        await obstacleService(deps.db).remindDue();
      },
    }),
  ];
}
