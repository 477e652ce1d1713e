import { describe, expect, it } from 'vitest';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform({ projets: 'voisiwatt' });

// A journey runs beside other browser suites on a shared two-core machine: minutes, not the 30 s of a unit test.
describe.skipIf(!hasBrowser)('ESS relance in Chromium', { timeout: 120_000 }, () => {
  it('a holder sees VoisiWATT’s recovery-plan measures, closed ones included, and why each verdict', async () => {
    const page = await demo.platform.page();
    await signIn(page, 'porteur.voisiwatt@essaim.test');
    await page.goto(`/projets/${demo.ids.projets}`);
    const section = page.getByRole('region', { name: 'Dispositifs du plan de relance' });
    await section.getByRole('heading', { level: 3, name: 'UrgencESS' }).waitFor();
    // Seven measures of 2020–2021, all closed today, each with its verdict and reasons.
    expect(await section.getByRole('heading', { level: 3 }).count()).toBe(7);
    const urgence = section.locator('article', { has: page.getByRole('heading', { name: 'UrgencESS' }) });
    await urgence.getByText('France Active · Guichet ouvert · Close', { exact: false }).waitFor();
    await urgence.getByText('taille admise\u202F: TPE', { exact: false }).waitFor();
    expect(await section.getByText('Non éligible').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'projet-dispositifs');
  });
});
