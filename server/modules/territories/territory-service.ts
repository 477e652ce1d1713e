import type { TerritoryListQuery } from '../../../shared/schemas/reference';
import type { TerritoryKind } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { forbidden, notFound } from '../../errors';
import type { Actor } from '../auth/actor';
import { canOnDirectory } from '../directory/directory-policy';
import * as q from './territory-queries';

/** Territories are reference data from the INSEE (read-only through the API). */
export function territoryService(db: Database) {
  return {
    async search(actor: Actor, f: TerritoryListQuery) {
      if (!canOnDirectory(actor, 'read')) throw forbidden();
      return { ...(await q.searchTerritories(db, f)), totalExact: true, page: f.page, pageSize: f.pageSize };
    },
    async exportAll(actor: Actor, f: TerritoryListQuery) {
      if (!canOnDirectory(actor, 'read')) throw forbidden();
      return (await q.exportTerritories(db, f)).items;
    },
    async get(actor: Actor, kind: TerritoryKind, code: string) {
      if (!canOnDirectory(actor, 'read')) throw forbidden();
      const t = await q.getTerritory(db, kind, code);
      if (!t) throw notFound('Territoire', `${kind}:${code}`);
      return t;
    },
  };
}
