import type { Role } from '../../shared/schemas/auth';

/**
 * Who is asking. Services take it first and authorise before anything else.
 * `system` is the command line and the seeders; `anonymous` a web request
 * without a session or token; `account` a signed-in person with their roles.
 */
export type Actor =
  | { kind: 'system' }
  | { kind: 'anonymous' }
  | { kind: 'account'; accountId: string; email: string; personId: string | null; roles: Role[]; via: 'session' | 'token' };

export const systemActor: Actor = { kind: 'system' };
export const anonymousActor: Actor = { kind: 'anonymous' };
