/**
 * The French name of every field a client sends, so that a validation message
 * names the field as a person would (« Le nom est obligatoire »). Keyed by the
 * field's API name; `parent.field` where one name means two things (the role
 * of a sector programme's member, the role granted to an account). A field
 * missing here fails the schema-message test: add it when you add a field.
 */
export interface FieldLabel {
  /** With its definite article: « le nom », « l’adresse e-mail », « les thématiques ». */
  the: string;
  /** With its indefinite article: « un nom », « une étape », « des thématiques ». */
  a: string;
  plural: boolean;
  /** For a list: one of its items (« la thématique »), named in a message about that item. */
  item?: FieldLabel;
}

const elides = (noun: string) => /^[aeiouyéèêàâîôû]/i.test(noun);
/** A masculine noun: `m('nom')` → « le nom », « un nom ». */
export const m = (noun: string): FieldLabel => ({ the: elides(noun) ? `l’${noun}` : `le ${noun}`, a: `un ${noun}`, plural: false });
/** A feminine noun: `f('étape')` → « l’étape », « une étape ». */
export const f = (noun: string): FieldLabel => ({ the: elides(noun) ? `l’${noun}` : `la ${noun}`, a: `une ${noun}`, plural: false });
/** A plural noun, with the label of one of its items: `pl('thématiques', f('thématique'))`. */
export const pl = (noun: string, item?: FieldLabel): FieldLabel => ({ the: `les ${noun}`, a: `des ${noun}`, plural: true, ...(item ? { item } : {}) });

const organisation = f('structure');
const territory = m('territoire');

export const fieldLabels: Record<string, FieldLabel> = {
  // Shared by several resources
  id: f('fiche demandée'),
  name: m('nom'),
  description: f('description'),
  website: m('site web'),
  themes: pl('thématiques', f('thématique')),
  communeCode: f('commune'),
  // Organisations
  siret: m('SIRET'),
  siren: m('SIREN'),
  legalCategory: f('catégorie juridique INSEE'),
  kind: m('type'),
  siaeKind: m('type de SIAE'),
  ess: f('appartenance à l’ESS'),
  esus: m('agrément ESUS'),
  nafCode: m('code NAF'),
  // People
  firstName: m('prénom'),
  lastName: m('nom'),
  email: f('adresse e-mail'),
  phone: m('numéro de téléphone'),
  organisationId: organisation,
  titles: pl('fonctions', f('fonction')),
  isAdvisor: f('qualité de conseiller Impact Finance'),
  isPublicSponsor: f('qualité de hacker public'),
  administrationId: f('administration de rattachement'),
  // Collectives
  territoryLabel: m('libellé du territoire'),
  labelDate: f('date de labellisation'),
  wave: f('vague de labellisation'),
  coordinatorId: f('personne qui coordonne'),
  perimeter: m('périmètre'),
  memberIds: pl('structures membres', organisation),
  // Projects
  title: m('titre'),
  summary: m('résumé'),
  collectiveId: m('collectif'),
  leadOrganisationId: f('structure porteuse'),
  partnerIds: pl('structures partenaires', organisation),
  stage: f('étape'),
  fundingNeedEur: m('besoin de financement (en euros)'),
  instruments: pl('instruments de financement', m('instrument de financement')),
  status: m('statut'),
  beneficiaries: m('nombre de bénéficiaires'),
  // Funds
  managerId: f('société de gestion'),
  frenchImpact: m('label French Impact'),
  amountMobilisableEur: m('montant mobilisable (en euros)'),
  territories: pl('territoires', territory),
  stages: pl('étapes financées', f('étape')),
  ticketMinEur: m('ticket minimum (en euros)'),
  ticketMaxEur: m('ticket maximum (en euros)'),
  // Pioneers
  labelYear: f('promotion (année)'),
  'beneficiaries.year': f('année'),
  'beneficiaries.count': m('nombre de bénéficiaires'),
  championIds: pl('entreprises championnes', f('entreprise championne')),
  // Sector programmes
  themeCode: f('thématique'),
  startedOn: f('date de lancement'),
  members: pl('structures membres', organisation),
  'members.organisationId': organisation,
  'members.role': m('rôle dans la filière'),
  projectIds: pl('projets', m('projet')),
  // Themes
  code: m('code'),
  label: m('libellé'),
  position: f('position'),
  // Accounts and sign-in
  password: m('mot de passe'),
  returnTo: f('page de retour'),
  token: m('jeton'),
  // Notifications and jobs
  unread: m('filtre des non lues'),
  preferences: pl('préférences', f('préférence')),
  category: f('catégorie'),
  delivery: m('mode d’envoi'),
  state: m('état'),
  roles: pl('rôles', m('rôle')),
  'roles.role': m('rôle'),
  'roles.scope': f('portée du rôle'),
  role: m('rôle'),
  // Lists: search, filters, paging
  q: m('texte recherché'),
  page: m('numéro de page'),
  pageSize: f('taille de page'),
  format: m('format d’export'),
  sort: m('tri'),
  territory,
  theme: f('thématique'),
  collective: m('collectif'),
  organisation,
  member: f('structure membre'),
  administration: f('administration'),
  advisor: m('filtre « conseiller Impact Finance »'),
  publicSponsor: m('filtre « hacker public »'),
  instrument: m('instrument de financement'),
  minNeed: m('besoin minimum (en euros)'),
  maxNeed: m('besoin maximum (en euros)'),
  manager: f('société de gestion'),
  amount: m('montant recherché (en euros)'),
  parent: m('territoire parent'),
  level: m('niveau'),
  covered: m('filtre « territoires couverts »'),
  champion: m('filtre « entreprises championnes »'),
  sponsorAdministration: m('filtre « administrations des hackers publics »'),
  // Audit trail
  entity: m('type d’enregistrement'),
  record: m('enregistrement'),
  actor: m('auteur'),
  action: f('action'),
  since: f('date de début'),
  until: f('date de fin'),
  limit: m('nombre d’entrées'),
  // Imports
  dryRun: f('vérification seule (dryRun)'),
  // Events and registrations
  programme: m('programme'),
  startsAt: m('début'),
  endsAt: f('fin'),
  place: m('lieu'),
  'place.address': f('adresse du lieu'),
  'place.communeCode': f('commune du lieu'),
  onlineUrl: m('lien de connexion'),
  organiserOrganisationId: f('structure organisatrice'),
  capacity: f('capacité'),
  registrationOpen: f('ouverture des inscriptions'),
  public: f('visibilité publique'),
  from: f('date de début'),
  to: f('date de fin'),
  year: f('année'),
  personId: f('personne'),
  projectId: m('projet'),
  fundId: m('fonds'),
  maxMeetings: m('nombre maximum de rendez-vous'),
};

/** The label of the field at `path` (indexes skipped), or undefined for an unlisted one. */
export function labelAt(path: ReadonlyArray<PropertyKey>): FieldLabel | undefined {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  if (last === undefined) return undefined;
  const parent = names.at(-2);
  return (parent !== undefined ? fieldLabels[`${parent}.${last}`] : undefined) ?? fieldLabels[last];
}
