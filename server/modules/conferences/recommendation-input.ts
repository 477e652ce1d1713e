import { type MatchInput, match } from '../../../engines/matching/match';
import type { Reason } from '../../../engines/matching/types';

/** What a registered project brings to the matching engine (from its directory record). */
export interface ProjectProfile {
  registrationId: string;
  themes: string[];
  communeCode: string | null;
  epciCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  stage: string | null;
  fundingNeedEur: number | null;
  instruments: string[];
  /** Title, summary and description. */
  text: string;
}

/** What a registered fund brings: its thesis (themes, territories, stages, instruments, ticket). */
export interface FundProfile {
  registrationId: string;
  themes: string[];
  territories: Array<{ kind: 'commune' | 'epci' | 'departement' | 'region'; code: string }>;
  stages: string[];
  ticketMinEur: number | null;
  ticketMaxEur: number | null;
  instruments: string[];
  text: string;
}

export interface Recommendation {
  registrationId: string;
  /** Points out of 1,000; the reasons' contributions add up to it. */
  score: number;
  reasons: Reason[];
}

const STAGES = new Set(['idea', 'launch', 'development', 'scale_up']);
const INSTRUMENTS = new Set(['grant', 'loan', 'equity', 'quasi_equity']);
const stagesOf = (list: string[]) => list.filter((s) => STAGES.has(s)) as Array<'idea' | 'launch' | 'development' | 'scale_up'>;
const instrumentsOf = (list: string[]) => list.filter((s) => INSTRUMENTS.has(s)) as Array<'grant' | 'loan' | 'equity' | 'quasi_equity'>;
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

/** The matching engine's input: projects on the left, funds on the right, the ranking as long as each other side. */
export function matchingInput(projects: ProjectProfile[], funds: FundProfile[]): MatchInput {
  const k = Math.max(1, Math.min(1000, Math.max(projects.length, funds.length)));
  return {
    left: projects.map((p) => ({
      id: p.registrationId,
      themes: p.themes,
      territory: defined({
        commune: p.communeCode ?? undefined,
        epci: p.epciCode ?? undefined,
        departement: p.departementCode ?? undefined,
        region: p.regionCode ?? undefined,
      }),
      ...(p.stage && STAGES.has(p.stage) ? { stage: p.stage as 'idea' } : {}),
      ...(p.fundingNeedEur !== null ? { amount: p.fundingNeedEur } : {}),
      instruments: instrumentsOf(p.instruments),
      text: p.text,
    })),
    right: funds.map((f) => ({
      id: f.registrationId,
      themes: f.themes,
      territories: f.territories.map((t) => `${t.kind}:${t.code}`),
      stages: stagesOf(f.stages),
      ...(f.ticketMinEur !== null ? { ticketMin: f.ticketMinEur } : {}),
      ...(f.ticketMaxEur !== null && (f.ticketMinEur === null || f.ticketMaxEur >= f.ticketMinEur) ? { ticketMax: f.ticketMaxEur } : {}),
      instruments: instrumentsOf(f.instruments),
      text: f.text,
    })),
    options: { k, assignment: false },
  };
}

/**
 * The registrations on the other side worth meeting, best first, each with
 * the engine's score and reasons. Pairs a hard rule excludes (ticket,
 * instrument, stage, territory) are not listed.
 *
 * @example recommend({ side: 'project', registrationId: 'r1' }, [project], funds) // → [{ registrationId: 'r7', score: 712, reasons: [...] }, …]
 */
export function recommend(who: { side: 'project' | 'investor'; registrationId: string }, projects: ProjectProfile[], funds: FundProfile[]): Recommendation[] {
  // Only this registration against the other side: its list, without explaining everyone else's.
  const mine = (list: Array<{ registrationId: string }>) => list.filter((x) => x.registrationId === who.registrationId);
  if (who.side === 'project' ? mine(projects).length === 0 || funds.length === 0 : mine(funds).length === 0 || projects.length === 0) return [];
  const out = match(who.side === 'project' ? matchingInput(mine(projects) as ProjectProfile[], funds) : matchingInput(projects, mine(funds) as FundProfile[]));
  if (who.side === 'project') {
    const me = out.left.find((l) => l.id === who.registrationId);
    return (me?.candidates ?? []).map((c) => ({ registrationId: c.right, score: c.score, reasons: c.reasons }));
  }
  const me = out.right.find((r) => r.id === who.registrationId);
  return (me?.candidates ?? []).map((c) => ({ registrationId: c.left, score: c.score, reasons: c.reasons }));
}

/**
 * Pairs (project registration, fund registration) that one side's top `k`
 * recommendations contain: a meeting between them weighs more when scheduling.
 */
export function highlyRecommendedPairs(projects: ProjectProfile[], funds: FundProfile[], k = 5): Set<string> {
  if (projects.length === 0 || funds.length === 0) return new Set();
  const input = matchingInput(projects, funds);
  const out = match({ ...input, options: { k, assignment: false } });
  const pairs = new Set<string>();
  for (const l of out.left) for (const c of l.candidates) pairs.add(`${l.id}|${c.right}`);
  for (const r of out.right) for (const c of r.candidates) pairs.add(`${c.left}|${r.id}`);
  return pairs;
}
