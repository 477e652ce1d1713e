import { describe, expect, it } from 'vitest';
import { directorySlugs, staticPages } from '../../shared/web-routes';
import { auditedPlatform, part } from './audited-pages';
import { hasBrowser, seriousViolations } from './harness';

const { demo, pages, signedInPages, audit } = auditedPlatform();

describe.skipIf(!hasBrowser)('accessibility (axe) and Content-Security-Policy: no serious violation, no blocked resource', () => {
  it('on every page, signed out (first half; the second in accessibility-2.test.ts)', async () => {
    const { found, errors } = await audit(part(pages(), 1, 2));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('audits every page the application declares, each record page filled from the demo network', () => {
    const audited = new Set([...pages(), ...signedInPages()].map((p) => p.split('?')[0]));
    const declared = [
      ...staticPages,
      ...Object.keys(directorySlugs).flatMap((slug) => [`/${slug}`, `/${slug}/nouveau`, `/${slug}/${demo.ids[slug]}`, `/${slug}/${demo.ids[slug]}/modifier`]),
      `/comptes/${demo.accountId}`,
    ];
    expect(declared.filter((p) => !audited.has(p))).toEqual([]);
  });

  it('finds the serious violations where there are some (the audit can fail)', async () => {
    const page = await demo.platform.page();
    await page.setContent('<html lang="fr"><title>Essai</title><main><h1>Essai</h1><img src="a.png"><button></button></main></html>');
    const found = await seriousViolations(page);
    expect(found.map((v) => v.split(' ')[0]).sort()).toEqual(['button-name', 'image-alt']);
  });

  it('answers unknown pages with a 404 status and the 404 page', async () => {
    const res = await fetch(`${demo.platform.url}/projets/pas-un-identifiant`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<div id="root">');
    const page = await demo.platform.page();
    await page.goto('/une-page-qui-n-existe-pas');
    await page.getByRole('heading', { level: 1, name: 'Page non trouvée' }).waitFor();
    expect((await fetch(`${demo.platform.url}/api/pas-une-route`)).headers.get('content-type')).toMatch(/json/);
  });
});
