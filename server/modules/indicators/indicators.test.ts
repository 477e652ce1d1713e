import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '../../../shared/schemas/indicators';
import { demoApp, onPostgres } from '../../test/test-db';

let t: Awaited<ReturnType<typeof demoApp>>;
let indicators: IndicatorDefinition[];
beforeAll(async () => {
  t = await demoApp();
  indicators = (await get('/api/indicators')).items;
}, 180_000);
afterAll(() => t.close());

async function get(url: string) {
  const r = await t.anonymous.inject({ url });
  expect(r.statusCode, `${url} → ${r.body.slice(0, 300)}`).toBe(200);
  return r.json();
}

/** Every record behind an indicator for a period, page after page. */
async function allRecords(code: string, period: string) {
  const items: Array<{ id: string; value: number; denominator: number | null }> = [];
  for (let page = 1; ; page++) {
    const r = await get(`/api/indicators/${code}/records?${period}&page=${page}&pageSize=500`);
    items.push(...r.items);
    if (items.length >= r.total) return items;
  }
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a)));

describe(`indicators (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists every key figure of /api/stats as an indicator, each fully described', async () => {
    const codes = indicators.map((i) => i.code);
    for (const key of ['collectives', 'projects', 'pioneers', 'champions', 'funds', 'fundsMobilisableEur', 'advisors', 'meetingsHeld', 'investedEur']) {
      expect(codes).toContain(key);
    }
    for (const key of ['publicSponsors', 'administrations', 'siae', 'sponsorshipsActive', 'sectorProgrammes', 'organisations']) expect(codes).toContain(key);
    for (const i of indicators) {
      expect(i.label.length, i.code).toBeGreaterThan(3);
      expect(i.definition.length, i.code).toBeGreaterThan(20);
      expect(['count', 'sum', 'ratio']).toContain(i.aggregation);
    }
  });

  it('gives, for every indicator and year, records whose count (or sum, or ratio of sums) is the value, and parts that add up to the whole', async () => {
    for (const year of [2019, 2020]) {
      for (const def of indicators) {
        const v = await get(`/api/indicators/${def.code}?year=${year}`);
        const records = await allRecords(def.code, `year=${year}`);
        const numerator = records.reduce((n, r) => n + r.value, 0);
        const denominator = records.reduce((n, r) => n + (r.denominator ?? 0), 0);
        const expected = def.aggregation === 'count' ? records.length : def.aggregation === 'sum' ? numerator : denominator ? numerator / denominator : null;
        expect({ code: def.code, year, value: v.value }).toEqual({ code: def.code, year, value: expected === null ? null : v.value });
        expect(close(v.value, expected), `${def.code} ${year}: ${v.value} ≠ ${expected}`).toBe(true);
        expect(new Set(records.map((r) => r.id)).size, def.code).toBe(records.length);
        for (const by of def.disaggregations) {
          const b = await get(`/api/indicators/${def.code}?year=${year}&by=${by}`);
          const parts = b.breakdown as Array<{ records: number; numerator: number; denominator: number | null; value: number }>;
          expect(
            parts.reduce((n, p) => n + p.records, 0),
            `${def.code} by ${by}`,
          ).toBe(v.records);
          expect(
            close(
              parts.reduce((n, p) => n + p.numerator, 0),
              v.numerator,
            ),
            `${def.code} by ${by}`,
          ).toBe(true);
          if (def.aggregation !== 'ratio')
            expect(
              close(
                parts.reduce((n, p) => n + p.value, 0),
                v.value,
              ),
              `${def.code} by ${by}`,
            ).toBe(true);
          else
            expect(
              close(
                parts.reduce((n, p) => n + (p.denominator ?? 0), 0),
                v.denominator ?? 0,
              ),
              `${def.code} by ${by}`,
            ).toBe(true);
        }
      }
    }
  }, 120_000);

  it('reads the 2020 review’s figures for 2020, and history for 2019', async () => {
    const value = async (code: string, year: number) => (await get(`/api/indicators/${code}?year=${year}`)).value as number;
    const y2020 = Object.fromEntries(await Promise.all(indicators.map(async (i) => [i.code, await value(i.code, 2020)])));
    expect(y2020).toMatchObject({ collectives: 27, projects: 400, funds: 25, advisors: 45, meetingsHeld: 360, publicSponsors: 100, siae: 4000 });
    expect(y2020.fundsMobilisableEur).toBeGreaterThanOrEqual(600_000_000);
    expect(y2020.champions).toBeGreaterThanOrEqual(100);
    expect(y2020.administrations).toBeGreaterThanOrEqual(15);
    expect(y2020.hackathons).toBe(2);
    expect(y2020.relanceMeetings).toBe(2);
    // The review: two hackathons, more than 400 people, 12 innovations propelled.
    expect(y2020.hackathonParticipants).toBeGreaterThan(400);
    expect(y2020.innovations).toBe(12);
    expect(y2020.innovationFundingEur).toBeGreaterThan(0);
    expect(y2020.challengeStructures).toBe(4000);
    expect(y2020.pioneerBeneficiariesGrowth).toBeGreaterThanOrEqual(2);
    // Stocks are cumulative to 31 December: the first wave only in 2019; flows count within their year.
    expect(await value('collectives', 2019)).toBe(20);
    expect(await value('meetingsHeld', 2019)).toBe(0);
    const collectives = await get('/api/indicators/collectives?year=2020');
    expect(collectives).toMatchObject({ period: { from: '2020-01-01', to: '2020-12-31' }, previous: { value: 20 }, change: 7, computationVersion: 1 });
    expect(collectives.computedAt).toMatch(/^\d{4}-/);
    // A period of dates: the first wave's label day.
    expect((await get('/api/indicators/collectives?from=2019-07-01&to=2019-07-31')).previous.period).toMatchObject({ from: '2019-05-31', to: '2019-06-30' });
  });

  it('agrees with the live key figures today', async () => {
    const stats = await get('/api/stats');
    const today = new Date().getUTCFullYear();
    for (const code of [
      'collectives',
      'projects',
      'pioneers',
      'champions',
      'funds',
      'fundsMobilisableEur',
      'advisors',
      'publicSponsors',
      'administrations',
      'siae',
    ]) {
      expect({ code, value: (await get(`/api/indicators/${code}?year=${today}`)).value }).toEqual({ code, value: stats[code] });
    }
  });

  it('gives /api/stats?year= the figures as they stood at the end of that year', async () => {
    const y2019 = await get('/api/stats?year=2019');
    expect(y2019).toMatchObject({ year: 2019, collectives: 20, funds: (await get('/api/indicators/funds?year=2019')).value, meetingsHeld: 0, siae: 0 });
    const y2020 = await get('/api/stats?year=2020');
    expect(y2020).toMatchObject({ collectives: 27, projects: 400, funds: 25, meetingsHeld: 360, publicSponsors: 100, siae: 4000 });
  });

  it('answers bad requests with a French 4xx', async () => {
    for (const [url, status] of [
      ['/api/indicators/inconnu?year=2020', 404],
      ['/api/indicators/collectives?year=deux-mille', 400],
      ['/api/indicators/collectives?from=2020-01-01', 400],
      ['/api/indicators/collectives?from=2020-02-30&to=2020-03-01', 400],
      ['/api/indicators/collectives?from=2020-03-01&to=2020-01-01', 400],
      ['/api/indicators/collectives?year=2020&from=2020-01-01&to=2020-02-01', 400],
      ['/api/indicators/sectorProgrammes?year=2020&by=region', 400],
      ['/api/indicators/collectives?year=2020&by=nation', 400],
      ['/api/indicators/snapshots/1990', 400],
    ] as const) {
      const r = await t.anonymous.inject({ url });
      expect({ url, status: r.statusCode }).toEqual({ url, status });
      expect(r.json().error.message, url).toMatch(/[a-zé]/);
    }
  });
});

describe('snapshots', () => {
  it('freezes a year; later edits leave it alone and the diff lists them', async () => {
    expect((await t.anonymous.inject({ method: 'POST', url: '/api/indicators/snapshots', payload: { year: 2020 } })).statusCode).toBe(401);
    expect((await t.anonymous.inject({ url: '/api/indicators/snapshots/2020' })).statusCode).toBe(404);
    const taken = await t.app.inject({ method: 'POST', url: '/api/indicators/snapshots', payload: { year: 2020 } });
    expect(taken.statusCode, taken.body).toBe(201);
    const frozen = await get('/api/indicators/snapshots/2020');
    const of = (s: typeof frozen, code: string) => s.values.find((v: { code: string }) => v.code === code);
    expect(of(frozen, 'collectives')).toMatchObject({ value: 27, records: 27, computationVersion: 1, period: { from: '2020-01-01', to: '2020-12-31' } });
    expect(frozen.values).toHaveLength(indicators.length);
    expect((await get('/api/indicators/snapshots/2020/diff')).differences).toEqual([]);
    // The list of frozen years: who froze it for the national team only.
    expect((await t.anonymous.inject({ url: '/api/indicators/snapshots' })).json().items).toEqual([{ year: 2020, takenAt: frozen.takenAt, takenByName: null }]);
    expect((await t.app.inject({ url: '/api/indicators/snapshots' })).json().items[0].year).toBe(2020);

    // A fund loses its label and a collective is labelled late in 2020: today's 2020 differs, the snapshot does not.
    const fund = await sql<{ id: string }>`select id::text as id from funds order by name limit 1`.execute(t.db);
    await sql`update funds set french_impact = false where id = ${fund.rows[0]?.id}`.execute(t.db);
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/collectives',
      payload: { name: 'Collectif des Bauges', perimeter: ['departement:73'], labelDate: '2020-12-01' },
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(await get('/api/indicators/snapshots/2020')).toEqual(frozen);
    const diff = await get('/api/indicators/snapshots/2020/diff');
    const byCode = Object.fromEntries(diff.differences.map((d: { code: string }) => [d.code, d]));
    expect(byCode.collectives).toMatchObject({ frozen: 27, live: 28, added: [c.json().id], removed: [] });
    expect(byCode.funds).toMatchObject({ frozen: 25, live: 24, added: [], removed: [fund.rows[0]?.id] });
    expect(byCode.fundsMobilisableEur.removed).toEqual([fund.rows[0]?.id]);
    expect(byCode.projects).toBeUndefined();
    await sql`update funds set french_impact = true where id = ${fund.rows[0]?.id}`.execute(t.db);
  });
});
