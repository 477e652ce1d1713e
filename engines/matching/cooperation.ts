/**
 * Matching for cooperation between collectives (issue 15): who could pass a
 * know-how on to a collective (themes, proven projects, distance), and which
 * proven projects a collective could replicate (fit with its territory's
 * needs). Pure: data in, ranked data out, with reasons in French.
 */
import { LEVEL_VALUE, LEVELS, NATIONAL_VALUE } from './criteria';

/** A territory, resolved to every level it belongs to (a collective's perimeter is a list of these). */
export interface Place {
  commune?: string | null;
  epci?: string | null;
  departement?: string | null;
  region?: string | null;
}

export interface ProvenProject {
  title: string;
  themes: readonly string[];
}

export interface GiverCandidate {
  id: string;
  name: string;
  /** Themes the collective works on (its projects', its members'). */
  themes: readonly string[];
  /** Its projects at development or scale-up stage. */
  proven: readonly ProvenProject[];
  places: readonly Place[];
  /** Know-how transfers it has already completed. */
  transfersDone: number;
}

export interface TransferNeed {
  receiverId: string;
  themes: readonly string[];
  places: readonly Place[];
}

export interface Weights {
  theme: number;
  proven: number;
  distance: number;
}
export const DEFAULT_TRANSFER_WEIGHTS: Weights = { theme: 0.5, proven: 0.3, distance: 0.2 };

export interface Ranked {
  id: string;
  name: string;
  /** 0–100. */
  score: number;
  reasons: Array<{ criterion: 'theme' | 'proven' | 'distance'; points: number; text: string }>;
}

const LEVEL_WORDS = { commune: 'la même commune', epci: 'la même intercommunalité', departement: 'le même département', region: 'la même région' } as const;

/**
 * How close two sets of places are: 1 for a shared commune, down to 0.4 for a
 * shared région, and 0.2 (the national value) for places with nothing in common.
 *
 * @example proximity([{ departement: '46', region: '76' }], [{ departement: '12', region: '76' }]) // → { value: 0.4, level: 'region' }
 */
export function proximity(a: readonly Place[], b: readonly Place[]): { value: number; level: (typeof LEVELS)[number] | null } {
  for (const level of LEVELS)
    for (const x of a) {
      const v = x[level];
      if (v && b.some((y) => y[level] === v)) return { value: LEVEL_VALUE[level], level };
    }
  return { value: NATIONAL_VALUE, level: null };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Rank the collectives that could pass a know-how on: shared themes (the
 * share of the need's themes they cover), proven projects on those themes
 * (three or more is full marks), and distance. The receiver never appears;
 * ties keep the name order.
 *
 * @example rankGivers({ receiverId: 'k1', themes: ['tiers-lieux'], places: [] }, [etic, ...]) // → [{ id: etic.id, score: 78, reasons: [...] }, ...]
 */
export function rankGivers(need: TransferNeed, candidates: readonly GiverCandidate[], w: Weights = DEFAULT_TRANSFER_WEIGHTS): Ranked[] {
  const wanted = new Set(need.themes);
  const total = w.theme + w.proven + w.distance || 1;
  const out: Ranked[] = [];
  for (const c of candidates) {
    if (c.id === need.receiverId) continue;
    const themes = new Set(c.themes);
    const shared = [...wanted].filter((t) => themes.has(t));
    const themeValue = wanted.size === 0 ? 0 : shared.length / wanted.size;
    const provenOn = c.proven.filter((p) => wanted.size === 0 || p.themes.some((t) => wanted.has(t)));
    const provenValue = Math.min(1, provenOn.length / 3);
    const near = proximity(need.places, c.places);
    const points = {
      theme: (100 * w.theme * themeValue) / total,
      proven: (100 * w.proven * provenValue) / total,
      distance: (100 * w.distance * near.value) / total,
    };
    const reasons: Ranked['reasons'] = [];
    if (shared.length) reasons.push({ criterion: 'theme', points: round1(points.theme), text: `Thématiques en commun : ${shared.join(', ')}` });
    if (provenOn.length)
      reasons.push({
        criterion: 'proven',
        points: round1(points.proven),
        text: `${provenOn.length} projet${provenOn.length > 1 ? 's' : ''} éprouvé${provenOn.length > 1 ? 's' : ''} : ${provenOn
          .slice(0, 3)
          .map((p) => p.title)
          .join(', ')}${c.transfersDone ? ` ; ${c.transfersDone} transfert${c.transfersDone > 1 ? 's' : ''} déjà mené${c.transfersDone > 1 ? 's' : ''}` : ''}`,
      });
    reasons.push({
      criterion: 'distance',
      points: round1(points.distance),
      text: near.level ? `Sur ${LEVEL_WORDS[near.level]}` : 'Dans une autre région (échange à distance)',
    });
    out.push({ id: c.id, name: c.name, score: round1(points.theme + points.proven + points.distance), reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface IdeaProject {
  id: string;
  title: string;
  themes: readonly string[];
}

/**
 * « Projets à essaimer »: rank proven projects by how much of a territory's
 * needs they answer. `needs` weighs each theme (how many of the territory's
 * early projects and members work on it); a project scores the share of the
 * total need weight its themes cover. Projects with no theme in common are
 * left out.
 *
 * @example rankIdeas(new Map([['sante', 3], ['logement', 1]]), [{ id: 'p', title: 'Maison de santé', themes: ['sante'] }]) // → [{ id: 'p', score: 75, ... }]
 */
export function rankIdeas(
  needs: ReadonlyMap<string, number>,
  projects: readonly IdeaProject[],
  labels: ReadonlyMap<string, string> = new Map(),
): Array<{ id: string; score: number; reasons: string[] }> {
  let totalNeed = 0;
  for (const v of needs.values()) totalNeed += Math.max(0, v);
  if (totalNeed === 0) return [];
  const out: Array<{ id: string; title: string; score: number; reasons: string[] }> = [];
  for (const p of projects) {
    const hit = [...new Set(p.themes)].filter((t) => (needs.get(t) ?? 0) > 0);
    if (!hit.length) continue;
    const weight = hit.reduce((s, t) => s + (needs.get(t) ?? 0), 0);
    out.push({
      id: p.id,
      title: p.title,
      score: round1((100 * weight) / totalNeed),
      reasons: hit.map((t) => `Répond à un besoin du territoire : ${labels.get(t) ?? t}`),
    });
  }
  return out
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, score, reasons }) => ({ id, score, reasons }));
}

/**
 * Whether making `source` the source of `replica` would close a cycle:
 * `sourceOf` gives each replica's current source.
 *
 * @example wouldCycle(new Map([['b', 'a']]), 'a', 'b') // → true (b already comes from a)
 */
export function wouldCycle(sourceOf: ReadonlyMap<string, string>, replica: string, source: string): boolean {
  if (replica === source) return true;
  const seen = new Set<string>();
  for (let at: string | undefined = source; at !== undefined; at = sourceOf.get(at)) {
    if (at === replica) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
