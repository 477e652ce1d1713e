/**
 * Controlled vocabularies shared by the database checks, the API schemas, the
 * command line and the web client. The database migration repeats these lists
 * in CHECK constraints; a test keeps them in step.
 */
export const organisationKinds = [
  'ess_structure',
  'siae',
  'large_company',
  'fund_manager',
  'administration',
  'public_operator',
  'local_authority',
  'support_organisation',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  ess_structure: "Structure de l'ESS",
  siae: "Structure d'insertion par l'activité économique (SIAE)",
  large_company: 'Grande entreprise',
  fund_manager: 'Société de gestion / financeur',
  administration: 'Administration',
  public_operator: 'Opérateur public',
  local_authority: 'Collectivité territoriale',
  support_organisation: "Structure d'accompagnement",
};

export const siaeKinds = ['ACI', 'AI', 'EI', 'ETTI', 'EITI'] as const;
export type SiaeKind = (typeof siaeKinds)[number];

export const projectStages = ['idea', 'launch', 'development', 'scale_up'] as const;
export type ProjectStage = (typeof projectStages)[number];
export const projectStageLabels: Record<ProjectStage, string> = {
  idea: 'Idée',
  launch: 'Lancement',
  development: 'Développement',
  scale_up: "Changement d'échelle",
};

export const instruments = ['grant', 'loan', 'equity', 'quasi_equity'] as const;
export type Instrument = (typeof instruments)[number];
export const instrumentLabels: Record<Instrument, string> = {
  grant: 'Subvention',
  loan: 'Prêt',
  equity: 'Fonds propres',
  quasi_equity: 'Quasi-fonds propres',
};

export const projectStatuses = ['active', 'paused', 'completed', 'abandoned'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Record<ProjectStatus, string> = {
  active: 'En cours',
  paused: 'En pause',
  completed: 'Terminé',
  abandoned: 'Abandonné',
};

/** Bilateral conferences (Impact Finance): a meeting's life, from accepted request to held or missed. */
export const meetingStatuses = ['to_schedule', 'scheduled', 'unscheduled', 'cancelled', 'held', 'no_show'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  to_schedule: 'À planifier',
  scheduled: 'Planifié',
  unscheduled: 'Non placé',
  cancelled: 'Annulé',
  held: 'Tenu',
  no_show: 'Absence',
};
export const meetingRequestStatuses = ['pending', 'accepted', 'declined', 'expired'] as const;
export type MeetingRequestStatus = (typeof meetingRequestStatuses)[number];
export const meetingRequestStatusLabels: Record<MeetingRequestStatus, string> = {
  pending: 'En attente de réponse',
  accepted: 'Acceptée',
  declined: 'Déclinée',
  expired: 'Expirée',
};
/** An advisor's accompaniment of a project. */
export const advisorProjectStatuses = ['active', 'ended'] as const;
export type AdvisorProjectStatus = (typeof advisorProjectStatuses)[number];
export const advisorProjectStatusLabels: Record<AdvisorProjectStatus, string> = { active: 'En cours', ended: 'Terminé' };
/** Where a lead born at a meeting stands, up to the investment. */
export const investmentLeadStages = ['contact', 'due_diligence', 'term_sheet', 'invested', 'declined'] as const;
export type InvestmentLeadStage = (typeof investmentLeadStages)[number];
export const investmentLeadStageLabels: Record<InvestmentLeadStage, string> = {
  contact: 'Premier contact',
  due_diligence: 'Analyse (due diligence)',
  term_sheet: 'Lettre d’intention',
  invested: 'Investi',
  declined: 'Décliné',
};

export const territoryKinds = ['commune', 'epci', 'departement', 'region'] as const;
export type TerritoryKind = (typeof territoryKinds)[number];

export const sectorMemberRoles = ['large_group', 'social_innovator', 'partner'] as const;
export type SectorMemberRole = (typeof sectorMemberRoles)[number];

/** Transition fields (the seed's list plus the programme's usual ones). */
export const themes: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'relocalisation', label: 'Relocalisation' },
  { code: 'economie-circulaire', label: 'Économie circulaire' },
  { code: 'autonomie', label: 'Autonomie' },
  { code: 'logement', label: 'Logement' },
  { code: 'decrochage-scolaire', label: 'Lutte contre le décrochage scolaire' },
  { code: 'energies-renouvelables', label: 'Énergies renouvelables' },
  { code: 'reemploi-materiaux', label: 'Réemploi des matériaux de construction' },
  { code: 'revalorisation-dechets', label: 'Revalorisation des déchets' },
  { code: 'inclusion-numerique', label: 'Inclusion numérique' },
  { code: 'bien-vieillir', label: 'Bien vieillir' },
  { code: 'alimentation-durable', label: 'Alimentation durable' },
  { code: 'mobilite', label: 'Mobilité' },
  { code: 'emploi-insertion', label: 'Emploi et insertion' },
  { code: 'tiers-lieux', label: 'Tiers-lieux' },
  { code: 'culture-patrimoine', label: 'Culture et patrimoine' },
  { code: 'sante', label: 'Santé' },
  { code: 'petite-enfance', label: 'Petite enfance et familles' },
  { code: 'sport', label: 'Sport et inclusion' },
];

/** Account roles (the web client reads their labels and scopes from here, without zod). */
export const roleNames = ['admin', 'coordinator', 'member', 'holder', 'investor', 'public_sponsor', 'operator', 'advisor'] as const;
export type RoleName = (typeof roleNames)[number];

export const roleLabels: Record<RoleName, string> = {
  admin: 'Équipe nationale',
  coordinator: 'Coordination de collectif',
  member: 'Membre de collectif',
  holder: 'Porteur de projet',
  investor: 'Financeur',
  public_sponsor: 'Hacker public',
  operator: 'Opérateur public',
  advisor: 'Conseiller Impact Finance',
};

/** What each role's scope names: the records the role acts on (null: a role without scope). */
export const roleScope: Record<RoleName, 'collectives' | 'organisations' | null> = {
  admin: null,
  coordinator: 'collectives',
  member: 'collectives',
  holder: 'organisations',
  investor: 'organisations',
  operator: 'organisations',
  public_sponsor: null,
  advisor: null,
};

/** Labels of the values above that had none yet (validation messages name values, never codes). */
export const territoryKindLabels: Record<TerritoryKind, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  departement: 'Département',
  region: 'Région',
};
export const sectorMemberRoleLabels: Record<SectorMemberRole, string> = {
  large_group: 'Grand groupe',
  social_innovator: 'Innovateur social',
  partner: 'Partenaire',
};

/**
 * What a notification is about: each person chooses per category whether it
 * comes at once, in the daily digest, or never (by e-mail; in the application
 * it is always listed). Programmes add theirs with a migration.
 */
export const notificationCategories = ['roles', 'imports', 'events', 'meetings', 'sponsorships', 'recovery', 'cooperation', 'mobilisation'] as const;
export type NotificationCategory = (typeof notificationCategories)[number];
export const notificationCategoryLabels: Record<NotificationCategory, string> = {
  roles: 'Vos rôles et accès',
  imports: 'Vos imports',
  events: 'Événements et inscriptions',
  meetings: 'Rendez-vous et agendas',
  sponsorships: 'Parrainages Hackers publics',
  recovery: 'ESS relance : mesures et freins',
  cooperation: 'Coopérations et décisions collectives',
  mobilisation: 'Hackathons et défis',
};

/** How a person receives a category's notifications by e-mail (the application always lists them). */
export const notificationDeliveries = ['immediately', 'daily', 'never'] as const;
export type NotificationDelivery = (typeof notificationDeliveries)[number];
export const notificationDeliveryLabels: Record<NotificationDelivery, string> = {
  immediately: 'Par e-mail, aussitôt',
  daily: 'Dans le récapitulatif quotidien',
  never: 'Jamais par e-mail',
};

/** Events (the core every programme reuses: conferences, meetings, workshops, hackathons, webinars). */
export const eventKinds = ['conference', 'workshop', 'hackathon', 'meeting', 'webinar'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindLabels: Record<EventKind, string> = {
  conference: 'Conférence',
  workshop: 'Atelier',
  hackathon: 'Hackathon',
  meeting: 'Réunion',
  webinar: 'Webinaire',
};

/** The programme an event belongs to. */
export const eventProgrammes = ['impact-finance', 'hackers-publics', 'ess-relance', 'cooperation', 'mobilisation'] as const;
export type EventProgramme = (typeof eventProgrammes)[number];
export const eventProgrammeLabels: Record<EventProgramme, string> = {
  'impact-finance': 'Impact Finance',
  'hackers-publics': 'Hackers publics',
  'ess-relance': 'ESS relance',
  cooperation: 'Coopération',
  mobilisation: 'Mobilisation',
};

/** Why someone takes part in an event: a project (with its project), an investor (with their fund), or as a person. */
export const registrationRoles = ['project', 'investor', 'advisor', 'attendee', 'speaker', 'judge'] as const;
export type RegistrationRole = (typeof registrationRoles)[number];
export const registrationRoleLabels: Record<RegistrationRole, string> = {
  project: 'Projet',
  investor: 'Financeur',
  advisor: 'Accompagnateur',
  attendee: 'Participant',
  speaker: 'Intervenant',
  judge: 'Juré',
};

/** Hackathons: the world a participant comes from (the review counts public, associative and business people). */
export const participantSectors = ['public', 'associative', 'business', 'student', 'other'] as const;
export type ParticipantSector = (typeof participantSectors)[number];
export const participantSectorLabels: Record<ParticipantSector, string> = {
  public: 'Public',
  associative: 'Associatif',
  business: 'Entreprise',
  student: 'Étudiant',
  other: 'Autre',
};

/** An innovation at a follow-up (3, 6 and 12 months after its hackathon). */
export const innovationStatuses = ['active', 'paused', 'stopped', 'scaled'] as const;
export type InnovationStatus = (typeof innovationStatuses)[number];
export const innovationStatusLabels: Record<InnovationStatus, string> = {
  active: 'En cours',
  paused: 'En pause',
  stopped: 'Arrêtée',
  scaled: 'Essaimée',
};
export const followUpMonths = [3, 6, 12] as const;

export const registrationStatuses = ['registered', 'cancelled', 'attended', 'no_show'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  registered: 'Inscrit',
  cancelled: 'Annulée',
  attended: 'Présent',
  no_show: 'Absent',
};
/** Hackers Publics: what a structure asks a sponsoring civil servant for (codes and labels of issue 13). */
export const sponsorshipCategories = [
  'statuts-gouvernance',
  'utilite-publique',
  'agrements',
  'financements-publics',
  'commande-publique',
  'reglementation',
  'management-rh',
  'numerique',
  'immobilier-foncier',
  'relations-administration',
] as const;
export type SponsorshipCategory = (typeof sponsorshipCategories)[number];
export const sponsorshipCategoryLabels: Record<SponsorshipCategory, string> = {
  'statuts-gouvernance': 'statuts et gouvernance',
  'utilite-publique': 'reconnaissance d’utilité publique',
  agrements: 'agréments (ESUS…)',
  'financements-publics': 'accès aux financements publics',
  'commande-publique': 'commande publique',
  reglementation: 'réglementation sectorielle',
  'management-rh': 'management et RH',
  numerique: 'numérique',
  'immobilier-foncier': 'immobilier et foncier',
  'relations-administration': 'relations avec l’administration',
};
export const needUrgencies = ['low', 'normal', 'high'] as const;
export type NeedUrgency = (typeof needUrgencies)[number];
export const needUrgencyLabels: Record<NeedUrgency, string> = { low: 'Faible', normal: 'Normale', high: 'Forte' };
export const needStatuses = ['open', 'proposed', 'matched', 'closed', 'withdrawn'] as const;
export type NeedStatus = (typeof needStatuses)[number];
export const needStatusLabels: Record<NeedStatus, string> = {
  open: 'Ouvert',
  proposed: 'Parrain proposé',
  matched: 'Parrainé',
  closed: 'Clos',
  withdrawn: 'Retiré',
};
/** `draft`: a proposal the national team reviews before sending it. */
export const sponsorshipStatuses = ['draft', 'proposed', 'declined', 'expired', 'active', 'closed'] as const;
export type SponsorshipStatus = (typeof sponsorshipStatuses)[number];
export const sponsorshipStatusLabels: Record<SponsorshipStatus, string> = {
  draft: 'Brouillon',
  proposed: 'Proposé',
  declined: 'Décliné',
  expired: 'Expiré',
  active: 'En cours',
  closed: 'Clos',
};
export const objectiveOutcomes = ['achieved', 'partly', 'not_achieved', 'abandoned'] as const;
export type ObjectiveOutcome = (typeof objectiveOutcomes)[number];
export const objectiveOutcomeLabels: Record<ObjectiveOutcome, string> = {
  achieved: 'Atteint',
  partly: 'Partiellement atteint',
  not_achieved: 'Non atteint',
  abandoned: 'Abandonné',
};
export const sessionFormats = ['visio', 'presentiel', 'telephone'] as const;
export type SessionFormat = (typeof sessionFormats)[number];
export const sessionFormatLabels: Record<SessionFormat, string> = { visio: 'Visioconférence', presentiel: 'Présentiel', telephone: 'Téléphone' };

/** ESS relance (issue 14): the recovery plan's three components, how a measure takes applications, sizes, obstacles. */
export const recoveryComponents = ['ecologie', 'competitivite', 'cohesion'] as const;
export type RecoveryComponent = (typeof recoveryComponents)[number];
export const recoveryComponentLabels: Record<RecoveryComponent, string> = {
  ecologie: 'Écologie',
  competitivite: 'Compétitivité',
  cohesion: 'Cohésion',
};
export const measureWindowKinds = ['call_for_projects', 'open_window'] as const;
export type MeasureWindowKind = (typeof measureWindowKinds)[number];
export const measureWindowKindLabels: Record<MeasureWindowKind, string> = {
  call_for_projects: 'Appel à projets',
  open_window: 'Guichet ouvert',
};
/** Where a measure stands today: not yet open, open, closed. */
export const measureWindows = ['open', 'upcoming', 'closed'] as const;
export type MeasureWindow = (typeof measureWindows)[number];
export const measureWindowLabels: Record<MeasureWindow, string> = { open: 'Ouverte', upcoming: 'À venir', closed: 'Close' };
export const organisationSizes = ['tpe', 'pme', 'eti', 'ge'] as const;
export type OrganisationSize = (typeof organisationSizes)[number];
export const eligibilityVerdicts = ['eligible', 'to_check', 'not_eligible'] as const;
export type EligibilityVerdict = (typeof eligibilityVerdicts)[number];
export const eligibilityVerdictLabels: Record<EligibilityVerdict, string> = {
  eligible: 'Éligible',
  to_check: 'À vérifier',
  not_eligible: 'Non éligible',
};
export const criterionStatuses = ['pass', 'fail', 'unknown'] as const;
export const obstacleCategories = ['eligibility', 'delay', 'documents', 'cash_flow', 'regulation', 'information', 'other'] as const;
export type ObstacleCategory = (typeof obstacleCategories)[number];
export const obstacleCategoryLabels: Record<ObstacleCategory, string> = {
  eligibility: 'Éligibilité',
  delay: 'Délais',
  documents: 'Pièces justificatives',
  cash_flow: 'Trésorerie',
  regulation: 'Réglementation',
  information: 'Information',
  other: 'Autre',
};
export const obstacleStatuses = ['open', 'in_progress', 'lifted', 'not_lifted', 'out_of_scope'] as const;
export type ObstacleStatus = (typeof obstacleStatuses)[number];
export const obstacleStatusLabels: Record<ObstacleStatus, string> = {
  open: 'Ouvert',
  in_progress: 'En cours',
  lifted: 'Levé',
  not_lifted: 'Non levé',
  out_of_scope: 'Hors champ',
};
export const obstacleActionKinds = ['comment', 'status', 'assign'] as const;
export type ObstacleActionKind = (typeof obstacleActionKinds)[number];

/** A know-how transfer between collectives (issue 15): asked, answered by the other side, then run and closed. */
export const transferStatuses = ['requested', 'accepted', 'in_progress', 'done', 'declined'] as const;
export type TransferStatus = (typeof transferStatuses)[number];
export const transferStatusLabels: Record<TransferStatus, string> = {
  requested: 'Demandé',
  accepted: 'Accepté',
  in_progress: 'En cours',
  done: 'Terminé',
  declined: 'Décliné',
};
/** A cooperation between a large group and a social innovator, inside a sector programme or not. */
export const cooperationStatuses = ['planned', 'active', 'completed', 'stopped'] as const;
export type CooperationStatus = (typeof cooperationStatuses)[number];
export const cooperationStatusLabels: Record<CooperationStatus, string> = {
  planned: 'En préparation',
  active: 'En cours',
  completed: 'Achevée',
  stopped: 'Arrêtée',
};
/** Collective decisions: the poll types Loomio offers, counted by engines/voting. */
export const pollTypes = ['consent', 'choice', 'score', 'ranked'] as const;
export type PollType = (typeof pollTypes)[number];
export const pollTypeLabels: Record<PollType, string> = {
  consent: 'Consentement',
  choice: 'Choix',
  score: 'Notation de 0 à 5',
  ranked: 'Classement (méthode Schulze)',
};
export const consentPositions = ['agree', 'abstain', 'disagree', 'block'] as const;
export type ConsentPosition = (typeof consentPositions)[number];
export const consentPositionLabels: Record<ConsentPosition, string> = {
  agree: 'D’accord',
  abstain: 'Abstention',
  disagree: 'Pas d’accord',
  block: 'Blocage',
};
/** A follow-up action of a decision taken (as Decidim's accountability). */
export const decisionActionStatuses = ['planned', 'in_progress', 'done', 'abandoned'] as const;
export type DecisionActionStatus = (typeof decisionActionStatuses)[number];
export const decisionActionStatusLabels: Record<DecisionActionStatus, string> = {
  planned: 'Prévue',
  in_progress: 'En cours',
  done: 'Réalisée',
  abandoned: 'Abandonnée',
};
/** Challenges (défis): how a structure came to be enrolled. */
export const challengeEnrolmentSources = ['self', 'national', 'import', 'filter'] as const;
export type ChallengeEnrolmentSource = (typeof challengeEnrolmentSources)[number];
export const challengeEnrolmentSourceLabels: Record<ChallengeEnrolmentSource, string> = {
  self: 'Inscrite par ses membres',
  national: 'Inscrite par l’équipe nationale',
  import: 'Inscrite par import de SIRET',
  filter: 'Inscrite par filtre sur l’annuaire',
};
