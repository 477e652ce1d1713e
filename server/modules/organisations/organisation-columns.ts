import type { Organisation } from '../../../shared/schemas/organisation';
import type { TableColumn } from '../../../shared/spreadsheet/columns';
import { organisationKindLabels } from '../../../shared/vocabulary';
import { bool, idColumn, text, vocabulary, themesColumn } from '../../../shared/spreadsheet/columns';

/**
 * The spreadsheet form of an organisation: French headers, read by the
 * importer and written by the exporter, so an export imports back.
 */
export const organisationColumns: TableColumn<Organisation>[] = [
  { header: 'Nom', field: 'name', parse: text, value: (o) => o.name, aliases: ['raison sociale', 'denomination', 'nom de la structure'] },
  { header: 'SIRET', field: 'siret', parse: text, value: (o) => o.siret, empty: null },
  { header: 'SIREN', field: 'siren', parse: text, value: (o) => o.siren, empty: null },
  { header: 'Catégorie juridique', field: 'legalCategory', parse: text, value: (o) => o.legalCategory, aliases: ['forme juridique'], empty: null },
  { header: 'Type', field: 'kind', parse: vocabulary(organisationKindLabels), value: (o) => o.kind, aliases: ['type de structure'] },
  { header: 'Type de SIAE', field: 'siaeKind', parse: text, value: (o) => o.siaeKind, aliases: ['siae'], empty: null },
  { header: 'ESS', field: 'ess', parse: bool, value: (o) => o.ess, empty: false },
  { header: 'ESUS', field: 'esus', parse: bool, value: (o) => o.esus, aliases: ['agrement esus'], empty: false },
  { header: 'Code NAF', field: 'nafCode', parse: text, value: (o) => o.nafCode, aliases: ['naf', 'code ape', 'ape'], empty: null },
  { header: 'Code commune', field: 'communeCode', parse: text, value: (o) => o.communeCode, aliases: ['commune', 'code insee'], empty: null },
  { header: 'Site web', field: 'website', parse: text, value: (o) => o.website, aliases: ['site internet', 'site'], empty: null },
  { header: 'Description', field: 'description', parse: text, value: (o) => o.description, empty: '' },
  themesColumn(),
  idColumn(),
];
