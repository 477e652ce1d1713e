import { describe, expect, it } from 'vitest';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform({ collectifs: 'figeacteurs' });

/** A tab with more patience than the harness's 15 s: this journey goes through two accounts' pages and an SVG map on a shared machine. */
async function tab() {
  const page = await demo.platform.page();
  page.setDefaultTimeout(40_000);
  return page;
}

describe.skipIf(!hasBrowser)('cooperation between collectives in Chromium', () => {
  it('Figeacteurs asks ETIC for a transfer, ETIC accepts, both see it', async () => {
    const figeac = await tab();
    await signIn(figeac, 'coordination.figeac@essaim.test');
    await figeac.goto('/cooperation/transferts/nouveau');
    await figeac.getByRole('heading', { level: 1, name: 'Demander un transfert de savoir-faire' }).waitFor();
    expect(await seriousViolations(figeac)).toEqual([]);
    await shoot(figeac, 'transfert-demande');
    // The DSFR draws its own radio: the input is hidden behind its label, which takes the click.
    await figeac.locator('label', { hasText: 'Une structure (par exemple ETIC)' }).click();
    await figeac.getByRole('combobox', { name: /Structure qui transmet/ }).fill('ETIC');
    await figeac.getByRole('option', { name: /ETIC – Foncièrement responsable/ }).click();
    await figeac.getByLabel('Sujet').fill('Gouvernance partagée du tiers-lieu');
    await figeac.getByLabel('Message').fill('Comment associer les usagers aux décisions du tiers-lieu ?');
    await figeac.getByRole('button', { name: 'Envoyer la demande' }).click();
    await figeac.getByRole('heading', { level: 1, name: 'Gouvernance partagée du tiers-lieu' }).waitFor();
    await figeac.getByText('La demande attend la réponse de l’autre côté.').waitFor();
    expect(await figeac.getByRole('button', { name: 'Accepter' }).count()).toBe(0);
    const url = new URL(figeac.url()).pathname;

    const etic = await tab();
    await signIn(etic, 'etic@essaim.test');
    await etic.goto('/notifications');
    await etic.getByText('Figeacteurs vous demande un transfert de savoir-faire').first().waitFor();
    await etic.goto(url);
    await etic.getByText('Figeacteurs vous demande ce transfert.').waitFor();
    expect(await seriousViolations(etic)).toEqual([]);
    await shoot(etic, 'transfert-reponse');
    await etic.getByRole('button', { name: 'Accepter' }).click();
    await etic.getByRole('button', { name: 'Démarrer le transfert' }).waitFor();
    await etic.getByText('Accepté', { exact: true }).first().waitFor();

    // Both sides see it accepted: Figeacteurs on its collective's page, among the transfers received.
    await figeac.goto(`/collectifs/${demo.ids.collectifs}`);
    const section = figeac.getByRole('region', { name: 'Coopérations' });
    await section.getByRole('link', { name: 'Gouvernance partagée du tiers-lieu' }).waitFor();
    await section.getByRole('link', { name: 'Montage juridique et financier du tiers-lieu' }).waitFor();
    expect(await seriousViolations(figeac)).toEqual([]);
    await shoot(figeac, 'collectif-cooperations');
    await figeac.goto(url);
    await figeac.getByRole('button', { name: 'Démarrer le transfert' }).waitFor();
    await shoot(figeac, 'transfert-suivi');
  }, 300_000);

  it('shows the published testimonial and the replication map to visitors', async () => {
    const page = await tab();
    await page.goto('/cooperation');
    await page.getByText('Le regard extérieur et aiguisé d’ETIC', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'cooperation');
    await page.goto('/cooperation/essaimage');
    await page.getByRole('table', { name: 'Essaimages' }).waitFor();
    expect(await page.locator('.essaim-arrows line').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'essaimage');
  }, 180_000);
});
