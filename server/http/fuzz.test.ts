import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryResources } from '../modules/directory/resources';
import { create, orgBody } from '../test/fixtures';
import { testApp } from '../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
const existing: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  const org = await create(t.app, 'organisations', orgBody());
  const person = await create(t.app, 'people', { firstName: 'Jeanne', lastName: 'Fuzz' });
  existing.organisations = org.id;
  existing.people = person.id;
  existing.collectives = (await create(t.app, 'collectives', { name: 'Collectif Fuzz' })).id;
  existing.projects = (await create(t.app, 'projects', { title: 'Projet Fuzz', stage: 'idea' })).id;
  existing.funds = (await create(t.app, 'funds', { name: 'Fonds Fuzz', amountMobilisableEur: 1000 })).id;
  existing.pioneers = (await create(t.app, 'pioneers', { organisationId: org.id, labelYear: 2020 })).id;
  existing['sector-programmes'] = (await create(t.app, 'sector-programmes', { name: 'Filière Fuzz' })).id;
});
afterAll(() => t.close());

/** Values that look like what clients send, right or wrong. */
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('73065', '99999', 'epci:200069110', 'region:84', 'idea', 'loan', 'siae', 'ACI', '2019-07-04', '2019-02-30', 'https://x.fr', '73282932000074'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('economie-circulaire', 'region:84', 'loan')), { maxLength: 3 }),
  fc.array(fc.record({ year: fc.integer(), count: fc.integer(), organisationId: fc.uuid(), role: fc.string() }, { requiredKeys: [] }), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

const bodyFor = (keys: string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }),
    fc.anything({ maxDepth: 2 }),
  );

describe('random bodies never give a 500', () => {
  for (const resource of directoryResources) {
    const keys = Object.keys((resource.create as unknown as { shape: Record<string, unknown> }).shape);
    it(`POST and PATCH /api/${resource.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(bodyFor(keys), fc.boolean(), async (body, patch) => {
          const r = await t.app.inject({
            method: patch ? 'PATCH' : 'POST',
            url: `/api/${resource.path}${patch ? `/${existing[resource.path]}` : ''}`,
            payload: JSON.stringify(body) ?? 'null',
            headers: { 'content-type': 'application/json' },
          });
          expect(r.statusCode, `${JSON.stringify(body)} → ${r.body}`).toBeLessThan(500);
          if (r.statusCode >= 400) expect(r.json().error.code).toEqual(expect.any(String));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('list queries with random parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...directoryResources.map((r) => r.path), 'territories', 'themes'),
        fc.dictionary(fc.constantFrom('q', 'territory', 'theme', 'page', 'pageSize', 'sort', 'format', 'kind', 'stage', 'amount', 'ess'), fc.oneof(fc.string(), fc.constantFrom('region:84', 'departement:2A', 'csv', '-name', '0', '999999999999'))),
        async (path, params) => {
          const r = await t.app.inject({ url: `/api/${path}?${new URLSearchParams(params).toString()}` });
          expect(r.statusCode, `${path} ${JSON.stringify(params)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
