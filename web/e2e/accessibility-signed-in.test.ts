import { describe, expect, it } from 'vitest';
import { auditedPlatform } from './audited-pages';
import { hasBrowser, seriousViolations } from './harness';

const { pages, signedInPages, settle, audit } = auditedPlatform();

describe.skipIf(!hasBrowser)('accessibility (axe), signed in: no serious or critical violation', () => {
  it('on every page and form, signed in as the national team, and with a form showing its errors', async () => {
    const { found, errors, page } = await audit([...pages(), ...signedInPages()], 'equipe@essaim.test');
    await settle(page, '/structures/nouveau');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('La fiche n’est pas enregistrée').waitFor();
    for (const v of await seriousViolations(page)) found.push(`formulaire en erreur → ${v}`);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
