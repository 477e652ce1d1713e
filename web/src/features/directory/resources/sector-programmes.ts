import { sectorMemberRoles } from '../../../../../shared/vocabulary';
import { formatDate, formatInt } from '../../../lib/format';
import { options, relevance, byName, themeFilter, type ResourceOf } from './types';

export const sectorRoleLabels: Record<(typeof sectorMemberRoles)[number], string> = {
  large_group: 'Grand groupe',
  social_innovator: 'Innovateur social',
  partner: 'Partenaire',
};

export const sectorProgrammes: ResourceOf<'sector-programmes'> = {
  slug: 'filieres',
  api: 'sector-programmes',
  title: 'Filières',
  one: 'une filière',
  newLabel: 'Nouvelle filière',
  intro: 'Les programmes de filière qui réunissent grands groupes et innovateurs sociaux.',
  titleOf: (s) => s.name,
  summaryOf: (s) => s.description,
  tagsOf: (s) => [`${s.members.length} membres`, `${s.projectIds.length} projets`],
  facts: (s) => [
    { label: 'Lancée le', value: formatDate(s.startedOn) },
    ...sectorMemberRoles.map((role) => ({
      label: `${sectorRoleLabels[role]}s`,
      value:
        s.members
          .filter((m) => m.role === role)
          .map((m) => m.name)
          .join(', ') || '—',
    })),
    { label: 'Projets', value: formatInt(s.projectIds.length) },
  ],
  filters: [themeFilter, { name: 'member', label: 'Structure membre', kind: 'ref', ref: 'organisations' }],
  sorts: [relevance, ...byName],
  fields: [
    { name: 'name', label: 'Nom', kind: 'text', required: true },
    { name: 'themeCode', label: 'Thématique', kind: 'theme' },
    { name: 'startedOn', label: 'Date de lancement', kind: 'date' },
    {
      name: 'members',
      label: 'Structures membres',
      kind: 'rows',
      columns: [
        { name: 'organisationId', label: 'Structure', kind: 'ref', ref: 'organisations', required: true },
        { name: 'role', label: 'Rôle', kind: 'select', required: true, options: options(sectorMemberRoles, sectorRoleLabels) },
      ],
      rowsOf: (s) => (s.members as Array<{ organisationId: string; role: string }>).map((m) => ({ organisationId: m.organisationId, role: m.role })),
    },
    { name: 'projectIds', label: 'Projets', kind: 'refs', ref: 'projects' },
    { name: 'description', label: 'Description', kind: 'textarea' },
  ],
};
