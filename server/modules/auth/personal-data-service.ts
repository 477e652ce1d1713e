import type { Database } from '../../db/connection';
import { notFound, unauthorized } from '../../errors';
import { authorize } from '../../policies/authorize';
import { personPolicy } from '../people/person-policy';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from './actor';
import { anonymisePerson, personalData } from './personal-data-queries';

/** Personal-data rights: a person downloads what the base holds on them; the national team erases. */
export function personalDataService(db: Database) {
  return {
    async export(actor: Actor) {
      if (actor.kind !== 'account') throw unauthorized();
      const data = await personalData(db, actor.accountId);
      if (!data) throw unauthorized();
      return data;
    },
    async anonymise(actor: Actor, personId: string) {
      authorize(actor, 'anonymise', { policy: personPolicy }, { forbidden: "L'effacement est réservé à l'équipe nationale." });
      await db.transaction().execute(async (tx) => {
        if (!(await anonymisePerson(tx, personId))) throw notFound('Personne', personId);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'people', recordId: personId, after: { anonymised: true } }]);
      });
    },
  };
}
