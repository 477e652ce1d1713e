import { defineResource } from '../directory/directory-resource';
import { personColumns } from './person-columns';
import { personService } from './person-store';
import { personPolicy } from './person-policy';

export const personResource = defineResource({
  path: 'people',
  csv: personColumns,
  service: personService,
  policy: personPolicy,
});
