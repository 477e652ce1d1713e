import { defineResource } from '../directory/directory-resource';
import { fundColumns } from './fund-columns';
import { fundService } from './fund-service';
import { fundPolicy } from './fund-policy';

export const fundResource = defineResource({
  path: 'funds',
  csv: fundColumns.map((c) => ({ header: c.header, value: c.format })),
  service: fundService,
  policy: fundPolicy,
});
