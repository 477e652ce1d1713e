import {
  type OpenDataFormat,
  type OpenDataset,
  type OpenDatasetEntry,
  openDataFormats,
  openDatasets,
  type TableSchema,
} from '../../../shared/routes/open-data.routes';
import { type Collective, collectiveListQuery } from '../../../shared/schemas/collective';
import { type Event, eventListQuery } from '../../../shared/schemas/event';
import { type Organisation, organisationListQuery } from '../../../shared/schemas/organisation';
import { type Project, projectListQuery } from '../../../shared/schemas/project';
import { type Measure, measureListQuery } from '../../../shared/schemas/relance';
import type { CsvColumn } from '../../../shared/spreadsheet/csv';
import type { Database } from '../../db/connection';
import { AppError, invalid } from '../../errors';
import { anonymousActor } from '../../policies/actor';
import { collectiveService } from '../collectives/collective-store';
import { eventService } from '../events/event-service';
import { listIndicators, yearValues } from '../indicators/indicator-service';
import { organisationService } from '../organisations/organisation-store';
import { projectService } from '../projects/project-store';
import { measureService } from '../relance/measure-service';

/** Licence Ouverte 2.0 (Etalab), the licence of every dataset. */
export const openLicence = {
  name: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

type Cell = string | number | boolean | null;
type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

/** A column of a dataset: its dictionary entry and how a public record gives its value. */
interface Field<T> {
  name: string;
  title: string;
  type: FieldType;
  description: string;
  value(r: T): Cell;
}

interface Dataset<T> {
  title: string;
  description: string;
  primaryKey: string[];
  fields: Field<T>[];
  /** The records a visitor may see (the anonymous actor's view, through each module's service). */
  rows(db: Database, now: Date): Promise<T[]>;
}

const f = <T>(name: string, title: string, type: FieldType, description: string, value: (r: T) => Cell): Field<T> => ({
  name,
  title,
  type,
  description,
  value,
});
const joined = (list: readonly string[]) => list.join('|');
const LIST = ' (plusieurs valeurs séparées par « | »)';
const id = <T extends { id: string }>(what: string) => f<T>('id', 'Identifiant', 'string', `Identifiant unique (UUID) ${what}.`, (r) => r.id);
const stamps = <T extends { createdAt: string; updatedAt: string }>() => [
  f<T>('createdAt', 'Création', 'datetime', 'Date et heure de création de la fiche (UTC).', (r) => r.createdAt),
  f<T>('updatedAt', 'Mise à jour', 'datetime', 'Date et heure de la dernière modification de la fiche (UTC).', (r) => r.updatedAt),
];

/** Every page of a paginated list, for the services that only list by page. */
async function allPages<T>(page: (n: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let n = 1; ; n++) {
    const { items, total } = await page(n);
    out.push(...items);
    if (items.length === 0 || out.length >= total) return out;
  }
}

const collectives: Dataset<Collective> = {
  title: 'Collectifs labellisés',
  description: 'Les collectifs du réseau : territoire, date et vague de labellisation, périmètre, nombre de projets. Sans leurs membres ni leur coordinateur.',
  primaryKey: ['id'],
  fields: [
    id('du collectif'),
    f('name', 'Nom', 'string', 'Nom du collectif.', (r) => r.name),
    f('territoryLabel', 'Territoire', 'string', 'Territoire du collectif, en toutes lettres.', (r) => r.territoryLabel),
    f('labelDate', 'Date de labellisation', 'date', 'Date de labellisation (AAAA-MM-JJ).', (r) => r.labelDate),
    f('wave', 'Vague', 'integer', 'Vague de labellisation.', (r) => r.wave),
    f('description', 'Description', 'string', 'Présentation du collectif.', (r) => r.description),
    f('website', 'Site web', 'string', 'Adresse du site du collectif.', (r) => r.website),
    f('perimeter', 'Périmètre', 'string', `Territoires couverts, en type:code INSEE${LIST}.`, (r) => joined(r.perimeter.map((t) => `${t.kind}:${t.code}`))),
    f('projectCount', 'Nombre de projets', 'integer', 'Nombre de projets rattachés au collectif.', (r) => r.projectCount),
    ...stamps<Collective>(),
  ],
  rows: (db) => collectiveService(db).exportAll(anonymousActor, collectiveListQuery.parse({})),
};

const projects: Dataset<Project> = {
  title: 'Projets',
  description: 'Les projets du réseau : structure porteuse, collectif, stade, statut, thèmes, localisation, bénéficiaires. Sans les montants recherchés.',
  primaryKey: ['id'],
  fields: [
    id('du projet'),
    f('title', 'Titre', 'string', 'Titre du projet.', (r) => r.title),
    f('summary', 'Résumé', 'string', 'Résumé en une phrase.', (r) => r.summary),
    f('description', 'Description', 'string', 'Présentation du projet.', (r) => r.description),
    f('stage', 'Stade', 'string', 'Stade d’avancement (code).', (r) => r.stage),
    f('status', 'Statut', 'string', 'Statut de la fiche (code).', (r) => r.status),
    f('themes', 'Thèmes', 'string', `Codes des thèmes${LIST}.`, (r) => joined(r.themes)),
    f('collectiveId', 'Identifiant du collectif', 'string', 'Collectif de rattachement (identifiant du jeu « collectives »).', (r) => r.collectiveId),
    f('collectiveName', 'Collectif', 'string', 'Nom du collectif de rattachement.', (r) => r.collectiveName),
    f(
      'leadOrganisationId',
      'Identifiant de la structure porteuse',
      'string',
      'Structure porteuse (identifiant du jeu « organisations »).',
      (r) => r.leadOrganisationId,
    ),
    f('leadOrganisationName', 'Structure porteuse', 'string', 'Nom de la structure porteuse.', (r) => r.leadOrganisationName),
    f('communeCode', 'Code commune', 'string', 'Code INSEE de la commune.', (r) => r.communeCode),
    f('communeName', 'Commune', 'string', 'Nom de la commune.', (r) => r.communeName),
    f('departementCode', 'Code département', 'string', 'Code INSEE du département.', (r) => r.departementCode),
    f('regionCode', 'Code région', 'string', 'Code INSEE de la région.', (r) => r.regionCode),
    f('beneficiaries', 'Bénéficiaires', 'integer', 'Nombre de bénéficiaires déclaré.', (r) => r.beneficiaries),
    ...stamps<Project>(),
  ],
  rows: (db) => projectService(db).exportAll(anonymousActor, projectListQuery.parse({})),
};

const organisations: Dataset<Organisation> = {
  title: 'Structures',
  description: 'Les structures de l’annuaire public : identifiants SIRENE, catégorie juridique, type, ESS, ESUS, code NAF, commune, thèmes.',
  primaryKey: ['id'],
  fields: [
    id('de la structure'),
    f('name', 'Nom', 'string', 'Raison sociale ou nom d’usage.', (r) => r.name),
    f('siret', 'SIRET', 'string', 'Numéro SIRET (14 chiffres).', (r) => r.siret),
    f('siren', 'SIREN', 'string', 'Numéro SIREN (9 chiffres).', (r) => r.siren),
    f('legalCategory', 'Catégorie juridique', 'string', 'Catégorie juridique INSEE (4 chiffres).', (r) => r.legalCategory),
    f('kind', 'Type', 'string', 'Type de structure (code).', (r) => r.kind),
    f('siaeKind', 'Type de SIAE', 'string', 'Type de SIAE (ACI, AI, EI, ETTI, EITI) pour une SIAE.', (r) => r.siaeKind),
    f('ess', 'ESS', 'boolean', 'Appartient à l’économie sociale et solidaire (oui/non).', (r) => r.ess),
    f('esus', 'ESUS', 'boolean', 'Agréée entreprise solidaire d’utilité sociale (oui/non).', (r) => r.esus),
    f('nafCode', 'Code NAF', 'string', 'Code d’activité NAF rév. 2.', (r) => r.nafCode),
    f('communeCode', 'Code commune', 'string', 'Code INSEE de la commune.', (r) => r.communeCode),
    f('communeName', 'Commune', 'string', 'Nom de la commune.', (r) => r.communeName),
    f('website', 'Site web', 'string', 'Adresse du site de la structure.', (r) => r.website),
    f('description', 'Description', 'string', 'Présentation de la structure.', (r) => r.description),
    f('themes', 'Thèmes', 'string', `Codes des thèmes${LIST}.`, (r) => joined(r.themes)),
    ...stamps<Organisation>(),
  ],
  rows: (db) => organisationService(db).exportAll(anonymousActor, organisationListQuery.parse({})),
};

const events: Dataset<Event> = {
  title: 'Événements publics',
  description:
    'Les événements publics du réseau (conférences, hackathons, webinaires) : dates, lieu, organisateur, capacité, nombre d’inscrits. Sans les inscrits.',
  primaryKey: ['id'],
  fields: [
    id('de l’événement'),
    f('kind', 'Type', 'string', 'Type d’événement (code).', (r) => r.kind),
    f('programme', 'Programme', 'string', 'Programme de l’événement (code).', (r) => r.programme),
    f('title', 'Titre', 'string', 'Titre de l’événement.', (r) => r.title),
    f('description', 'Description', 'string', 'Présentation de l’événement.', (r) => r.description),
    f('startsAt', 'Début', 'datetime', 'Début (UTC, ISO 8601).', (r) => r.startsAt),
    f('endsAt', 'Fin', 'datetime', 'Fin (UTC, ISO 8601).', (r) => r.endsAt),
    f('address', 'Adresse', 'string', 'Adresse du lieu (vide pour un événement en ligne).', (r) => r.place?.address ?? null),
    f('communeCode', 'Code commune', 'string', 'Code INSEE de la commune du lieu.', (r) => r.place?.communeCode ?? null),
    f('communeName', 'Commune', 'string', 'Nom de la commune du lieu.', (r) => r.place?.communeName ?? null),
    f('onlineUrl', 'Lien en ligne', 'string', 'Adresse de l’événement en ligne.', (r) => r.onlineUrl),
    f(
      'organiserOrganisationId',
      'Identifiant de l’organisateur',
      'string',
      'Structure organisatrice (jeu « organisations »), vide pour l’équipe nationale.',
      (r) => r.organiserOrganisationId,
    ),
    f('organiserName', 'Organisateur', 'string', 'Nom de la structure organisatrice ou « Équipe nationale ».', (r) => r.organiserName),
    f('capacity', 'Capacité', 'integer', 'Nombre de places (vide : sans limite).', (r) => r.capacity),
    f('registeredCount', 'Inscriptions', 'integer', 'Nombre d’inscriptions non annulées.', (r) => r.registeredCount),
    ...stamps<Event>(),
  ],
  rows: (db) => allPages((page) => eventService(db).list(anonymousActor, eventListQuery.parse({ page, pageSize: 200 }))),
};

const measures: Dataset<Measure> = {
  title: 'Mesures du plan de relance',
  description: 'Les mesures du plan de relance : opérateur, volet, budget, fenêtre de candidature, thèmes et critères d’éligibilité en toutes lettres.',
  primaryKey: ['id'],
  fields: [
    id('de la mesure'),
    f('name', 'Nom', 'string', 'Nom de la mesure.', (r) => r.name),
    f('description', 'Description', 'string', 'Présentation de la mesure.', (r) => r.description),
    f('operatorOrganisationId', 'Identifiant de l’opérateur', 'string', 'Structure opératrice (jeu « organisations »).', (r) => r.operatorOrganisationId),
    f('operatorName', 'Opérateur', 'string', 'Nom de la structure opératrice.', (r) => r.operatorName),
    f('component', 'Volet', 'string', 'Volet du plan de relance (code).', (r) => r.component),
    f('budgetEur', 'Budget (€)', 'integer', 'Budget de la mesure en euros.', (r) => r.budgetEur),
    f('opensOn', 'Ouverture', 'date', 'Date d’ouverture des candidatures (AAAA-MM-JJ).', (r) => r.opensOn),
    f('closesOn', 'Clôture', 'date', 'Date de clôture des candidatures (AAAA-MM-JJ).', (r) => r.closesOn),
    f('windowKind', 'Type de fenêtre', 'string', 'Type de fenêtre de candidature (code).', (r) => r.windowKind),
    f('url', 'Lien', 'string', 'Page officielle de la mesure.', (r) => r.url),
    f('themes', 'Thèmes', 'string', `Codes des thèmes${LIST}.`, (r) => joined(r.themes)),
    f('eligibility', 'Éligibilité', 'string', `Critères d’éligibilité, une phrase par critère${LIST}.`, (r) => joined(r.rulesInWords)),
    ...stamps<Measure>(),
  ],
  rows: (db) => allPages((page) => measureService(db).list(anonymousActor, measureListQuery.parse({ page, pageSize: 200 }))),
};

/** The first year the indicators are published for. */
export const FIRST_INDICATOR_YEAR = 2018;
interface IndicatorRow {
  year: number;
  code: string;
  label: string;
  unit: string;
  value: number | null;
}

const indicators: Dataset<IndicatorRow> = {
  title: 'Indicateurs par année',
  description: `La valeur de chaque indicateur du réseau pour chaque année depuis ${FIRST_INDICATOR_YEAR}, calculée en direct.`,
  primaryKey: ['year', 'code'],
  fields: [
    f('year', 'Année', 'integer', 'Année civile.', (r) => r.year),
    f('code', 'Code', 'string', 'Code de l’indicateur.', (r) => r.code),
    f('label', 'Indicateur', 'string', 'Libellé de l’indicateur.', (r) => r.label),
    f('unit', 'Unité', 'string', 'Unité de la valeur.', (r) => r.unit),
    f('value', 'Valeur', 'number', 'Valeur de l’année (vide : non calculable).', (r) => r.value),
  ],
  async rows(db, now) {
    const defs = listIndicators(anonymousActor).items;
    const out: IndicatorRow[] = [];
    for (let year = FIRST_INDICATOR_YEAR; year <= now.getUTCFullYear(); year++) {
      const values = await yearValues(db, year);
      for (const d of defs) out.push({ year, code: d.code, label: d.label, unit: d.unit, value: values[d.code] ?? null });
    }
    return out;
  },
};

// Each dataset's record type stays inside it: the routes only pass rows from its `rows` to its own fields.
const datasets: Record<OpenDataset, Dataset<unknown>> = { collectives, projects, organisations, events, measures, indicators };

function datasetOf(name: string): Dataset<unknown> {
  if (!(openDatasets as readonly string[]).includes(name))
    throw new AppError('not_found', 'unknown_dataset', `Jeu de données inconnu : ${name} (disponibles : ${openDatasets.join(', ')}).`);
  return datasets[name as OpenDataset];
}

const base = '/api/open-data';

/** The catalogue: every dataset, its licence and its links. */
export function catalogue(): { licence: typeof openLicence; datasets: OpenDatasetEntry[] } {
  return {
    licence: openLicence,
    datasets: openDatasets.map((name) => {
      const d = datasets[name];
      return {
        name,
        title: d.title,
        description: d.description,
        licence: openLicence,
        links: { csv: `${base}/${name}.csv`, json: `${base}/${name}.json`, xlsx: `${base}/${name}.xlsx`, schema: `${base}/${name}/schema.json` },
        fieldCount: d.fields.length,
      };
    }),
  };
}

/** The dataset's data dictionary as a Frictionless Table Schema. */
export function tableSchemaOf(name: string): TableSchema {
  const d = datasetOf(name);
  return {
    fields: d.fields.map((x) => ({
      name: x.name,
      title: x.title,
      type: x.type,
      description: x.description,
      ...(x.type === 'boolean' && { trueValues: ['oui', 'true'], falseValues: ['non', 'false'] }),
    })),
    primaryKey: d.primaryKey,
    missingValues: [''],
  };
}

/** `collectives.csv` → the dataset and the format, or a 404 (unknown dataset) / 400 (unknown format). */
export function parseFile(file: string): { dataset: OpenDataset; format: OpenDataFormat } {
  const dot = file.lastIndexOf('.');
  const [name, format] = dot < 0 ? [file, ''] : [file.slice(0, dot), file.slice(dot + 1)];
  datasetOf(name);
  if (!(openDataFormats as readonly string[]).includes(format))
    throw invalid(
      `Format inconnu : « ${format} ». Formats disponibles : ${openDataFormats.join(', ')}.`,
      [{ path: 'file', message: 'Extension .csv, .json ou .xlsx attendue.' }],
      'unknown_format',
    );
  return { dataset: name as OpenDataset, format: format as OpenDataFormat };
}

/** A dataset's rows, each only with its dictionary's fields (in its order), and the columns to write them. */
export async function datasetRows(db: Database, name: OpenDataset, now = new Date()) {
  const d = datasetOf(name);
  const rows = (await d.rows(db, now)).map((r) => Object.fromEntries(d.fields.map((x) => [x.name, x.value(r)])) as Record<string, Cell>);
  const columns: CsvColumn<Record<string, Cell>>[] = d.fields.map((x) => ({ header: x.name, value: (r) => r[x.name] }));
  return { rows, columns };
}
