import type { Collective } from '../../../shared/schemas/collective';
import { date, idColumn, integer, list, type TableColumn, text, linkColumn } from '../../../shared/spreadsheet/columns';

/**
 * The spreadsheet form of a collective, written by the export and read by the
 * importer: the coordinator by name (or id), the perimeter as `kind:code`;
 * the counts of projects and members are for reading only.
 */
export const collectiveColumns: TableColumn<Collective>[] = [
  { header: 'Nom', field: 'name', parse: text, value: (k) => k.name, aliases: ['collectif', 'nom du collectif'] },
  { header: 'Territoire', field: 'territoryLabel', parse: text, value: (k) => k.territoryLabel, empty: '' },
  { header: 'Date de labellisation', field: 'labelDate', parse: date, value: (k) => k.labelDate, aliases: ['labellisation'], empty: null },
  { header: 'Vague', field: 'wave', parse: integer, value: (k) => k.wave, empty: null },
  linkColumn(
    { header: 'Coordination', field: '_coordinator', value: (k) => k.coordinatorName, aliases: ['coordinateur', 'coordinatrice'] },
    'coordinatorId',
    'person',
  ),
  { header: 'Périmètre', field: 'perimeter', parse: list, value: (k) => k.perimeter.map((t) => `${t.kind}:${t.code}`), empty: [] },
  { header: 'Projets', field: '_projectCount', parse: text, value: (k) => k.projectCount, readOnly: true },
  { header: 'Membres', field: '_memberCount', parse: text, value: (k) => k.memberIds.length, readOnly: true },
  { header: 'Site web', field: 'website', parse: text, value: (k) => k.website, aliases: ['site internet', 'site'], empty: null },
  { header: 'Description', field: 'description', parse: text, value: (k) => k.description, empty: '' },
  idColumn(),
];
