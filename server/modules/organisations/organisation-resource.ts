import { defineResource } from '../directory/directory-resource';
import { organisationColumns } from './organisation-columns';
import { organisationService } from './organisation-service';
import { organisationPolicy } from './organisation-policy';

export const organisationResource = defineResource({
  path: 'organisations',
  csv: organisationColumns.map((c) => ({ header: c.header, value: c.format })),
  service: organisationService,
  policy: organisationPolicy,
});
