import { assign } from '../matching/assignment';
import { stableMatching } from '../matching/stable';
import { fr } from '../../shared/text';
import { type SponsorshipCategory, sponsorshipCategoryLabels } from '../../shared/vocabulary';

/**
 * Pairing Hackers Publics with the structures' needs: a score out of 1,000 per
 * (need, sponsor) whose reasons add up exactly, then the proposal that
 * maximises the total score under every sponsor's remaining capacity (the
 * matching engine's exact assignment, engines/matching/assignment.ts), or a
 * stable matching (engines/matching/stable.ts). Pure: no clock, no I/O.
 */

export interface NeedItem {
  id: string;
  categories: readonly string[];
  /** Administrations the structure wished for (none: any). */
  administrationIds: readonly string[];
  /** The need's territory and every territory containing it (`departement:46`, `region:76`…). */
  territories: readonly string[];
  /** The French name of the need's territory, for the reasons. */
  territoryName?: string | null;
  /** Sponsors never to propose again for this need (they declined it, or let it expire). */
  excludedSponsorIds?: readonly string[];
}

export interface SponsorItem {
  id: string;
  administrationId: string | null;
  administrationName?: string | null;
  expertise: readonly string[];
  /** Where the sponsor acts (`region:84`…); none: everywhere. */
  territories: readonly string[];
  capacity: number;
  /** Proposals and sponsorships held now (drafts, proposed, active). */
  load: number;
  /** Sponsorships under way (the workload; proposals are not work yet). */
  active: number;
  /** Paused (pausedUntil in the future): takes nothing new. */
  paused?: boolean;
}

export type Criterion = 'expertise' | 'administration' | 'territory' | 'capacity' | 'workload';
export interface Reason {
  criterion: Criterion;
  contribution: number;
  detail: string;
}

/** The most each criterion brings; they add up to 1,000. */
export const WEIGHTS: Readonly<Record<Criterion, number>> = { expertise: 450, administration: 200, territory: 150, capacity: 100, workload: 100 };

const CATEGORY_BIT = new Map<string, number>(Object.keys(sponsorshipCategoryLabels).map((c, i) => [c, 1 << i]));
const maskOf = (codes: readonly string[]) => codes.reduce((m, c) => m | (CATEGORY_BIT.get(c) ?? 0), 0);
const popcount = (x: number) => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};

export const remainingOf = (s: Pick<SponsorItem, 'capacity' | 'load' | 'paused'>) => (s.paused ? 0 : Math.max(0, s.capacity - s.load));

/** Numbers behind a pair's score, computed without any text (the proposal scores every pair). */
interface Prepared {
  needs: Array<{ mask: number; count: number; admins: ReadonlySet<string>; territories: ReadonlySet<string>; excluded: ReadonlySet<string> | null }>;
  sponsorIds: readonly string[];
  sponsors: Array<{ mask: number; national: boolean; territories: readonly string[]; remaining: number; capacity: number; active: number }>;
}

function prepare(needs: readonly NeedItem[], sponsors: readonly SponsorItem[]): Prepared {
  return {
    needs: needs.map((n) => ({
      mask: maskOf(n.categories),
      count: popcount(maskOf(n.categories)),
      admins: new Set(n.administrationIds),
      territories: new Set(n.territories),
      excluded: n.excludedSponsorIds?.length ? new Set(n.excludedSponsorIds) : null,
    })),
    sponsorIds: sponsors.map((s) => s.id),
    sponsors: sponsors.map((s) => ({
      mask: maskOf(s.expertise),
      national: s.territories.length === 0,
      territories: s.territories,
      remaining: remainingOf(s),
      capacity: s.capacity,
      active: s.active,
    })),
  };
}

const expertisePoints = (matched: number, of: number) => Math.round((WEIGHTS.expertise * matched) / Math.max(1, of));
const capacityPoints = (remaining: number, capacity: number) => Math.round((WEIGHTS.capacity * remaining) / Math.max(1, capacity));
const workloadPoints = (active: number) => Math.max(0, WEIGHTS.workload - 40 * active);

/** Score of one pair in points, or -1 when the pair is excluded (no matching expertise, or no room left). */
function pairPoints(p: Prepared, l: number, r: number, administrationOf: (r: number) => string | null): number {
  const n = p.needs[l] as Prepared['needs'][number];
  const s = p.sponsors[r] as Prepared['sponsors'][number];
  const matched = popcount(n.mask & s.mask);
  if (matched === 0 || s.remaining <= 0 || n.excluded?.has(p.sponsorIds[r] as string)) return -1;
  const admin = administrationOf(r);
  const administration = n.admins.size === 0 ? WEIGHTS.administration / 2 : admin && n.admins.has(admin) ? WEIGHTS.administration : 0;
  let territory = s.national ? WEIGHTS.territory / 2 : 0;
  if (!s.national) for (const t of s.territories) if (n.territories.has(t)) territory = WEIGHTS.territory;
  return expertisePoints(matched, n.count) + administration + territory + capacityPoints(s.remaining, s.capacity) + workloadPoints(s.active);
}

/** Bits set in a category mask (10 categories: a table). */
const BITS = Uint8Array.from({ length: 1 << 10 }, (_, x) => popcount(x));

/** Every pair's points (−1: excluded), as pairPoints computes them, in one tight pass. */
function scoreMatrix(p: Prepared, administrationOf: (r: number) => string | null): Int16Array {
  const nL = p.needs.length;
  const nR = p.sponsors.length;
  const W = new Int16Array(nL * nR);
  const sMask = Int32Array.from(p.sponsors, (s) => s.mask);
  const sRemaining = Int32Array.from(p.sponsors, (s) => s.remaining);
  // What capacity and workload bring does not depend on the need.
  const sFixed = Int32Array.from(
    p.sponsors,
    (s) => capacityPoints(s.remaining, s.capacity) + workloadPoints(s.active) + (s.national ? WEIGHTS.territory / 2 : 0),
  );
  for (let l = 0; l < nL; l++) {
    const n = p.needs[l] as Prepared['needs'][number];
    const base = l * nR;
    const wished = n.admins.size > 0;
    for (let r = 0; r < nR; r++) {
      const matched = n.mask < 1024 ? (BITS[n.mask & (sMask[r] as number)] as number) : popcount(n.mask & (sMask[r] as number));
      if (matched === 0 || (sRemaining[r] as number) <= 0) {
        W[base + r] = -1;
        continue;
      }
      if (n.excluded?.has(p.sponsorIds[r] as string)) {
        W[base + r] = -1;
        continue;
      }
      let points = expertisePoints(matched, n.count) + (sFixed[r] as number);
      if (!wished) points += WEIGHTS.administration / 2;
      else {
        const admin = administrationOf(r);
        if (admin && n.admins.has(admin)) points += WEIGHTS.administration;
      }
      const s = p.sponsors[r] as Prepared['sponsors'][number];
      if (!s.national)
        for (const t of s.territories)
          if (n.territories.has(t)) {
            points += WEIGHTS.territory;
            break;
          }
      W[base + r] = points;
    }
  }
  return W;
}

/**
 * The `count` best of `n` items by `score` (highest first, ties by index),
 * those scored −∞ left out: a bounded insertion list, no sort of the whole.
 */
function best(count: number, n: number, score: (i: number) => number): number[] {
  const items: number[] = [];
  const values: number[] = [];
  if (count <= 0) return items;
  for (let i = 0; i < n; i++) {
    const v = score(i);
    if (v === Number.NEGATIVE_INFINITY) continue;
    if (items.length === count && v <= (values[count - 1] as number)) continue;
    if (items.length < count) {
      items.push(i);
      values.push(v);
    }
    let j = items.length - 1;
    while (j > 0 && (values[j - 1] as number) < v) {
      values[j] = values[j - 1] as number;
      items[j] = items[j - 1] as number;
      j--;
    }
    values[j] = v;
    items[j] = i;
  }
  return items;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * A pair's score with its reasons in French, the contributions adding up to
 * the score; null when the pair is excluded.
 *
 * @example
 * explainPair({ id: 'n', categories: ['utilite-publique'], administrationIds: [], territories: [] },
 *             { id: 's', administrationId: 'a', expertise: ['utilite-publique'], territories: [], capacity: 2, load: 0, active: 0 })
 * // → { score: 450 + 100 + 75 + 100 + 100 = 825, reasons: [{ criterion: 'expertise', contribution: 450, detail: 'expertise en reconnaissance d’utilité publique (1 catégorie sur 1)' }, …] }
 */
export function explainPair(need: NeedItem, sponsor: SponsorItem): { score: number; reasons: Reason[] } | null {
  const p = prepare([need], [sponsor]);
  const score = pairPoints(p, 0, 0, () => sponsor.administrationId);
  if (score < 0) return null;
  const n = p.needs[0] as Prepared['needs'][number];
  const s = p.sponsors[0] as Prepared['sponsors'][number];
  const shared = need.categories.filter((c) => sponsor.expertise.includes(c));
  const labels = shared.map((c) => sponsorshipCategoryLabels[c as SponsorshipCategory] ?? c);
  const adminName = sponsor.administrationName ?? 'son administration';
  const administration =
    n.admins.size === 0 ? WEIGHTS.administration / 2 : sponsor.administrationId && n.admins.has(sponsor.administrationId) ? WEIGHTS.administration : 0;
  const covering = sponsor.territories.find((t) => n.territories.has(t));
  const territory = s.national ? WEIGHTS.territory / 2 : covering ? WEIGHTS.territory : 0;
  const reasons: Reason[] = [
    {
      criterion: 'expertise',
      contribution: expertisePoints(shared.length, n.count),
      detail: fr`expertise en ${labels.join(', ')} (${plural(shared.length, 'catégorie', 'catégories')} sur ${n.count})`,
    },
    {
      criterion: 'administration',
      contribution: administration,
      detail:
        n.admins.size === 0
          ? fr`aucune administration demandée : ${adminName} convient`
          : administration
            ? fr`administration souhaitée par la structure (${adminName})`
            : fr`${adminName} ne fait pas partie des administrations souhaitées`,
    },
    {
      criterion: 'territory',
      contribution: territory,
      detail: s.national
        ? 'intervient sur tout le territoire'
        : covering
          ? fr`intervient sur le territoire du besoin${need.territoryName ? ` (${need.territoryName})` : ''}`
          : 'intervient sur d’autres territoires que celui du besoin',
    },
    {
      criterion: 'capacity',
      contribution: capacityPoints(s.remaining, s.capacity),
      detail: `${plural(s.remaining, 'place libre', 'places libres')} sur ${s.capacity}`,
    },
    {
      criterion: 'workload',
      contribution: workloadPoints(s.active),
      detail: s.active === 0 ? 'aucun parrainage en cours' : `${plural(s.active, 'parrainage', 'parrainages')} en cours`,
    },
  ];
  return { score, reasons };
}

/** The sponsors of a need, best first (ties by id), with reasons; excluded pairs left out. */
export function rankCandidates(need: NeedItem, sponsors: readonly SponsorItem[]) {
  const out: Array<{ sponsor: SponsorItem; score: number; reasons: Reason[] }> = [];
  for (const s of sponsors) {
    const e = explainPair(need, s);
    if (e) out.push({ sponsor: s, ...e });
  }
  return out.sort((a, b) => b.score - a.score || (a.sponsor.id < b.sponsor.id ? -1 : 1));
}

const PRICED_PER_NEED = 4;
const SLACK = 20;
const GUESS_SLACK = 20;
const WEIGHTS_TOTAL = 1000;
const SPONSOR_DEPTH = 2;

export interface Proposal {
  pairs: Array<{ need: number; sponsor: number; score: number }>;
  totalScore: number;
  /** Pricing rounds of the exact method (each adds the pairs that could still improve the total). */
  rounds: number;
}

/**
 * One sponsor per need at most, no sponsor above their remaining capacity.
 * `optimal`: the assignment of greatest total score, exact over every
 * admissible pair — solved on each need's best `k` pairs, then every left-out
 * pair is priced against the solution's dual potentials and those that could
 * improve the total are added, until none can (column generation).
 * `stable`: deferred acceptance, needs proposing in score order, sponsors
 * preferring higher scores: no need and sponsor would both rather be together.
 *
 * @example
 * propose([need1, need2], [sponsor], { method: 'optimal' }) // → { pairs: [{ need: 1, sponsor: 0, score: 825 }], totalScore: 825, rounds: 1 }
 */
export function propose(needs: readonly NeedItem[], sponsors: readonly SponsorItem[], opts: { method?: 'optimal' | 'stable'; k?: number } = {}): Proposal {
  const p = prepare(needs, sponsors);
  const nL = needs.length;
  const nR = sponsors.length;
  const admins = sponsors.map((s) => s.administrationId);
  const adminOf = (r: number) => admins[r] ?? null;
  const W = scoreMatrix(p, adminOf);
  const capR = p.sponsors.map((s) => s.remaining);
  const positive = (w: number) => (w > 0 ? w : Number.NEGATIVE_INFINITY);
  const topOf = (l: number, count: number) => {
    const list: number[] = [];
    for (let r = 0; r < nR; r++) if ((W[l * nR + r] as number) > 0) list.push(r);
    list.sort((a, b) => (W[l * nR + b] as number) - (W[l * nR + a] as number) || a - b);
    return list.slice(0, count);
  };
  if (opts.method === 'stable') {
    const prefs = needs.map((_, l) => topOf(l, nR));
    const rank = sponsors.map(() => new Map<number, number>());
    const byR: number[][] = sponsors.map(() => []);
    prefs.forEach((list, l) => {
      for (const r of list) byR[r]?.push(l);
    });
    byR.forEach((ls, r) => {
      ls.sort((a, b) => (W[b * nR + r] as number) - (W[a * nR + r] as number) || a - b);
      ls.forEach((l, i) => {
        rank[r]?.set(l, i);
      });
    });
    const pairs = stableMatching(
      prefs,
      needs.map(() => 1),
      rank,
      capR,
    ).map(([l, r]) => ({ need: l, sponsor: r, score: W[l * nR + r] as number }));
    return { pairs, totalScore: pairs.reduce((s, x) => s + x.score, 0), rounds: 1 };
  }

  const inSet = new Uint8Array(nL * nR);
  const edges: Array<{ l: number; r: number; w: number }> = [];
  const addEdge = (l: number, r: number) => {
    if (inSet[l * nR + r]) return;
    inSet[l * nR + r] = 1;
    edges.push({ l, r, w: W[l * nR + r] as number });
  };
  // The first edge set: a greedy assignment (best pairs first), each sponsor's best needs
  // (twice their room) and the greedy needs' best sponsors. The min-cost flow's work grows with
  // its nodes and edges: start small and near the optimum, then add only what pricing asks for.
  // Pairs by decreasing score, in index order within a score: a counting sort into one typed array
  // (an array per score allocated a million numbers, and the collector took as long as the flow).
  const start = new Int32Array(WEIGHTS_TOTAL + 2);
  for (let i = 0; i < W.length; i++) {
    const b = WEIGHTS_TOTAL - (W[i] as number) + 1;
    if ((W[i] as number) > 0) start[b] = (start[b] as number) + 1;
  }
  for (let w = 1; w <= WEIGHTS_TOTAL + 1; w++) start[w] = (start[w] as number) + (start[w - 1] as number);
  const order = new Int32Array(start[WEIGHTS_TOTAL + 1] as number);
  const fill = start.slice();
  for (let i = 0; i < W.length; i++) {
    const w = W[i] as number;
    if (w <= 0) continue;
    const at = fill[WEIGHTS_TOTAL - w] as number;
    order[at] = i;
    fill[WEIGHTS_TOTAL - w] = at + 1;
  }
  const taken = new Uint8Array(nL);
  const room = capR.slice();
  const u = new Float64Array(nL);
  const v = new Float64Array(nR);
  for (let w = WEIGHTS_TOTAL; w > 0; w--)
    for (let k = start[WEIGHTS_TOTAL - w] as number; k < (start[WEIGHTS_TOTAL - w + 1] as number); k++) {
      const i = order[k] as number;
      const l = Math.floor(i / nR);
      const r = i - l * nR;
      if (taken[l] || (room[r] as number) <= 0) continue;
      taken[l] = 1;
      u[l] = w;
      room[r] = (room[r] as number) - 1;
      // A full sponsor's price: the least score it took (greedy takes in decreasing order).
      if (room[r] === 0) v[r] = w;
      addEdge(l, r);
    }
  // The greedy prices guess the optimum's: the pairs worth more than what both sides already have come in now.
  for (let l = 0; l < nL; l++) {
    const base = l * nR;
    const floor = (u[l] as number) - GUESS_SLACK;
    for (const r of best(PRICED_PER_NEED, nR, (r) => {
      const w = W[base + r] as number;
      const gain = w - (v[r] as number);
      return w > 0 && gain >= floor ? gain : Number.NEGATIVE_INFINITY;
    }))
      addEdge(l, r);
    if (taken[l] || opts.k) for (const r of best(opts.k ?? 2, nR, (r) => positive(W[base + r] as number))) addEdge(l, r);
  }
  for (let r = 0; r < nR; r++) {
    const cap = capR[r] as number;
    if (cap > 0) for (const l of best(SPONSOR_DEPTH * cap, nL, (l) => positive(W[l * nR + r] as number))) addEdge(l, r);
  }
  let rounds = 0;
  for (;;) {
    rounds++;
    // Only the needs some edge reaches go to the flow: its work grows with its nodes.
    const present = new Int32Array(nL).fill(-1);
    const lefts: number[] = [];
    for (const e of edges)
      if ((present[e.l] as number) < 0) {
        present[e.l] = lefts.length;
        lefts.push(e.l);
      }
    const chosen = assign(
      lefts.length,
      nR,
      lefts.map(() => 1),
      capR,
      edges.map((e) => ({ l: present[e.l] as number, r: e.r, w: e.w })),
    );
    const d = potentials(nL, nR, capR, edges, chosen);
    // A left-out pair could improve the total when its reduced cost is negative. With each such
    // pair, its need's pairs that come close are added too: the next solution moves the
    // potentials, and every round solves again from scratch.
    let added = 0;
    for (let l = 0; l < nL; l++) {
      const base = l * nR;
      const dl = d[l] as number;
      // Reduced cost of a left-out pair (−∞ when kept or inadmissible), negated: the most negative first.
      const gain = (r: number) => {
        const w = W[base + r] as number;
        return w <= 0 || inSet[base + r] ? Number.NEGATIVE_INFINITY : (d[nL + r] as number) + w - dl;
      };
      let violated = false;
      for (let r = 0; r < nR && !violated; r++) if (gain(r) > 1e-9) violated = true;
      if (!violated) continue;
      for (const r of best(PRICED_PER_NEED, nR, (r) => (gain(r) > -SLACK ? gain(r) : Number.NEGATIVE_INFINITY))) {
        addEdge(l, r);
        added++;
      }
    }
    if (added === 0) {
      const pairs = chosen.map((i) => {
        const e = edges[i] as { l: number; r: number; w: number };
        return { need: e.l, sponsor: e.r, score: e.w };
      });
      return { pairs, totalScore: pairs.reduce((s, x) => s + x.score, 0), rounds };
    }
  }
}

/**
 * Shortest distances in the residual graph of the chosen assignment (as a
 * circulation: the sink returns to the source at no cost), from a virtual
 * source at distance 0 to every node (Bellman–Ford, queue-based). The
 * assignment is optimal, so the residual graph has no negative cycle and the
 * distances are feasible potentials: every residual arc has a non-negative
 * reduced cost.
 */
function potentials(nL: number, nR: number, capR: number[], edges: Array<{ l: number; r: number; w: number }>, chosen: number[]): Float64Array {
  const S = nL + nR;
  const T = S + 1;
  const N = T + 1;
  const head = new Int32Array(N).fill(-1);
  const to: number[] = [];
  const cost: number[] = [];
  const next: number[] = [];
  const arc = (u: number, v: number, c: number) => {
    to.push(v);
    cost.push(c);
    next.push(head[u] as number);
    head[u] = to.length - 1;
  };
  const picked = new Uint8Array(edges.length);
  for (const i of chosen) picked[i] = 1;
  const matched = new Uint8Array(nL);
  const load = new Int32Array(nR);
  edges.forEach((e, i) => {
    if (e.w <= 0) return;
    if (picked[i]) {
      arc(nL + e.r, e.l, e.w);
      matched[e.l] = 1;
      load[e.r] = (load[e.r] as number) + 1;
    } else arc(e.l, nL + e.r, -e.w);
  });
  let flow = 0;
  for (let l = 0; l < nL; l++) {
    if (matched[l]) {
      arc(l, S, 0);
      flow++;
    } else arc(S, l, 0);
  }
  for (let r = 0; r < nR; r++) {
    if ((load[r] as number) < (capR[r] as number)) arc(nL + r, T, 0);
    if ((load[r] as number) > 0) arc(T, nL + r, 0);
  }
  arc(T, S, 0);
  if (flow > 0) arc(S, T, 0);
  const d = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  d[S] = 0;
  const queued = new Uint8Array(N);
  queued[S] = 1;
  const queue: number[] = [S];
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi] as number;
    queued[u] = 0;
    for (let a = head[u] as number; a !== -1; a = next[a] as number) {
      const v = to[a] as number;
      const nd = (d[u] as number) + (cost[a] as number);
      if (nd < (d[v] as number) - 1e-9) {
        d[v] = nd;
        if (!queued[v]) {
          queued[v] = 1;
          queue.push(v);
        }
      }
    }
    // The processed prefix is dropped now and then so the queue stays small.
    if (qi > 100_000) {
      queue.splice(0, qi + 1);
      qi = -1;
    }
  }
  // A sponsor no edge reaches and who holds nothing only leads to the sink: the sink's potential fits it.
  for (let v = 0; v < N; v++) if (!Number.isFinite(d[v] as number)) d[v] = d[T] as number;
  return d;
}
