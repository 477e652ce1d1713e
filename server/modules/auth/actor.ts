/**
 * Who is asking. Services take it first and authorise before anything else.
 * `system` is the command line and the seeders; `anonymous` a web request
 * without an account (accounts and roles come with the accounts issue).
 */
export type Actor = { kind: 'system' } | { kind: 'anonymous' };

export const systemActor: Actor = { kind: 'system' };
export const anonymousActor: Actor = { kind: 'anonymous' };
