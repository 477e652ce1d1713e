import {
  type Organisation,
  type OrganisationInput,
  type OrganisationListQuery,
  organisationFields,
  organisationInput,
} from '../../../shared/schemas/organisation';
import type { Database } from '../../db/connection';
import { conflict } from '../../errors';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import * as q from './organisation-queries';
import { organisationPolicy } from './organisation-policy';

export const organisationStore: EntityStore<Organisation, OrganisationInput, OrganisationListQuery> = {
  label: 'Structure',
  entity: 'organisations',
  count: q.countOrganisations,
  listIds: q.listOrganisationIds,
  getMany: q.getOrganisations,
  insert: (db, items) => q.insertOrganisations(db, items),
  update: q.updateOrganisation,
  remove: q.deleteOrganisation,
  policy: organisationPolicy,
  references: (o) => [...refs('communes', 'communeCode', o.communeCode), ...refs('themes', 'themes', o.themes)],
  async check(db, o, id) {
    if (!o.siret) return [];
    const owner = (await q.findOrganisationIdsBySiret(db, [o.siret])).get(o.siret);
    if (owner && owner !== id)
      throw conflict('duplicate_siret', `Une structure porte déjà le SIRET ${o.siret}.`, [{ path: 'siret', message: 'SIRET déjà enregistré' }]);
    return [];
  },
  schemas: { input: organisationInput, fields: organisationFields },
};

export const organisationService = (db: Database) => directoryService(db, organisationStore);
