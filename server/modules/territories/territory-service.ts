import type { TerritoryListQuery } from '../../../shared/schemas/reference';
import type { TerritoryKind } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { notFound } from '../../errors';
import { authorize } from '../../policies/authorize';
import { openDataPolicy } from '../../policies/open-data-policy';
import type { Actor } from '../../policies/actor';
import * as q from './territory-queries';

/** Territories are reference data from the INSEE (read-only through the API). */
export function territoryService(db: Database) {
  return {
    async search(actor: Actor, f: TerritoryListQuery) {
      authorize(actor, 'read', { policy: openDataPolicy });
      return { ...(await q.searchTerritories(db, f)), totalExact: true, page: f.page, pageSize: f.pageSize };
    },
    async exportAll(actor: Actor, f: TerritoryListQuery) {
      authorize(actor, 'read', { policy: openDataPolicy });
      return (await q.exportTerritories(db, f)).items;
    },
    async get(actor: Actor, kind: TerritoryKind, code: string) {
      authorize(actor, 'read', { policy: openDataPolicy });
      const t = await q.getTerritory(db, kind, code);
      if (!t) throw notFound('Territoire', `${kind}:${code}`);
      return t;
    },
  };
}
