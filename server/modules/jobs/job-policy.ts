import { isNationalTeam } from '../../policies/roles';
import type { Actor } from '../../policies/actor';

/** The job queue: the national team sees every job; an account follows the jobs it started. */
export const jobPolicy = {
  list: isNationalTeam,
  read: (actor: Actor, job: { accountId: string | null }) => isNationalTeam(actor) || (actor.kind === 'account' && job.accountId === actor.accountId),
};
