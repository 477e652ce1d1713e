import { defineResource } from '../directory/directory-resource';
import { sectorProgrammeService } from './sector-programme-store';
import { sectorProgrammePolicy } from './sector-programme-policy';

export const sectorProgrammeResource = defineResource({
  path: 'sector-programmes',
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
