import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const valid = {
  name: 'Régie de quartier Économie Solidaire',
  siret: '73282932000074',
  kind: 'ess_structure',
  ess: true,
  communeCode: '73065',
  themes: ['economie-circulaire'],
};

describe('organisations API', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: valid });
    expect(created.statusCode, created.body).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ name: valid.name, siret: valid.siret, siren: '732829320', communeName: 'Chambéry', themes: ['economie-circulaire'] });

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { esus: true, website: 'https://regie.example.fr' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ esus: true, ess: true, website: 'https://regie.example.fr', siret: valid.siret });

    const list = await t.app.inject({ url: '/api/organisations?q=economie&territory=departement:73' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: org.id }] });
    const elsewhere = await t.app.inject({ url: '/api/organisations?q=economie&territory=region:11' });
    expect(elsewhere.json().total).toBe(0);

    const del = await t.app.inject({ method: 'DELETE', url: `/api/organisations/${org.id}` });
    expect(del.statusCode).toBe(204);
    const gone = await t.app.inject({ url: `/api/organisations/${org.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
  });

  it('names each bad field in a 400', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { name: '', siret: '12345678901234', kind: 'nope' } });
    expect(r.statusCode).toBe(400);
    const paths = r.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'siret', 'kind']));
  });

  it('answers 409 on a duplicate SIRET', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { ...valid, name: 'A' } });
    expect(a.statusCode).toBe(201);
    const b = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { ...valid, name: 'B' } });
    expect(b.statusCode).toBe(409);
    expect(b.json().error.code).toBe('duplicate_siret');
  });
});

describe('counting large result sets', () => {
  it('counts exactly up to the cap, then says the count is a floor', async () => {
    const { insertOrganisations } = await import('./organisation-queries');
    const { COUNT_CAP } = await import('../../db/sql-helpers');
    await insertOrganisations(
      t.db,
      Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({ name: `Association Comptage ${i}`, kind: 'ess_structure' as const, communeCode: '26362' })),
    );
    const r = (await t.app.inject({ url: '/api/organisations?q=comptage&pageSize=1' })).json();
    expect(r).toMatchObject({ total: COUNT_CAP, totalExact: false });
    // Too many matches to rank: alphabetical order, served by the name index.
    expect(r.items[0].name).toBe('Association Comptage 0');
    const small = (await t.app.inject({ url: '/api/organisations?q=comptage%2010000' })).json();
    expect(small.totalExact).toBe(true);
  }, 60_000);
});
