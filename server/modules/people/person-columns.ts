import type { Person } from '../../../shared/schemas/person';
import { bool, idColumn, list, type TableColumn, text, linkColumn } from '../../../shared/spreadsheet/columns';

/**
 * The spreadsheet form of a person, written by the export and read by the
 * importer: the organisation and the administration by name, SIRET or id.
 */
export const personColumns: TableColumn<Person>[] = [
  { header: 'Prénom', field: 'firstName', parse: text, value: (p) => p.firstName },
  { header: 'Nom', field: 'lastName', parse: text, value: (p) => p.lastName, aliases: ['nom de famille'] },
  { header: 'E-mail', field: 'email', parse: text, value: (p) => p.email, aliases: ['email', 'courriel', 'adresse e-mail'], empty: null },
  { header: 'Téléphone', field: 'phone', parse: text, value: (p) => p.phone, aliases: ['telephone', 'tel'], empty: null },
  linkColumn({ header: 'Structure', field: '_organisation', value: (p) => p.organisationName, aliases: ['organisation'] }, 'organisationId', 'organisation'),
  { header: 'Fonctions', field: 'titles', parse: list, value: (p) => p.titles, aliases: ['fonction', 'poste'], empty: [] },
  { header: 'Accompagnateur finance à impact', field: 'isAdvisor', parse: bool, value: (p) => p.isAdvisor, aliases: ['accompagnateur'], empty: false },
  { header: 'Hacker public', field: 'isPublicSponsor', parse: bool, value: (p) => p.isPublicSponsor, empty: false },
  linkColumn({ header: 'Administration', field: '_administration', value: (p) => p.administrationName }, 'administrationId', 'organisation'),
  idColumn(),
];
