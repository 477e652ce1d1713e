import { typo } from '../../shared/text';

/** Women's first names, then men's: the demo draws from both, and job titles agree with the name. */
const womenFirstNames = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Emma',
  'Clara',
  'Anaïs',
  'Pauline',
  'Marion',
  'Lucie',
  'Élise',
  'Nadia',
  'Fatou',
  'Aïcha',
  'Sophie',
  'Claire',
  'Hélène',
  'Isabelle',
  'Nathalie',
  'Sandrine',
  'Amélie',
  'Mathilde',
  'Margaux',
];
const menFirstNames = [
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Hugo',
  'Lucas',
  'Mehdi',
  'Karim',
  'Youssef',
  'Pierre',
  'Jean',
  'François',
  'Olivier',
  'Stéphane',
  'Sébastien',
  'Guillaume',
  'Romain',
  'Benoît',
  'Mathieu',
  'Yann',
  'Grégoire',
  'Théo',
  'Samuel',
  'Moussa',
];
/** Words the demo generators combine into plausible French names. */
export const firstNames = [...womenFirstNames, ...menFirstNames];
export const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Benali',
  'Diallo',
  'Traoré',
  'Nguyen',
  'Haddad',
  'Le Gall',
  'Kerjean',
  'Ollivier',
  'Bouvier',
  'Chauvin',
  'Rey',
  'Barbier',
];
/** Women's first names: those drawn, and those of the demo's named people. */
export const femaleFirstNames: ReadonlySet<string> = new Set([...womenFirstNames, 'Merryl', 'Stéphanie']);
export type Gender = 'f' | 'm';
export const genderOf = (firstName: string): Gender => (femaleFirstNames.has(firstName) ? 'f' : 'm');

/** A job title in both genders: `[feminine, masculine]`. */
export type Title = readonly [string, string];
export const titleFor = (title: Title, firstName: string) => (genderOf(firstName) === 'f' ? title[0] : title[1]);

export const titles: Title[] = [
  ['Directrice générale', 'Directeur général'],
  ['Chargée de mission ESS', 'Chargé de mission ESS'],
  ['Chargée de développement', 'Chargé de développement'],
  ['Coordinatrice', 'Coordinateur'],
  ['Présidente', 'Président'],
  ['Responsable des partenariats', 'Responsable des partenariats'],
  ['Chargée de projets', 'Chargé de projets'],
  ['Responsable financement', 'Responsable financement'],
  ['Déléguée territoriale', 'Délégué territorial'],
];
export const coordinatorTitle: Title = ['Coordinatrice du collectif', 'Coordinateur du collectif'];
export const advisorTitle: Title = ['Chargée d’accompagnement finance à impact', 'Chargé d’accompagnement finance à impact'];
export const directorTitle: Title = ['Directrice générale', 'Directeur général'];
export const sponsorTitles: Title[] = [
  ['Sous-directrice', 'Sous-directeur'],
  ['Cheffe de service', 'Chef de service'],
  ['Directrice de projet', 'Directeur de projet'],
  ['Inspectrice générale', 'Inspecteur général'],
  ['Adjointe au directeur', 'Adjoint au directeur'],
];

/** The head noun of a structure's name, with its gender and number for the adjective. */
export interface NameWord {
  word: string;
  gender: Gender;
  plural?: boolean;
}
export const nameWords: NameWord[] = [
  { word: 'Les Jardins', gender: 'm', plural: true },
  { word: 'La Fabrique', gender: 'f' },
  { word: 'L’Atelier', gender: 'm' },
  { word: 'La Ressourcerie', gender: 'f' },
  { word: 'Le Chantier', gender: 'm' },
  { word: 'La Ruche', gender: 'f' },
  { word: 'Le Relais', gender: 'm' },
  { word: 'La Passerelle', gender: 'f' },
  { word: 'Les Ateliers', gender: 'm', plural: true },
  { word: 'La Recyclerie', gender: 'f' },
  { word: 'Le Tremplin', gender: 'm' },
  { word: 'L’Envol', gender: 'm' },
  { word: 'La Boussole', gender: 'f' },
  { word: 'Le Pont', gender: 'm' },
  { word: 'La Coop', gender: 'f' },
  { word: 'Les Compagnons', gender: 'm', plural: true },
  { word: 'La Main verte', gender: 'f' },
  { word: 'Le Fil', gender: 'm' },
];
/** What follows the noun: an adjective in its four forms (m, f, m pl., f pl.), or an invariable complement. */
export type NameSuffix = string | readonly [string, string, string, string];
export const nameSuffixes: NameSuffix[] = [
  ['solidaire', 'solidaire', 'solidaires', 'solidaires'],
  'du partage',
  'de la transition',
  ['citoyen', 'citoyenne', 'citoyens', 'citoyennes'],
  'des possibles',
  'du lien',
  'en commun',
  'de demain',
  ['inclusif', 'inclusive', 'inclusifs', 'inclusives'],
  ['partagé', 'partagée', 'partagés', 'partagées'],
];

/** « Les Jardins partagés », « La Fabrique citoyenne », « Le Relais du lien »: the suffix agrees with the noun. */
export function structureName(noun: NameWord, suffix: NameSuffix): string {
  if (typeof suffix === 'string') return `${noun.word} ${suffix}`;
  const form = suffix[(noun.gender === 'f' ? 1 : 0) + (noun.plural ? 2 : 0)] as string;
  return `${noun.word} ${form}`;
}

/** Project archetypes: title pattern, summary and themes; `{lieu}` is a commune name. */
const archetypes: ReadonlyArray<{ title: string; summary: string; themes: string[]; instruments: string[] }> = [
  {
    title: 'Recyclerie {lieu}',
    summary: 'Collecte, valorisation et revente à petit prix des objets du quotidien, avec des postes en insertion.',
    themes: ['economie-circulaire', 'revalorisation-dechets', 'emploi-insertion'],
    instruments: ['grant', 'loan'],
  },
  {
    title: 'Tiers-lieu {lieu}',
    summary: 'Un lieu partagé qui réunit espace de travail, atelier de fabrication, café associatif et services de proximité.',
    themes: ['tiers-lieux', 'relocalisation'],
    instruments: ['grant', 'quasi_equity'],
  },
  {
    title: 'Centrale villageoise {lieu}',
    summary: 'Production d’électricité photovoltaïque citoyenne sur les toitures publiques et privées du territoire.',
    themes: ['energies-renouvelables'],
    instruments: ['equity', 'loan'],
  },
  {
    title: 'Plateforme de réemploi BTP {lieu}',
    summary: 'Récupération, reconditionnement et revente des matériaux de déconstruction pour réduire les déchets du bâtiment.',
    themes: ['reemploi-materiaux', 'economie-circulaire', 'emploi-insertion'],
    instruments: ['loan', 'quasi_equity'],
  },
  {
    title: 'Épicerie solidaire {lieu}',
    summary: 'Une alimentation de qualité accessible à tous, en circuit court avec les producteurs du territoire.',
    themes: ['alimentation-durable', 'relocalisation'],
    instruments: ['grant'],
  },
  {
    title: 'Garage solidaire {lieu}',
    summary: "Réparation et location de véhicules à coût réduit pour les personnes en parcours d'insertion.",
    themes: ['mobilite', 'emploi-insertion'],
    instruments: ['loan', 'grant'],
  },
  {
    title: 'Habitat inclusif {lieu}',
    summary: 'Des logements partagés et accompagnés pour les personnes âgées ou en situation de handicap.',
    themes: ['logement', 'autonomie', 'bien-vieillir'],
    instruments: ['loan', 'equity'],
  },
  {
    title: 'École de production {lieu}',
    summary: 'Former des jeunes décrocheurs à un métier par la production réelle de commandes clients.',
    themes: ['decrochage-scolaire', 'emploi-insertion'],
    instruments: ['grant', 'quasi_equity'],
  },
  {
    title: 'Légumerie {lieu}',
    summary: 'Transformation de légumes locaux pour la restauration collective, avec des salariés en insertion.',
    themes: ['alimentation-durable', 'relocalisation', 'emploi-insertion'],
    instruments: ['loan', 'equity'],
  },
  {
    title: 'Conciergerie numérique {lieu}',
    summary: "Accompagnement aux démarches en ligne et prêt de matériel reconditionné pour lutter contre l'illectronisme.",
    themes: ['inclusion-numerique'],
    instruments: ['grant'],
  },
  {
    title: 'Atelier vélo {lieu}',
    summary: "Atelier participatif d'autoréparation, vélo-école et location de vélos à assistance électrique.",
    themes: ['mobilite', 'economie-circulaire'],
    instruments: ['grant', 'loan'],
  },
  {
    title: 'Maison du bien vieillir {lieu}',
    summary: 'Prévention de la perte d’autonomie, aide aux aidants et activités intergénérationnelles.',
    themes: ['bien-vieillir', 'autonomie', 'sante'],
    instruments: ['grant', 'quasi_equity'],
  },
  {
    title: 'Ressourcerie textile {lieu}',
    summary: 'Tri, réparation et surcyclage des textiles usagés en partenariat avec les acteurs de la collecte.',
    themes: ['revalorisation-dechets', 'economie-circulaire'],
    instruments: ['loan'],
  },
  {
    title: 'Foncière solidaire {lieu}',
    summary: "Acquisition et rénovation de locaux vacants mis à disposition d'activités à impact à loyer modéré.",
    themes: ['logement', 'relocalisation', 'tiers-lieux'],
    instruments: ['equity', 'quasi_equity'],
  },
  {
    title: 'Ferme urbaine {lieu}',
    summary: "Maraîchage biologique en ville, pédagogie auprès des écoles et emplois d'insertion.",
    themes: ['alimentation-durable', 'emploi-insertion'],
    instruments: ['grant', 'loan'],
  },
  {
    title: 'Manufacture de proximité {lieu}',
    summary: 'Relocaliser la fabrication textile et mobilier avec des savoir-faire artisanaux et des emplois non délocalisables.',
    themes: ['relocalisation', 'emploi-insertion'],
    instruments: ['equity', 'loan'],
  },
  {
    title: 'Cantine solidaire {lieu}',
    summary: 'Repas à prix libre cuisinés à partir d’invendus et de produits locaux, lieu de lien social.',
    themes: ['alimentation-durable', 'revalorisation-dechets'],
    instruments: ['grant'],
  },
  {
    title: 'Coopérative d’énergie citoyenne {lieu}',
    summary: 'Les habitants investissent ensemble dans des installations solaires et de chaleur renouvelable.',
    themes: ['energies-renouvelables'],
    instruments: ['equity'],
  },
];

/** The archetypes in French typography (curly apostrophes), for the demo and the national set alike. */
export const projectArchetypes = archetypes.map((a) => ({ ...a, title: typo(a.title), summary: typo(a.summary) }));
