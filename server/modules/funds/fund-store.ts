import { type Fund, type FundInput, type FundListQuery, fundFields, fundInput } from '../../../shared/schemas/fund';
import type { Database } from '../../db/connection';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import { territoryReferences } from '../territories/perimeter-queries';
import * as q from './fund-queries';
import { fundPolicy } from './fund-policy';

export const fundStore: EntityStore<Fund, FundInput, FundListQuery> = {
  label: 'Fonds',
  entity: 'funds',
  count: q.countFunds,
  listIds: q.listFundIds,
  getMany: q.getFunds,
  insert: (db, items) => q.insertFunds(db, items),
  update: q.updateFund,
  remove: q.deleteFund,
  policy: fundPolicy,
  toInput: (f) => ({ territories: f.territories.map((t) => `${t.kind}:${t.code}`) }),
  references: (f) => [
    ...refs('organisations', 'managerId', f.managerId),
    ...refs('themes', 'themes', f.themes),
    ...territoryReferences('territories', f.territories),
  ],
  schemas: { input: fundInput, fields: fundFields },
};

export const fundService = (db: Database) => directoryService(db, fundStore);
