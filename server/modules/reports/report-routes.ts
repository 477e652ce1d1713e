import type { FastifyInstance } from 'fastify';
import { reportRoutes as routes } from '../../../shared/routes/reports.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import type { JobQueue } from '../jobs/job-queue';
import { annualReportPdf } from './report-service';

export function reportRoutes(app: FastifyInstance, db: Database, jobs: JobQueue) {
  implement(app, routes.annualPdf, async ({ actor, params, reply }) => {
    const out = await annualReportPdf(db, actor, params.year, jobs);
    if ('jobId' in out) return reply.code(202).header('retry-after', String(out.retryAfter)).send({ jobId: out.jobId, retryAfterSeconds: out.retryAfter });
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="rapport-annuel-${params.year}.pdf"`).send(out.pdf);
  });
}
