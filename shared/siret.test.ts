import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret, luhnValid, normaliseSirenSiret, withLuhnKey } from './siret';

describe('SIREN/SIRET validation', () => {
  it('accepts real numbers and rejects a wrong key', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it("follows La Poste's exception (digit sum multiple of 5)", () => {
    expect(isValidSiret('35600000000048')).toBe(true); // head office, Luhn-valid
    expect(isValidSiret('35600000049837')).toBe(true); // an office: sum 45, not Luhn
    expect(luhnValid('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('completes any prefix into a valid number, and any single-digit change breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{12}$/), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (prefix, pos, delta) => {
        fc.pre(!prefix.startsWith('356000000'));
        const siret = withLuhnKey(prefix);
        expect(isValidSiret(siret)).toBe(true);
        const digit = (Number(siret[pos]) + delta) % 10;
        const changed = `${siret.slice(0, pos)}${digit}${siret.slice(pos + 1)}`;
        expect(isValidSiret(changed)).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof isValidSiret(normaliseSirenSiret(s))).toBe('boolean');
        expect(typeof isValidSiren(s)).toBe('boolean');
      }),
    );
  });

  it('ignores spaces and dots people type', () => {
    expect(normaliseSirenSiret('732 829 320 00074')).toBe('73282932000074');
    expect(normaliseSirenSiret('732.829.320')).toBe('732829320');
  });
});
