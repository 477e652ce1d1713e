import {
  type CollectiveListQuery,
  collective,
  collectiveInput,
  collectiveListQuery,
  collectivePatch,
} from '../../../shared/schemas/collective';
import { defineResource } from '../directory/directory-resource';
import { collectiveService } from './collective-service';
import { collectivePolicy } from './collective-policy';

export const collectiveResource = defineResource<ReturnType<typeof collective.parse>, CollectiveListQuery>({
  path: 'collectives',
  tag: 'Collectifs',
  item: collective,
  create: collectiveInput,
  patch: collectivePatch,
  listQuery: collectiveListQuery,
  csv: [
    { header: 'Nom', value: (k) => k.name },
    { header: 'Territoire', value: (k) => k.territoryLabel },
    { header: 'Date de labellisation', value: (k) => k.labelDate },
    { header: 'Vague', value: (k) => k.wave },
    { header: 'Coordination', value: (k) => k.coordinatorName },
    { header: 'Périmètre', value: (k) => k.perimeter.map((t) => `${t.kind}:${t.code}`) },
    { header: 'Projets', value: (k) => k.projectCount },
    { header: 'Membres', value: (k) => k.memberIds.length },
    { header: 'Site web', value: (k) => k.website },
    { header: 'Identifiant', value: (k) => k.id },
  ],
  service: collectiveService,
  policy: collectivePolicy,
});
