import { EngineInputError } from '../errors';

/**
 * Who reviews which submission: every submission gets exactly `k` reviews
 * from `k` different judges, no judge reviews a team they have a conflict
 * with, and the judges' loads differ by at most one whenever that is possible
 * (otherwise the largest load is as small as possible). Pure: no clock, no
 * I/O; the `seed` only decides between equally good answers.
 *
 * The problem is a flow with bounds: source → team (exactly k), team → judge
 * (at most 1, absent on a conflict), judge → sink (between the floor and the
 * ceiling of the mean load). A feasible flow with lower bounds is found as a
 * maximum flow between a super source and a super sink (Dinic).
 */

export interface AssignmentInput {
  teams: readonly string[];
  judges: readonly string[];
  /** Pairs that must never meet (declared, or found from shared organisations). */
  conflicts: ReadonlyArray<{ judge: string; team: string }>;
  reviewsPerSubmission: number;
  seed?: number;
}

export interface Assignment {
  judge: string;
  team: string;
}

/** Why no assignment exists, with the team that cannot be served when there is one. */
export class AssignmentInfeasible extends Error {
  readonly code = 'assignment_infeasible';
  constructor(
    message: string,
    readonly teamId: string | null,
  ) {
    super(message);
    this.name = 'AssignmentInfeasible';
  }
}

class Flow {
  private readonly head: number[][];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  constructor(readonly n: number) {
    this.head = Array.from({ length: n }, () => []);
  }
  add(u: number, v: number, c: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(c, 0);
    this.head[u]?.push(e);
    this.head[v]?.push(e + 1);
    return e;
  }
  flowOn(e: number): number {
    return this.cap[e + 1] ?? 0;
  }
  max(s: number, t: number): number {
    let total = 0;
    const level = new Array<number>(this.n);
    const it = new Array<number>(this.n);
    const bfs = () => {
      level.fill(-1);
      level[s] = 0;
      const q = [s];
      for (let i = 0; i < q.length; i++) {
        const u = q[i] as number;
        for (const e of this.head[u] ?? []) {
          const v = this.to[e] as number;
          if ((this.cap[e] as number) > 0 && level[v] === -1) {
            level[v] = (level[u] as number) + 1;
            q.push(v);
          }
        }
      }
      return level[t] !== -1;
    };
    const dfs = (u: number, f: number): number => {
      if (u === t) return f;
      const edges = this.head[u] ?? [];
      for (; (it[u] as number) < edges.length; it[u] = (it[u] as number) + 1) {
        const e = edges[it[u] as number] as number;
        const v = this.to[e] as number;
        if ((this.cap[e] as number) > 0 && level[v] === (level[u] as number) + 1) {
          const d = dfs(v, Math.min(f, this.cap[e] as number));
          if (d > 0) {
            this.cap[e] = (this.cap[e] as number) - d;
            this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + d;
            return d;
          }
        }
      }
      return 0;
    };
    while (bfs()) {
      it.fill(0);
      for (let f = dfs(s, Number.POSITIVE_INFINITY); f > 0; f = dfs(s, Number.POSITIVE_INFINITY)) total += f;
    }
    return total;
  }
}

/** A small deterministic shuffle (mulberry32), so that the seed spreads ties. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** One try: each judge's load between `low` and `high`; null when no such assignment exists. */
function solve(teams: readonly string[], judges: readonly string[], banned: Set<string>, k: number, low: number, high: number): Assignment[] | null {
  const T = teams.length;
  const J = judges.length;
  // Nodes: 0 source, 1 sink, teams, judges, then the super source and super sink of the lower bounds.
  const S = 0;
  const K = 1;
  const team = (i: number) => 2 + i;
  const judge = (j: number) => 2 + T + j;
  const SS = 2 + T + J;
  const TT = SS + 1;
  const g = new Flow(TT + 1);
  const excess = new Array<number>(TT + 1).fill(0);
  // source → team: exactly k (lower bound k, capacity k).
  for (let i = 0; i < T; i++) {
    excess[team(i)] = (excess[team(i)] as number) + k;
    excess[S] = (excess[S] as number) - k;
  }
  const pairEdges: Array<{ e: number; i: number; j: number }> = [];
  for (let i = 0; i < T; i++)
    for (let j = 0; j < J; j++) if (!banned.has(`${judges[j]}\u0000${teams[i]}`)) pairEdges.push({ e: g.add(team(i), judge(j), 1), i, j });
  for (let j = 0; j < J; j++) {
    if (high > low) g.add(judge(j), K, high - low);
    excess[K] = (excess[K] as number) + low;
    excess[judge(j)] = (excess[judge(j)] as number) - low;
  }
  g.add(K, S, Number.MAX_SAFE_INTEGER);
  let need = 0;
  for (let v = 0; v < SS; v++) {
    const x = excess[v] as number;
    if (x > 0) {
      g.add(SS, v, x);
      need += x;
    } else if (x < 0) g.add(v, TT, -x);
  }
  if (g.max(SS, TT) !== need) return null;
  return pairEdges.filter((p) => g.flowOn(p.e) === 1).map((p) => ({ judge: judges[p.j] as string, team: teams[p.i] as string }));
}

/**
 * Assign `reviewsPerSubmission` judges to every team.
 *
 * @example
 * assignReviews({ teams: ['t1', 't2'], judges: ['a', 'b'], conflicts: [{ judge: 'a', team: 't1' }], reviewsPerSubmission: 1 })
 * // → [{ judge: 'b', team: 't1' }, { judge: 'a', team: 't2' }]
 */
export function assignReviews(input: AssignmentInput): Assignment[] {
  const k = input.reviewsPerSubmission;
  const issues: Array<{ path: string; message: string }> = [];
  if (!Number.isInteger(k) || k < 1) issues.push({ path: 'reviewsPerSubmission', message: 'un entier d’au moins 1' });
  if (new Set(input.teams).size !== input.teams.length) issues.push({ path: 'teams', message: 'une équipe en double' });
  if (new Set(input.judges).size !== input.judges.length) issues.push({ path: 'judges', message: 'un juré en double' });
  if (issues.length) throw new EngineInputError(issues);
  const teams = [...input.teams];
  if (teams.length === 0) return [];
  if (k > input.judges.length)
    throw new AssignmentInfeasible(`Il faut au moins ${k} jurés pour ${k} évaluations par projet : le jury en compte ${input.judges.length}.`, null);
  const judges = shuffled(input.judges, input.seed ?? 1);
  const banned = new Set(input.conflicts.map((c) => `${c.judge}\u0000${c.team}`));
  for (const t of teams) {
    const free = judges.filter((j) => !banned.has(`${j}\u0000${t}`)).length;
    if (free < k)
      throw new AssignmentInfeasible(
        `Une équipe n’a que ${free} juré(s) sans conflit d’intérêts pour ${k} évaluations demandées : ajoutez des jurés ou demandez moins d’évaluations.`,
        t,
      );
  }
  const total = teams.length * k;
  const low = Math.floor(total / judges.length);
  const high = Math.ceil(total / judges.length);
  const balanced = solve(teams, judges, banned, k, low, high);
  if (balanced) return order(balanced, teams);
  // Balance is out of reach (conflicts pile on a few judges): the smallest largest load.
  for (let cap = high; cap <= teams.length; cap++) {
    const found = solve(teams, judges, banned, k, 0, cap);
    if (found) return order(found, teams);
  }
  throw new AssignmentInfeasible('Aucune répartition ne respecte les conflits d’intérêts : ajoutez des jurés ou demandez moins d’évaluations.', null);
}

function order(pairs: Assignment[], teams: readonly string[]): Assignment[] {
  const rank = new Map(teams.map((t, i) => [t, i]));
  return pairs.sort((a, b) => (rank.get(a.team) as number) - (rank.get(b.team) as number) || (a.judge < b.judge ? -1 : a.judge > b.judge ? 1 : 0));
}
