import { type PersonListQuery, person, personInput, personListQuery, personPatch } from '../../../shared/schemas/person';
import { defineResource } from '../directory/directory-resource';
import { personService } from './person-service';
import { personPolicy } from './person-policy';

export const personResource = defineResource<ReturnType<typeof person.parse>, PersonListQuery>({
  path: 'people',
  tag: 'Personnes',
  item: person,
  create: personInput,
  patch: personPatch,
  listQuery: personListQuery,
  csv: [
    { header: 'Prénom', value: (p) => p.firstName },
    { header: 'Nom', value: (p) => p.lastName },
    { header: 'E-mail', value: (p) => p.email },
    { header: 'Téléphone', value: (p) => p.phone },
    { header: 'Structure', value: (p) => p.organisationName },
    { header: 'Fonctions', value: (p) => p.titles },
    { header: 'Accompagnateur finance à impact', value: (p) => p.isAdvisor },
    { header: 'Hacker public', value: (p) => p.isPublicSponsor },
    { header: 'Administration', value: (p) => p.administrationName },
    { header: 'Identifiant', value: (p) => p.id },
  ],
  service: personService,
  policy: personPolicy,
});
