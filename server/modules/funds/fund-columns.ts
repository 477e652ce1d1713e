import type { Fund } from '../../../shared/schemas/fund';
import { instrumentLabels, projectStageLabels } from '../../../shared/vocabulary';
import { bool, idColumn, integer, list, type TableColumn, text, vocabularyList, linkColumn, themesColumn } from '../../../shared/spreadsheet/columns';

/**
 * The spreadsheet form of a fund, written by the export and read by the
 * importer: the manager by name, SIRET or id; territories as `kind:code`.
 */
export const fundColumns: TableColumn<Fund>[] = [
  { header: 'Nom', field: 'name', parse: text, value: (f) => f.name, aliases: ['fonds', 'nom du fonds'] },
  linkColumn({ header: 'Société de gestion', field: '_manager', value: (f) => f.managerName, aliases: ['gestionnaire'] }, 'managerId', 'organisation'),
  { header: 'Bannière French Impact', field: 'frenchImpact', parse: bool, value: (f) => f.frenchImpact, aliases: ['french impact'], empty: false },
  {
    header: 'Montant mobilisable (€)',
    field: 'amountMobilisableEur',
    parse: integer,
    value: (f) => f.amountMobilisableEur,
    aliases: ['montant mobilisable', 'montant'],
  },
  { header: 'Ticket minimum (€)', field: 'ticketMinEur', parse: integer, value: (f) => f.ticketMinEur, aliases: ['ticket minimum'], empty: null },
  { header: 'Ticket maximum (€)', field: 'ticketMaxEur', parse: integer, value: (f) => f.ticketMaxEur, aliases: ['ticket maximum'], empty: null },
  themesColumn(),
  { header: 'Territoires', field: 'territories', parse: list, value: (f) => f.territories.map((t) => `${t.kind}:${t.code}`), empty: [] },
  { header: 'Stades', field: 'stages', parse: vocabularyList(projectStageLabels), value: (f) => f.stages, empty: [] },
  { header: 'Instruments', field: 'instruments', parse: vocabularyList(instrumentLabels), value: (f) => f.instruments, empty: [] },
  { header: 'Description', field: 'description', parse: text, value: (f) => f.description, empty: '' },
  idColumn(),
];
