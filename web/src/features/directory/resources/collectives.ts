import { formatDate, formatInt } from '../../../lib/format';
import { relevance, byName, territoryFilter, type ResourceOf } from './types';

export const collectives: ResourceOf<'collectives'> = {
  slug: 'collectifs',
  api: 'collectives',
  title: 'Collectifs',
  one: 'un collectif',
  newLabel: 'Nouveau collectif',
  intro: 'Les collectifs territoriaux labellisés et leur périmètre.',
  titleOf: (c) => c.name,
  summaryOf: (c) => c.description,
  tagsOf: (c) => [c.territoryLabel, ...(c.wave ? [`Vague ${c.wave}`] : [])].filter(Boolean),
  facts: (c) => [
    { label: 'Territoire', value: c.territoryLabel || '—' },
    { label: 'Périmètre', value: c.perimeter.map((t) => t.name).join(', ') || '—' },
    { label: 'Coordination', value: c.coordinatorName ?? '—', to: c.coordinatorId ? `/personnes/${c.coordinatorId}` : undefined },
    { label: 'Labellisé le', value: formatDate(c.labelDate) },
    { label: 'Vague', value: c.wave ? String(c.wave) : '—' },
    { label: 'Structures membres', value: formatInt(c.memberIds.length) },
    { label: 'Projets', value: formatInt(c.projectCount), to: `/projets?collective=${c.id}` },
    { label: 'Site web', value: c.website ?? '—' },
  ],
  filters: [territoryFilter, { name: 'wave', label: 'Vague de labellisation', kind: 'number' }],
  sorts: [relevance, ...byName, { value: '-labelDate', label: 'Labellisation la plus récente' }],
  fields: [
    { name: 'name', label: 'Nom', kind: 'text', required: true },
    { name: 'territoryLabel', label: 'Territoire (libellé)', kind: 'text', emptyAs: '' },
    { name: 'perimeter', label: 'Périmètre', kind: 'territories', hint: 'Communes, EPCI, départements ou régions' },
    { name: 'coordinatorId', label: 'Coordination', kind: 'ref', ref: 'people' },
    { name: 'labelDate', label: 'Date de labellisation', kind: 'date' },
    { name: 'wave', label: 'Vague', kind: 'number' },
    { name: 'memberIds', label: 'Structures membres', kind: 'refs', ref: 'organisations' },
    { name: 'website', label: 'Site web', kind: 'url', hint: 'https://…' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};
