import type { Collective } from '../../shared/schemas/collective';
import type { Fund } from '../../shared/schemas/fund';
import type { Organisation } from '../../shared/schemas/organisation';
import type { Person } from '../../shared/schemas/person';
import type { Pioneer } from '../../shared/schemas/pioneer';
import type { Project } from '../../shared/schemas/project';
import type { SectorProgramme } from '../../shared/schemas/sector-programme';
import {
  instrumentLabels,
  instruments,
  organisationKindLabels,
  organisationKinds,
  projectStageLabels,
  projectStages,
  projectStatuses,
  projectStatusLabels,
  sectorMemberRoles,
  siaeKinds,
} from '../../shared/vocabulary';
import type { DirectoryApi, DirectorySlug } from '../../shared/web-routes';
import { formatDate, formatEur, formatInt } from './lib/format';

export type Option = { value: string; label: string };
const options = <K extends string>(values: readonly K[], labels?: Record<K, string>): Option[] => values.map((v) => ({ value: v, label: labels?.[v] ?? v }));

export const sectorRoleLabels: Record<(typeof sectorMemberRoles)[number], string> = {
  large_group: 'Grand groupe',
  social_innovator: 'Innovateur social',
  partner: 'Partenaire',
};

/** A form field; `name` is the API's field name, so its errors land next to it. */
export interface FieldDef {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'url' | 'email' | 'tel' | 'select' | 'checkbox' | 'checkboxes' | 'themes' | 'theme' | 'commune' | 'territories' | 'ref' | 'refs' | 'rows';
  required?: boolean;
  hint?: string;
  options?: Option[];
  /** For ref/refs: the API resource to pick from. */
  ref?: DirectoryApi;
  /** What an empty field sends: null (default), an empty text, or nothing at all. */
  emptyAs?: 'null' | '' | 'omit';
  /** For rows: the columns of each row (number, select or ref fields). */
  columns?: FieldDef[];
  /** For refs whose record shows objects rather than ids (pioneers' champions). */
  idsOf?(record: Record<string, unknown>): string[];
  /** For rows: the stored record's rows as the columns' values. */
  rowsOf?(record: Record<string, unknown>): Array<Record<string, string>>;
}

/** A list filter; `name` is the API's query parameter (and the page's). */
export interface FilterDef {
  name: string;
  label: string;
  kind: 'select' | 'theme' | 'territory' | 'ref' | 'number' | 'boolean';
  options?: Option[];
  ref?: DirectoryApi;
  /** Amounts hidden from visitors: the filter needs an account. */
  signedIn?: boolean;
}

export interface Fact {
  label: string;
  value: string;
  /** A link inside the application. */
  to?: string | undefined;
  /** Hidden from visitors (the API sends null). */
  restricted?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: each resource narrows its own record type
export interface ResourceConfig<T = any> {
  slug: DirectorySlug;
  api: DirectoryApi;
  /** Plural, for lists and navigation. */
  title: string;
  /** "un projet", "une structure": for buttons and messages. */
  one: string;
  newLabel: string;
  intro: string;
  titleOf(r: T): string;
  summaryOf(r: T): string;
  tagsOf(r: T): string[];
  facts(r: T): Fact[];
  filters: FilterDef[];
  sorts: Option[];
  fields: FieldDef[];
  /** The file import accepts this resource. */
  importable?: boolean;
}

const stageOptions = options(projectStages, projectStageLabels);
const instrumentOptions = options(instruments, instrumentLabels);
const relevance = { value: 'relevance', label: 'Pertinence' };
const byName = [
  { value: 'name', label: 'Nom (A → Z)' },
  { value: '-name', label: 'Nom (Z → A)' },
];
const yesNo: Option[] = [
  { value: 'true', label: 'Oui' },
  { value: 'false', label: 'Non' },
];
const territoryFilter: FilterDef = { name: 'territory', label: 'Territoire (commune, EPCI, département, région)', kind: 'territory' };
const themeFilter: FilterDef = { name: 'theme', label: 'Thématique', kind: 'theme' };
const communeOf = (r: { communeName: string | null; communeCode: string | null }) => (r.communeName ? `${r.communeName} (${r.communeCode})` : '—');

const projects: ResourceConfig<Project> = {
  slug: 'projets',
  api: 'projects',
  title: 'Projets',
  one: 'un projet',
  newLabel: 'Nouveau projet',
  intro: 'Les projets à impact portés dans les territoires du réseau.',
  titleOf: (p) => p.title,
  summaryOf: (p) => p.summary,
  tagsOf: (p) => [projectStageLabels[p.stage], ...(p.communeName ? [p.communeName] : [])],
  facts: (p) => [
    { label: 'Étape', value: projectStageLabels[p.stage] },
    { label: 'Statut', value: projectStatusLabels[p.status] },
    { label: 'Collectif', value: p.collectiveName ?? '—', to: p.collectiveId ? `/collectifs/${p.collectiveId}` : undefined },
    { label: 'Structure porteuse', value: p.leadOrganisationName ?? '—', to: p.leadOrganisationId ? `/structures/${p.leadOrganisationId}` : undefined },
    { label: 'Commune', value: communeOf(p), to: p.departementCode ? `/projets?territory=departement:${p.departementCode}` : undefined },
    { label: 'Besoin de financement', value: formatEur(p.fundingNeedEur), restricted: true },
    { label: 'Instruments recherchés', value: p.instruments.map((i) => instrumentLabels[i]).join(', ') || '—', restricted: true },
    { label: 'Bénéficiaires', value: p.beneficiaries == null ? '—' : formatInt(p.beneficiaries) },
  ],
  filters: [
    themeFilter,
    { name: 'stage', label: 'Étape', kind: 'select', options: stageOptions },
    territoryFilter,
    { name: 'collective', label: 'Collectif', kind: 'ref', ref: 'collectives' },
    { name: 'organisation', label: 'Structure porteuse ou partenaire', kind: 'ref', ref: 'organisations' },
    { name: 'minNeed', label: 'Besoin de financement minimum (€)', kind: 'number', signedIn: true },
    { name: 'maxNeed', label: 'Besoin de financement maximum (€)', kind: 'number', signedIn: true },
  ],
  sorts: [
    relevance,
    { value: 'title', label: 'Titre (A → Z)' },
    { value: '-createdAt', label: 'Les plus récents' },
    { value: 'createdAt', label: 'Les plus anciens' },
  ],
  fields: [
    { name: 'title', label: 'Titre', kind: 'text', required: true },
    { name: 'summary', label: 'Résumé', kind: 'textarea', hint: '1 000 caractères au plus' },
    { name: 'description', label: 'Description', kind: 'textarea' },
    { name: 'stage', label: 'Étape', kind: 'select', required: true, options: stageOptions },
    { name: 'status', label: 'Statut', kind: 'select', options: options(projectStatuses, projectStatusLabels), emptyAs: 'omit' },
    { name: 'collectiveId', label: 'Collectif', kind: 'ref', ref: 'collectives' },
    { name: 'leadOrganisationId', label: 'Structure porteuse', kind: 'ref', ref: 'organisations' },
    { name: 'partnerIds', label: 'Structures partenaires', kind: 'refs', ref: 'organisations' },
    { name: 'communeCode', label: 'Commune', kind: 'commune' },
    { name: 'themes', label: 'Thématiques', kind: 'themes' },
    { name: 'fundingNeedEur', label: 'Besoin de financement (€)', kind: 'number' },
    { name: 'instruments', label: 'Instruments recherchés', kind: 'checkboxes', options: instrumentOptions },
    { name: 'beneficiaries', label: 'Bénéficiaires', kind: 'number' },
  ],
  importable: true,
};

const collectives: ResourceConfig<Collective> = {
  slug: 'collectifs',
  api: 'collectives',
  title: 'Collectifs',
  one: 'un collectif',
  newLabel: 'Nouveau collectif',
  intro: 'Les collectifs territoriaux labellisés et leur périmètre.',
  titleOf: (c) => c.name,
  summaryOf: (c) => c.description,
  tagsOf: (c) => [c.territoryLabel, ...(c.wave ? [`Vague ${c.wave}`] : [])].filter(Boolean),
  facts: (c) => [
    { label: 'Territoire', value: c.territoryLabel || '—' },
    { label: 'Périmètre', value: c.perimeter.map((t) => t.name).join(', ') || '—' },
    { label: 'Coordination', value: c.coordinatorName ?? '—', to: c.coordinatorId ? `/personnes/${c.coordinatorId}` : undefined },
    { label: 'Labellisé le', value: formatDate(c.labelDate) },
    { label: 'Vague', value: c.wave ? String(c.wave) : '—' },
    { label: 'Structures membres', value: formatInt(c.memberIds.length) },
    { label: 'Projets', value: formatInt(c.projectCount), to: `/projets?collective=${c.id}` },
    { label: 'Site web', value: c.website ?? '—' },
  ],
  filters: [territoryFilter, { name: 'wave', label: 'Vague de labellisation', kind: 'number' }],
  sorts: [relevance, ...byName, { value: '-labelDate', label: 'Labellisation la plus récente' }],
  fields: [
    { name: 'name', label: 'Nom', kind: 'text', required: true },
    { name: 'territoryLabel', label: 'Territoire (libellé)', kind: 'text', emptyAs: '' },
    { name: 'perimeter', label: 'Périmètre', kind: 'territories', hint: 'Communes, EPCI, départements ou régions' },
    { name: 'coordinatorId', label: 'Coordination', kind: 'ref', ref: 'people' },
    { name: 'labelDate', label: 'Date de labellisation', kind: 'date' },
    { name: 'wave', label: 'Vague', kind: 'number' },
    { name: 'memberIds', label: 'Structures membres', kind: 'refs', ref: 'organisations' },
    { name: 'website', label: 'Site web', kind: 'url', hint: 'https://…' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};

const organisations: ResourceConfig<Organisation> = {
  slug: 'structures',
  api: 'organisations',
  title: 'Structures',
  one: 'une structure',
  newLabel: 'Nouvelle structure',
  intro: "Structures de l'ESS, SIAE, entreprises, financeurs et administrations du réseau.",
  titleOf: (o) => o.name,
  summaryOf: (o) => o.description,
  tagsOf: (o) => [organisationKindLabels[o.kind], ...(o.ess ? ['ESS'] : []), ...(o.esus ? ['ESUS'] : []), ...(o.communeName ? [o.communeName] : [])],
  facts: (o) => [
    { label: 'SIRET', value: o.siret ?? '—' },
    { label: 'SIREN', value: o.siren ?? '—' },
    { label: 'Type', value: organisationKindLabels[o.kind] },
    ...(o.siaeKind ? [{ label: 'Type de SIAE', value: o.siaeKind }] : []),
    { label: "Appartient à l'ESS", value: o.ess ? 'Oui' : 'Non' },
    { label: 'Agrément ESUS', value: o.esus ? 'Oui' : 'Non' },
    { label: 'Code NAF', value: o.nafCode ?? '—' },
    { label: 'Catégorie juridique', value: o.legalCategory ?? '—' },
    { label: 'Commune', value: communeOf(o) },
    { label: 'Site web', value: o.website ?? '—' },
    { label: 'Projets portés', value: 'Voir les projets', to: `/projets?organisation=${o.id}` },
  ],
  filters: [
    { name: 'kind', label: 'Type', kind: 'select', options: options(organisationKinds, organisationKindLabels) },
    themeFilter,
    territoryFilter,
    { name: 'ess', label: "Appartient à l'ESS", kind: 'boolean', options: yesNo },
  ],
  sorts: [relevance, ...byName, { value: '-createdAt', label: 'Les plus récentes' }],
  fields: [
    { name: 'name', label: 'Nom', kind: 'text', required: true },
    { name: 'siret', label: 'SIRET', kind: 'text', hint: '14 chiffres, clé de contrôle comprise' },
    { name: 'kind', label: 'Type', kind: 'select', required: true, options: options(organisationKinds, organisationKindLabels) },
    { name: 'siaeKind', label: 'Type de SIAE', kind: 'select', options: options(siaeKinds), hint: 'Seulement pour une SIAE' },
    { name: 'ess', label: "Appartient à l'ESS", kind: 'checkbox' },
    { name: 'esus', label: 'Agrément ESUS', kind: 'checkbox' },
    { name: 'nafCode', label: 'Code NAF', kind: 'text', hint: 'Par exemple 88.99B' },
    { name: 'legalCategory', label: 'Catégorie juridique INSEE', kind: 'text', hint: '4 chiffres' },
    { name: 'communeCode', label: 'Commune', kind: 'commune' },
    { name: 'website', label: 'Site web', kind: 'url', hint: 'https://…' },
    { name: 'themes', label: 'Thématiques', kind: 'themes' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
  importable: true,
};

const people: ResourceConfig<Person> = {
  slug: 'personnes',
  api: 'people',
  title: 'Personnes',
  one: 'une personne',
  newLabel: 'Nouvelle personne',
  intro: 'Coordinations, conseillers et hackers publics du réseau.',
  titleOf: (p) => `${p.firstName} ${p.lastName}`,
  summaryOf: (p) => p.titles.join(' · '),
  tagsOf: (p) => [...(p.isAdvisor ? ['Conseiller'] : []), ...(p.isPublicSponsor ? ['Hacker public'] : []), ...(p.organisationName ? [p.organisationName] : [])],
  facts: (p) => [
    { label: 'Structure', value: p.organisationName ?? '—', to: p.organisationId ? `/structures/${p.organisationId}` : undefined },
    { label: 'Fonctions', value: p.titles.join(', ') || '—' },
    { label: 'Courriel', value: p.email ?? '—', restricted: true },
    { label: 'Téléphone', value: p.phone ?? '—', restricted: true },
    { label: 'Conseiller Impact Finance', value: p.isAdvisor ? 'Oui' : 'Non' },
    { label: 'Hacker public', value: p.isPublicSponsor ? `Oui (${p.administrationName ?? '—'})` : 'Non' },
  ],
  filters: [
    { name: 'advisor', label: 'Conseiller Impact Finance', kind: 'boolean', options: yesNo },
    { name: 'publicSponsor', label: 'Hacker public', kind: 'boolean', options: yesNo },
    { name: 'organisation', label: 'Structure', kind: 'ref', ref: 'organisations' },
  ],
  sorts: [relevance, ...byName],
  fields: [
    { name: 'firstName', label: 'Prénom', kind: 'text', required: true },
    { name: 'lastName', label: 'Nom', kind: 'text', required: true },
    { name: 'email', label: 'Courriel', kind: 'email' },
    { name: 'phone', label: 'Téléphone', kind: 'tel' },
    { name: 'organisationId', label: 'Structure', kind: 'ref', ref: 'organisations' },
    { name: 'isAdvisor', label: 'Conseiller Impact Finance', kind: 'checkbox' },
    { name: 'isPublicSponsor', label: 'Hacker public', kind: 'checkbox' },
    { name: 'administrationId', label: 'Administration de rattachement', kind: 'ref', ref: 'organisations', hint: 'Pour un hacker public' },
  ],
};

const pioneers: ResourceConfig<Pioneer> = {
  slug: 'pionniers',
  api: 'pioneers',
  title: 'Pionniers',
  one: 'un Pionnier',
  newLabel: 'Nouveau Pionnier',
  intro: "Les Pionniers French Impact qui changent d'échelle, et les entreprises championnes qui les accompagnent.",
  titleOf: (p) => p.organisationName,
  summaryOf: (p) => p.description,
  tagsOf: (p) => [`Promotion ${p.labelYear}`, `${p.champions.length} champions`],
  facts: (p) => [
    { label: 'Structure', value: p.organisationName, to: `/structures/${p.organisationId}` },
    { label: 'Promotion', value: String(p.labelYear) },
    { label: 'Parrain', value: p.sponsorName ?? '—', to: p.sponsorId ? `/personnes/${p.sponsorId}` : undefined },
    { label: 'Entreprises championnes', value: p.champions.map((c) => c.name).join(', ') || '—' },
    { label: 'Bénéficiaires', value: p.beneficiaries.map((b) => `${b.year} : ${formatInt(b.count)}`).join(' · ') || '—' },
  ],
  filters: [territoryFilter, { name: 'labelYear', label: 'Promotion (année)', kind: 'number' }],
  sorts: [relevance, ...byName, { value: '-labelYear', label: 'Promotion la plus récente' }],
  fields: [
    { name: 'organisationId', label: 'Structure', kind: 'ref', ref: 'organisations', required: true },
    { name: 'labelYear', label: 'Promotion (année)', kind: 'number', required: true },
    { name: 'sponsorId', label: 'Parrain', kind: 'ref', ref: 'people' },
    { name: 'championIds', label: 'Entreprises championnes', kind: 'refs', ref: 'organisations', idsOf: (p) => (p.champions as Array<{ id: string }>).map((c) => c.id) },
    {
      name: 'beneficiaries',
      label: 'Bénéficiaires par année',
      kind: 'rows',
      columns: [
        { name: 'year', label: 'Année', kind: 'number', required: true },
        { name: 'count', label: 'Bénéficiaires', kind: 'number', required: true },
      ],
      rowsOf: (p) => (p.beneficiaries as Array<{ year: number; count: number }>).map((b) => ({ year: String(b.year), count: String(b.count) })),
    },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};

const funds: ResourceConfig<Fund> = {
  slug: 'fonds',
  api: 'funds',
  title: 'Fonds',
  one: 'un fonds',
  newLabel: 'Nouveau fonds',
  intro: 'Les fonds à impact labellisés et ce qu’ils financent.',
  titleOf: (f) => f.name,
  summaryOf: (f) => f.description,
  tagsOf: (f) => [...(f.frenchImpact ? ['Label French Impact'] : []), formatEur(f.amountMobilisableEur)],
  facts: (f) => [
    { label: 'Société de gestion', value: f.managerName ?? '—', to: f.managerId ? `/structures/${f.managerId}` : undefined },
    { label: 'Montant mobilisable', value: formatEur(f.amountMobilisableEur) },
    { label: 'Ticket', value: f.ticketMinEur == null && f.ticketMaxEur == null ? '—' : `${formatEur(f.ticketMinEur)} à ${formatEur(f.ticketMaxEur)}` },
    { label: 'Étapes financées', value: f.stages.map((s) => projectStageLabels[s]).join(', ') || 'Toutes' },
    { label: 'Instruments', value: f.instruments.map((i) => instrumentLabels[i]).join(', ') || '—' },
    { label: 'Territoires', value: f.territories.map((t) => t.name).join(', ') || 'National' },
  ],
  filters: [
    themeFilter,
    territoryFilter,
    { name: 'stage', label: 'Étape financée', kind: 'select', options: stageOptions },
    { name: 'instrument', label: 'Instrument', kind: 'select', options: instrumentOptions },
    { name: 'frenchImpact', label: 'Label French Impact', kind: 'boolean', options: yesNo },
    { name: 'amount', label: 'Montant recherché (€)', kind: 'number' },
  ],
  sorts: [relevance, ...byName, { value: '-amount', label: 'Montant mobilisable décroissant' }],
  fields: [
    { name: 'name', label: 'Nom', kind: 'text', required: true },
    { name: 'managerId', label: 'Société de gestion', kind: 'ref', ref: 'organisations' },
    { name: 'amountMobilisableEur', label: 'Montant mobilisable (€)', kind: 'number', required: true },
    { name: 'frenchImpact', label: 'Label French Impact', kind: 'checkbox' },
    { name: 'ticketMinEur', label: 'Ticket minimum (€)', kind: 'number' },
    { name: 'ticketMaxEur', label: 'Ticket maximum (€)', kind: 'number' },
    { name: 'stages', label: 'Étapes financées', kind: 'checkboxes', options: stageOptions },
    { name: 'instruments', label: 'Instruments', kind: 'checkboxes', options: instrumentOptions },
    { name: 'territories', label: 'Territoires', kind: 'territories', hint: 'Vide : national' },
    { name: 'themes', label: 'Thématiques', kind: 'themes' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};

const sectorProgrammes: ResourceConfig<SectorProgramme> = {
  slug: 'filieres',
  api: 'sector-programmes',
  title: 'Filières',
  one: 'une filière',
  newLabel: 'Nouvelle filière',
  intro: 'Les programmes de filière qui réunissent grands groupes et innovateurs sociaux.',
  titleOf: (s) => s.name,
  summaryOf: (s) => s.description,
  tagsOf: (s) => [`${s.members.length} membres`, `${s.projectIds.length} projets`],
  facts: (s) => [
    { label: 'Lancée le', value: formatDate(s.startedOn) },
    { label: 'Thématique', value: s.themeCode ?? '—' },
    ...sectorMemberRoles.map((role) => ({
      label: `${sectorRoleLabels[role]}s`,
      value:
        s.members
          .filter((m) => m.role === role)
          .map((m) => m.name)
          .join(', ') || '—',
    })),
    { label: 'Projets', value: formatInt(s.projectIds.length) },
  ],
  filters: [themeFilter, { name: 'member', label: 'Structure membre', kind: 'ref', ref: 'organisations' }],
  sorts: [relevance, ...byName],
  fields: [
    { name: 'name', label: 'Nom', kind: 'text', required: true },
    { name: 'themeCode', label: 'Thématique', kind: 'theme' },
    { name: 'startedOn', label: 'Date de lancement', kind: 'date' },
    {
      name: 'members',
      label: 'Structures membres',
      kind: 'rows',
      columns: [
        { name: 'organisationId', label: 'Structure', kind: 'ref', ref: 'organisations', required: true },
        { name: 'role', label: 'Rôle', kind: 'select', required: true, options: options(sectorMemberRoles, sectorRoleLabels) },
      ],
      rowsOf: (s) => (s.members as Array<{ organisationId: string; role: string }>).map((m) => ({ organisationId: m.organisationId, role: m.role })),
    },
    { name: 'projectIds', label: 'Projets', kind: 'refs', ref: 'projects' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};

export const RESOURCES: Record<DirectorySlug, ResourceConfig> = {
  projets: projects,
  collectifs: collectives,
  structures: organisations,
  personnes: people,
  pionniers: pioneers,
  fonds: funds,
  filieres: sectorProgrammes,
};

export const resourceBySlug = (slug: string | undefined): ResourceConfig | undefined =>
  slug && Object.hasOwn(RESOURCES, slug) ? RESOURCES[slug as DirectorySlug] : undefined;

export const slugOfApi = (api: DirectoryApi): DirectorySlug => (Object.values(RESOURCES).find((r) => r.api === api) as ResourceConfig).slug;

/** How a record of any resource is named in pickers. */
export function labelOf(api: DirectoryApi, r: Record<string, unknown>): string {
  const cfg = RESOURCES[slugOfApi(api)];
  return cfg.titleOf(r);
}
