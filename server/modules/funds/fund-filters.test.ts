import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from '../../test/fixtures';
import { onPostgres, testApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  const fund = (name: string, over: Record<string, unknown>) => create(t.app, 'funds', { name, amountMobilisableEur: 1_000_000, ...over });
  await fund('Fonds Énergie Savoie', { themes: ['energies-renouvelables'], territories: ['departement:73'] });
  await fund('Fonds généraliste national', {});
  await fund('Fonds Alimentation Bretagne', { themes: ['alimentation-durable'], territories: ['region:53'] });
});
afterAll(() => t.close());

const names = async (query: string) =>
  ((await t.anonymous.inject({ url: `/api/funds?${query}` })).json().items as Array<{ name: string }>)
    .map((f) => f.name)
    .sort((a, b) => a.localeCompare(b, 'fr'));

describe(`funds list filters (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('finds a fund without theme restriction under every theme, as the matching engine does', async () => {
    expect(await names('theme=energies-renouvelables')).toEqual(['Fonds Énergie Savoie', 'Fonds généraliste national']);
    expect(await names('theme=alimentation-durable')).toEqual(['Fonds Alimentation Bretagne', 'Fonds généraliste national']);
  });

  it('finds a fund without territory restriction in every territory', async () => {
    expect(await names('territory=commune:73065')).toEqual(['Fonds Énergie Savoie', 'Fonds généraliste national']);
    expect(await names('territory=departement:13')).toEqual(['Fonds généraliste national']);
    expect(await names('theme=energies-renouvelables&territory=region:53')).toEqual(['Fonds généraliste national']);
  });
});
