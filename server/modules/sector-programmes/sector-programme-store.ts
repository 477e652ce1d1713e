import {
  type SectorProgramme,
  type SectorProgrammeInput,
  type SectorProgrammeListQuery,
  sectorProgrammeFields,
  sectorProgrammeInput,
} from '../../../shared/schemas/sector-programme';
import type { Database } from '../../db/connection';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import * as q from './sector-programme-queries';
import { sectorProgrammePolicy } from './sector-programme-policy';

export const sectorProgrammeStore: EntityStore<SectorProgramme, SectorProgrammeInput, SectorProgrammeListQuery> = {
  label: 'Filière',
  entity: 'sector-programmes',
  count: q.countSectorProgrammes,
  listIds: q.listSectorProgrammeIds,
  getMany: q.getSectorProgrammes,
  insert: (db, items) => q.insertSectorProgrammes(db, items),
  update: q.updateSectorProgramme,
  remove: q.deleteSectorProgramme,
  policy: sectorProgrammePolicy,
  toInput: (s) => ({ members: s.members.map((m) => ({ organisationId: m.organisationId, role: m.role })) }),
  references: (s) => [
    ...refs('themes', 'themeCode', s.themeCode),
    ...(s.members ?? []).flatMap((m, i) => refs('organisations', `members.${i}.organisationId`, m.organisationId)),
    ...refs('projects', 'projectIds', s.projectIds),
  ],
  schemas: { input: sectorProgrammeInput, fields: sectorProgrammeFields },
};

export const sectorProgrammeService = (db: Database) => directoryService(db, sectorProgrammeStore);
