import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hasBrowser, seriousViolations, shoot, startPlatform } from './harness';

let platform: Awaited<ReturnType<typeof startPlatform>>;
beforeAll(async () => {
  if (hasBrowser) platform = await startPlatform();
}, 240_000);
afterAll(async () => platform?.close());

type Page = Awaited<ReturnType<typeof platform.page>>;

/** Sign in from the header's link, as a person arriving on the home page does. */
async function signInFromHeader(page: Page, email: string, from = '/') {
  await page.goto(from);
  await page.getByRole('link', { name: 'Se connecter' }).first().click();
  await page.getByLabel('Adresse e-mail').first().fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

const ROLES = [
  { email: 'coordination.chambery@essaim.test', sections: ['Votre collectif', 'Les projets de votre collectif'], link: 'MatériO.TEC 73' },
  { email: 'porteur.voisiwatt@essaim.test', sections: ['Vos projets', 'Votre structure'], link: 'VoisiWATT' },
  { email: 'financeur@essaim.test', sections: ['Vos fonds', 'Votre structure'], link: 'France Active Investissement' },
  { email: 'hacker.public@essaim.test', sections: ['Les structures que vous parrainez'], link: null },
  { email: 'operateur@essaim.test', sections: ['Votre structure'], link: 'Bpifrance' },
  { email: 'equipe@essaim.test', sections: ['Les dernières modifications du réseau'], link: null },
];

// A journey runs beside other browser suites on a shared two-core machine: minutes, not the 30 s of a unit test.
describe.skipIf(!hasBrowser)('« Mon espace », figures and phones in Chromium', { timeout: 120_000 }, () => {
  it('lands each role on « Mon espace » after sign-in, greeted by name, with its own blocks and no serious accessibility fault', async () => {
    const found: string[] = [];
    for (const role of ROLES) {
      const page = await platform.page();
      await signInFromHeader(page, role.email);
      await page.waitForURL('**/mon-espace');
      await page.getByRole('heading', { level: 1, name: 'Mon espace' }).waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
      // The header names the person, never their e-mail.
      const header = page.getByRole('banner');
      await header.getByRole('link', { name: me.name }).first().waitFor();
      expect(await header.textContent(), role.email).not.toContain(role.email);
      for (const title of role.sections) await page.getByRole('heading', { level: 3, name: new RegExp(`^${title}`) }).waitFor();
      if (role.link) await page.getByRole('main').getByRole('link', { name: role.link, exact: true }).first().waitFor();
      for (const v of await seriousViolations(page)) found.push(`${role.email} → ${v}`);
      await shoot(page, `mon-espace-${role.email.split('@')[0]}`);
      expect(page.errors).toEqual([]);
      await page.context().close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('returns to the page a person signed in from, not to « Mon espace »', async () => {
    const page = await platform.page();
    await signInFromHeader(page, 'operateur@essaim.test', '/fonds');
    await page.waitForURL('**/fonds');
    await page.getByRole('heading', { level: 1, name: 'Fonds' }).waitFor();
  });

  it('shows the national team what changed, by whom, linked to the record', async () => {
    const page = await platform.page();
    await signInFromHeader(page, 'equipe@essaim.test');
    await page.goto('/projets?q=voisiwatt');
    await page.getByRole('link', { name: 'VoisiWATT' }).click();
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByLabel(/^Bénéficiaires/).fill('321');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Fiche enregistrée').waitFor();
    // The history names the field in French and reads its values before → after.
    await page.getByText('Historique des modifications').click();
    await page.getByRole('row', { name: /Modification.*Bénéficiaires\s*: [\d\s]+ → 321/ }).waitFor();
    await page.goto('/mon-espace');
    const change = page
      .getByRole('region', { name: /Les dernières modifications/ })
      .getByRole('listitem')
      .first();
    await change.getByRole('link', { name: 'VoisiWATT' }).waitFor();
    expect(await change.textContent()).toMatch(/Modification \(projet\) par Claire Dubreuil/);
    expect(page.errors).toEqual([]);
  });

  it('opens, behind each key figure of the home page, a list of as many lines as the figure says', async () => {
    const page = await platform.page();
    await page.goto('/');
    const tiles = page.locator('.essaim-figures li');
    await tiles.first().waitFor();
    const figures = await tiles.evaluateAll((lis) =>
      lis.map((li) => ({
        value: li.querySelector('a')?.textContent ?? '',
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        label: li.querySelector('.fr-tile__desc')?.textContent ?? '',
      })),
    );
    expect(figures.length).toBeGreaterThanOrEqual(12);
    const digits = (s: string) => Number(s.replace(/\D/g, ''));
    const checked: string[] = [];
    for (const f of figures) {
      await page.goto('/');
      await page.getByRole('link', { name: f.value, exact: true }).first().click();
      await page.waitForURL((u) => `${u.pathname}${u.search}` === f.href);
      const status = page.getByRole('main').getByRole('status').filter({ hasText: /\d/ }).first();
      await status.waitFor();
      const count = digits((await status.textContent()) ?? '');
      // An amount opens the list it sums (tested to the euro by the API suite): here, its funds.
      if (f.value.includes('€')) expect(count, f.label).toBe(digits(figures.find((x) => x.href === f.href && !x.value.includes('€'))?.value ?? ''));
      else expect(count, `${f.value} ${f.label} → ${f.href}`).toBe(digits(f.value));
      checked.push(f.label);
    }
    expect(checked).toContain('entreprises championnes');
    // « 29 départements » is a table of 29 rows, not the 400 projects.
    await page.goto('/');
    const deps = figures.find((f) => f.label.startsWith('départements')) as (typeof figures)[number];
    await page.getByRole('link', { name: deps.value, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Départements couverts par des projets' }).waitFor();
    // The heading comes before the rows (they load after it): wait for the first one.
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.locator('main table tbody tr').count()).toBe(digits(deps.value));
    expect(await seriousViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('puts the results first on a phone, the filters behind a « Filtres » button', async () => {
    const page = await platform.page();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/projets');
    const toggle = page.getByRole('button', { name: 'Filtres', exact: true });
    await toggle.waitFor();
    expect(await page.getByRole('searchbox').isVisible()).toBe(false);
    // The first result is on the first screen.
    const first = page.locator('main .fr-card').first();
    await first.waitFor();
    expect(((await first.boundingBox())?.y ?? 9999) < 812).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('searchbox').fill('materio');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('status').filter({ hasText: '1 résultat' }).waitFor();
    await page.getByRole('button', { name: 'Filtres (1)' }).waitFor();
    expect(await page.getByRole('searchbox').isVisible()).toBe(false);
    // The key figures, two per row.
    await page.goto('/');
    const tiles = page.locator('.essaim-figures li');
    await tiles.nth(1).waitFor();
    const [a, b, c] = await Promise.all([0, 1, 2].map(async (i) => (await tiles.nth(i).boundingBox()) as { x: number; y: number }));
    expect(a?.y).toBe(b?.y);
    expect((c?.y ?? 0) > (a?.y ?? 0)).toBe(true);
    for (const v of await seriousViolations(page)) expect.fail(v);
    await shoot(page, 'accueil-telephone');
    expect(page.errors).toEqual([]);
  });

  it('prints a page without form controls, with the date and source of the figures at the foot', async () => {
    const page = await platform.page();
    await page.goto('/');
    await page.locator('.essaim-figures li').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('input:visible, select:visible, button:visible').count()).toBe(0);
    const foot = page.locator('.essaim-print-foot');
    expect(await foot.isVisible()).toBe(true);
    expect(await foot.textContent()).toMatch(/Imprimé depuis Essaim le \d+/);
    expect(await page.getByText(/^Source\s*: Essaim, chiffres calculés/).isVisible()).toBe(true);
  });

  it('opens the display settings from the footer and switches to the dark theme', async () => {
    const page = await platform.page();
    await page.goto('/');
    await page
      .getByRole('contentinfo')
      .getByRole('button', { name: /Paramètres d.affichage/ })
      .click();
    await page.getByRole('dialog').getByText('Thème sombre').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-fr-theme') === 'dark');
    expect(page.errors).toEqual([]);
  });
});
