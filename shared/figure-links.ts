import type { Stats } from './schemas/reference';
import type { projectStages } from './vocabulary';

/**
 * The figures of `/api/stats` that count something listed publicly (the rest
 * is metadata). Meetings held and amounts invested count private records
 * (who met whom, a fund's investments): no public list is behind them.
 */
export const UNLISTED_FIGURES = ['meetingsHeld', 'investedEur', 'year'] as const;
export type FigureKey =
  | Exclude<keyof Stats, 'territoriesCovered' | 'projectsByStage' | 'generatedAt' | (typeof UNLISTED_FIGURES)[number]>
  | 'departements'
  | 'regions';

/**
 * Where each key figure leads: a page of the web application listing exactly
 * what the figure counts (or, for an amount, the records it sums). The home
 * page links its figures here, and a test follows every link and compares.
 */
export const figureLinks: Record<FigureKey, string> = {
  collectives: '/collectifs',
  projects: '/projets',
  pioneers: '/pionniers',
  champions: '/structures?champion=true',
  funds: '/fonds?frenchImpact=true',
  fundsMobilisableEur: '/fonds?frenchImpact=true',
  advisors: '/personnes?advisor=true',
  publicSponsors: '/personnes?publicSponsor=true',
  administrations: '/structures?sponsorAdministration=true',
  siae: '/structures?kind=siae',
  sectorProgrammes: '/filieres',
  organisations: '/structures',
  people: '/personnes',
  departements: '/territoires?niveau=departement',
  regions: '/territoires?niveau=region',
};

/** The projects at one stage (the « projets par étape » figures). */
export const stageLink = (stage: (typeof projectStages)[number]) => `/projets?stage=${stage}`;

/** The value of a figure in a stats answer. */
export function figureValue(s: Stats, key: FigureKey): number {
  if (key === 'departements' || key === 'regions') return s.territoriesCovered[key];
  return s[key];
}
