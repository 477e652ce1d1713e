import type { Database } from '../../db/connection';
import { completeJob } from '../jobs/job-queries';
import { jobActor } from '../jobs/job-actor';
import { defineJob } from '../jobs/job-queue';
import { notify } from '../notifications/notify';
import { conferenceService } from './conference-service';

export const CONFERENCE_SCHEDULE_JOB = 'conferences.schedule';

/**
 * A large conference's schedule as a job: run as the organiser who asked
 * (with the roles they hold when it runs); the schedule and the job's result
 * commit together, so an attempt run again after a crash does not schedule twice.
 */
export function conferenceJobs(deps: { db: Database }) {
  const s = conferenceService(deps.db);
  return [
    defineJob<{ eventId: string; mode: 'all' | 'unscheduled'; authorId: string }>({
      name: CONFERENCE_SCHEDULE_JOB,
      label: 'Planification d’une conférence',
      retryLimit: 1,
      expireInSeconds: 900,
      async run(job) {
        const actor = await jobActor(deps.db, job.data.authorId, 'la planification');
        // Each step as it starts (on the embedded database a report waits for the schedule's transaction: the page then sees the end).
        return s.runSchedule(
          actor,
          job.data.eventId,
          job.data.mode,
          async (tx, result) => {
            await completeJob(tx, job.id, result);
            await notify(tx, {
              accountIds: [actor.accountId],
              category: 'meetings',
              title: `Planification terminée : ${result.scheduled} rendez-vous placés sur un maximum démontré de ${result.upperBound}`,
              link: `/evenements/${job.data.eventId}/conference`,
            });
          },
          (p) => void job.report(p),
        );
      },
    }),
  ];
}
