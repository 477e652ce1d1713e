import type { FastifyInstance } from 'fastify';
import { type PersonListQuery, person, personInput, personListQuery, personPatch } from '../../../shared/schemas/person';
import type { Database } from '../../db/connection';
import { registerDirectoryRoutes } from '../../http/directory-routes';
import { personService } from './person-service';

export function personRoutes(app: FastifyInstance, db: Database) {
  registerDirectoryRoutes<ReturnType<typeof person.parse>, PersonListQuery>(app, {
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
    service: personService(db),
  });
}
