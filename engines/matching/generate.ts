import { seededRandom } from '../scheduling/schedule';
import type { MatchInput } from './types';

const THEMES = [
  'economie-circulaire',
  'logement',
  'mobilite',
  'emploi-insertion',
  'energies-renouvelables',
  'alimentation-durable',
  'inclusion-numerique',
  'bien-vieillir',
];
const WORDS = [
  'recyclage',
  'réemploi',
  'matériaux',
  'insertion',
  'énergie',
  'solaire',
  'logement',
  'habitat',
  'mobilité',
  'vélo',
  'alimentation',
  'circuit',
  'court',
  'numérique',
  'formation',
  'emploi',
  'territoire',
  'coopérative',
  'tiers-lieu',
  'déchets',
];
const STAGES = ['idea', 'launch', 'development', 'scale_up'] as const;
const INSTR = ['grant', 'loan', 'equity', 'quasi_equity'] as const;

/** Random projects and funds (tests, benchmarks), deterministic for a seed. */
export function randomMatchInstance(nLeft: number, nRight: number, seed: number): MatchInput {
  const r = seededRandom(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)] as T;
  const some = <T>(a: readonly T[], p: number) => a.filter(() => r() < p);
  const region = () => pick(['84', '76', '11', '32', '53']);
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return {
    left: Array.from({ length: nLeft }, (_, i) => {
      const reg = region();
      const dep = `${reg}${Math.floor(r() * 3)}`;
      return {
        id: `p${i}`,
        themes: some(THEMES, 0.25),
        territory: { region: reg, departement: dep, epci: `${dep}000${Math.floor(r() * 3)}`, commune: `${dep}${Math.floor(r() * 5)}` },
        stage: pick(STAGES),
        amount: Math.round(10 ** (4 + r() * 2.5)),
        instruments: some(INSTR, 0.5),
        text: text(8),
        capacity: 1 + Math.floor(r() * 3),
      };
    }),
    right: Array.from({ length: nRight }, (_, i) => {
      const min = Math.round(10 ** (3.5 + r() * 2));
      return {
        id: `f${i}`,
        themes: some(THEMES, 0.3),
        territories: r() < 0.5 ? [] : [`region:${region()}`],
        stages: some(STAGES, 0.6),
        ticketMin: min,
        ticketMax: min * Math.round(2 + r() * 50),
        instruments: some(INSTR, 0.6),
        text: text(10),
        capacity: 1 + Math.floor(r() * 5),
      };
    }),
  };
}
