import type { DirectoryApi, DirectorySlug } from '../../../../../shared/web-routes';
import { collectives } from './collectives';
import { funds } from './funds';
import { organisations } from './organisations';
import { people } from './people';
import { pioneers } from './pioneers';
import { projects } from './projects';
import { sectorProgrammes } from './sector-programmes';
import type { ResourceConfig } from './types';

export type { Fact, FieldDef, FilterDef, Option, ResourceConfig } from './types';
export { sectorRoleLabels } from './sector-programmes';

export const RESOURCES: Record<DirectorySlug, ResourceConfig> = {
  projets: projects,
  collectifs: collectives,
  structures: organisations,
  personnes: people,
  pionniers: pioneers,
  fonds: funds,
  filieres: sectorProgrammes,
};

export const resourceBySlug = (slug: string | undefined): ResourceConfig | undefined =>
  slug && Object.hasOwn(RESOURCES, slug) ? RESOURCES[slug as DirectorySlug] : undefined;

export const slugOfApi = (api: DirectoryApi): DirectorySlug => (Object.values(RESOURCES).find((r) => r.api === api) as ResourceConfig).slug;

/** How a record of any resource is named in pickers. */
export function labelOf(api: DirectoryApi, r: Record<string, unknown>): string {
  const cfg = RESOURCES[slugOfApi(api)];
  return cfg.titleOf(r);
}
