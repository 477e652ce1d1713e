import type { Database } from '../../db/connection';
import { notFound, unauthorized } from '../../errors';
import { authorize } from '../../policies/authorize';
import { personPolicy } from '../people/person-policy';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from '../../policies/actor';
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
      // One transaction: the erasure happens whole, or not at all.
      await db.transaction().execute(async (tx) => {
        const accounts = await anonymisePerson(tx, personId);
        if (!accounts) throw notFound('Personne', personId);
        await recordWrite(tx, actor, [
          { action: 'update', entity: 'people', recordId: personId, after: { anonymised: true } },
          ...accounts.map((a) => ({
            action: 'update' as const,
            entity: 'account',
            recordId: a.id,
            before: { roles: a.roles },
            after: { roles: [], anonymised: true },
          })),
        ]);
      });
    },
  };
}
