import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { directorySlugs, isWebPage, staticPages } from '../../shared/web-routes';
import { demoPlatform, hasBrowser, signIn } from './harness';

const demo = demoPlatform();

/** Every page the application declares (shared/web-routes.ts), each record page filled from the demo network. */
const pages = () => [
  ...staticPages,
  ...Object.keys(directorySlugs).flatMap((slug) => [`/${slug}`, `/${slug}/nouveau`, `/${slug}/${demo.ids[slug]}`, `/${slug}/${demo.ids[slug]}/modifier`]),
  `/comptes/${demo.accountId}`,
];

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/**
 * A tab that records every CSP violation: the page's `securitypolicyviolation`
 * events (collected before any of the page's own scripts run) and Chromium's
 * console reports.
 */
async function watchedPage() {
  const page = await demo.platform.page();
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) reported.push(m.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} bloque ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  /** The violations since the last call, on the page as it is now. */
  const violations = async () => {
    const found = [...reported, ...(await page.evaluate(() => window.cspViolations.splice(0)))];
    reported.length = 0;
    return found;
  };
  return Object.assign(page, { violations });
}

/** Load a path, check it was served under the policy, and wait until it has drawn its data. */
async function load(page: Page, path: string) {
  const response = await page.goto(path);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp, `${path} : en-tête Content-Security-Policy`).toMatch(/script-src 'self'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
}

describe.skipIf(!hasBrowser)('Content-Security-Policy in Chromium', () => {
  it('lets every page of the application render, signed in as the national team, without a violation', async () => {
    const page = await watchedPage();
    await load(page, '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await signIn(page, 'equipe@essaim.test');
    const found: string[] = [];
    for (const path of [...pages(), '/une-page-qui-n-existe-pas']) {
      expect(isWebPage(path) || path === '/une-page-qui-n-existe-pas', path).toBe(true);
      await load(page, path);
      // Drawn by the application (a blocked script would leave an empty shell): its main heading, and its data.
      const heading = page.getByRole('heading', { level: 1 }).first();
      await heading.waitFor();
      expect((await heading.textContent())?.trim(), `${path} : titre`).not.toBe('');
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text (hidden templates may say "Chargement")
      await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 15_000 });
      for (const v of await page.violations()) found.push(`${path} → ${v}`);
    }
    expect(found).toEqual([]);
    expect(page.errors).toEqual([]);
  }, 240_000);

  it('lets the API documentation render and open an operation without a violation', async () => {
    const page = await watchedPage();
    await load(page, '/api/docs');
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'API Essaim' }).waitFor();
    const operation = page.locator('.opblock-summary').first();
    await operation.click();
    await page.locator('.opblock-body').first().waitFor();
    await page.getByRole('button', { name: 'Try it out' }).first().click();
    await page.getByRole('button', { name: 'Execute' }).first().click();
    await page.locator('.responses-wrapper .live-responses-table').first().waitFor();
    expect(await page.violations()).toEqual([]);
    expect(page.errors).toEqual([]);
  }, 60_000);
});
