import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, seriousViolations, signIn, startPlatform } from './harness';

let platform: Awaited<ReturnType<typeof startPlatform>>;
beforeAll(async () => {
  if (hasBrowser) platform = await startPlatform();
}, 240_000);
afterAll(async () => platform?.close());

type Page = Awaited<ReturnType<typeof platform.page>>;

/** Wait for a page's data (no « Chargement » left), then note its serious accessibility faults. */
async function audit(page: Page, found: string[]) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text
  await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 15_000 });
  for (const v of await seriousViolations(page)) found.push(`${new URL(page.url()).pathname} → ${v}`);
}

describe.skipIf(!hasBrowser)('Hackers Publics in Chromium', () => {
  it('a holder posts a need, the national team proposes, the sponsor accepts, logs a session and closes with outcomes', async () => {
    const found: string[] = [];
    const sponsor = await platform.db
      .selectFrom('accounts as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['p.first_name', 'p.last_name'])
      .where('a.email', '=', 'hacker.public@essaim.test')
      .executeTakeFirstOrThrow();
    const sponsorName = `${sponsor.first_name} ${sponsor.last_name}`;

    // The holder states the need.
    const holder = await platform.page();
    await signIn(holder, 'porteur.voisiwatt@essaim.test');
    await holder.goto('/hackers-publics');
    await audit(holder, found);
    await holder.getByRole('link', { name: 'Exprimer un besoin' }).click();
    await audit(holder, found);
    await holder.getByLabel('Management et RH').check({ force: true });
    await holder.getByLabel('Description').fill('Former nos cogérants au management d’une équipe qui double.');
    await holder.getByRole('button', { name: 'Enregistrer le besoin' }).click();
    await holder.getByRole('heading', { level: 1, name: 'Besoin de VoisiWATT SCIC' }).waitFor();
    await audit(holder, found);
    const needUrl = new URL(holder.url()).pathname;
    expect(await holder.getByText('Ouvert').first().isVisible()).toBe(true);

    // The national team prepares a proposal for it, reviews it (the sponsor swapped if need be) and sends it.
    const team = await platform.page();
    await signIn(team, 'equipe@essaim.test');
    await team.goto(needUrl);
    await audit(team, found);
    await team.getByRole('table', { name: /Parrains possibles/ }).waitFor();
    await team.getByRole('button', { name: 'Préparer une proposition' }).click();
    await team.getByText('Brouillon').first().waitFor();
    await team.goto('/hackers-publics/propositions');
    await audit(team, found);
    const swap = team.getByLabel('Changer de parrain pour VoisiWATT SCIC');
    const row = team.getByRole('region', { name: 'VoisiWATT SCIC' });
    if (!(await row.getByText(sponsorName).isVisible())) {
      const option = await swap.locator('option', { hasText: sponsorName }).getAttribute('value');
      await swap.selectOption(option as string);
      await row.getByText(sponsorName).waitFor();
    }
    await row.getByRole('button', { name: 'Envoyer' }).click();
    await team.getByText('Aucune proposition en attente de relecture.').waitFor();
    await team.goto('/hackers-publics/tableau-de-bord');
    await audit(team, found);

    // The sponsor answers from their space, then runs the sponsorship.
    const hacker = await platform.page();
    await signIn(hacker, 'hacker.public@essaim.test');
    await hacker.goto('/hackers-publics/mon-espace');
    await audit(hacker, found);
    const card = hacker.getByRole('region', { name: 'VoisiWATT SCIC' });
    await card.getByText(/Score \d+ sur 1 000/).waitFor();
    await card.getByRole('button', { name: 'Accepter' }).click();
    await hacker.getByRole('link', { name: 'VoisiWATT SCIC' }).last().click();
    await hacker.getByRole('heading', { level: 1, name: 'Parrainage de VoisiWATT SCIC' }).waitFor();
    await hacker.getByText('En cours').first().waitFor();
    await audit(hacker, found);

    await hacker.getByLabel('Nouvel objectif').fill('Plan de formation des cogérants adopté');
    await hacker.getByRole('button', { name: 'Ajouter l’objectif' }).click();
    await hacker.getByText('Plan de formation des cogérants adopté\u202f: en cours').waitFor();

    await hacker.getByLabel('Durée (minutes)').fill('90');
    await hacker.getByLabel('Sujets').fill('management, recrutement');
    await hacker.getByLabel('Notes').fill('Premier point : priorités du trimestre.');
    await hacker.getByRole('button', { name: 'Enregistrer la séance' }).click();
    await hacker.getByRole('cell', { name: 'Premier point : priorités du trimestre.' }).waitFor();

    await hacker.getByLabel('Résultat\u202f: Plan de formation des cogérants adopté').selectOption('achieved');
    await hacker.getByLabel('Votre note (de 1 à 5)').selectOption('5');
    await hacker.getByText('Oui', { exact: true }).click();
    await hacker.getByLabel('Bilan').fill('Plan adopté en conseil de gérance.');
    await hacker.getByRole('button', { name: 'Clore le parrainage' }).click();
    await hacker.getByRole('heading', { name: 'Bilan' }).waitFor();
    await hacker.getByText('Plan de formation des cogérants adopté\u202f: Atteint').waitFor();
    await audit(hacker, found);

    // The holder sees it closed, with its session notes, and rates it in turn.
    await holder.goto(needUrl);
    await holder.getByText('Clos').first().waitFor();
    await holder.getByRole('link', { name: sponsorName }).click();
    await holder.getByRole('cell', { name: 'Premier point : priorités du trimestre.' }).waitFor();
    await holder.getByLabel('Votre note (de 1 à 5)').selectOption('4');
    await holder.getByText('Oui', { exact: true }).click();
    await holder.getByRole('button', { name: 'Enregistrer ma note' }).click();
    await holder.getByText(/Note de la structure\u202f: 4\/5/).waitFor();

    expect(found).toEqual([]);
    for (const p of [holder, team, hacker]) expect(p.errors).toEqual([]);
  }, 180_000);
});
