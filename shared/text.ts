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
