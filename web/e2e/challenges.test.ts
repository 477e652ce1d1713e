import { describe, expect, it } from 'vitest';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform();
type Page = Awaited<ReturnType<typeof demo.platform.page>>;

/** The count of structures past a step, as the dashboard's funnel table shows it. */
async function funnelCount(page: Page, step: string) {
  const row = page.getByRole('table', { name: 'Structures ayant franchi chaque étape' }).getByRole('row').filter({ hasText: step });
  const cells = await row.getByRole('cell').allInnerTexts();
  return Number((cells[2] ?? '').replace(/\D/g, ''));
}

// A journey runs beside other browser suites on a shared two-core machine: minutes, not the 30 s of a unit test.
describe.skipIf(!hasBrowser)('Challenges in Chromium', { timeout: 120_000 }, () => {
  it('a SIAE records its referent trained and the dashboard’s funnel moves', async () => {
    const { challenge_id: id } = await demo.platform.db.selectFrom('challenge_enrolments').select('challenge_id').limit(1).executeTakeFirstOrThrow();
    const page = await demo.platform.page();
    await signIn(page, 'siae@essaim.test');
    await page.goto('/defis');
    await page.getByRole('link', { name: 'Inclusion numérique' }).click();
    await page.getByRole('heading', { level: 1, name: /Inclusion numérique/ }).waitFor();
    await page.getByRole('table', { name: 'Structures ayant franchi chaque étape' }).waitFor();
    const before = await funnelCount(page, 'Référent formé');
    expect(before).toBeGreaterThan(1000);
    // The SIAE sees the aggregates, not the stuck list (partners and the national team only).
    expect(await page.getByRole('heading', { name: 'Structures bloquées depuis plus de 60 jours' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const me = await (await page.request.get('/api/auth/me')).json();
    const own = me.roles[0].scope[0] as string;
    await page.goto(`/structures/${own}`);
    await page.getByRole('link', { name: /Défi «\sInclusion numérique\s»/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Relever l’avancement' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'defi-structure');
    await page.getByLabel('Étape', { exact: true }).selectOption({ label: '2. Référent formé (Référents numériques formés, cible 1)' });
    await page.getByLabel('Valeur mesurée').fill('1');
    await page.getByLabel('Date du relevé').fill('2021-06-01');
    await page.getByLabel('Lien vers une preuve (facultatif)').fill('https://www.wetechcare.org/attestation');
    await page.getByRole('button', { name: 'Enregistrer le relevé' }).click();
    await page.getByText('l’étape «\u202FRéférent formé\u202F» est franchie').waitFor();
    expect(await page.getByRole('table', { name: 'Avancement par étape' }).getByText('Franchie').count()).toBe(2);

    await page.goto(`/defis/${id}`);
    await page.getByRole('table', { name: 'Structures ayant franchi chaque étape' }).waitFor();
    expect(await funnelCount(page, 'Référent formé')).toBe(before + 1);
    expect(page.errors).toEqual([]);
  });

  it('a partner sees the full dashboard with the stuck structures; the national team enrols in bulk', async () => {
    const { challenge_id: id } = await demo.platform.db.selectFrom('challenge_enrolments').select('challenge_id').limit(1).executeTakeFirstOrThrow();
    const page = await demo.platform.page();
    await signIn(page, 'partenaire.defi@essaim.test');
    await page.goto(`/defis/${id}`);
    await page.getByRole('heading', { name: 'Structures bloquées depuis plus de 60 jours' }).waitFor();
    expect(
      await page
        .getByRole('table', { name: /structures bloquées depuis le plus longtemps/ })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(10);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'defi-dashboard');

    const team = await demo.platform.page();
    await signIn(team, 'equipe@essaim.test');
    await team.goto(`/defis/${id}/inscriptions`);
    await team.getByRole('heading', { level: 1, name: 'Inscriptions et relevés en nombre' }).waitFor();
    await team.getByLabel('Région').selectOption({ label: 'Bretagne' });
    await team.getByRole('button', { name: 'Compter les structures' }).click();
    // Every SIAE of the directory is already in the demo challenge.
    await team.getByText(/déjà\s+inscrites?\./).waitFor();
    expect(await seriousViolations(team)).toEqual([]);
    await shoot(team, 'defi-inscriptions');
    await team.goto('/defis');
    await team.getByRole('link', { name: 'Inclusion numérique' }).waitFor();
    await shoot(team, 'defi-liste');
  }, 120_000);
});
