import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSiret } from '../../server/test/fixtures';
import { hasBrowser, shoot, signIn, startPlatform } from './harness';

let platform: Awaited<ReturnType<typeof startPlatform>>;
beforeAll(async () => {
  if (hasBrowser) platform = await startPlatform();
}, 240_000);
afterAll(async () => platform?.close());

const count = async (path: string) => (await (await fetch(`${platform.url}/api/${path}`)).json()).total as number;

// A journey runs beside other browser suites on a shared two-core machine: minutes, not the 30 s of a unit test.
describe.skipIf(!hasBrowser)('journeys in Chromium', { timeout: 120_000 }, () => {
  it('shows the reference of a failed request under its error, for a person to quote', async () => {
    const page = await platform.page();
    // The server fails once: its answer names the request, as every error body does.
    await page.route('**/api/stats', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'internal_error', message: 'Erreur interne du serveur. Elle a été journalisée.', details: [], requestId: 'k7q2m9xw4p' },
        }),
      }),
    );
    await page.goto('/');
    const alert = page.locator('.fr-alert--error').filter({ hasText: 'Les chiffres n’ont pas pu être chargés' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Référence à citer si vous signalez le problème\u202f: k7q2m9xw4p');
    await shoot(page, 'erreur-reference');
    expect(page.errors).toEqual([]);
  });

  it('finds a project by text and territory, opens it, and comes back with the filters', async () => {
    const page = await platform.page();
    await page.goto('/projets');
    await page.getByRole('searchbox').fill('materio');
    const territory = page.getByRole('combobox', { name: /Territoire/ });
    await territory.fill('Savoie');
    await page.getByRole('option', { name: 'Savoie (département 73)' }).click();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('status').filter({ hasText: '1 résultat' }).waitFor();
    expect(new URL(page.url()).searchParams.get('territory')).toBe('departement:73');
    await page.getByRole('link', { name: 'MatériO.TEC 73' }).click();
    await page.getByRole('heading', { level: 1, name: 'MatériO.TEC 73' }).waitFor();
    await shoot(page, 'projet');
    await page.goBack();
    await page.getByRole('link', { name: 'MatériO.TEC 73' }).waitFor();
    expect(await page.getByRole('searchbox').inputValue()).toBe('materio');
    // The address is shareable: opened afresh it shows the same results.
    const fresh = await platform.page();
    await fresh.goto(page.url());
    await fresh.getByRole('link', { name: 'MatériO.TEC 73' }).waitFor();
    expect(page.errors).toEqual([]);
  });

  it('lets a coordinator edit a project of their collective, and offers no edit on another collective’s', async () => {
    const page = await platform.page();
    await signIn(page, 'coordination.chambery@essaim.test');
    await page.goto('/projets?q=materio');
    await page.getByRole('link', { name: 'MatériO.TEC 73' }).click();
    await page.getByRole('link', { name: 'Modifier' }).click();
    const summary = page.getByLabel(/^Résumé/);
    await summary.fill('Plateforme de réemploi des matériaux du BTP en Savoie, ouverte aux artisans.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('ouverte aux artisans').waitFor();
    await page.getByRole('heading', { level: 1, name: 'MatériO.TEC 73' }).waitFor();

    await page.goto('/projets?q=voisiwatt');
    await page.getByRole('link', { name: 'VoisiWATT' }).click();
    await page.getByRole('heading', { level: 1, name: 'VoisiWATT' }).waitFor();
    expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Supprimer' }).count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('shows a wrong SIRET next to its field, then creates the organisation with a right one', async () => {
    const page = await platform.page();
    await signIn(page, 'equipe@essaim.test');
    await page.goto('/structures');
    await page.getByRole('link', { name: 'Nouvelle structure' }).click();
    await page.getByLabel(/^Nom \*/).fill('Recyclerie des Bauges');
    await page.getByLabel(/^SIRET/).fill('12345678901234');
    await page.getByLabel(/^Type \*/).selectOption('ess_structure');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const siret = page.getByLabel(/^SIRET/);
    await page.locator('#champ-siret[aria-invalid="true"]').waitFor();
    // The message is tied to the field (aria-describedby) and shown beside it.
    const describedBy = (await siret.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('desc-error'))}"]`).textContent();
    expect(message).toMatch(/SIRET/i);
    const good = freshSiret();
    await siret.fill(good);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recyclerie des Bauges' }).waitFor();
    await page.goto('/structures?q=bauges');
    await page.getByRole('link', { name: 'Recyclerie des Bauges' }).click();
    // The national team sees who wrote the record.
    await page.getByText('Historique des modifications').click();
    await page.getByRole('row', { name: /equipe@essaim\.test\s+Création/ }).waitFor();
    // Deleting asks first; cancelling keeps the record.
    await page.getByRole('button', { name: 'Supprimer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('« Recyclerie des Bauges » sera supprimé').waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await count('organisations?q=bauges')).toBe(1);
    await page.getByRole('button', { name: 'Supprimer' }).click();
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Structures' }).waitFor();
    expect(await count('organisations?q=bauges')).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('imports nothing from a CSV with one bad row and shows the report, then imports the fixed file', async () => {
    const page = await platform.page();
    await signIn(page, 'equipe@essaim.test');
    const before = await count('organisations?pageSize=1');
    const [a, b] = [freshSiret(), freshSiret()];
    const csv = (second: string) =>
      Buffer.from(
        `\uFEFFNom;SIRET;Type;ESS;Commune\r\nAtelier du Lac;${a};Structure de l'ESS;oui;73065\r\nCafé des Possibles;${second};Structure de l'ESS;oui;26362\r\n`,
      );
    await page.goto('/import');
    await page.getByLabel(/^Fichier/).setInputFiles({ name: 'structures.csv', mimeType: 'text/csv', buffer: csv('12345') });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText(/1 ligne en erreur sur 2/).waitFor();
    await page
      .getByText(/ligne 3 · SIRET/)
      .first()
      .waitFor();
    expect(await count('organisations?pageSize=1')).toBe(before);

    await page.getByLabel(/^Fichier/).setInputFiles({ name: 'structures.csv', mimeType: 'text/csv', buffer: csv(b) });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText('2 lignes prêtes à être importées').waitFor();
    await page.getByRole('cell', { name: 'SIRET' }).first().waitFor();
    await page.getByRole('button', { name: 'Importer 2 structures' }).click();
    await page.getByText('2 structures importées').waitFor();
    expect(await count('organisations?pageSize=1')).toBe(before + 2);
    expect(page.errors).toEqual([]);
  });

  it('lets a person create a personal API token, use it once shown, and revoke it', async () => {
    const page = await platform.page();
    await signIn(page, 'financeur@essaim.test');
    await page.goto('/compte');
    await page.getByLabel(/^Nom du jeton/).fill('script hebdomadaire');
    await page.getByRole('button', { name: 'Créer un jeton' }).click();
    const token = (await page.locator('code', { hasText: 'essaim_' }).textContent()) as string;
    const me = () => fetch(`${platform.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    await page.getByRole('button', { name: 'Révoquer le jeton script hebdomadaire' }).click();
    await page.getByText(/^révoqué le/).waitFor();
    expect((await me()).status).toBe(401);
    expect(page.errors).toEqual([]);
  });

  it('edits a Pionnier’s yearly beneficiaries, row by row', async () => {
    const page = await platform.page();
    await signIn(page, 'equipe@essaim.test');
    await page.goto('/pionniers');
    await page.locator('main ul.fr-raw-list a').first().click();
    await page.getByRole('link', { name: 'Modifier' }).click();
    const rows = page.getByRole('group', { name: 'Bénéficiaires par année' });
    await rows.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const n = await rows.getByRole('button', { name: /^Retirer/ }).count();
    await rows.getByLabel(`Année (ligne ${n}) *`).fill('2031');
    await rows.getByLabel(`Bénéficiaires (ligne ${n}) *`).fill('12 500');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('2031 : 12 500').waitFor();
    // The same year twice is refused, next to the rows.
    await page.getByRole('link', { name: 'Modifier' }).click();
    await rows.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await rows.getByLabel(`Année (ligne ${n + 1}) *`).fill('2031');
    await rows.getByLabel(`Bénéficiaires (ligne ${n + 1}) *`).fill('1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await rows.getByText('Une année de bénéficiaires est donnée deux fois').waitFor();
    expect(page.errors).toEqual([]);
  });

  it('lets the national team erase a person’s data on request, after a confirmation', async () => {
    const page = await platform.page();
    await signIn(page, 'equipe@essaim.test');
    const person = (await (await fetch(`${platform.url}/api/people?advisor=true&pageSize=1`)).json()).items[0];
    const name = `${person.firstName} ${person.lastName}`;
    await page.goto(`/personnes/${person.id}`);
    await page.getByRole('button', { name: `Effacer les données de ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Effacer définitivement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personne anonymisée', exact: true }).waitFor();
    expect(page.errors).toEqual([]);
  });

  it('works with the keyboard alone, focus visible', async () => {
    const page = await platform.page();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The first focusable element is the skip link to the content, which works.
    const first = await page.evaluate(() => (document.querySelector('a[href], button, input, select, textarea') as HTMLElement | null)?.textContent);
    expect(first).toBe('Contenu');
    await page.getByRole('link', { name: 'Contenu' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#contenu');
    // The map's hundred links can be jumped over.
    await page.getByRole('link', { name: 'Passer la carte' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('carte-options');
    await page.goto('/projets');
    await page.getByRole('searchbox').focus();
    await page.keyboard.type('voisiwatt');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 résultat' }).waitFor();
    const link = page.getByRole('link', { name: 'VoisiWATT' });
    await link.focus();
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle + getComputedStyle(el).outlineWidth);
    expect(outline).not.toMatch(/^none/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'VoisiWATT' }).waitFor();
  });

  it('serves the production bundle, even when the test run built it', async () => {
    // The global setup built it under NODE_ENV=test; `npm start` then serves this very folder.
    const html = await (await fetch(platform.url)).text();
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1] as string;
    const js = await (await fetch(`${platform.url}${entry}`)).text();
    expect(js).not.toMatch(/jsx-dev-runtime|react-dom\.development|Download the React DevTools/);
  });

  it('draws the home page with its figures and map, each area a link', async () => {
    const page = await platform.page();
    await page.goto('/');
    await page.getByRole('link', { name: '400' }).waitFor();
    const savoie = page.locator('svg a[href="/projets?territory=departement:73"]');
    await savoie.waitFor();
    expect(await savoie.getAttribute('aria-label')).toMatch(/^Savoie : \d+ projets?, \d+ collectifs?$/);
    expect(await page.locator('svg a[href="/projets?territory=departement:976"]').count()).toBe(1);
    await shoot(page, 'accueil');
    await savoie.click();
    await page.getByRole('heading', { level: 1, name: 'Projets' }).waitFor();
    expect(new URL(page.url()).searchParams.get('territory')).toBe('departement:73');
    expect(page.errors).toEqual([]);
  });
});
