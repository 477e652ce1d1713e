import { describe, expect, it } from 'vitest';
import { auditedPlatform, part } from './audited-pages';
import { hasBrowser } from './harness';

const { signedInPages, audit } = auditedPlatform();

describe.skipIf(!hasBrowser)('accessibility (axe) and Content-Security-Policy, signed in as the national team (second half)', () => {
  it('on every page and form (second half; the first in accessibility-signed-in.test.ts)', async () => {
    const { found, errors } = await audit(part(signedInPages(), 2, 2), 'equipe@essaim.test');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
