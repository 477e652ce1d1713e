import type { Actor } from '../../policies/actor';

/** The facts about a personal API token that decide who may act on it. */
export interface TokenLinks {
  accountId: string;
  revokedAt: string | null;
}

/** Personal API tokens: their owner revokes them (once). */
export const tokenPolicy = {
  delete: (actor: Actor, t: TokenLinks) => actor.kind === 'account' && actor.accountId === t.accountId && t.revokedAt === null,
};
