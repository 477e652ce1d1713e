import { instrumentLabels, projectStageLabels } from '../../../../../shared/vocabulary';
import { formatEur } from '../../../lib/format';
import { stageOptions, instrumentOptions, relevance, byName, yesNo, territoryFilter, themeFilter, type ResourceOf } from './types';

export const funds: ResourceOf<'funds'> = {
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
    { name: 'manager', label: 'Société de gestion', kind: 'ref', ref: 'organisations' },
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
    { name: 'territories', label: 'Territoires', kind: 'territories', hint: 'Vide\u202F: national' },
    { name: 'themes', label: 'Thématiques', kind: 'themes' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};
