import type { IndicatorDefinition } from './schemas/indicators';

/** The programmes' section titles (annual review, indicators page), in their order. */
export const PROGRAMME_TITLES: Record<IndicatorDefinition['programme'], string> = {
  collectives: 'Collectifs territoriaux et projets à impact',
  pioneers: 'Pionniers et entreprises championnes',
  'impact-finance': 'Finance à impact',
  'hackers-publics': 'Modernisation de l’action publique\u202F: Hackers publics',
  mobilisation: 'Mobilisation\u202F: ESS relance, hackathons, défis',
  network: 'Le réseau',
};

const integer = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const ratio = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A value as a person reads it: euros, a ratio (« × 2,1 »), or a whole number; « — » when there is none. */
export function formatIndicatorValue(def: Pick<IndicatorDefinition, 'unit' | 'aggregation'>, v: number | null | undefined) {
  if (v === null || v === undefined) return '—';
  if (def.unit === '€') return euros.format(v);
  if (def.aggregation === 'ratio') return `× ${ratio.format(v)}`;
  return integer.format(v);
}

/** The year in a sentence, from its figures (the review's opening, on the web and in the PDF). */
export function yearSentence(
  year: number,
  defs: ReadonlyArray<Pick<IndicatorDefinition, 'code' | 'unit' | 'aggregation'>>,
  values: Record<string, number | null>,
) {
  const n = (code: string) => {
    const def = defs.find((d) => d.code === code);
    return def ? formatIndicatorValue(def, values[code]) : '—';
  };
  return `En ${year}, le réseau compte ${n('collectives')} collectifs territoriaux labellisés et ${n('projects')} projets à impact\u202F; ${n('funds')} fonds sous bannière French Impact mobilisent ${n('fundsMobilisableEur')}, ${n('meetingsHeld')} rencontres projet–financeur se sont tenues et ${n('publicSponsors')} hackers publics parrainent des structures de l’ESS\u202F; ${n('hackathons')} hackathons ont réuni ${n('hackathonParticipants')} personnes et propulsé ${n('innovations')} innovations sociales.`;
}
