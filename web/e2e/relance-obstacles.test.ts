import { describe, expect, it } from 'vitest';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform({ projets: 'voisiwatt' });
type Page = Awaited<ReturnType<typeof demo.platform.page>>;

/** An axe audit of the page as it is, then its screenshots when asked for. */
async function check(page: Page, name: string) {
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text (hidden templates may say "Chargement")
  await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 15_000 });
  expect(await seriousViolations(page), name).toEqual([]);
  await shoot(page, `relance-${name}`);
}

/** The operator's statistics as the page shows them: the total, and Bpifrance's lifted obstacles. */
async function figures(page: Page) {
  await page.goto('/relance/statistiques');
  await page.getByRole('heading', { level: 1, name: 'Statistiques des freins et blocages' }).waitFor();
  const total = page.locator('[data-figure="Freins"]');
  await total.waitFor();
  const row = page.getByRole('table', { name: 'Freins par opérateur' }).getByRole('row', { name: /Bpifrance/ });
  return { total: Number(await total.textContent()), bpifranceLifted: Number((await row.getByRole('cell').nth(2).textContent())?.trim()) };
}

describe.skipIf(!hasBrowser)('ESS relance obstacles in Chromium', () => {
  it('a holder sees VoisiWATT’s measures and why, raises an obstacle about one; Bpifrance’s operator answers and lifts it; the statistics move', async () => {
    const operator = await demo.platform.page();
    await signIn(operator, 'operateur@essaim.test');
    const before = await figures(operator);
    await check(operator, 'statistiques');

    // The holder: VoisiWATT's measures, one measure's page with its rules in words and the projects with their verdicts.
    const holder = await demo.platform.page();
    await signIn(holder, 'porteur.voisiwatt@essaim.test');
    await holder.goto(`/projets/${demo.ids.projets}`);
    const section = holder.getByRole('region', { name: 'Dispositifs du plan de relance' });
    const measure = section.locator('article', { has: holder.getByRole('heading', { name: 'French Tech Tremplin — incubation' }) });
    await measure.locator('li').first().waitFor();
    await measure.getByRole('link', { name: 'French Tech Tremplin — incubation' }).click();
    await holder.getByRole('heading', { level: 1, name: 'French Tech Tremplin — incubation' }).waitFor();
    await holder.getByRole('heading', { name: 'Règles d’éligibilité' }).waitFor();
    expect(await holder.getByRole('heading', { name: 'Règles d’éligibilité' }).locator('xpath=following-sibling::ul[1]/li').count()).toBeGreaterThan(0);
    await check(holder, 'mesure');
    await holder.goBack();

    // Raise an obstacle about it.
    await section
      .locator('article', { has: holder.getByRole('heading', { name: 'French Tech Tremplin — incubation' }) })
      .getByRole('link', { name: 'Signaler un frein' })
      .click();
    await holder.getByRole('heading', { level: 1, name: 'Signaler un frein' }).waitFor();
    await holder.getByLabel('Mesure concernée (facultatif)').locator('option', { hasText: 'French Tech Tremplin' }).waitFor({ state: 'attached' });
    expect(await holder.getByLabel('Mesure concernée (facultatif)').inputValue()).not.toBe('');
    await check(holder, 'signaler');
    await holder.getByLabel('Intitulé du frein').fill('La bourse exige un statut de société');
    await holder.getByLabel('Description (facultatif)').fill('Notre SCIC n’est pas reconnue comme start-up par le formulaire en ligne.');
    await holder.getByLabel('Catégorie').selectOption({ label: 'Éligibilité' });
    await holder.getByRole('button', { name: 'Signaler le frein' }).click();
    await holder.getByRole('heading', { level: 1, name: 'La bourse exige un statut de société' }).waitFor();
    await holder.getByText('Bpifrance', { exact: true }).waitFor();
    // The holder comments, but may not move it.
    expect(await holder.getByRole('heading', { name: 'Changer le statut' }).count()).toBe(0);
    const obstacleUrl = holder.url();

    // The operator finds it in their space, answers and lifts it (a resolution is required).
    await operator.goto('/relance/mon-espace');
    await operator.getByRole('link', { name: 'La bourse exige un statut de société' }).waitFor();
    await check(operator, 'espace-operateur');
    await operator.getByRole('link', { name: 'La bourse exige un statut de société' }).click();
    await operator.getByRole('heading', { level: 1, name: 'La bourse exige un statut de société' }).waitFor();
    await operator.getByLabel('Commentaire').fill('Les SCIC sont admises : nous corrigeons le formulaire.');
    await operator.getByRole('button', { name: 'Publier le commentaire' }).click();
    await operator.getByText('Les SCIC sont admises', { exact: false }).first().waitFor();
    await operator.getByLabel('Nouveau statut').selectOption('lifted');
    await operator.getByLabel('Résolution (obligatoire pour lever le frein)').evaluate((e) => e.removeAttribute('required'));
    await operator.getByRole('button', { name: 'Enregistrer le statut' }).click();
    await operator.getByText('Pour lever un frein, décrivez la résolution obtenue.').first().waitFor();
    await operator.getByLabel('Résolution (obligatoire pour lever le frein)').fill('Formulaire corrigé le jour même ; dossier déposé.');
    await operator.getByRole('button', { name: 'Enregistrer le statut' }).click();
    await operator.getByText('Statut\u202f: levé').waitFor();
    await check(operator, 'frein');

    // The holder sees it lifted, with its resolution and timeline.
    await holder.goto(obstacleUrl);
    await holder.getByText('Formulaire corrigé le jour même', { exact: false }).first().waitFor();
    await holder.getByText('Statut\u202f: levé').waitFor();

    // The statistics moved.
    const after = await figures(operator);
    expect(after.total).toBe(before.total + 1);
    expect(after.bpifranceLifted).toBe(before.bpifranceLifted + 1);
    expect([...holder.errors, ...operator.errors]).toEqual([]);
  }, 240_000);

  it('shows the board by status and as a list, and an #ESSrelance meeting with its agenda, minutes and the obstacles raised there', async () => {
    const team = await demo.platform.page();
    await signIn(team, 'equipe@essaim.test');
    await team.goto('/relance/freins');
    await team.getByRole('heading', { level: 2, name: /^Levé/ }).waitFor();
    await check(team, 'tableau');
    await team.getByText('Liste', { exact: true }).click();
    await team.getByRole('table', { name: 'Freins et blocages' }).waitFor();
    await check(team, 'liste');
    await team.goto('/relance/mesures');
    await team.getByRole('table', { name: 'Mesures du plan de relance' }).waitFor();
    await check(team, 'catalogue');

    const meeting = await demo.platform.db
      .selectFrom('events')
      .select('id')
      .where('programme', '=', 'ess-relance')
      .where('kind', '=', 'meeting')
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    await team.goto(`/evenements/${meeting.id}`);
    await team.getByRole('link', { name: 'Ordre du jour, compte rendu et freins relevés' }).click();
    await team.getByRole('heading', { name: 'Ordre du jour' }).waitFor();
    await team.getByText('Projet présenté\u202f: VoisiWATT', { exact: false }).first().waitFor();
    await team.getByText('Rencontre en visioconférence', { exact: false }).waitFor();
    expect(await team.getByRole('heading', { name: 'Freins relevés' }).locator('xpath=following-sibling::ul[1]/li').count()).toBeGreaterThan(0);
    await check(team, 'rencontre');
    // The organiser writes the minutes.
    await team.getByRole('button', { name: 'Modifier le compte rendu' }).click();
    await team.getByRole('textbox', { name: 'Compte rendu' }).fill('Compte rendu relu : trois freins levés, deux en cours.');
    await team.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await team.getByText('Compte rendu relu', { exact: false }).waitFor();
    expect(team.errors).toEqual([]);
  }, 240_000);
});
