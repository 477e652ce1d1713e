import type { FastifyInstance } from 'fastify';
import {
  type SectorProgrammeListQuery,
  sectorProgramme,
  sectorProgrammeInput,
  sectorProgrammeListQuery,
  sectorProgrammePatch,
} from '../../../shared/schemas/sector-programme';
import type { Database } from '../../db/connection';
import { registerDirectoryRoutes } from '../../http/directory-routes';
import { sectorProgrammeService } from './sector-programme-service';

export function sectorProgrammeRoutes(app: FastifyInstance, db: Database) {
  registerDirectoryRoutes<ReturnType<typeof sectorProgramme.parse>, SectorProgrammeListQuery>(app, {
    path: 'sector-programmes',
    tag: 'Filières',
    item: sectorProgramme,
    create: sectorProgrammeInput,
    patch: sectorProgrammePatch,
    listQuery: sectorProgrammeListQuery,
    csv: [
      { header: 'Nom', value: (s) => s.name },
      { header: 'Thème', value: (s) => s.themeCode },
      { header: 'Lancement', value: (s) => s.startedOn },
      { header: 'Membres', value: (s) => s.members.map((m) => `${m.name} (${m.role})`) },
      { header: 'Projets', value: (s) => s.projectIds.length },
      { header: 'Identifiant', value: (s) => s.id },
    ],
    service: sectorProgrammeService(db),
  });
}
