import { isNationalTeam, type Me } from '../../lib/session';

/** The roles through which an account organises for its structure (server/modules/events/event-policy.ts, ORGANISER_ROLES). */
const ORGANISER_ROLES = ['holder', 'investor'];

/** The structures an account organises events for (its holder and investor scopes). */
export const organiserScopes = (me: Me | null | undefined): string[] => [
  ...new Set((me?.roles ?? []).filter((r) => ORGANISER_ROLES.includes(r.role)).flatMap((r) => r.scope ?? [])),
];

/** Whether the account may create an event: the national team, or for one of its structures (the API decides in the end). */
export const mayOrganise = (me: Me | null | undefined) => isNationalTeam(me) || organiserScopes(me).length > 0;

/** The account's structures in a role (holder: its projects' structures; investor: its funds' managers). */
export const scopesOf = (me: Me | null | undefined, role: 'holder' | 'investor'): string[] => [
  ...new Set((me?.roles ?? []).filter((r) => r.role === role).flatMap((r) => r.scope ?? [])),
];
