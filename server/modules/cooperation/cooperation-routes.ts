import type { FastifyInstance } from 'fastify';
import { cooperationRoutes as routes } from '../../../shared/routes/cooperation.routes';
import type { Database } from '../../db/connection';
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
  implement(app, routes.removeMaterial, async ({ actor, params }) => s.removeMaterial(actor, params.id, params.mid));
  implement(app, routes.listCooperations, async ({ actor, query }) => s.listCooperations(actor, query));
  implement(app, routes.createCooperation, async ({ actor, body }) => s.createCooperation(actor, body));
  implement(app, routes.getCooperation, async ({ actor, params }) => s.getCooperation(actor, params.id));
  implement(app, routes.updateCooperation, async ({ actor, params, body }) => s.updateCooperation(actor, params.id, body));
  implement(app, routes.programmeCooperation, async ({ actor, params }) => s.programmeCooperation(actor, params.id));
}
