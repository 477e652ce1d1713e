import type { Database } from '../../db/connection';
import { defineJob } from '../jobs/job-queue';
import { NEXT_SPONSOR_JOB, sponsorshipService } from './sponsorship-service';

/** Proposals past their deadline are looked for every quarter of an hour. */
export const EXPIRY_JOB = 'sponsorships.expire';

/**
 * Hackers Publics' work outside the request: the next best sponsor after a
 * decline or an expiry (the national team is told when nobody is left), and
 * the scheduled check for proposals whose deadline passed.
 */
export function sponsorshipJobs(deps: { db: Database }) {
  const service = sponsorshipService(deps.db);
  return [
    defineJob<{ needId: string }>({
      name: NEXT_SPONSOR_JOB,
      label: 'Proposition du parrain suivant',
      run: async (job) => service.proposeNext(job.data.needId),
    }),
    defineJob({
      name: EXPIRY_JOB,
      label: 'Propositions de parrainage sans réponse dans le délai',
      cron: '*/15 * * * *',
      run: async () => service.expireDue(),
    }),
  ];
}
