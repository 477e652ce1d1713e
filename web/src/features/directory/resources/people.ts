import { relevance, byName, yesNo, type ResourceOf } from './types';

export const people: ResourceOf<'people'> = {
  slug: 'personnes',
  api: 'people',
  title: 'Personnes',
  one: 'une personne',
  newLabel: 'Nouvelle personne',
  intro: 'Coordinations, conseillers et hackers publics du réseau.',
  titleOf: (p) => `${p.firstName} ${p.lastName}`,
  summaryOf: (p) => p.titles.join(' · '),
  tagsOf: (p) => [...(p.isAdvisor ? ['Conseiller'] : []), ...(p.isPublicSponsor ? ['Hacker public'] : []), ...(p.organisationName ? [p.organisationName] : [])],
  facts: (p) => [
    { label: 'Structure', value: p.organisationName ?? '—', to: p.organisationId ? `/structures/${p.organisationId}` : undefined },
    { label: 'Fonctions', value: p.titles.join(', ') || '—' },
    { label: 'Courriel', value: p.email ?? '—', restricted: true },
    { label: 'Téléphone', value: p.phone ?? '—', restricted: true },
    { label: 'Conseiller Impact Finance', value: p.isAdvisor ? 'Oui' : 'Non' },
    { label: 'Hacker public', value: p.isPublicSponsor ? `Oui (${p.administrationName ?? '—'})` : 'Non' },
  ],
  filters: [
    { name: 'advisor', label: 'Conseiller Impact Finance', kind: 'boolean', options: yesNo },
    { name: 'publicSponsor', label: 'Hacker public', kind: 'boolean', options: yesNo },
    { name: 'organisation', label: 'Structure', kind: 'ref', ref: 'organisations' },
  ],
  sorts: [relevance, ...byName],
  fields: [
    { name: 'firstName', label: 'Prénom', kind: 'text', required: true },
    { name: 'lastName', label: 'Nom', kind: 'text', required: true },
    { name: 'email', label: 'Courriel', kind: 'email' },
    { name: 'phone', label: 'Téléphone', kind: 'tel' },
    { name: 'organisationId', label: 'Structure', kind: 'ref', ref: 'organisations' },
    { name: 'isAdvisor', label: 'Conseiller Impact Finance', kind: 'checkbox' },
    { name: 'isPublicSponsor', label: 'Hacker public', kind: 'checkbox' },
    { name: 'administrationId', label: 'Administration de rattachement', kind: 'ref', ref: 'organisations', hint: 'Pour un hacker public' },
  ],
};
