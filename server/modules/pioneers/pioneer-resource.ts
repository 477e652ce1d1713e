import { type PioneerListQuery, pioneer, pioneerInput, pioneerListQuery, pioneerPatch } from '../../../shared/schemas/pioneer';
import { defineResource } from '../directory/directory-resource';
import { pioneerService } from './pioneer-store';
import { pioneerPolicy } from './pioneer-policy';

export const pioneerResource = defineResource<ReturnType<typeof pioneer.parse>, PioneerListQuery>({
  path: 'pioneers',
  tag: 'Pionniers',
  item: pioneer,
  create: pioneerInput,
  patch: pioneerPatch,
  listQuery: pioneerListQuery,
  csv: [
    { header: 'Structure', value: (p) => p.organisationName },
    { header: 'Année de labellisation', value: (p) => p.labelYear },
    { header: 'Parrain', value: (p) => p.sponsorName },
    { header: 'Bénéficiaires par année', value: (p) => p.beneficiaries.map((b) => `${b.year}:${b.count}`) },
    { header: 'Entreprises championnes', value: (p) => p.champions.map((c) => c.name) },
    { header: 'Identifiant', value: (p) => p.id },
  ],
  service: pioneerService,
  policy: pioneerPolicy,
});
