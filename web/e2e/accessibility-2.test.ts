import { describe, expect, it } from 'vitest';
import { auditedPlatform, part } from './audited-pages';
import { hasBrowser, watchCsp } from './harness';

const { demo, pages, audit } = auditedPlatform();

describe.skipIf(!hasBrowser)('accessibility (axe) and Content-Security-Policy, signed out (second half)', () => {
  it('on every page, signed out (second half; the first in accessibility.test.ts)', async () => {
    const { found, errors } = await audit(part(pages(), 2, 2));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  // Not a page of the application: its own scripts and styles, under the same policy.
  it('lets the API documentation render and open an operation without a CSP violation', async () => {
    const page = await watchCsp(await demo.platform.page());
    const response = await page.goto('/api/docs');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'API Essaim' }).waitFor();
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    await page.getByRole('button', { name: 'Try it out' }).first().click();
    await page.getByRole('button', { name: 'Execute' }).first().click();
    await page.locator('.responses-wrapper .live-responses-table').first().waitFor();
    expect(await page.cspViolations()).toEqual([]);
    expect(page.errors).toEqual([]);
  }, 60_000);
});
