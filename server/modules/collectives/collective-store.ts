import { type Collective, type CollectiveInput, type CollectiveListQuery, collectiveFields, collectiveInput } from '../../../shared/schemas/collective';
import type { Database } from '../../db/connection';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import { territoryReferences } from '../territories/perimeter-queries';
import * as q from './collective-queries';
import { collectivePolicy } from './collective-policy';

export const collectiveStore: EntityStore<Collective, CollectiveInput, CollectiveListQuery> = {
  label: 'Collectif',
  entity: 'collectives',
  count: q.countCollectives,
  listIds: q.listCollectiveIds,
  getMany: q.getCollectives,
  insert: (db, items) => q.insertCollectives(db, items),
  update: q.updateCollective,
  remove: q.deleteCollective,
  policy: collectivePolicy,
  toInput: (k) => ({ perimeter: k.perimeter.map((t) => `${t.kind}:${t.code}`) }),
  references: (k) => [
    ...refs('people', 'coordinatorId', k.coordinatorId),
    ...refs('organisations', 'memberIds', k.memberIds),
    ...territoryReferences('perimeter', k.perimeter),
  ],
  schemas: { input: collectiveInput, fields: collectiveFields },
};

export const collectiveService = (db: Database) => directoryService(db, collectiveStore);
