import type { Actor } from '../policies/actor';

/** An account actor with these roles, for policy tests. */
export const account = (roles: Extract<Actor, { kind: 'account' }>['roles'], personId: string | null = null): Actor => ({
  kind: 'account',
  accountId: 'a',
  email: 'a@b.c',
  personId,
  roles,
  via: 'token',
});
export const anonymous: Actor = { kind: 'anonymous' };
