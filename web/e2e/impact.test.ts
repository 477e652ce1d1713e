import { describe, expect, it } from 'vitest';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform();
type Page = Awaited<ReturnType<typeof demo.platform.page>>;

/** The figure the review shows above a label (its key figures are a value, then the label). */
async function reviewFigure(page: Page, label: string) {
  const card = page.locator('.fr-col-lg-4', { has: page.getByText(label, { exact: false }) }).first();
  return ((await card.locator('.fr-h3').textContent()) ?? '').trim();
}

describe.skipIf(!hasBrowser)('the annual review and its snapshot in Chromium', () => {
  it('the national team freezes 2020, edits a fund: the review keeps its figure and the difference is listed', async () => {
    const page = await demo.platform.page();
    await signIn(page, 'equipe@essaim.test');

    await page.goto('/rapport-annuel/2020');
    await page.getByRole('heading', { level: 2, name: 'Finance à impact' }).waitFor();
    await page.getByText('Aucun instantané pour 2020', { exact: false }).waitFor();
    const before = await reviewFigure(page, 'Montants mobilisables des fonds');
    expect(before).toMatch(/€/);
    // The review's own content: examples, a testimonial, the map, the perspectives, the PDF.
    await page.getByText('MatériO.TEC 73 (Chambéry)').waitFor();
    await page.getByText('Cyprien Fonvielle').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Carte des collectifs et des projets' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Perspectives 2021' }).waitFor();
    await page.getByRole('button', { name: 'Télécharger le rapport 2020 en PDF' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'impact-rapport-annuel');

    await page.goto('/indicateurs/instantanes');
    await page.getByRole('button', { name: 'Figer 2020', exact: true }).click();
    await page.getByText('Les indicateurs de 2020 sont figés.').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Figer à nouveau 2020' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'impact-instantanes');

    // A correction after the freeze: the fund's amount mobilisable.
    await page.goto(`/fonds/${demo.ids.fonds}/modifier`);
    const amount = page.getByLabel('Montant mobilisable (€)');
    await amount.waitFor();
    await amount.fill(String(Number(await amount.inputValue()) + 1_000_000));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(`**/fonds/${demo.ids.fonds}`);

    await page.goto('/rapport-annuel/2020');
    await page.getByText('Chiffres figés le', { exact: false }).waitFor();
    expect(await reviewFigure(page, 'Montants mobilisables des fonds')).toBe(before);

    await page.goto('/indicateurs/instantanes/2020');
    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: /Montants mobilisables des fonds/ });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain(demo.ids.fonds);
    expect(await row.textContent()).toContain(before);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'impact-ecarts');
  }, 240_000);

  it('the national team writes the perspectives on the review page', async () => {
    const page = await demo.platform.page();
    await signIn(page, 'equipe@essaim.test');
    await page.goto('/rapport-annuel/2020#perspectives');
    await page.getByRole('button', { name: 'Modifier les perspectives' }).click();
    await page.getByLabel('Perspectives 2021').fill('Lancer la filière « bien vieillir ».\n\nDoubler les rencontres.');
    await page.getByRole('button', { name: 'Enregistrer les perspectives' }).click();
    await page.getByText('Doubler les rencontres.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 240_000);
});
