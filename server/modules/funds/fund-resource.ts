import { type FundListQuery, fund, fundInput, fundListQuery, fundPatch } from '../../../shared/schemas/fund';
import { defineResource } from '../directory/directory-resource';
import { fundColumns } from './fund-columns';
import { fundService } from './fund-store';
import { fundPolicy } from './fund-policy';

export const fundResource = defineResource<ReturnType<typeof fund.parse>, FundListQuery>({
  path: 'funds',
  tag: 'Fonds',
  item: fund,
  create: fundInput,
  patch: fundPatch,
  listQuery: fundListQuery,
  csv: fundColumns,
  service: fundService,
  policy: fundPolicy,
});
