import { defineResource } from '../directory/directory-resource';
import { organisationColumns } from './organisation-columns';
import { organisationService } from './organisation-store';
import { organisationPolicy } from './organisation-policy';

export const organisationResource = defineResource({
  path: 'organisations',
  csv: organisationColumns,
  service: organisationService,
  policy: organisationPolicy,
});
