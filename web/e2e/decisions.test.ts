import { describe, expect, it } from 'vitest';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform({ collectifs: 'figeacteurs' });
// The machine these journeys run on may be shared: generous waits, never timed assertions.
const SLOW = 120_000;
async function newPage() {
  const page = await demo.platform.page();
  page.setDefaultTimeout(SLOW / 2);
  page.setDefaultNavigationTimeout(SLOW / 2);
  return page;
}

describe.skipIf(!hasBrowser)('Collective decisions in Chromium', () => {
  it(
    'a member of Figeacteurs consents to its charter, the coordination closes the vote, and the member sees it adopted',
    async () => {
      const member = await newPage();
      await signIn(member, 'membre.figeac@essaim.test');
      // From the collective's page to its decision.
      await member.goto(`/collectifs/${demo.ids.collectifs}`);
      const section = member.getByRole('region', { name: 'Décisions' });
      await section.getByRole('link', { name: 'Adopter la charte de Figeacteurs' }).click();
      await member.getByRole('heading', { level: 1, name: 'Adopter la charte de Figeacteurs' }).waitFor();
      await member.getByText('3 votes sur 6 votants', { exact: false }).waitFor();
      expect(await seriousViolations(member)).toEqual([]);
      // DSFR draws the radio under its label: click the label, as a person does.
      await member.locator('label', { hasText: /^D’accord$/ }).click();
      await member.getByLabel('Commentaire (facultatif)').fill('Je la signe des deux mains.');
      await member.getByRole('button', { name: 'Voter', exact: true }).click();
      await member.getByText('Votre vote est enregistré.').waitFor();
      await member.getByText('4 votes sur 6 votants', { exact: false }).waitFor();
      await shoot(member, 'decision-vote');

      const coordination = await newPage();
      await signIn(coordination, 'coordination.figeac@essaim.test');
      await coordination.goto(member.url());
      await coordination.getByRole('button', { name: 'Clore le vote maintenant' }).click();
      await coordination.getByRole('heading', { level: 2, name: 'Résultat' }).waitFor();
      await coordination.getByLabel('La décision prise').fill('La charte est adoptée ; elle sera signée à la rencontre annuelle.');
      await coordination.getByRole('button', { name: 'Enregistrer la décision prise' }).click();
      await coordination.getByLabel('Action', { exact: true }).fill('Imprimer la charte pour la signature');
      await coordination.getByRole('button', { name: 'Ajouter l’action' }).click();
      await coordination.getByRole('cell', { name: 'Imprimer la charte pour la signature', exact: true }).waitFor();

      await member.reload();
      await member.getByRole('heading', { level: 2, name: 'Résultat' }).waitFor();
      await member.getByText('Adoptée.').waitFor();
      await member.getByText('La charte est adoptée ; elle sera signée à la rencontre annuelle.').waitFor();
      expect(await member.getByRole('button', { name: 'Voter', exact: true }).count()).toBe(0);
      expect(await seriousViolations(member)).toEqual([]);
      await shoot(member, 'decision-adoptee');
    },
    4 * SLOW,
  );

  it(
    'shows visitors the network’s published ranked choice with its Schulze tables',
    async () => {
      const page = await newPage();
      await page.goto('/decisions');
      await page.getByRole('link', { name: 'Nos priorités communes pour 2021' }).click();
      await page.getByRole('table', { name: /Préférences par paire/ }).waitFor();
      await page.getByRole('table', { name: /Chemins les plus forts/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, 'decision-schulze');
      await page.goto('/decisions');
      await page.getByRole('heading', { level: 1, name: 'Décisions collectives' }).waitFor();
      await shoot(page, 'decisions');
    },
    2 * SLOW,
  );

  it(
    'lets the national team put a network-wide decision to the vote',
    async () => {
      const page = await newPage();
      await signIn(page, 'equipe@essaim.test');
      await page.goto('/decisions/nouvelle');
      await page.getByRole('heading', { level: 1, name: 'Soumettre une décision' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, 'decision-nouvelle');
      await page.getByText('Décision de tout le réseau').click();
      await page.getByLabel('Titre').fill('Une journée nationale des collectifs en 2021 ?');
      await page.getByLabel('Type de scrutin').selectOption('choice');
      await page.getByLabel('Options (une par ligne)').fill('Au printemps\nÀ l’automne');
      await page.getByRole('button', { name: 'Soumettre au vote' }).click();
      await page.getByRole('heading', { level: 1, name: 'Une journée nationale des collectifs en 2021 ?' }).waitFor();
      await page.getByText('Tout le réseau').first().waitFor();
    },
    2 * SLOW,
  );
});
