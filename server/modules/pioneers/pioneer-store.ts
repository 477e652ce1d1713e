import { type Pioneer, type PioneerInput, type PioneerListQuery, pioneerFields, pioneerInput } from '../../../shared/schemas/pioneer';
import type { Database } from '../../db/connection';
import { conflict } from '../../errors';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import * as q from './pioneer-queries';
import { pioneerPolicy } from './pioneer-policy';

export const pioneerStore: EntityStore<Pioneer, PioneerInput, PioneerListQuery> = {
  label: 'Pionnier',
  entity: 'pioneers',
  count: q.countPioneers,
  listIds: q.listPioneerIds,
  getMany: q.getPioneers,
  insert: (db, items) => q.insertPioneers(db, items),
  update: q.updatePioneer,
  remove: q.deletePioneer,
  policy: pioneerPolicy,
  toInput: (p) => ({ championIds: p.champions.map((c) => c.id) }),
  references: (p) => [...refs('organisations', 'organisationId', p.organisationId), ...refs('organisations', 'championIds', p.championIds)],
  async check(db, p, id) {
    const existing = await q.pioneerIdOfOrganisation(db, p.organisationId);
    if (existing && existing !== id)
      throw conflict('duplicate_pioneer', 'Cette structure est déjà Pionnière.', [{ path: 'organisationId', message: 'Déjà Pionnière' }]);
    return [];
  },
  schemas: { input: pioneerInput, fields: pioneerFields },
};

export const pioneerService = (db: Database) => directoryService(db, pioneerStore);
