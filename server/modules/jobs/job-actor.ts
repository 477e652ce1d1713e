import type { Database } from '../../db/connection';
import { invalid } from '../../errors';
import type { Actor } from '../../policies/actor';
import { accountById } from '../accounts/account-queries';

/**
 * The account that started a job, as the actor the job runs as: with the
 * roles it holds when the job runs (a role withdrawn meanwhile no longer acts).
 *
 * @example const actor = await jobActor(db, job.data.authorId, 'l’import');
 */
export async function jobActor(db: Database, accountId: string, what: string): Promise<Extract<Actor, { kind: 'account' }>> {
  const account = await accountById(db, accountId);
  if (!account) throw invalid(`Le compte qui a lancé ${what} n’existe plus.`);
  return { kind: 'account', accountId: account.id, email: account.email, personId: account.personId, roles: account.roles, via: 'token' };
}
