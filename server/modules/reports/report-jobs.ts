import type { Database } from '../../db/connection';
import { defineJob } from '../jobs/job-queue';
import { ANNUAL_REPORT_JOB, makeAnnualReport } from './report-service';

/** The annual review's PDF, made outside the request. */
export function reportJobs(deps: { db: Database }) {
  return [
    defineJob<{ year: number; source: string }>({
      name: ANNUAL_REPORT_JOB,
      label: 'Rapport annuel (PDF)',
      retryLimit: 2,
      expireInSeconds: 600,
      async run(job) {
        return makeAnnualReport(deps.db, job.data.year, job.data.source, (done) => job.report({ phase: 'Mise en page du rapport', done, total: 2 }));
      },
    }),
  ];
}
