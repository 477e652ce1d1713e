import { formatInt } from '../../../lib/format';
import { PioneerGrowth } from '../../indicators/PioneerGrowth';
import { relevance, byName, territoryFilter, type ResourceOf } from './types';

export const pioneers: ResourceOf<'pioneers'> = {
  slug: 'pionniers',
  api: 'pioneers',
  title: 'Pionniers',
  one: 'un Pionnier',
  newLabel: 'Nouveau Pionnier',
  intro: 'Les Pionniers French Impact qui changent d’échelle, et les entreprises championnes qui les accompagnent.',
  titleOf: (p) => p.organisationName,
  summaryOf: (p) => p.description,
  listHeader: PioneerGrowth,
  tagsOf: (p) => [`Promotion ${p.labelYear}`, `${p.champions.length} champions`],
  facts: (p) => [
    { label: 'Structure', value: p.organisationName, to: `/structures/${p.organisationId}` },
    { label: 'Promotion', value: String(p.labelYear) },
    { label: 'Entreprises championnes', value: p.champions.map((c) => c.name).join(', ') || '—' },
    { label: 'Bénéficiaires', value: p.beneficiaries.map((b) => `${b.year} : ${formatInt(b.count)}`).join(' · ') || '—' },
  ],
  filters: [territoryFilter, { name: 'labelYear', label: 'Promotion (année)', kind: 'number' }],
  sorts: [relevance, ...byName, { value: '-labelYear', label: 'Promotion la plus récente' }],
  fields: [
    { name: 'organisationId', label: 'Structure', kind: 'ref', ref: 'organisations', required: true },
    { name: 'labelYear', label: 'Promotion (année)', kind: 'number', required: true },
    {
      name: 'championIds',
      label: 'Entreprises championnes',
      kind: 'refs',
      ref: 'organisations',
      idsOf: (p) => (p.champions as Array<{ id: string }>).map((c) => c.id),
    },
    {
      name: 'beneficiaries',
      label: 'Bénéficiaires par année',
      kind: 'rows',
      columns: [
        { name: 'year', label: 'Année', kind: 'number', required: true },
        { name: 'count', label: 'Bénéficiaires', kind: 'number', required: true },
      ],
      rowsOf: (p) => (p.beneficiaries as Array<{ year: number; count: number }>).map((b) => ({ year: String(b.year), count: String(b.count) })),
    },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};
