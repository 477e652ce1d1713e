import { defineResource } from '../directory/directory-resource';
import { fundColumns } from './fund-columns';
import { fundService } from './fund-store';
import { fundPolicy } from './fund-policy';

export const fundResource = defineResource({
  path: 'funds',
  csv: fundColumns,
  service: fundService,
  policy: fundPolicy,
});
