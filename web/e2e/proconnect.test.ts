import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, signIn, startPlatform } from './harness';

let platform: Awaited<ReturnType<typeof startPlatform>>;
beforeAll(async () => {
  if (hasBrowser) {
    platform = await startPlatform({
      oidcUsers: {
        'agent-ministere': { email: 'claude.agent@travail.gouv.fr', given_name: 'Claude', usual_name: 'Agent', siret: '11000601200010' },
        'equipe-nationale': { email: 'equipe@essaim.test', given_name: 'Équipe', usual_name: 'Nationale' },
      },
    });
  }
}, 240_000);
afterAll(async () => platform?.close());

// A journey runs beside other browser suites on a shared two-core machine: minutes, not the 30 s of a unit test.
describe.skipIf(!hasBrowser)('ProConnect in the browser', { timeout: 120_000 }, () => {
  it('signs an agent in through the provider and back to the page they came from, then out of both', async () => {
    const page = await platform.page();
    await page.goto('/projets?q=reemploi');
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se connecter à Essaim' }).waitFor();
    await page
      .getByRole('button', { name: /ProConnect/ })
      .or(page.getByRole('link', { name: /ProConnect/ }))
      .first()
      .click();
    // Back from the provider, signed in, on the page where it started.
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/projets?q=reemploi');
    // The header names the agent as ProConnect does (given_name usual_name).
    await page.getByRole('link', { name: 'Claude Agent' }).waitFor();
    // Logging out ends the provider's session too, then comes back here.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((u) => u.origin === platform.provider?.issuer, { timeout: 15_000 });
    expect(page.errors).toEqual([]);
  });

  it('refuses to join the national team’s account by e-mail, until its owner links the identity from « Mon compte » (issue 10.12)', async () => {
    platform.provider?.signInAs('equipe-nationale');
    const page = await platform.page();
    await page.goto('/connexion');
    await page
      .getByRole('button', { name: /ProConnect/ })
      .or(page.getByRole('link', { name: /ProConnect/ }))
      .first()
      .click();
    // Back on the sign-in page, told what to do.
    await page.getByText(/Connectez-vous d’abord avec votre mot de passe ou un lien reçu par e-mail, puis liez votre identité/).waitFor({ timeout: 15_000 });
    await signIn(page, 'equipe@essaim.test');
    await page.goto('/compte');
    await page.getByRole('button', { name: 'Lier mon identité ProConnect' }).click();
    await page.getByText('Votre identité ProConnect est liée à ce compte').waitFor({ timeout: 15_000 });
    // From now on ProConnect signs the national team in, with its roles.
    const again = await platform.page();
    await again.goto('/connexion');
    await again
      .getByRole('button', { name: /ProConnect/ })
      .or(again.getByRole('link', { name: /ProConnect/ }))
      .first()
      .click();
    await again.getByRole('button', { name: 'Se déconnecter' }).waitFor({ timeout: 15_000 });
    // The national team may import: the header offers it.
    await again.getByRole('link', { name: 'Importer' }).waitFor();
    expect(page.errors).toEqual([]);
  });

  it('lets the national team give the new agent a role, which opens the edit buttons', async () => {
    const admin = await platform.page();
    await signIn(admin, 'equipe@essaim.test');
    await admin.getByRole('link', { name: 'Comptes' }).click();
    await admin.getByRole('searchbox').fill('claude');
    await admin.getByRole('button', { name: 'Rechercher' }).click();
    await admin.getByRole('link', { name: 'claude.agent@travail.gouv.fr' }).click();
    await admin.getByText('SIRET 11000601200010').waitFor();
    await admin.locator('label[for="role-coordinator"]').click();
    expect(await admin.getByRole('checkbox', { name: 'Coordination de collectif' }).isChecked()).toBe(true);
    const picker = admin.getByRole('combobox', { name: /Collectifs concernés/ });
    await picker.fill('Chambé');
    await admin.getByRole('option', { name: /Grand Chambéry/ }).click();
    await admin.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Comptes' }).waitFor();
    await admin
      .getByRole('row', { name: /claude\.agent/ })
      .getByRole('cell', { name: 'Coordination de collectif (1)' })
      .waitFor();

    platform.provider?.signInAs('agent-ministere');
    const agent = await platform.page();
    await agent.goto('/connexion?retour=%2Fprojets%3Fq%3Dmaterio');
    await agent
      .getByRole('button', { name: /ProConnect/ })
      .or(agent.getByRole('link', { name: /ProConnect/ }))
      .first()
      .click();
    await agent.getByRole('link', { name: 'MatériO.TEC 73' }).click();
    await agent.getByRole('link', { name: 'Modifier' }).waitFor();
    expect(admin.errors).toEqual([]);
  });
});
