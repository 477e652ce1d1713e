import { type CollectiveListQuery, collective, collectiveInput, collectiveListQuery, collectivePatch } from '../../../shared/schemas/collective';
import { defineResource } from '../directory/directory-resource';
import { collectiveColumns } from './collective-columns';
import { collectiveService } from './collective-store';
import { collectivePolicy } from './collective-policy';

export const collectiveResource = defineResource<ReturnType<typeof collective.parse>, CollectiveListQuery>({
  path: 'collectives',
  tag: 'Collectifs',
  item: collective,
  create: collectiveInput,
  patch: collectivePatch,
  listQuery: collectiveListQuery,
  csv: collectiveColumns,
  service: collectiveService,
  policy: collectivePolicy,
});
