import type { FastifyInstance, FastifyRequest } from 'fastify';
import { challengeRoutes as routes } from '../../../shared/routes/challenges.routes';
import type { Database } from '../../db/connection';
import { invalid } from '../../errors';
import { sendExport } from '../../http/export';
import { implement } from '../../http/route-contract';
import { challengeService, dashboardColumns, dashboardRows } from './challenge-service';

/** The uploaded file (field « file »), bounded by the multipart plugin (MAX_UPLOAD_BYTES in app.ts) while it is read. */
async function uploaded(req: FastifyRequest) {
  const file = await req.file();
  if (!file) throw invalid('Aucun fichier reçu (champ « file » attendu).', [{ path: 'file', message: 'Fichier manquant' }], 'missing_file');
  return { bytes: await file.toBuffer(), filename: file.filename };
}

/** Challenges: the campaign, enrolment, progress, dashboard. */
export function challengeRoutes(app: FastifyInstance, db: Database) {
  const s = challengeService(db);
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.create, async ({ actor, body }) => s.create(actor, body));
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.id));
  implement(app, routes.update, async ({ actor, params, body }) => s.update(actor, params.id, body));
  implement(app, routes.enrol, async ({ actor, params, query, body }) => s.enrol(actor, params.id, body, query.dryRun === 'true'));
  implement(app, routes.importEnrolments, async ({ actor, params, query, req }) =>
    s.importEnrolments(actor, params.id, await uploaded(req), query.dryRun === 'true'),
  );
  implement(app, routes.recordProgress, async ({ actor, params, body }) => s.recordProgress(actor, params.id, body));
  implement(app, routes.importProgress, async ({ actor, params, query, req }) =>
    s.importProgress(actor, params.id, await uploaded(req), query.dryRun === 'true'),
  );
  implement(app, routes.structureProgress, async ({ actor, params }) => s.structureProgress(actor, params.id, params.organisationId));
  implement(app, routes.organisationChallenges, async ({ actor, params }) => s.organisationChallenges(actor, params.id));
  implement(app, routes.dashboard, async ({ actor, params, query, reply }) => {
    const d = await s.dashboard(actor, params.id);
    if (!query.format || query.format === 'json') return d;
    return sendExport(reply, 'defi-tableau-de-bord', query.format, dashboardRows(d), dashboardColumns);
  });
}
