import {
  type SectorProgrammeListQuery,
  sectorProgramme,
  sectorProgrammeInput,
  sectorProgrammeListQuery,
  sectorProgrammePatch,
} from '../../../shared/schemas/sector-programme';
import { defineResource } from '../directory/directory-resource';
import { sectorProgrammeService } from './sector-programme-store';
import { sectorProgrammePolicy } from './sector-programme-policy';

export const sectorProgrammeResource = defineResource<ReturnType<typeof sectorProgramme.parse>, SectorProgrammeListQuery>({
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
  service: sectorProgrammeService,
  policy: sectorProgrammePolicy,
});
