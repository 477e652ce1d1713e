import type { Role } from '../../../shared/schemas/auth';
import type { RoleName } from '../../../shared/vocabulary';

/** What a role was granted: the role, and the scope records newly added (by name). */
export interface Grant {
  role: RoleName;
  scope: string[];
}

/** The roles, or scope records of a role, that `after` adds to `before` (by id). */
export function grantedRoles(before: readonly Role[], after: readonly Role[]): Array<{ role: RoleName; scope: string[] }> {
  return after.flatMap((r) => {
    const was = before.find((b) => b.role === r.role);
    if (!was) return [{ role: r.role, scope: [...(r.scope ?? [])] }];
    const added = (r.scope ?? []).filter((id) => !(was.scope ?? []).includes(id));
    return added.length ? [{ role: r.role, scope: added }] : [];
  });
}

/** « A », « A et B », « A, B et C ». */
const list = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`);
const quoted = (names: readonly string[]) => list(names.map((n) => `« ${n} »`));

/**
 * The sentence that tells a person what they may now do, agreeing with the
 * role and naming its scope.
 *
 * @example grantSentence({ role: 'coordinator', scope: ['Essaim du Lac'] })
 * // « Vous êtes désormais coordinateur du collectif « Essaim du Lac ». »
 */
export function grantSentence(g: Grant): string {
  const many = g.scope.length > 1;
  const structures = `${many ? 'des structures' : 'de la structure'} ${quoted(g.scope)}`;
  switch (g.role) {
    case 'admin':
      return 'Vous faites désormais partie de l’équipe nationale.';
    case 'coordinator':
      return `Vous êtes désormais coordinateur ${many ? 'des collectifs' : 'du collectif'} ${quoted(g.scope)}.`;
    case 'member':
      return `Vous êtes désormais membre ${many ? 'des collectifs' : 'du collectif'} ${quoted(g.scope)} : vous votez sur ses décisions.`;
    case 'holder':
      return `Vous êtes désormais porteur de projet pour le compte ${structures}.`;
    case 'investor':
      return `Vous êtes désormais financeur pour le compte ${structures}.`;
    case 'operator':
      return `Vous êtes désormais opérateur public pour le compte ${structures}.`;
    case 'public_sponsor':
      return 'Vous êtes désormais hacker public.';
    case 'advisor':
      return 'Vous êtes désormais conseiller Impact Finance.';
  }
}
