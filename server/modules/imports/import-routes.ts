import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/schemas/common';
import { importParams, importQuery, importResult } from '../../../shared/schemas/import';
import type { Database } from '../../db/connection';
import { invalid } from '../../errors';
import { actorOf } from '../../http/request-actor';
import { type ImportJobData, importService } from './import-service';
import { IMPORT_JOB } from './import-jobs';
import type { JobQueue } from '../jobs/job-queue';
import { z } from 'zod';

export function importRoutes(app: FastifyInstance, db: Database, jobs?: JobQueue) {
  const s = importService(db);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/import/:entity',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Import'],
        summary:
          "Importer un fichier CSV ou XLSX (multipart, champ « file »), tout ou rien : une ligne avec l'« Identifiant » d'une fiche la modifie, une ligne sans la crée ; dryRun=true valide et compte sans rien écrire",
        consumes: ['multipart/form-data'],
        params: importParams,
        querystring: importQuery,
        response: { 200: importResult, 202: z.object({ jobId: z.uuid() }), 400: errorResponse, 413: errorResponse, 415: errorResponse },
      },
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw invalid('Aucun fichier reçu (champ « file » attendu).', [{ path: 'file', message: 'Fichier manquant' }], 'missing_file');
      const bytes = await file.toBuffer();
      const actor = actorOf(req);
      const started = await s.start(
        actor,
        req.params.entity,
        { bytes, filename: file.filename },
        {
          dryRun: req.query.dryRun === 'true',
          ...(jobs && actor.kind === 'account'
            ? { enqueue: (data: ImportJobData) => jobs.enqueue(IMPORT_JOB, { ...data, authorId: actor.accountId }, { authorId: actor.accountId }) }
            : {}),
        },
      );
      if ('jobId' in started) return reply.code(202).send({ jobId: started.jobId });
      return started.result;
    },
  );
}
