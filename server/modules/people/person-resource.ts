import { defineResource } from '../directory/directory-resource';
import { personColumns } from './person-columns';
import { personService } from './person-service';
import { personPolicy } from './person-policy';

export const personResource = defineResource({
  path: 'people',
  csv: personColumns.map((c) => ({ header: c.header, value: c.format })),
  service: personService,
  policy: personPolicy,
});
