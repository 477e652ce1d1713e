import type { Project } from '../../../shared/schemas/project';
import { instrumentLabels, projectStageLabels, projectStatusLabels } from '../../../shared/vocabulary';
import { idColumn, integer, type TableColumn, text, vocabulary, vocabularyList, linkColumn, themesColumn } from '../../../shared/spreadsheet/columns';

/**
 * The spreadsheet form of a project. Links are written the way people know
 * them — the collective by name, organisations by SIRET — and resolved to ids
 * by the importer (fields starting with `_`); ids are accepted too.
 */
export const projectColumns: TableColumn<Project>[] = [
  { header: 'Titre', field: 'title', parse: text, value: (p) => p.title, aliases: ['nom du projet', 'projet', 'intitule'] },
  { header: 'Résumé', field: 'summary', parse: text, value: (p) => p.summary, empty: '' },
  { header: 'Description', field: 'description', parse: text, value: (p) => p.description, empty: '' },
  linkColumn({ header: 'Collectif', field: '_collective', value: (p) => p.collectiveName, aliases: ['collectif territorial'] }, 'collectiveId', 'collective'),
  linkColumn(
    {
      header: 'Structure porteuse (SIRET)',
      field: '_lead',
      value: (p) => p.leadOrganisationSiret ?? p.leadOrganisationId,
      aliases: ['structure porteuse', 'siret porteur', 'porteur'],
    },
    'leadOrganisationId',
    'organisation',
  ),
  linkColumn({ header: 'Partenaires', field: '_partners', value: (p) => p.partnerIds, aliases: ['structures partenaires'] }, 'partnerIds', 'organisation', {
    list: true,
  }),
  themesColumn('_themes'),
  { header: 'Stade', field: 'stage', parse: vocabulary(projectStageLabels), value: (p) => p.stage, aliases: ['etape', 'maturite'] },
  {
    header: 'Besoin de financement (€)',
    field: 'fundingNeedEur',
    parse: integer,
    value: (p) => p.fundingNeedEur,
    aliases: ['besoin de financement', 'montant recherche', 'besoin'],
    empty: null,
  },
  { header: 'Instruments', field: 'instruments', parse: vocabularyList(instrumentLabels), value: (p) => p.instruments, empty: [] },
  { header: 'Code commune', field: 'communeCode', parse: text, value: (p) => p.communeCode, aliases: ['commune', 'code insee'], empty: null },
  { header: 'Statut', field: 'status', parse: vocabulary(projectStatusLabels), value: (p) => p.status },
  { header: 'Bénéficiaires', field: 'beneficiaries', parse: integer, value: (p) => p.beneficiaries, aliases: ['nombre de beneficiaires'], empty: null },
  idColumn(),
];
