import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatEur, formatEurCompact, plural } from './format';
import { fold, fr, searchTerms, typo } from './text';

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

const N = '\u202F';

describe('French typography (typo)', () => {
  it('puts a narrow no-break space before : ; ! ? and inside « »', () => {
    expect(typo('Erreur: le fichier est vide!')).toBe(`Erreur${N}: le fichier est vide${N}!`);
    expect(typo('Vraiment ? Oui ; non.')).toBe(`Vraiment${N}? Oui${N}; non.`);
    expect(typo('le défi «Inclusion numérique»')).toBe(`le défi «${N}Inclusion numérique${N}»`);
    expect(typo('« La crise ne doit pas obérer nos ambitions ! »')).toBe(`«${N}La crise ne doit pas obérer nos ambitions${N}!${N}»`);
    expect(typo('Quoi ?!')).toBe(`Quoi${N}?!`);
  });

  it('curls apostrophes and removes double spaces', () => {
    expect(typo("l'ESS d'aujourd'hui  et  l'« utilité publique »")).toBe(`l’ESS d’aujourd’hui et l’«${N}utilité publique${N}»`);
    expect(typo('  - indentation kept')).toBe('  - indentation kept');
  });

  it('keeps a number and its unit together', () => {
    expect(typo('un besoin de 300 k€, 12 % de plus')).toBe('un besoin de 300\u00A0k€, 12\u00A0% de plus');
  });

  it('never touches web addresses, e-mail addresses, times, code or identifiers', () => {
    for (const kept of [
      'https://essaim.example/projets?theme=logement&x=1',
      'http://localhost:3000/api',
      'mailto:contact@essaim.fr',
      'contact@french-impact.fr',
      '09:30',
      '9:30:15',
      'region:84',
      '`essaim match FILE`',
      'a;b!c?d',
      "/tmp/l'export: v1.csv".replace(': ', ':'),
      "./données/l'import.csv",
    ]) {
      expect(typo(kept)).toBe(kept);
      expect(typo(`Voir ${kept} : merci`)).toBe(`Voir ${kept}${N}: merci`);
    }
    expect(typo("L'adresse a.b@c.fr n'existe pas!")).toBe(`L’adresse a.b@c.fr n’existe pas${N}!`);
    expect(typo('Rendez-vous à 09:30 : ouverture')).toBe(`Rendez-vous à 09:30${N}: ouverture`);
    expect(typo('(poids 3 / borne 3), 1/2 et/ou')).toBe('(poids 3 / borne 3), 1/2 et/ou');
    expect(typo("Impossible de lire /tmp/l'export.csv : ENOENT")).toBe(`Impossible de lire /tmp/l'export.csv${N}: ENOENT`);
  });

  const alphabet = fc.constantFrom(..."ab é1 ;:!?«»'’ \u00A0\u202F\t\n@.-/€%k".split(''), 'https://x.fr/?a=1', 'a@b.fr', '09:30', '`x: y`');
  const texts = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(typo(typo(t))).toBe(typo(t));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (t) => {
        expect(typo(typo(t))).toBe(typo(t));
      }),
    );
  });

  it('changes only spaces and apostrophes: the letters, digits and signs stay in order', () => {
    const skeleton = (t: string) => t.replace(/[\s\u00A0\u202F]+/g, '').replace(/’/g, "'");
    fc.assert(
      fc.property(texts, (t) => {
        expect(skeleton(typo(t))).toBe(skeleton(t));
      }),
    );
  });

  it('keeps every address, e-mail and time found in any text', () => {
    const kept = fc.constantFrom('https://essaim.fr/a?b=c', 'marie.dupont@figeacteurs.fr', '14:05', 'www.french-impact.fr/x');
    fc.assert(
      fc.property(texts, kept, texts, (before, k, after) => {
        expect(typo(`${before} ${k} ${after}`)).toContain(k);
      }),
    );
  });

  it('the fr tag typesets the text and leaves the values as given', () => {
    const id = "p?1 l'x";
    expect(fr`participant inconnu « ${id} » : l'identifiant`).toBe(`participant inconnu «${N}${id}${N}»${N}: l’identifiant`);
    expect(fr`${3} paires`).toBe('3 paires');
    expect(fr`${'a'}${'b'}`).toBe('ab');
    fc.assert(
      fc.property(texts, texts, fc.string(), (a, b, v) => {
        expect(fr`${a}${v}${b}`).toBe(`${a}${v}${b}`);
      }),
    );
  });
});

describe('French numbers', () => {
  it('agree the noun with the count, 0 and 1 in the singular', () => {
    expect(plural(1, 'paire')).toBe('1 paire');
    expect(plural(0, 'rencontre')).toBe('0 rencontre');
    expect(plural(2, 'paire')).toBe('2 paires');
    expect(plural(1200, 'projet')).toBe(`1${N}200 projets`);
    expect(plural(3, 'travail', 'travaux')).toBe('3 travaux');
  });
  it('write amounts the French way', () => {
    expect(formatEur(600_000_000)).toBe('600\u202F000\u202F000\u00A0€');
    expect(formatEurCompact(600_000_000)).toBe('600\u00A0M\u00A0€');
    expect(formatDate('2020-12-28')).toBe('28 décembre 2020');
  });
});
