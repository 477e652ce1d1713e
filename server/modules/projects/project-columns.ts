import type { Project } from '../../../shared/schemas/project';
import { instrumentLabels, projectStageLabels, projectStatusLabels } from '../../../shared/vocabulary';
import { idColumn, integer, list, type TableColumn, text, vocabulary, vocabularyList } from '../../../shared/spreadsheet/columns';

/**
 * The spreadsheet form of a project. Links are written the way people know
 * them — the collective by name, organisations by SIRET — and resolved to ids
 * by the importer (fields starting with `_`); ids are accepted too.
 */
export const projectColumns: TableColumn<Project>[] = [
  { header: 'Titre', field: 'title', parse: text, value: (p) => p.title, aliases: ['nom du projet', 'projet', 'intitule'] },
  { header: 'Résumé', field: 'summary', parse: text, value: (p) => p.summary, empty: '' },
  { header: 'Description', field: 'description', parse: text, value: (p) => p.description, empty: '' },
  { header: 'Collectif', field: '_collective', parse: text, value: (p) => p.collectiveName, aliases: ['collectif territorial'], empty: null },
  {
    header: 'Structure porteuse (SIRET)',
    field: '_lead',
    parse: text,
    value: (p) => p.leadOrganisationSiret ?? p.leadOrganisationId,
    aliases: ['structure porteuse', 'siret porteur', 'porteur'],
    empty: null,
  },
  { header: 'Partenaires', field: '_partners', parse: list, value: (p) => p.partnerIds, aliases: ['structures partenaires'], empty: [] },
  { header: 'Thèmes', field: '_themes', parse: list, value: (p) => p.themes, aliases: ['themes', 'thematiques'], empty: [] },
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
