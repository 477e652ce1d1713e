import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../server/app';
import { type DirectorySlug, directorySlugs } from '../../shared/web-routes';
import { type ProviderUser, startTestProvider } from '../../server/test/oidc-provider';
import { testDatabase } from '../../server/test/test-db';
import { findBrowser, launchChromium } from './browser';

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

// Throws when the browser is missing and ESSAIM_REQUIRE_BROWSER=1 (CI): every browser suite then fails.
const browser = findBrowser();
export const CHROMIUM = browser.path;
export const hasBrowser = browser.present;
if (browser.warning) console.warn(browser.warning);

/**
 * Where the journeys photograph the pages they pass (`ESSAIM_SHOTS=/tmp/shots
 * npm test`), for a person to look at them; unset (CI), no photographs: each
 * full-page screenshot costs a second of a busy machine.
 */
const SHOTS = process.env.ESSAIM_SHOTS;

/** A full-page screenshot at desktop and phone widths (`<ESSAIM_SHOTS>/<name>-1280.png`, `-375.png`), when asked for. */
export async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}
export const DEMO_PASSWORD = 'essaim-demo-2020';

/**
 * The whole platform as a person meets it: the built web application and the
 * API on a fresh database with the demo network, on a free port, and a
 * headless Chromium.
 */
export async function startPlatform(opts: { oidcUsers?: Record<string, ProviderUser> } = {}) {
  // The web application is built once by web/e2e/global-setup.ts.
  const database = await testDatabase({ demo: true });
  // The provider must know Essaim's address before Essaim starts: take a free port first.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const provider = opts.oidcUsers ? await startTestProvider({ clientRedirectBase: url, users: opts.oidcUsers }) : undefined;
  const app = await buildApp({
    db: database.db,
    signInLimits: { failuresPerAddress: 10_000 },
    publicUrl: url,
    oidc: provider && {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: 'openid email given_name usual_name siret',
      name: 'ProConnect',
    },
  });
  await app.listen({ port, host: '127.0.0.1' });
  const browser: Browser = await launchChromium(CHROMIUM);
  return {
    url,
    db: database.db,
    browser,
    provider,
    /** A new browser tab (own cookies), failing the test on any page error. */
    async page() {
      const context = await browser.newContext({ baseURL: url, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // A missing element fails within seconds, naming what was awaited (files run
      // three at a time, a few tabs each: a slow page must not pass for a missing one).
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      return Object.assign(page, { errors });
    },
    async close() {
      await browser.close();
      await app.close();
      await provider?.close();
      await database.close();
    },
  };
}

/**
 * Records of the demo network to open pages on: one per directory page (the
 * first listed, or the first match of `search[slug]`) and a coordinator's account.
 */
export async function demoRecords(
  platform: { url: string; db: Awaited<ReturnType<typeof testDatabase>>['db'] },
  search: Partial<Record<DirectorySlug, string>> = {},
) {
  const ids: Record<string, string> = {};
  for (const [slug, api] of Object.entries(directorySlugs)) {
    const q = search[slug as DirectorySlug];
    ids[slug] = (await (await fetch(`${platform.url}/api/${api}?pageSize=1${q ? `&q=${q}` : ''}`)).json()).items[0].id;
  }
  const accountId = (await platform.db.selectFrom('accounts').select('id').where('email', '=', 'coordination.figeac@essaim.test').executeTakeFirstOrThrow()).id;
  return { ids, accountId };
}

/**
 * A suite's platform on the demo network, started before its tests (when there is a browser) and closed after;
 * with one record id per list (`search`: which record, by text) and a coordinator's account id.
 */
export function demoPlatform(search: Partial<Record<DirectorySlug, string>> = {}) {
  const demo = { ids: {} as Record<string, string>, accountId: '' } as {
    platform: Awaited<ReturnType<typeof startPlatform>>;
    ids: Record<string, string>;
    accountId: string;
  };
  beforeAll(async () => {
    if (!hasBrowser) return;
    demo.platform = await startPlatform();
    Object.assign(demo, await demoRecords(demo.platform, search));
  }, 240_000);
  afterAll(async () => demo.platform?.close());
  return demo;
}

export async function signIn(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').first().fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/**
 * The tab, recording every Content-Security-Policy violation: the page's
 * `securitypolicyviolation` events (listened to before any of the page's own
 * scripts run) and Chromium's console reports; `cspViolations()` returns
 * those since its last call.
 */
export async function watchCsp<P extends Page>(page: P) {
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) reported.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.cspViolations.push(`${e.effectiveDirective} bloque ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  const cspViolations = async () => {
    const found = [...reported, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0)))];
    reported.length = 0;
    return found;
  };
  return Object.assign(page, { cspViolations });
}

// axe-core run in the page itself, injected once per document. The
// @axe-core/playwright wrapper ran it frame by frame and finished in a new blank
// page: 1.3–4.2 s a page here, against 0.3–0.6 s for the same rules this way
// (measured on the 22 public pages of accessibility-2.test.ts). The pages have
// no frames.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };

/** Serious and critical accessibility violations (axe: WCAG 2.1 A and AA) on the page as it is now. */
export async function seriousViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (options) =>
      (await (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(document, options)).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
    axeOptions,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.targets.slice(0, 3).join(' | ')}`);
}
