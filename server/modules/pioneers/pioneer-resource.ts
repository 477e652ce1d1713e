import { defineResource } from '../directory/directory-resource';
import { pioneerService } from './pioneer-store';
import { pioneerPolicy } from './pioneer-policy';

export const pioneerResource = defineResource({
  path: 'pioneers',
  csv: [
    { header: 'Structure', value: (p) => p.organisationName },
    { header: 'Année de labellisation', value: (p) => p.labelYear },
    { header: 'Bénéficiaires par année', value: (p) => p.beneficiaries.map((b) => `${b.year}:${b.count}`) },
    { header: 'Entreprises championnes', value: (p) => p.champions.map((c) => c.name) },
    { header: 'Identifiant', value: (p) => p.id },
  ],
  service: pioneerService,
  policy: pioneerPolicy,
});
