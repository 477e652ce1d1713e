import type { IndicatorDefinition } from '../../../shared/schemas/indicators';
import { typo } from '../../../shared/text';

type Def = Omit<IndicatorDefinition, 'targets' | 'iris' | 'computationVersion' | 'code'> & {
  computationVersion?: number;
  targets?: Record<string, number>;
  iris?: IndicatorDefinition['iris'];
};

const geo = ['region', 'departement'] as const;

/**
 * Every indicator Essaim computes: the `/api/stats` keys, then the
 * programmes' own. The computation of each is a named query of
 * indicator-queries.ts (same code); a change to a computation raises its
 * `computationVersion`, so that a snapshot says which computation it froze.
 * A programme that lands adds its indicators here and its query there.
 */
const defs = {
  collectives: {
    label: 'Collectifs territoriaux labellisés',
    unit: 'collectifs',
    direction: 'up',
    definition:
      'Nombre de collectifs territoriaux labellisés French Impact à la fin de la période (date de labellisation, ou de création à défaut). Territoire : la commune la plus peuplée de leur périmètre.',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de labellisation',
    programme: 'collectives',
    disaggregations: [...geo],
  },
  projects: {
    label: 'Projets territoriaux à impact',
    unit: 'projets',
    direction: 'up',
    definition: 'Nombre de projets portés par les membres des collectifs, démarrés avant la fin de la période (date de démarrage, ou de création à défaut).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de démarrage',
    programme: 'collectives',
    disaggregations: [...geo, 'stage'],
  },
  sectorProgrammes: {
    label: 'Filières d’excellence',
    unit: 'filières',
    direction: 'up',
    definition: 'Nombre de filières d’excellence lancées avant la fin de la période (date de lancement).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de lancement',
    programme: 'collectives',
    disaggregations: [],
  },
  pioneers: {
    label: 'Pionniers French Impact',
    unit: 'Pionniers',
    direction: 'up',
    definition: 'Nombre de structures lauréates Pionniers French Impact, labellisées au plus tard l’année de la période (année de labellisation).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'année de labellisation (1er janvier)',
    programme: 'pioneers',
    disaggregations: [...geo],
  },
  champions: {
    label: 'Entreprises championnes accompagnées',
    unit: 'entreprises',
    direction: 'up',
    definition:
      'Nombre d’entreprises distinctes accompagnées par au moins un Pionnier, depuis une année au plus égale à celle de la période (la première année d’accompagnement compte).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'première année d’accompagnement (1er janvier)',
    programme: 'pioneers',
    disaggregations: [...geo],
    iris: { code: 'PI9652', label: 'Client Organizations: Total' },
  },
  pioneerBeneficiaries: {
    label: 'Bénéficiaires des Pionniers',
    unit: 'personnes',
    direction: 'up',
    definition: 'Somme des bénéficiaires déclarés par les Pionniers pour l’année de la période.',
    aggregation: 'sum',
    temporality: 'flow',
    dateUsed: 'année déclarée',
    programme: 'pioneers',
    disaggregations: [...geo],
    iris: { code: 'PI4060', label: 'Client Individuals: Total' },
  },
  pioneerBeneficiariesGrowth: {
    label: 'Croissance des bénéficiaires des Pionniers',
    unit: 'ratio',
    direction: 'up',
    definition:
      'Bénéficiaires de l’année divisés par ceux de l’année précédente, sur les Pionniers qui ont déclaré les deux années (2 : les bénéficiaires ont doublé).',
    aggregation: 'ratio',
    temporality: 'flow',
    dateUsed: 'année déclarée',
    programme: 'pioneers',
    disaggregations: [...geo],
  },
  funds: {
    label: 'Fonds sous bannière French Impact',
    unit: 'fonds',
    direction: 'up',
    definition: 'Nombre de fonds labellisés French Impact à la fin de la période (date de labellisation, ou de création à défaut).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de labellisation',
    programme: 'impact-finance',
    disaggregations: [...geo],
  },
  fundsMobilisableEur: {
    label: 'Montants mobilisables des fonds',
    unit: '€',
    direction: 'up',
    definition: 'Somme des montants mobilisables des fonds sous bannière French Impact labellisés à la fin de la période.',
    aggregation: 'sum',
    temporality: 'stock',
    dateUsed: 'date de labellisation',
    programme: 'impact-finance',
    disaggregations: [...geo],
  },
  advisors: {
    label: 'Accompagnateurs formés à la finance à impact',
    unit: 'accompagnateurs',
    direction: 'up',
    definition:
      'Nombre de professionnels de l’accompagnement formés à la finance à impact à la fin de la période (date de formation, ou de création de la fiche à défaut).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de formation',
    programme: 'impact-finance',
    disaggregations: [...geo],
  },
  meetingsHeld: {
    label: 'Rencontres projet–financeur tenues',
    unit: 'rencontres',
    direction: 'up',
    definition: 'Nombre de rendez-vous bilatéraux tenus lors des conférences Finance à impact, datés par leur créneau (heure de Paris).',
    aggregation: 'count',
    temporality: 'flow',
    dateUsed: 'date du créneau',
    programme: 'impact-finance',
    disaggregations: [...geo],
  },
  investedEur: {
    label: 'Montants investis',
    unit: '€',
    direction: 'up',
    definition: 'Somme des investissements réalisés dans les projets (pistes d’investissement au stade « investi »), datés par la date d’investissement.',
    aggregation: 'sum',
    temporality: 'flow',
    dateUsed: 'date d’investissement',
    programme: 'impact-finance',
    disaggregations: [...geo],
  },
  publicSponsors: {
    label: 'Hackers publics',
    unit: 'hackers publics',
    direction: 'up',
    definition:
      'Nombre d’agents publics engagés comme parrains de structures de l’ESS à la fin de la période (date d’engagement, ou de création de la fiche à défaut).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date d’engagement',
    programme: 'hackers-publics',
    disaggregations: [...geo, 'administration'],
  },
  administrations: {
    label: 'Administrations engagées',
    unit: 'administrations',
    direction: 'up',
    definition: 'Nombre d’administrations dont au moins un agent est hacker public à la fin de la période (date du premier engagement).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date du premier engagement',
    programme: 'hackers-publics',
    disaggregations: [...geo],
  },
  sponsorshipsActive: {
    label: 'Parrainages en cours',
    unit: 'parrainages',
    direction: 'up',
    definition: 'Nombre de parrainages commencés avant la fin de la période et ni clos ni abandonnés à cette date.',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de début',
    programme: 'hackers-publics',
    disaggregations: [...geo],
  },
  siae: {
    label: 'SIAE engagées dans le défi Inclusion numérique',
    unit: 'SIAE',
    direction: 'up',
    definition: 'Nombre de structures d’insertion par l’activité économique du réseau à la fin de la période (date d’entrée, ou de création à défaut).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date d’entrée dans le réseau',
    programme: 'mobilisation',
    disaggregations: [...geo, 'siaeKind'],
  },
  challengeStructures: {
    label: 'Structures engagées dans les défis',
    unit: 'structures',
    direction: 'up',
    definition:
      'Nombre de structures distinctes inscrites à au moins un défi (Inclusion numérique…) à la fin de la période (date de leur première inscription).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date de première inscription à un défi',
    programme: 'mobilisation',
    disaggregations: [...geo, 'siaeKind'],
  },
  hackathons: {
    label: 'Hackathons',
    unit: 'hackathons',
    direction: 'up',
    definition: 'Nombre de hackathons commencés pendant la période.',
    aggregation: 'count',
    temporality: 'flow',
    dateUsed: 'date de début',
    programme: 'mobilisation',
    disaggregations: [...geo],
  },
  hackathonParticipants: {
    label: 'Participants aux hackathons',
    unit: 'participants',
    direction: 'up',
    definition: 'Nombre d’inscriptions présentes (non annulées, non absentes) aux hackathons commencés pendant la période.',
    aggregation: 'count',
    temporality: 'flow',
    dateUsed: 'date du hackathon',
    programme: 'mobilisation',
    disaggregations: [...geo],
  },
  relanceMeetings: {
    label: 'Rencontres #ESSrelance',
    unit: 'rencontres',
    direction: 'up',
    definition: 'Nombre de rencontres du programme ESS relance commencées pendant la période.',
    aggregation: 'count',
    temporality: 'flow',
    dateUsed: 'date de début',
    programme: 'mobilisation',
    disaggregations: [...geo],
  },
  organisations: {
    label: 'Structures du réseau',
    unit: 'structures',
    direction: 'up',
    definition: 'Nombre de structures du répertoire à la fin de la période (date d’entrée dans le réseau, ou de création de la fiche à défaut).',
    aggregation: 'count',
    temporality: 'stock',
    dateUsed: 'date d’entrée dans le réseau',
    programme: 'network',
    disaggregations: [...geo],
  },
} satisfies Record<string, Def>;

export type IndicatorCode = keyof typeof defs;

export const indicatorRegistry: ReadonlyArray<IndicatorDefinition & { code: IndicatorCode }> = Object.entries(defs).map(([code, d]: [string, Def]) => ({
  code: code as IndicatorCode,
  ...d,
  label: typo(d.label),
  definition: typo(d.definition),
  dateUsed: typo(d.dateUsed),
  computationVersion: d.computationVersion ?? 1,
  targets: d.targets ?? {},
  iris: d.iris ?? null,
}));

export const indicatorByCode = new Map(indicatorRegistry.map((d) => [d.code as string, d]));
