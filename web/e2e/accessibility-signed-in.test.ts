import { describe, expect, it } from 'vitest';
import { auditedPlatform, part } from './audited-pages';
import { hasBrowser, seriousViolations } from './harness';

const { signedInPages, settle, audit } = auditedPlatform();

describe.skipIf(!hasBrowser)('accessibility (axe) and Content-Security-Policy, signed in as the national team', () => {
  it('on every page and form (first half; the second in accessibility-signed-in-2.test.ts), and with a form showing its errors', async () => {
    const { found, errors, page } = await audit(part(signedInPages(), 1, 2), 'equipe@essaim.test');
    await settle(page, '/structures/nouveau');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('La fiche n’est pas enregistrée').waitFor();
    for (const v of await seriousViolations(page)) found.push(`formulaire en erreur → ${v}`);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
