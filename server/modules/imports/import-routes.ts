import type { FastifyInstance } from 'fastify';
import { importRoutes as routes } from '../../../shared/routes/imports.routes';
import type { Database } from '../../db/connection';
import { invalid } from '../../errors';
import { implement } from '../../http/route-contract';
import type { JobQueue } from '../jobs/job-queue';
import { IMPORT_JOB } from './import-jobs';
import { type ImportJobData, importService } from './import-service';

export function importRoutes(app: FastifyInstance, db: Database, jobs?: JobQueue) {
  const s = importService(db);
  // Multipart: the file's size is bounded by the multipart plugin (MAX_UPLOAD_BYTES in app.ts) while it is read.
  implement(app, routes.import, async ({ actor, params, query, req, reply }) => {
    const file = await req.file();
    if (!file) throw invalid('Aucun fichier reçu (champ « file » attendu).', [{ path: 'file', message: 'Fichier manquant' }], 'missing_file');
    const bytes = await file.toBuffer();
    const started = await s.start(
      actor,
      params.entity,
      { bytes, filename: file.filename },
      {
        dryRun: query.dryRun === 'true',
        // A large file is imported by a job, which tells its author when done.
        ...(jobs && actor.kind === 'account'
          ? { enqueue: (data: ImportJobData) => jobs.enqueue(IMPORT_JOB, { ...data, authorId: actor.accountId }, { authorId: actor.accountId }) }
          : {}),
      },
    );
    if ('jobId' in started) return reply.code(202).send({ jobId: started.jobId });
    return started.result;
  });
}
