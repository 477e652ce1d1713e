import { collectiveResource } from './collectives/collective-resource';
import { fundResource } from './funds/fund-resource';
import { organisationResource } from './organisations/organisation-resource';
import { personResource } from './people/person-resource';
import { pioneerResource } from './pioneers/pioneer-resource';
import { projectResource } from './projects/project-resource';
import { sectorProgrammeResource } from './sector-programmes/sector-programme-resource';
import type { Actor } from '../policies/actor';
import type { DirectoryResource } from './directory/directory-resource';
import type { ListQuery } from './directory/directory-service';

/** The directory resources, in the order the API documentation lists them. */
export const directoryResources = [
  collectiveResource,
  projectResource,
  organisationResource,
  personResource,
  fundResource,
  pioneerResource,
  sectorProgrammeResource,
] as unknown as ReadonlyArray<DirectoryResource<{ id: string }, ListQuery>>;

// Keyed by any string: the command line looks up what a person typed.
export const resourceByPath: ReadonlyMap<string, (typeof directoryResources)[number]> = new Map(directoryResources.map((r) => [r.path, r]));

/** The directory resources (API names) this actor may create records in: `creatable` in `GET /api/auth/me`. */
export const creatableResources = (actor: Actor) => directoryResources.filter((r) => r.policy.createSome(actor)).map((r) => r.path);
