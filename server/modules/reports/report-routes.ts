import type { FastifyInstance } from 'fastify';
import { reportRoutes as routes } from '../../../shared/routes/reports.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import type { JobQueue } from '../jobs/job-queue';
import { annualReportPdf } from './report-service';
import { addTestimonial, changeTestimonial, featureRecord, readReviewContent, testimonials, unfeatureRecord, writePerspectives } from './review-service';

export function reportRoutes(app: FastifyInstance, db: Database, jobs: JobQueue) {
  implement(app, routes.annualPdf, async ({ actor, params, reply }) => {
    const out = await annualReportPdf(db, actor, params.year, jobs);
    if ('jobId' in out) return reply.code(202).header('retry-after', String(out.retryAfter)).send({ jobId: out.jobId, retryAfterSeconds: out.retryAfter });
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="rapport-annuel-${params.year}.pdf"`).send(out.pdf);
  });
  implement(app, routes.annualContent, async ({ actor, params }) => readReviewContent(db, actor, params.year));
  implement(app, routes.writePerspectives, async ({ actor, params, body }) => writePerspectives(db, actor, params.year, body));
  implement(app, routes.feature, async ({ actor, params, body }) => featureRecord(db, actor, params.year, body));
  implement(app, routes.unfeature, async ({ actor, params }) => unfeatureRecord(db, actor, params.year, params.id));
  implement(app, routes.testimonials, async ({ actor, query }) => testimonials(db, actor, query.year));
  implement(app, routes.addTestimonial, async ({ actor, body }) => addTestimonial(db, actor, body));
  implement(app, routes.changeTestimonial, async ({ actor, params, body }) => changeTestimonial(db, actor, params.id, body));
}
