import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../policies/actor';
import { create, orgBody } from '../../test/fixtures';
import { testApp } from '../../test/test-db';
import { deleteOrganisation, insertOrganisations } from '../organisations/organisation-queries';
import { getStats, getTerritoryStats } from './stats-service';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** The database as one server sees it, with every statement it sends written down. */
function countingServer() {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(args.node.kind === 'RawNode' ? args.node.sqlFragments.join('?') : args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: t.db.withPlugin(plugin), statements };
}

describe('key figures under load', () => {
  it('are recounted only when the data changed, and never stale: a write by another server shows at once', async () => {
    const server = countingServer();
    const first = await getStats(server.db, systemActor, new Date());
    const map = await getTerritoryStats(server.db, systemActor, 'departement');

    // Nothing written since: one cheap statement (the database snapshot), no recount.
    server.statements.length = 0;
    const again = await getStats(server.db, systemActor, new Date());
    expect(again).toEqual({ ...first, generatedAt: again.generatedAt });
    expect(await getTerritoryStats(server.db, systemActor, 'departement')).toEqual(map);
    expect(server.statements).toHaveLength(2);
    for (const s of server.statements) expect(s).toMatch(/^select pg_current_snapshot\(\)::text as snapshot$/);

    // Another server (its own connection, no shared memory) writes: the next read counts it.
    await create(t.app, 'organisations', orgBody({ name: 'Recyclerie des Bauges', kind: 'siae', siaeKind: 'ACI' }));
    const after = await getStats(server.db, systemActor, new Date());
    expect(after).toMatchObject({ organisations: first.organisations + 1, siae: first.siae + 1 });

    // So does a write that goes through no service at all (an import, the command line, SQL).
    const [direct] = await insertOrganisations(t.db, [orgBody({ name: 'Atelier direct' }) as never]);
    expect((await getStats(server.db, systemActor, new Date())).organisations).toBe(first.organisations + 2);
    await deleteOrganisation(t.db, direct as string);
    expect((await getStats(server.db, systemActor, new Date())).organisations).toBe(first.organisations + 1);
  });

  it('put a new collective on the map at once', async () => {
    const server = countingServer();
    const before = await getTerritoryStats(server.db, systemActor, 'region');
    const auvergne = (r: typeof before) => r.items.find((i) => i.code === '84')?.collectives;
    await create(t.app, 'collectives', { name: 'Collectif de la Tarentaise', perimeter: ['departement:73'] });
    const after = await getTerritoryStats(server.db, systemActor, 'region');
    expect(auvergne(after)).toBe((auvergne(before) ?? 0) + 1);
  });
});
