import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, searchTerms } from './text';

describe('French folding', () => {
  it('removes accents, case and ligatures', () => {
    expect(fold('Économie Œuvrée à Évry')).toBe('economie oeuvree a evry');
    expect(fold('Cœur d’Hérault')).toBe("coeur d'herault");
  });
  it('gives only safe tsquery terms for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (q) => {
        for (const t of searchTerms(q)) expect(t).toMatch(/^[a-z0-9]+$/);
      }),
    );
  });
});
