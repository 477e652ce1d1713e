import { beforeAll } from 'vitest';
import { isWebPage } from '../../shared/web-routes';
import { demoPlatform, hasBrowser, seriousViolations, signIn, watchCsp } from './harness';

/** Part `n` (1-based) of `parts` of a list of pages: the audit of a long list is spread over files that run side by side. */
export function part<T>(list: T[], n: number, parts: number) {
  const size = Math.ceil(list.length / parts);
  return list.slice((n - 1) * size, n * size);
}

/**
 * Every page of the application on a demo platform, and an axe audit of a
 * list of them: shared by the accessibility files (signed out, signed in),
 * which run side by side.
 */
const NOT_FOUND = '/une-page-qui-n-existe-pas';

export function auditedPlatform() {
  const demo = demoPlatform({ projets: 'materio', collectifs: 'chambery' });
  // The Grenoble conference of 2020, a need and a sponsorship of Hackers Publics (after the platform's own beforeAll).
  let eventId = '';
  const hackers = { need: '', sponsorship: '', sponsor: '' };
  // ESS relance: a measure, an obstacle and an #ESSrelance meeting of the demo.
  const relance = { measure: '', obstacle: '', meeting: '' };
  const coop = { transfer: '', workshop: '' };
  // A published decision (the network's ranked choice) and an unpublished one of a collective.
  const decisions = { published: '', internal: '' };
  let hackathonId = '';
  const challenge = { id: '', organisationId: '' };
  beforeAll(async () => {
    if (!hasBrowser) return;
    const enrolment = await demo.platform.db.selectFrom('challenge_enrolments').select(['challenge_id', 'organisation_id']).limit(1).executeTakeFirstOrThrow();
    Object.assign(challenge, { id: enrolment.challenge_id, organisationId: enrolment.organisation_id });
    eventId = (await (await fetch(`${demo.platform.url}/api/events?q=grenoble&pageSize=1`)).json()).items[0].id;
    hackathonId = (await (await fetch(`${demo.platform.url}/api/events?kind=hackathon&pageSize=1`)).json()).items[0].id;
    hackers.need = (await demo.platform.db.selectFrom('sponsorship_needs').select('id').where('status', '=', 'open').limit(1).executeTakeFirstOrThrow()).id;
    hackers.sponsorship = (await demo.platform.db.selectFrom('sponsorships').select('id').where('status', '=', 'closed').limit(1).executeTakeFirstOrThrow()).id;
    hackers.sponsor = (await demo.platform.db.selectFrom('sponsor_profiles').select('person_id').limit(1).executeTakeFirstOrThrow()).person_id;
    relance.measure = (await demo.platform.db.selectFrom('recovery_measures').select('id').where('name', '=', 'UrgencESS').executeTakeFirstOrThrow()).id;
    relance.obstacle = (await demo.platform.db.selectFrom('obstacles').select('id').where('status', '=', 'lifted').limit(1).executeTakeFirstOrThrow()).id;
    relance.meeting = (
      await demo.platform.db
        .selectFrom('events')
        .select('id')
        .where('programme', '=', 'ess-relance')
        .where('kind', '=', 'meeting')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    coop.transfer = (await demo.platform.db.selectFrom('knowledge_transfers').select('id').limit(1).executeTakeFirstOrThrow()).id;
    coop.workshop = (await demo.platform.db.selectFrom('events').select('id').where('kind', '=', 'workshop').limit(1).executeTakeFirstOrThrow()).id;
    decisions.published = (await demo.platform.db.selectFrom('decisions').select('id').where('poll_type', '=', 'ranked').limit(1).executeTakeFirstOrThrow()).id;
    decisions.internal = (await demo.platform.db.selectFrom('decisions').select('id').where('poll_type', '=', 'consent').limit(1).executeTakeFirstOrThrow()).id;
  });

  /** Every page of the application, filled from the demo network. */
  const pages = () => [
    '/',
    ...Object.entries(demo.ids).flatMap(([slug, id]) => [`/${slug}`, `/${slug}/${id}`]),
    '/projets?q=reemploi&territory=region:84&stage=development',
    '/connexion',
    '/connexion?erreur=oidc_state',
    '/mentions-legales',
    '/accessibilite',
    '/donnees-personnelles',
    '/plan-du-site',
    '/donnees',
    '/territoires?niveau=departement',
    '/territoires?niveau=region',
    '/evenements',
    '/evenements?vue=calendrier&mois=2020-11',
    `/evenements/${eventId}`,
    '/hackers-publics',
    '/?annee=2020',
    '/cooperation',
    '/cooperation/essaimage',
    `/cooperation/transferts/${coop.transfer}`,
    `/evenements/${coop.workshop}`,
    '/indicateurs',
    '/indicateurs?code=siae&annee=2020',
    '/rapport-annuel/2020',
    '/relance/mesures',
    `/relance/mesures/${relance.measure}`,
    '/indicateurs/instantanes',
    '/indicateurs/instantanes/2020',
    '/decisions',
    `/decisions/${decisions.published}`,
    '/innovations',
    '/defis',
    `/defis/${challenge.id}`,
    NOT_FOUND,
  ];
  /**
   * The pages a signed-in person has, and the public pages that change when
   * one is signed in (a record's page gets its edit buttons, the home page its
   * links). The other public pages are audited signed out only.
   */
  const signedInPages = () => [
    '/',
    ...Object.entries(demo.ids).map(([slug, id]) => `/${slug}/${id}`),
    '/territoires',
    '/notifications',
    '/notifications/desabonnement',
    '/admin/taches',
    '/mon-espace',
    '/financement/pistes',
    `/evenements/${eventId}/conference`,
    `/evenements/${hackathonId}/hackathon`,
    '/compte',
    '/comptes',
    `/comptes/${demo.accountId}`,
    '/import',
    '/evenements/nouveau',
    `/evenements/${eventId}/modifier`,
    '/hackers-publics/besoins/nouveau',
    '/cooperation/transferts/nouveau',
    '/hackers-publics/propositions',
    '/hackers-publics/mon-espace',
    '/hackers-publics/tableau-de-bord',
    '/indicateurs/instantanes',
    '/rapport-annuel/2020',
    `/hackers-publics/besoins/${hackers.need}`,
    `/hackers-publics/parrainages/${hackers.sponsorship}`,
    `/hackers-publics/profils/${hackers.sponsor}`,
    '/relance/freins',
    '/relance/freins?vue=liste',
    '/relance/freins/nouveau',
    `/relance/freins/${relance.obstacle}`,
    '/relance/mon-espace',
    '/relance/statistiques',
    `/evenements/${relance.meeting}/rencontre`,
    '/decisions/nouvelle',
    `/decisions/${decisions.internal}`,
    `/defis/${challenge.id}`,
    `/defis/${challenge.id}/inscriptions`,
    `/defis/${challenge.id}/structures/${challenge.organisationId}`,
    ...Object.keys(demo.ids).map((slug) => `/${slug}/nouveau`),
    ...Object.entries(demo.ids).map(([slug, id]) => `/${slug}/${id}/modifier`),
  ];

  /**
   * Load a page under the Content-Security-Policy and wait until the
   * application has drawn it: a non-empty main heading (a blocked script would
   * leave an empty shell) and its data (no "Chargement" left).
   */
  async function settle(page: Awaited<ReturnType<typeof demo.platform.page>>, path: string) {
    const response = await page.goto(path);
    const csp = response?.headers()['content-security-policy'] ?? '';
    if (!/script-src 'self'/.test(csp) || /script-src[^;]*unsafe-inline/.test(csp))
      throw new Error(`${path} : en-tête Content-Security-Policy absent ou trop large (${csp})`);
    const heading = page.getByRole('heading', { level: 1 }).first();
    await heading.waitFor();
    if (!(await heading.textContent())?.trim()) throw new Error(`${path} : titre de niveau 1 vide`);
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text (hidden templates may say "Chargement")
    await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 60_000 });
  }

  /**
   * Each of `paths` loaded in a few tabs at once (each signed in as `email`
   * when given), and what is wrong there: serious accessibility violations
   * (axe) and Content-Security-Policy violations. Chromium renders in its own
   * processes, so the tabs overlap what one tab would spend waiting. One walk
   * serves both checks: loading each page twice cost minutes of the CI run.
   */
  async function audit(paths: string[], email?: string, tabs = 2) {
    for (const path of paths)
      if (path !== NOT_FOUND && !isWebPage(path.split('?')[0] as string)) throw new Error(`${path} n’est pas une page de l’application (shared/web-routes.ts)`);
    const pages = await Promise.all(
      Array.from({ length: Math.min(tabs, paths.length) }, async () => {
        const page = await watchCsp(await demo.platform.page());
        // Four audits start together with the run, on a machine still busy starting the others: a page slow to
        // draw is not what they test (a missing heading still fails, after a minute).
        page.setDefaultTimeout(60_000);
        if (email) await signIn(page, email);
        return page;
      }),
    );
    const found: string[] = [];
    const queue = [...paths];
    await Promise.all(
      pages.map(async (page) => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          await settle(page, path);
          for (const v of await seriousViolations(page)) found.push(`${path} → ${v}`);
          for (const v of await page.cspViolations()) found.push(`${path} → CSP : ${v}`);
        }
      }),
    );
    return { found: found.sort(), errors: pages.flatMap((p) => p.errors), page: pages[0] as (typeof pages)[number] };
  }

  return { demo, pages, signedInPages, settle, audit };
}
