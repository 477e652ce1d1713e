/**
 * Fold French text for search: lower case, no accents, ligatures spelled out.
 * `fold("Économie Œuvrée")` → `"economie oeuvree"`.
 */
export function fold(text: string): string {
  return text
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/**
 * Words of a search box turned into safe prefix terms for `to_tsquery`:
 * `searchTerms("Réemploi d'matériaux")` → `["reemploi", "d", "materiaux"]`.
 * Only letters and digits survive, so the result cannot inject tsquery syntax.
 */
export function searchTerms(q: string): string[] {
  return fold(q)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/** U+202F, the narrow no-break space of French typography. */
export const NNBSP = '\u202F';
/** U+00A0, the no-break space between a number and its unit (as `Intl` writes « 1 200 € »). */
export const NBSP = '\u00A0';

// Spans the typography never touches: web addresses, e-mail addresses, times
// (09:30), code between backquotes, file paths (/tmp/l'export.csv). Any run of them is kept byte for byte.
const PROTECTED =
  /`[^`\n]*`|\b(?:https?|ftp|mailto):\/\/?[^\s«»<>"]*[^\s«»<>".,;:!?)\]]|\bwww\.[^\s«»<>"]*[^\s«»<>".,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}|\b\d{1,2}:\d{2}(?::\d{2})?\b|(?<![\p{L}\p{N}/])\.{0,2}\/[^\s«»<>"]*[^\s«»<>".,;:!?)\]]/gu;
// Private-use characters stand for each protected span (HOLE) and each value
// of the `fr` tag (VALUE) while the rules run: both count as word characters.
const HOLE = '\uE000';
const VALUE = '\uE001';
const WORDLIKE = `${HOLE}${VALUE}`;
const SPACE = `[ \\t${NBSP}${NNBSP}]`;

const RULES: Array<[RegExp, string]> = [
  // One space between words, never two (indentation at a line's start is kept).
  [/(?<=\S) {2,}(?=\S)/g, ' '],
  // Straight apostrophe inside or before a word → curly: « l’ESS », « aujourd’hui ».
  [new RegExp(`(?<=[\\p{L}${WORDLIKE}])'(?=[\\p{L}\\p{N}«${WORDLIKE}])`, 'gu'), '’'],
  // Inside « »: one narrow no-break space.
  [new RegExp(`«${SPACE}*`, 'g'), `«${NNBSP}`],
  [new RegExp(`${SPACE}*»`, 'g'), `${NNBSP}»`],
  // Before a run of ; : ! ? that ends a word (then a space, a line end or a
  // closing sign): one narrow no-break space. « a:b », « 09:30 » are left.
  [new RegExp(`(?<=[^\\s;:!?«])${SPACE}*([;:!?]+)(?=\\s|$|[»)\\]])`, 'gu'), `${NNBSP}$1`],
  // A number and its unit (€, k€, M€, Md€, %) stay on one line.
  [new RegExp(`(?<=\\d)${SPACE}((?:k|M|Md)?€|%)`, 'gu'), `${NBSP}$1`],
];

// What any rule could act on; a text without it is returned as it is.
const TRIGGER = /[;:!?«»'\t]|\S {2}|\d[ \u00A0\u202F][kM%€]/;
// What a protected span needs; most texts have none and skip the masking.
const MAY_PROTECT = /[@`/]|www\.|\d:\d/;

function typeset(text: string): string {
  const kept: string[] = [];
  let out = MAY_PROTECT.test(text)
    ? text.replace(PROTECTED, (m) => {
        kept.push(m);
        return HOLE;
      })
    : text;
  for (const [re, to] of RULES) out = out.replace(re, to);
  if (kept.length === 0) return out;
  let i = 0;
  return out.replace(/\uE000/g, () => kept[i++] as string);
}

/**
 * French typography, one convention for everything the server writes: a narrow
 * no-break space (U+202F) before « : ; ! ? » and inside « », curly apostrophes,
 * no double spaces, a no-break space between a number and €, k€, M€ or %.
 * Web and e-mail addresses, times (09:30) and `code` are left as they are, and
 * applying it twice changes nothing.
 * `typo("Erreur: l'adresse « a@b.fr » n'existe pas!")`
 * → `"Erreur\u202F: l’adresse «\u202Fa@b.fr\u202F» n’existe pas\u202F!"`.
 */
export function typo(text: string): string {
  // Most texts need nothing: say so without running the rules.
  if (!TRIGGER.test(text)) return text;
  // A text that already holds a private-use marker is left alone rather than garbled.
  if (text.includes(HOLE) || text.includes(VALUE)) return text;
  return typeset(text);
}

/**
 * A template tag applying `typo` to the written text and none to the values,
 * so a name or an identifier is quoted exactly as given:
 * fr`participant inconnu « ${id} »` → `participant inconnu «\u202Fp?1\u202F»` for `id = "p?1"`.
 */
export function fr(strings: TemplateStringsArray, ...values: unknown[]): string {
  // A call site always passes the same array: its typesetting is done once.
  let pieces = typesetTemplates.get(strings);
  if (!pieces) {
    pieces = typeset(strings.join(VALUE)).split(VALUE);
    typesetTemplates.set(strings, pieces);
  }
  // The rules never remove a marker, so there is one piece more than values.
  let out = pieces[0] as string;
  for (let i = 0; i < values.length; i++) out += String(values[i]) + (pieces[i + 1] ?? '');
  return out;
}
const typesetTemplates = new WeakMap<TemplateStringsArray, string[]>();
