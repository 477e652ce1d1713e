import type { FastifyInstance } from 'fastify';
import { importRoutes as routes } from '../../../shared/routes/imports.routes';
import type { Database } from '../../db/connection';
import { invalid } from '../../errors';
import { implement } from '../../http/route-contract';
import { importService } from './import-service';

export function importRoutes(app: FastifyInstance, db: Database) {
  const s = importService(db);
  // Multipart: the file's size is bounded by the multipart plugin (MAX_UPLOAD_BYTES in app.ts) while it is read.
  implement(app, routes.import, async ({ actor, params, query, req }) => {
    const file = await req.file();
    if (!file) throw invalid('Aucun fichier reçu (champ « file » attendu).', [{ path: 'file', message: 'Fichier manquant' }], 'missing_file');
    const bytes = await file.toBuffer();
    return s.importFile(actor, params.entity, { bytes, filename: file.filename }, { dryRun: query.dryRun === 'true' });
  });
}
