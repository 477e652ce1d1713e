import { describe, expect, it } from 'vitest';
import { auditedPlatform } from './audited-pages';
import { hasBrowser } from './harness';

const { demo, pages, audit } = auditedPlatform();

describe.skipIf(!hasBrowser)('accessibility (axe): no serious or critical violation', () => {
  it('on every page, signed out', async () => {
    const { found, errors } = await audit(pages());
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);

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
