/**
 * French text for similarity: folded, stop words removed, light stemming,
 * TF-IDF vectors (L2-normalised, 24 strongest terms kept).
 * `tokens("Les recycleries solidaires")` → `["recycler", "solidair"]`.
 */
const STOP = new Set(
  `a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y est sont ete etre avoir ont fait faire plus moins tres tout tous toute toutes sans sous entre vers chez afin ainsi comme dont donc alors aussi bien deux leurs cela celle celui ceux ici la-bas pres lors selon depuis apres avant pendant contre projet projets structure structures`.split(
    /\s+/,
  ),
);

const SUFFIXES = [
  'issements',
  'issement',
  'atrices',
  'atrice',
  'ateurs',
  'ateur',
  'ations',
  'ation',
  'ements',
  'ement',
  'ances',
  'ance',
  'ences',
  'ence',
  'ites',
  'ite',
  'ives',
  'ive',
  'ifs',
  'if',
  'euses',
  'euse',
  'eurs',
  'eur',
  'iques',
  'ique',
  'ables',
  'able',
  'istes',
  'iste',
  'ismes',
  'isme',
  'ments',
  'ment',
  'ies',
  'ie',
  'es',
  'e',
  's',
  'x',
];

export function fold(text: string) {
  return text
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function stem(word: string) {
  for (const suf of SUFFIXES) if (word.length - suf.length >= 4 && word.endsWith(suf)) return word.slice(0, -suf.length);
  return word;
}

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const w of fold(text).split(/[^a-z0-9]+/)) if (w.length >= 3 && !STOP.has(w)) out.push(stem(w));
  return out;
}

/**
 * The word of a text behind each of its terms, for explanations a person
 * reads (terms are stems): `surfaceWords("Les recycleries solidaires")` →
 * `Map { "recycler" → "recycleries", "solidair" → "solidaires" }` (first occurrence).
 */
export function surfaceWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const folded = fold(word);
    if (folded.length < 3 || STOP.has(folded) || !/^[a-z0-9]+$/.test(folded)) continue;
    const term = stem(folded);
    if (!out.has(term)) out.set(term, word);
  }
  return out;
}

export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** TF-IDF over all documents of both sides; term ids are shared. */
export function tfidf(docs: string[], keep = 24) {
  const vocab = new Map<string, number>();
  const docTerms = docs.map((d) => {
    const counts = new Map<number, number>();
    for (const t of tokens(d)) {
      let id = vocab.get(t);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(t, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
  const df = new Float64Array(vocab.size);
  for (const c of docTerms) for (const t of c.keys()) df[t] = (df[t] as number) + 1;
  const N = docs.length;
  const names = [...vocab.keys()];
  const vectors: SparseVector[] = docTerms.map((counts) => {
    const entries = [...counts].map(([t, n]) => [t, (1 + Math.log(n)) * Math.log(1 + N / (df[t] as number))] as [number, number]);
    entries.sort((x, y) => y[1] - x[1]);
    // The strongest terms, then in term order so that two vectors merge in one pass.
    const kept = entries.slice(0, keep).sort((x, y) => x[0] - y[0]);
    const norm = Math.sqrt(kept.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return { terms: Int32Array.from(kept.map(([t]) => t)), weights: Float64Array.from(kept.map(([, v]) => v / norm)) };
  });
  return { vectors, names };
}

/** Dot product of two normalised vectors whose terms are in increasing order. */
export function cosine(a: SparseVector, b: SparseVector) {
  let s = 0;
  let i = 0;
  let j = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i] as number;
    const y = bt[j] as number;
    if (x === y) s += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** The (at most) three terms two vectors share, strongest first. */
export function sharedTerms(a: SparseVector, b: SparseVector, names: string[]) {
  let t1 = -1;
  let t2 = -1;
  let t3 = -1;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const v = (a.weights[i++] as number) * (b.weights[j++] as number);
      if (v > v1) {
        [t3, v3, t2, v2, t1, v1] = [t2, v2, t1, v1, x, v];
      } else if (v > v2) {
        [t3, v3, t2, v2] = [t2, v2, x, v];
      } else if (v > v3) {
        t3 = x;
        v3 = v;
      }
    }
  }
  const out: string[] = [];
  for (const t of [t1, t2, t3]) if (t >= 0) out.push(names[t] as string);
  return out;
}
