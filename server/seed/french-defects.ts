import { genderOf } from './names';

/**
 * Defects that make generated French read as generated: « de de », « de le »,
 * « à les », « collectif Collectif », « Energie » for « Énergie », straight
 * apostrophes, an adjective that does not agree with its noun (« Les Jardins
 * solidaire », « Le Chantier citoyenne »), a job title that does not agree
 * with the person (« Thomas, Coordinatrice »).
 * `frenchDefects('Centrale villageoise de de Lyon')` → `['mot répété « de de »']`.
 */
export function frenchDefects(text: string): string[] {
  const out: string[] = [];
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu)].map((m) => ({ word: m[0], at: m.index as number }));
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1] as { word: string; at: number };
    const b = words[i] as { word: string; at: number };
    // Only words separated by blanks (« de-de » or « 2, 2 » are not repetitions).
    if (!/^\s+$/.test(text.slice(a.at + a.word.length, b.at))) continue;
    if (a.word.toLowerCase() === b.word.toLowerCase() && !/^\d+$/.test(a.word)) out.push(`mot répété « ${a.word} ${b.word} »`);
    const pair = `${a.word} ${b.word}`.toLowerCase();
    if (/^(de|à) (le|les)$/.test(pair)) out.push(`contraction oubliée « ${a.word} ${b.word} »`);
    if (/^de d’/.test(`${a.word} ${b.word}`)) out.push(`« ${a.word} ${b.word} »`);
  }
  for (const m of text.matchAll(
    /(?<![\p{L}])(E(?:nergies?|conomies?|coles?|pargne|picerie|galité|tat|tablissements?|tudes?|quipes?|ducation|lectricité|cologie|valuation)|Ile)(?![\p{L}])/gu,
  ))
    out.push(`majuscule sans accent « ${m[0]} »`);
  if (text.includes("'")) out.push('apostrophe droite');
  out.push(...agreementDefects(text));
  return out;
}

type Agreement = { gender?: 'm' | 'f'; plural: boolean };
// The forms of the adjectives demo names use, and the nouns they follow.
const ADJECTIVES: Record<string, Agreement> = {};
for (const [m, f] of [
  ['solidaire', 'solidaire'],
  ['citoyen', 'citoyenne'],
  ['inclusif', 'inclusive'],
  ['partagé', 'partagée'],
  ['vert', 'verte'],
  ['durable', 'durable'],
  ['urbain', 'urbaine'],
  ['numérique', 'numérique'],
] as const) {
  ADJECTIVES[m] = { gender: m === f ? undefined : 'm', plural: false } as Agreement;
  ADJECTIVES[f] = { gender: m === f ? undefined : 'f', plural: false } as Agreement;
  ADJECTIVES[`${m}s`] = { gender: m === f ? undefined : 'm', plural: true } as Agreement;
  ADJECTIVES[`${f}s`] = { gender: m === f ? undefined : 'f', plural: true } as Agreement;
}
const NOUN_GENDER: Record<string, 'm' | 'f'> = {
  Atelier: 'm',
  Ateliers: 'm',
  Envol: 'm',
  Jardins: 'm',
  Jardin: 'm',
  Compagnons: 'm',
  Chantier: 'm',
  Relais: 'm',
  Tremplin: 'm',
  Pont: 'm',
  Fil: 'm',
  Fabrique: 'f',
  Ressourcerie: 'f',
  Ruche: 'f',
  Passerelle: 'f',
  Recyclerie: 'f',
  Boussole: 'f',
  Coop: 'f',
  Main: 'f',
  Ferme: 'f',
  Épicerie: 'f',
};

function agreementDefects(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])(Les|Le|La|L’)\s?(\p{Lu}[\p{L}-]*) (\p{Ll}+)(?![\p{L}])/gu)) {
    const [phrase, article, noun, adjective] = m as unknown as [string, string, string, string];
    const adj = ADJECTIVES[adjective];
    if (!adj) continue;
    const gender = NOUN_GENDER[noun] ?? (article === 'Le' ? 'm' : article === 'La' ? 'f' : undefined);
    const plural = article === 'Les';
    if (adj.plural !== plural || (adj.gender && gender && adj.gender !== gender)) out.push(`accord « ${phrase} »`);
  }
  return out;
}

const FEMININE_TITLE =
  /^(Directrice|Coordinatrice|Chargée|Présidente|Déléguée|Sous-directrice|Cheffe|Inspectrice|Adjointe|Conseillère|Responsable)(?![\p{L}])/u;
const MASCULINE_TITLE = /^(Directeur|Coordinateur|Chargé|Président|Délégué|Sous-directeur|Chef|Inspecteur|Adjoint|Conseiller|Responsable)(?![\p{L}])/u;

/** A job title that does not agree with the person's first name: `titleDefect('Thomas', 'Coordinatrice')` → a message. */
export function titleDefect(firstName: string, title: string): string | undefined {
  const f = FEMININE_TITLE.test(title);
  const m = MASCULINE_TITLE.test(title);
  if (f === m) return undefined; // epicene (« Responsable ») or unknown
  const gender = genderOf(firstName);
  if ((gender === 'f') !== f) return `fonction « ${title} » pour ${firstName}`;
  return undefined;
}
