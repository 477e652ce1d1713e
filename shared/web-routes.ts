/**
 * The web application's pages, shared by the browser router and the server
 * (which answers 404 for any other path, so a wrong link is a real 404).
 */
export const directorySlugs = {
  collectifs: 'collectives',
  projets: 'projects',
  structures: 'organisations',
  personnes: 'people',
  pionniers: 'pioneers',
  fonds: 'funds',
  filieres: 'sector-programmes',
} as const;
export type DirectorySlug = keyof typeof directorySlugs;
export type DirectoryApi = (typeof directorySlugs)[DirectorySlug];

export const staticPages = [
  '/',
  '/connexion',
  '/compte',
  '/comptes',
  '/import',
  '/mentions-legales',
  '/accessibilite',
  '/donnees-personnelles',
  '/donnees',
  '/plan-du-site',
  '/mon-espace',
  '/territoires',
  '/notifications',
  '/notifications/desabonnement',
  '/admin/taches',
  '/evenements',
  '/evenements/nouveau',
  '/financement/pistes',
  '/hackers-publics',
  '/hackers-publics/besoins/nouveau',
  '/hackers-publics/propositions',
  '/hackers-publics/mon-espace',
  '/hackers-publics/tableau-de-bord',
  '/indicateurs',
  '/relance/mesures',
  '/relance/freins',
  '/relance/freins/nouveau',
  '/relance/mon-espace',
  '/relance/statistiques',
  '/indicateurs/instantanes',
  '/cooperation',
  '/cooperation/transferts/nouveau',
  '/cooperation/essaimage',
  '/decisions',
  '/decisions/nouvelle',
  '/innovations',
  '/defis',
] as const;

/** The national team's snapshots of the indicators, and one snapshot against today's data. */
export const snapshotsPage = '/indicateurs/instantanes';
export const snapshotDiffPage = (year: number) => `/indicateurs/instantanes/${year}`;

/** A challenge's page (its dashboard), its bulk enrolment (national team), a structure's progress in it. */
export const challengePage = (id: string) => `/defis/${id}`;
export const challengeEnrolmentPage = (id: string) => `/defis/${id}/inscriptions`;
export const challengeStructurePage = (id: string, organisationId: string) => `/defis/${id}/structures/${organisationId}`;

/** The annual review of a year, generated from the records. */
export const annualReviewPage = (year: number) => `/rapport-annuel/${year}`;

/** An event's page, and its edit form (for the organiser). */
export const eventPage = (id: string) => `/evenements/${id}`;
export const eventEditPage = (id: string) => `/evenements/${id}/modifier`;
/** A conference's bilateral meetings: the organiser's console and each participant's space. */
export const conferencePage = (eventId: string) => `/evenements/${eventId}/conference`;
/** A hackathon's page (challenges, teams, jury, results), and the innovations it propelled. */
export const hackathonPage = (eventId: string) => `/evenements/${eventId}/hackathon`;
export const innovationsPage = '/innovations';

/** ESS relance: a recovery-plan measure's page, an obstacle's page, an #ESSrelance meeting's page. */
export const measurePage = (id: string) => `/relance/mesures/${id}`;
export const obstaclePage = (id: string) => `/relance/freins/${id}`;
export const meetingPage = (eventId: string) => `/evenements/${eventId}/rencontre`;
/** A collective decision's page: proposal, vote, result, follow-up. */
export const decisionPage = (id: string) => `/decisions/${id}`;

const slugOfApi = Object.fromEntries(Object.entries(directorySlugs).map(([slug, api]) => [api, slug])) as Record<string, DirectorySlug>;

/** A directory record's page (`projects`, id → `/projets/id`); null for other entities. */
export function recordPage(api: string, id: string): string | null {
  const slug = Object.hasOwn(slugOfApi, api) ? slugOfApi[api] : undefined;
  return slug ? `/${slug}/${id}` : null;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const directoryPattern = new RegExp(`^/(${Object.keys(directorySlugs).join('|')})(/nouveau|/${UUID}(/modifier)?)?/?$`, 'i');

const eventPattern = new RegExp(`^/evenements/${UUID}(/modifier)?$`, 'i');

/** Is this path one of the application's pages? */
export function isWebPage(path: string) {
  const p = path.length > 1 ? path.replace(/\/$/, '') : path;
  return (
    (staticPages as readonly string[]).includes(p) ||
    directoryPattern.test(p) ||
    new RegExp(`^/comptes/${UUID}$`, 'i').test(p) ||
    eventPattern.test(p) ||
    new RegExp(`^/evenements/${UUID}/(conference|rencontre)$`, 'i').test(p) ||
    new RegExp(`^/relance/(mesures|freins)/${UUID}$`, 'i').test(p) ||
    new RegExp(`^/hackers-publics/(besoins|parrainages|profils)/${UUID}$`, 'i').test(p) ||
    new RegExp(`^/cooperation/transferts/${UUID}$`, 'i').test(p) ||
    new RegExp(`^/decisions/${UUID}$`, 'i').test(p) ||
    new RegExp(`^/evenements/${UUID}/(conference|hackathon)$`, 'i').test(p) ||
    new RegExp(`^/defis/${UUID}(/inscriptions|/structures/${UUID})?$`, 'i').test(p) ||
    /^\/rapport-annuel\/\d{4}$/.test(p) ||
    /^\/indicateurs\/instantanes\/\d{4}$/.test(p)
  );
}
