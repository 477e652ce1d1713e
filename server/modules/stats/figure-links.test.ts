import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FigureKey, figureLinks, figureValue, stageLink, UNLISTED_FIGURES } from '../../../shared/figure-links';
import type { Stats } from '../../../shared/schemas/reference';
import { projectStages } from '../../../shared/vocabulary';
import { directorySlugs } from '../../../shared/web-routes';
import { demoApp, onPostgres } from '../../test/test-db';

let t: Awaited<ReturnType<typeof demoApp>>;
let stats: Stats;
beforeAll(async () => {
  t = await demoApp();
  stats = (await t.anonymous.inject({ url: '/api/stats' })).json();
}, 180_000);
afterAll(() => t.close());

const get = async (url: string) => {
  const r = await t.anonymous.inject({ url });
  expect(r.statusCode, `${url} → ${r.body.slice(0, 200)}`).toBe(200);
  return r.json();
};

/**
 * What a visitor finds behind a web page link: the directory list it shows
 * (its filters are the API's query parameters) or the table of covered
 * territories. Amounts are summed over the records listed.
 */
async function follow(link: string, sum?: 'amountMobilisableEur') {
  const [path = '', query = ''] = link.split('?');
  const params = new URLSearchParams(query);
  if (path === '/territoires') return (await get(`/api/stats/territories?level=${params.get('niveau')}&covered=true`)).items.length as number;
  const api = directorySlugs[path.slice(1) as keyof typeof directorySlugs];
  expect(api, `${link} is no directory list`).toBeDefined();
  if (!sum) return (await get(`/api/${api}?${params}&pageSize=1`)).total as number;
  const all = await get(`/api/${api}?${params}&pageSize=200`);
  expect(all.total).toBeLessThanOrEqual(200);
  return (all.items as Array<Record<string, number>>).reduce((n, r) => n + (r[sum] ?? 0), 0);
}

describe(`key figures trace back (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('gives every figure of /api/stats a link', () => {
    const counted = [
      ...Object.keys(stats).filter((k) => !['territoriesCovered', 'projectsByStage', 'generatedAt', ...UNLISTED_FIGURES].includes(k)),
      ...Object.keys(stats.territoriesCovered),
    ];
    expect(counted.filter((k) => !(k in figureLinks))).toEqual([]);
  });

  it('opens, behind each figure, a list whose count (or sum) is the figure', async () => {
    const found: Record<string, number> = {};
    const shown: Record<string, number> = {};
    for (const key of Object.keys(figureLinks) as FigureKey[]) {
      shown[key] = figureValue(stats, key);
      found[key] = await follow(figureLinks[key], key === 'fundsMobilisableEur' ? 'amountMobilisableEur' : undefined);
    }
    expect(found).toEqual(shown);
    // The demo network's figures are not all the same list: champions are not the Pionniers.
    expect(stats.champions).toBeGreaterThan(stats.pioneers);
    expect(stats.territoriesCovered.departements).toBeGreaterThan(0);
  });

  it('opens, behind each stage, the projects at that stage', async () => {
    for (const stage of projectStages) expect(await follow(stageLink(stage)), stage).toBe(stats.projectsByStage[stage] ?? 0);
  });

  it('lists no overseas collectivity as a région or a département', async () => {
    for (const level of ['region', 'departement']) {
      const codes = ((await get(`/api/stats/territories?level=${level}`)).items as Array<{ code: string }>).map((r) => r.code);
      expect(
        codes.filter((c) => ['975', '977', '978', '984', '986', '987', '988', '989'].includes(c)),
        level,
      ).toEqual([]);
    }
    expect(((await get('/api/stats/territories?level=region')).items as unknown[]).length).toBe(18);
  });
});
