import { forbidden, unauthorized } from '../errors';
import type { Actor } from './actor';

/**
 * A policy: for each action, a pure rule `(actor, record) → allowed`, typed
 * with the record it looks at (a rule without record looks at the actor only).
 * One policy file per entity, as Outline's `server/policies/*.ts`.
 */
export type Policy<P> = { readonly [A in keyof P]: (actor: Actor, record: never) => boolean };

/** What the rule of `P` for `A` looks at. */
export type RecordOf<P, A extends keyof P> = P[A] extends (actor: Actor, record: infer R) => boolean ? R : never;

/** A record bound to its entity's policy (`record` is left out for rules that look at the actor only). */
export interface Resource<P, A extends keyof P> {
  policy: P;
  record?: RecordOf<P, A>;
}

/** Messages for a refusal: `signIn` to a visitor (401), `forbidden` to an account (403). */
export interface Refusal {
  signIn?: string;
  forbidden?: string;
}

/**
 * The one way to authorise: throws the typed error when the policy refuses —
 * 401 to a visitor (signing in may help), 403 to an account.
 *
 * @example authorize(actor, 'update', { policy: projectPolicy, record: project })
 */
export function authorize<P extends Policy<P>, A extends keyof P & string>(actor: Actor, action: A, resource: Resource<P, A>, refusal: Refusal = {}): void {
  if (can(actor, action, resource)) return;
  throw actor.kind === 'anonymous' ? unauthorized(refusal.signIn) : forbidden(refusal.forbidden);
}

/** The same rule as a boolean, for shaping outputs. */
export function can<P extends Policy<P>, A extends keyof P & string>(actor: Actor, action: A, resource: Resource<P, A>): boolean {
  const rule = resource.policy[action] as unknown as (actor: Actor, record: unknown) => boolean;
  return rule(actor, resource.record);
}

/**
 * The actions among `actions` the actor may take on this record: what every
 * record of the API carries, so that an interface shows only those buttons.
 */
export function actionsOn<P extends Policy<P>, A extends keyof P & string>(actor: Actor, actions: readonly A[], policy: P, record: RecordOf<P, A>): A[] {
  return actions.filter((a) => (policy[a] as unknown as (actor: Actor, record: unknown) => boolean)(actor, record));
}
