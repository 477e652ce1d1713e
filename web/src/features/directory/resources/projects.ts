import type { Project } from '../../../../../shared/schemas/project';
import { instrumentLabels, projectStageLabels, projectStatuses, projectStatusLabels } from '../../../../../shared/vocabulary';
import { formatEur, formatInt } from '../../../lib/format';
import { options, stageOptions, instrumentOptions, relevance, territoryFilter, themeFilter, communeOf, type ResourceConfig } from './types';

export const projects: ResourceConfig<Project> = {
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
