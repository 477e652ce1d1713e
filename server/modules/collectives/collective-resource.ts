import { defineResource } from '../directory/directory-resource';
import { collectiveColumns } from './collective-columns';
import { collectiveService } from './collective-store';
import { collectivePolicy } from './collective-policy';

export const collectiveResource = defineResource({
  path: 'collectives',
  csv: collectiveColumns,
  service: collectiveService,
  policy: collectivePolicy,
});
