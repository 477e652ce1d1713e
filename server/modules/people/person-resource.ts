import { type PersonListQuery, person, personInput, personListQuery, personPatch } from '../../../shared/schemas/person';
import { defineResource } from '../directory/directory-resource';
import { personColumns } from './person-columns';
import { personService } from './person-store';
import { personPolicy } from './person-policy';

export const personResource = defineResource<ReturnType<typeof person.parse>, PersonListQuery>({
  path: 'people',
  tag: 'Personnes',
  item: person,
  create: personInput,
  patch: personPatch,
  listQuery: personListQuery,
  csv: personColumns,
  service: personService,
  policy: personPolicy,
});
