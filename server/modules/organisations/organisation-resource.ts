import { type Organisation, organisation, organisationInput, organisationListQuery, organisationPatch } from '../../../shared/schemas/organisation';
import { defineResource } from '../directory/directory-resource';
import { organisationColumns } from './organisation-columns';
import { organisationService } from './organisation-store';
import { organisationPolicy } from './organisation-policy';

export const organisationResource = defineResource<Organisation, ReturnType<typeof organisationListQuery.parse>>({
  path: 'organisations',
  tag: 'Structures',
  item: organisation,
  create: organisationInput,
  patch: organisationPatch,
  listQuery: organisationListQuery,
  csv: organisationColumns,
  service: organisationService,
  policy: organisationPolicy,
});
