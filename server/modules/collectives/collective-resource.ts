import { defineResource } from '../directory/directory-resource';
import { collectiveColumns } from './collective-columns';
import { collectiveService } from './collective-service';
import { collectivePolicy } from './collective-policy';

export const collectiveResource = defineResource({
  path: 'collectives',
  csv: collectiveColumns.map((c) => ({ header: c.header, value: c.format })),
  service: collectiveService,
  policy: collectivePolicy,
});
