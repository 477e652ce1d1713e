import type { FastifyInstance } from 'fastify';
import {
  type CollectiveListQuery,
  collective,
  collectiveInput,
  collectiveListQuery,
  collectivePatch,
} from '../../../shared/schemas/collective';
import type { Database } from '../../db/connection';
import { registerDirectoryRoutes } from '../../http/directory-routes';
import { collectiveService } from './collective-service';

export function collectiveRoutes(app: FastifyInstance, db: Database) {
  registerDirectoryRoutes<ReturnType<typeof collective.parse>, CollectiveListQuery>(app, {
    path: 'collectives',
    tag: 'Collectifs',
    item: collective,
    create: collectiveInput,
    patch: collectivePatch,
    listQuery: collectiveListQuery,
    csv: [
      { header: 'Nom', value: (k) => k.name },
      { header: 'Territoire', value: (k) => k.territoryLabel },
      { header: 'Date de labellisation', value: (k) => k.labelDate },
      { header: 'Vague', value: (k) => k.wave },
      { header: 'Coordination', value: (k) => k.coordinatorName },
      { header: 'Périmètre', value: (k) => k.perimeter.map((t) => `${t.kind}:${t.code}`) },
      { header: 'Projets', value: (k) => k.projectCount },
      { header: 'Membres', value: (k) => k.memberIds.length },
      { header: 'Site web', value: (k) => k.website },
      { header: 'Identifiant', value: (k) => k.id },
    ],
    service: collectiveService(db),
  });
}
