import type { Organisation } from '../../../shared/schemas/organisation';
import type { TableColumn } from '../directory/table-columns';
import { organisationKindLabels } from '../../../shared/vocabulary';
import { bool, idColumn, list, text, vocabulary } from '../directory/table-columns';

/**
 * The spreadsheet form of an organisation: French headers, read by the
 * importer and written by the exporter, so an export imports back.
 */
export const organisationColumns: TableColumn<Organisation>[] = [
  { header: 'Nom', field: 'name', parse: text, format: (o) => o.name, aliases: ['raison sociale', 'denomination', 'nom de la structure'] },
  { header: 'SIRET', field: 'siret', parse: text, format: (o) => o.siret, empty: null },
  { header: 'SIREN', field: 'siren', parse: text, format: (o) => o.siren, empty: null },
  { header: 'Catégorie juridique', field: 'legalCategory', parse: text, format: (o) => o.legalCategory, aliases: ['forme juridique'], empty: null },
  { header: 'Type', field: 'kind', parse: vocabulary(organisationKindLabels), format: (o) => o.kind, aliases: ['type de structure'] },
  { header: 'Type de SIAE', field: 'siaeKind', parse: text, format: (o) => o.siaeKind, aliases: ['siae'], empty: null },
  { header: 'ESS', field: 'ess', parse: bool, format: (o) => o.ess, empty: false },
  { header: 'ESUS', field: 'esus', parse: bool, format: (o) => o.esus, aliases: ['agrement esus'], empty: false },
  { header: 'Code NAF', field: 'nafCode', parse: text, format: (o) => o.nafCode, aliases: ['naf', 'code ape', 'ape'], empty: null },
  { header: 'Code commune', field: 'communeCode', parse: text, format: (o) => o.communeCode, aliases: ['commune', 'code insee'], empty: null },
  { header: 'Site web', field: 'website', parse: text, format: (o) => o.website, aliases: ['site internet', 'site'], empty: null },
  { header: 'Description', field: 'description', parse: text, format: (o) => o.description, empty: '' },
  { header: 'Thèmes', field: 'themes', parse: list, format: (o) => o.themes, aliases: ['themes', 'thematiques'], empty: [] },
  idColumn(),
];
