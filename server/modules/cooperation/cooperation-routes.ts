import type { FastifyInstance } from 'fastify';
import { cooperationRoutes as routes } from '../../../shared/routes/cooperation.routes';
import type { Database } from '../../db/connection';
import { MAX_MATERIAL_BYTES } from '../../../shared/schemas/cooperation';
import { typo } from '../../../shared/text';
import { invalid } from '../../errors';
import { implement } from '../../http/route-contract';
import { cooperationService } from './cooperation-service';

/** Cooperation between collectives: know-how transfers, replication, workshops, cooperations. */
export function cooperationRoutes(app: FastifyInstance, db: Database) {
  const s = cooperationService(db);
  implement(app, routes.listTransfers, async ({ actor, query }) => s.listTransfers(actor, query));
  implement(app, routes.createTransfer, async ({ actor, body }) => s.createTransfer(actor, body));
  implement(app, routes.getTransfer, async ({ actor, params }) => s.getTransfer(actor, params.id));
  implement(app, routes.updateTransfer, async ({ actor, params, body }) => s.updateTransfer(actor, params.id, body));
  implement(app, routes.transferCandidates, async ({ actor, params }) => s.transferCandidates(actor, params.id));
  implement(app, routes.testimonials, async ({ actor, query }) => s.testimonials(actor, query));
  implement(app, routes.getReplications, async ({ actor, params }) => s.replicationsOf(actor, params.id));
  implement(app, routes.addReplication, async ({ actor, params, body }) => s.addReplication(actor, params.id, body.sourceProjectId));
  implement(app, routes.removeReplication, async ({ actor, params }) => s.removeReplication(actor, params.id));
  implement(app, routes.replicationMap, async ({ actor, query }) => s.replicationMap(actor, query));
  implement(app, routes.replicationIdeas, async ({ actor, params }) => s.replicationIdeas(actor, params.id));
  implement(app, routes.declareIntention, async ({ actor, params, body }) => s.declareIntention(actor, params.id, body.sourceProjectId));
  implement(app, routes.collectiveCooperation, async ({ actor, params }) => s.collectiveCooperation(actor, params.id));
  implement(app, routes.getWorkshop, async ({ actor, params }) => s.getWorkshop(actor, params.id));
  implement(app, routes.updateWorkshop, async ({ actor, params, body }) => s.updateWorkshop(actor, params.id, body));
  implement(app, routes.addMaterial, async ({ actor, params, body }) => s.addMaterial(actor, params.id, body));
  // Bounded while read: the stream stops at the first byte over the limit (the multipart plugin's own cap is larger).
  implement(app, routes.addMaterialFile, async ({ actor, params, query, req, reply }) => {
    const file = await req.file();
    if (!file) throw invalid('Aucun fichier reçu (champ « file » attendu).', [{ path: 'file', message: 'Fichier manquant' }], 'missing_file');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of file.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_MATERIAL_BYTES) {
        file.file.destroy();
        return reply.code(413).send({
          error: {
            code: 'file_too_large',
            message: typo('Le fichier dépasse 5 Mo : déposez-le ailleurs et ajoutez son lien.'),
            details: [],
            requestId: req.id,
          },
        });
      }
      chunks.push(chunk);
    }
    return reply.code(201).send(
      await s.addMaterialFile(actor, params.id, {
        label: query.label,
        fileName: file.filename.slice(0, 200) || 'support',
        contentType: file.mimetype || 'application/octet-stream',
        bytes: Buffer.concat(chunks),
      }),
    );
  });
  implement(app, routes.getMaterial, async ({ actor, params, reply }) => {
    const f = await s.getMaterialFile(actor, params.id, params.mid);
    return reply
      .type(f.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(f.content));
  });
  implement(app, routes.removeMaterial, async ({ actor, params }) => s.removeMaterial(actor, params.id, params.mid));
  implement(app, routes.listCooperations, async ({ actor, query }) => s.listCooperations(actor, query));
  implement(app, routes.createCooperation, async ({ actor, body }) => s.createCooperation(actor, body));
  implement(app, routes.getCooperation, async ({ actor, params }) => s.getCooperation(actor, params.id));
  implement(app, routes.updateCooperation, async ({ actor, params, body }) => s.updateCooperation(actor, params.id, body));
  implement(app, routes.programmeCooperation, async ({ actor, params }) => s.programmeCooperation(actor, params.id));
}
