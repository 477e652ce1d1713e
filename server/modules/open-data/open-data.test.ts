import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataFormats, openDatasets, type TableSchema } from '../../../shared/routes/open-data.routes';
import { demoApp, onPostgres } from '../../test/test-db';

let t: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  t = await demoApp();
}, 180_000);
afterAll(() => t.close());

const get = async (url: string) => {
  const r = await t.anonymous.inject({ url });
  expect(r.statusCode, `${url} → ${r.body.slice(0, 200)}`).toBe(200);
  return r;
};

/** The rows of a dataset's file, each as an object keyed by header, with the headers in order. */
async function read(dataset: string, format: string): Promise<{ headers: string[]; rows: Record<string, unknown>[] }> {
  const r = await get(`/api/open-data/${dataset}.${format}`);
  if (format === 'json') {
    const rows = r.json() as Record<string, unknown>[];
    return { headers: rows[0] ? Object.keys(rows[0]) : [], rows };
  }
  if (format === 'csv') {
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    const [headers = [], ...records] = parse(r.body, { delimiter: ';', bom: true }) as string[][];
    return { headers, rows: records.map((rec) => Object.fromEntries(headers.map((h, i) => [h, rec[i]]))) };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const values: unknown[][] = [];
  ws.eachRow((row) => {
    values.push((row.values as unknown[]).slice(1));
  });
  const [headers = [], ...records] = values as string[][];
  return { headers, rows: records.map((rec) => Object.fromEntries(headers.map((h, i) => [h, rec[i]]))) };
}

const schemaOf = async (dataset: string) => (await get(`/api/open-data/${dataset}/schema.json`)).json() as TableSchema;

describe(`open data (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists every dataset with its licence and links that answer', async () => {
    const cat = (await get('/api/open-data')).json();
    expect(cat.licence.name).toBe('etalab-2.0');
    expect(cat.datasets.map((d: { name: string }) => d.name)).toEqual([...openDatasets]);
    for (const d of cat.datasets) {
      expect(d.licence.title).toMatch(/Licence Ouverte/);
      expect(d.title.length).toBeGreaterThan(3);
      expect(d.description.length).toBeGreaterThan(20);
      for (const link of Object.values(d.links) as string[]) await get(link);
    }
  }, 120_000);

  it('gives each dataset a valid Table Schema', async () => {
    for (const dataset of openDatasets) {
      const s = await schemaOf(dataset);
      expect(s.fields.length).toBeGreaterThan(2);
      const names = s.fields.map((f) => f.name);
      expect(new Set(names).size, dataset).toBe(names.length);
      for (const f of s.fields) {
        expect(f.name).toMatch(/^[a-zA-Z]+$/);
        expect(['string', 'integer', 'number', 'boolean', 'date', 'datetime']).toContain(f.type);
        expect(f.description.length, `${dataset}.${f.name}`).toBeGreaterThan(5);
      }
      expect(s.primaryKey.length).toBeGreaterThan(0);
      for (const k of s.primaryKey) expect(names).toContain(k);
    }
  });

  it('writes each format with the schema’s fields in order, and the same rows', async () => {
    for (const dataset of openDatasets) {
      const names = (await schemaOf(dataset)).fields.map((f) => f.name);
      const counts: number[] = [];
      for (const format of openDataFormats) {
        const { headers, rows } = await read(dataset, format);
        expect(headers, `${dataset}.${format}`).toEqual(names);
        counts.push(rows.length);
      }
      expect(new Set(counts).size, `${dataset}: ${counts}`).toBe(1);
      expect(counts[0], dataset).toBeGreaterThan(0);
    }
  }, 120_000);

  it('holds as many rows as the public lists count', async () => {
    const total = async (path: string) => (await get(`/api/${path}?pageSize=1`)).json().total as number;
    expect(await total('collectives')).toBe(27);
    for (const [dataset, path] of [
      ['collectives', 'collectives'],
      ['projects', 'projects'],
      ['organisations', 'organisations'],
      ['events', 'events'],
      ['measures', 'measures'],
    ] as const)
      expect((await read(dataset, 'json')).rows.length, dataset).toBe(await total(path));
    const indicators = (await get('/api/indicators')).json().items.length as number;
    const years = new Date().getUTCFullYear() - 2018 + 1;
    expect((await read('indicators', 'json')).rows.length).toBe(indicators * years);
  }, 120_000);

  it('publishes only public events', async () => {
    const rows = (await read('events', 'json')).rows;
    const publicIds = new Set(
      ((await t.app.inject({ url: '/api/events?pageSize=200' })).json().items as Array<{ id: string; public: boolean }>)
        .filter((e) => e.public)
        .map((e) => e.id),
    );
    for (const r of rows) expect(publicIds.has(r.id as string)).toBe(true);
  });

  it('contains no e-mail address and no name of the network’s people', async () => {
    const people = await t.db.selectFrom('people').select(['first_name', 'last_name', 'email']).execute();
    expect(people.length).toBeGreaterThan(10);
    const fullNames = people.flatMap((p) => [`${p.first_name} ${p.last_name}`, `${p.last_name} ${p.first_name}`]);
    const emails = people.flatMap((p) => (p.email ? [p.email.toLowerCase()] : []));
    for (const dataset of openDatasets)
      for (const format of ['csv', 'json'] as const) {
        const body = (await get(`/api/open-data/${dataset}.${format}`)).body;
        expect(body, `${dataset}.${format}`).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
        const lower = body.toLowerCase();
        for (const e of emails) expect(lower.includes(e), `${dataset}.${format}: ${e}`).toBe(false);
        for (const n of fullNames) expect(body.includes(n), `${dataset}.${format}: ${n}`).toBe(false);
        for (const key of ['email', 'phone', 'coordinatorName', 'memberIds', 'accountId', 'personId', 'firstName', 'lastName'])
          expect(body.includes(key), `${dataset}.${format}: ${key}`).toBe(false);
      }
  }, 120_000);

  it('answers an unknown dataset with 404 and an unknown format with 400, in the shared error shape', async () => {
    const unknown = await t.anonymous.inject({ url: '/api/open-data/people.csv' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('unknown_dataset');
    expect((await t.anonymous.inject({ url: '/api/open-data/people/schema.json' })).statusCode).toBe(404);
    for (const file of ['collectives.pdf', 'collectives']) {
      const bad = await t.anonymous.inject({ url: `/api/open-data/${file}` });
      expect(bad.statusCode, file).toBe(400);
      expect(bad.json().error.code).toBe('unknown_format');
      expect(bad.json().error.message).toMatch(/csv/);
    }
  });
});
