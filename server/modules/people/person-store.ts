import { type Person, type PersonInput, type PersonListQuery, personFields, personInput } from '../../../shared/schemas/person';
import type { Database } from '../../db/connection';
import { conflict } from '../../errors';
import { can } from '../../policies/authorize';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import * as q from './person-queries';
import { personPolicy } from './person-policy';
import { sponsorProfilePolicy } from '../sponsorships/sponsorship-policy';

export const personStore: EntityStore<Person, PersonInput, PersonListQuery> = {
  label: 'Personne',
  entity: 'people',
  count: q.countPeople,
  listIds: q.listPersonIds,
  getMany: q.getPeople,
  insert: (db, items) => q.insertPeople(db, items),
  update: q.updatePerson,
  remove: q.deletePerson,
  policy: personPolicy,
  async redact(db, actor, people) {
    // Only a coordinator's rule looks at a person's collectives: those they coordinate.
    const coordinated = actor.kind === 'account' ? actor.roles.flatMap((r) => (r.role === 'coordinator' ? (r.scope ?? []) : [])) : [];
    const collectives = coordinated.length
      ? await q.collectivesOfPeople(
          db,
          people.map((p) => p.id),
          coordinated,
        )
      : new Map<string, string[]>();
    return people.map((p) => {
      const shown = can(actor, 'readContact', { policy: personPolicy, record: { ...p, collectiveIds: collectives.get(p.id) ?? [] } })
        ? p
        : { ...p, email: null, phone: null };
      // A sponsor's profile (capacity, pause…) only for the sponsor and the national team (sponsorship-policy.ts).
      return shown.sponsor && !can(actor, 'read', { policy: sponsorProfilePolicy, record: { personId: p.id } }) ? { ...shown, sponsor: null } : shown;
    });
  },
  references: (p) => [...refs('organisations', 'organisationId', p.organisationId), ...refs('organisations', 'administrationId', p.administrationId)],
  async check(db, p, id) {
    if (p.email) {
      const owner = await q.personIdByEmail(db, p.email);
      if (owner && owner !== id)
        throw conflict('duplicate_email', `Une personne porte déjà l'adresse ${p.email}.`, [{ path: 'email', message: 'Adresse déjà enregistrée' }]);
    }
    if (p.administrationId) {
      const kind = await q.organisationKindOf(db, p.administrationId);
      if (kind && kind !== 'administration') return [{ path: 'administrationId', message: "Cette structure n'est pas une administration" }];
    }
    return [];
  },
  schemas: { input: personInput, fields: personFields },
};

export const personService = (db: Database) => directoryService(db, personStore);
