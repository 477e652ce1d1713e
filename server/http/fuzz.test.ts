import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlCharacter } from '../../shared/schemas/common';
import { create, orgBody } from '../test/fixtures';
import { testApp } from '../test/test-db';

/**
 * Every route, every text field and query parameter, read from the app's own
 * OpenAPI document (as the authorisation matrix does): a new route or field is
 * fuzzed without a line here. Each value that a client could send wrong —
 * control characters, huge strings, wrong types — must give a 4xx in the error
 * shape, never a 5xx, for the national team and for a visitor; and a control
 * character in any text is refused (4xx), never stored.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  enum?: unknown[];
};
type Operation = {
  parameters?: Array<{ in: 'query' | 'path' | 'header'; name: string; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
};
interface Route {
  method: string;
  path: string;
  op: Operation;
}

let t: Awaited<ReturnType<typeof testApp>>;
let routes: Route[] = [];
let components: Record<string, JsonSchema> = {};
const existing: Record<string, string> = {};
/** A valid body per creation route, so that one bad field is the only fault. */
const validBodies: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  t = await testApp();
  const org = await create(t.app, 'organisations', orgBody());
  existing.organisations = org.id;
  existing.people = (await create(t.app, 'people', { firstName: 'Jeanne', lastName: 'Fuzz' })).id;
  existing.collectives = (await create(t.app, 'collectives', { name: 'Collectif Fuzz' })).id;
  existing.projects = (await create(t.app, 'projects', { title: 'Projet Fuzz', stage: 'idea' })).id;
  existing.funds = (await create(t.app, 'funds', { name: 'Fonds Fuzz', amountMobilisableEur: 1000 })).id;
  existing.pioneers = (await create(t.app, 'pioneers', { organisationId: org.id, labelYear: 2020 })).id;
  existing['sector-programmes'] = (await create(t.app, 'sector-programmes', { name: 'Filière Fuzz' })).id;
  existing.accounts = (await t.app.inject({ url: '/api/accounts?pageSize=1' })).json().items[0].id;
  Object.assign(validBodies, {
    'POST /api/organisations': orgBody({ name: 'Structure Fuzz 2' }),
    'POST /api/people': { firstName: 'Paul', lastName: 'Fuzz' },
    'POST /api/collectives': { name: 'Collectif Fuzz 2' },
    'POST /api/projects': { title: 'Projet Fuzz 2', stage: 'idea' },
    'POST /api/funds': { name: 'Fonds Fuzz 2', amountMobilisableEur: 1000 },
    'POST /api/pioneers': { organisationId: org.id, labelYear: 2021 },
    'POST /api/sector-programmes': { name: 'Filière Fuzz 2' },
    'POST /api/themes': { code: 'theme-fuzz', label: 'Thème fuzz' },
    'POST /api/auth/login': { email: 'personne@essaim.test', password: 'un mot de passe' },
    'POST /api/auth/magic-link': { email: 'personne@essaim.test' },
    'POST /api/auth/tokens': { name: 'script' },
    'PUT /api/accounts/{id}/roles': { roles: [{ role: 'holder', scope: [org.id] }] },
    'POST /api/challenges': {
      title: 'Défi Fuzz',
      partnerIds: [org.id],
      targetKind: 'siae',
      steps: [{ label: 'Diagnostic réalisé', measure: 'Diagnostics', target: 1 }],
      startsOn: '2020-01-01',
      endsOn: '2020-12-31',
    },
  });
  const doc = (await t.anonymous.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  components = doc.components?.schemas ?? {};
  routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}, 180_000);
afterAll(() => t.close());

const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(components[s.$ref.split('/').at(-1) as string] ?? {}) : s);
const typesOf = (s: JsonSchema): string[] => {
  const r = resolve(s);
  const alts = [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])];
  return [...(Array.isArray(r.type) ? r.type : r.type ? [r.type] : []), ...alts.flatMap(typesOf)];
};
const branch = (s: JsonSchema, type: string): JsonSchema | undefined => {
  const r = resolve(s);
  if (typesOf({ ...r, anyOf: [], oneOf: [], allOf: [] }).includes(type)) return r;
  for (const alt of [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])]) {
    const b = branch(alt, type);
    if (b) return b;
  }
  return undefined;
};

/** Every field of a body schema as a path (list items at index 0), with whether it is text. */
function fieldsOf(s: JsonSchema, path: Array<string | number> = []): Array<{ path: Array<string | number>; text: boolean }> {
  const out: Array<{ path: Array<string | number>; text: boolean }> = [];
  const obj = branch(s, 'object');
  for (const [k, v] of Object.entries(obj?.properties ?? {})) {
    out.push({ path: [...path, k], text: typesOf(v).includes('string') });
    const arr = branch(v, 'array');
    if (arr?.items) {
      out.push({ path: [...path, k, 0], text: typesOf(arr.items).includes('string') });
      out.push(...fieldsOf(arr.items, [...path, k, 0]).filter((f) => f.path.length > path.length + 2));
    }
    if (branch(v, 'object')) out.push(...fieldsOf(v, [...path, k]));
  }
  return out;
}

/** `base` with `value` set at `path` (creating objects and lists on the way). */
function withValue(base: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const container = (Array.isArray(base) ? [...base] : typeof base === 'object' && base ? { ...base } : typeof head === 'number' ? [] : {}) as Record<
    string | number,
    unknown
  >;
  container[head] = withValue(container[head], rest, value);
  return container;
}

// NUL, an escape (C0), a C1 control, and a tab (allowed in multi-line text only).
const controlTexts = ['Nom\u0000caché', '\u001b[31mrouge', 'a\u0085b', 'tab\there'];
// Longer than every field's limit (20,000 for a project's description), within the 1 MB body limit.
const hugeTexts = ['é'.repeat(20_001), '\ud800'];
const wrongTypes: unknown[] = [null, -1, 1e308, true, [null], { a: { b: [1] } }];
const queryValues = ['a\u0000b', '\u001b', 'é'.repeat(20_000), '-1', '1e400', '[]', ''];

/** Path parameters filled with records that exist, so that a request reaches its body. */
function concrete(route: Route, override?: { name: string; value: string }) {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (override?.name === name) return encodeURIComponent(override.value);
    if (name === 'id') {
      const resource = route.path.split('/')[2] as string;
      return existing[resource] ?? existing.organisations ?? '';
    }
    return { entity: 'organisations', kind: 'commune', code: route.path.includes('themes') ? 'logement' : '73065' }[name] ?? 'x';
  });
}

const callers = () =>
  [
    ['the national team', t.app],
    ['a visitor', t.anonymous],
  ] as const;
// Requests that would end the caller's session or erase the records the next ones use.
const destructive = (r: Route) => r.method === 'DELETE' || r.path.endsWith('/anonymise') || r.path === '/api/auth/logout';

type Reply = Awaited<ReturnType<typeof t.app.inject>>;
function expectClientAnswer(r: Reply, what: string) {
  expect(r.statusCode, `${what} → ${r.statusCode} ${r.body.slice(0, 300)}`).toBeLessThan(500);
  if (r.statusCode >= 400 && r.headers['content-type']?.toString().startsWith('application/json'))
    expect(r.json().error, `${what} → ${r.body.slice(0, 300)}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
}
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60);

describe('fuzzing every route from the OpenAPI document: never a 5xx', () => {
  it('reads the routes, their text fields and their query parameters from the document', () => {
    expect(routes.length).toBeGreaterThan(50);
    const bodyFields = routes.flatMap((r) => fieldsOf(r.op.requestBody?.content?.['application/json']?.schema ?? {}));
    const queryParams = routes.flatMap((r) => (r.op.parameters ?? []).filter((p) => p.in === 'query'));
    expect(bodyFields.filter((f) => f.text).length).toBeGreaterThan(100);
    expect(queryParams.length).toBeGreaterThan(80);
  });

  it('every body field: control characters, huge strings and wrong types', async () => {
    let sent = 0;
    const closed = new Set<string>();
    for (const route of routes) {
      const schema = route.op.requestBody?.content?.['application/json']?.schema;
      if (!schema || destructive(route)) continue;
      const key = `${route.method} ${route.path}`;
      const base = validBodies[key] ?? {};
      for (const field of fieldsOf(schema)) {
        const values = [...(field.text ? controlTexts : []), ...hugeTexts, ...wrongTypes];
        for (const [who, app] of callers()) {
          for (const value of values) {
            // Access is checked before the body is read (the authorisation matrix proves it): once refused, always refused.
            if (closed.has(`${who} ${key}`)) break;
            const payload = JSON.stringify(withValue(base, field.path, value));
            const r = await app.inject({
              method: route.method as InjectOptions['method'],
              url: concrete(route),
              payload,
              headers: { 'content-type': 'application/json' },
            });
            sent++;
            if (r.statusCode === 401 || r.statusCode === 403) closed.add(`${who} ${key}`);
            const what = `${who}: ${key} ${field.path.join('.')}=${show(value)}`;
            expectClientAnswer(r, what);
            // Tab and line break are allowed in multi-line text only (descriptions); every other control character anywhere.
            const refusedEverywhere = typeof value === 'string' && hasControlCharacter(value, true);
            if (field.text && refusedEverywhere) expect(r.statusCode, `${what}: a control character was accepted`).toBeGreaterThanOrEqual(400);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
  }, 120_000);

  it('every query parameter and path parameter: control characters, huge strings, wrong types, repeated', async () => {
    const closed = new Set<string>();
    for (const route of routes) {
      if (destructive(route)) continue;
      const key = `${route.method} ${route.path}`;
      const body = validBodies[key];
      const payloadOf = () => (route.method === 'GET' ? {} : { payload: JSON.stringify(body ?? {}), headers: { 'content-type': 'application/json' } });
      for (const param of route.op.parameters ?? []) {
        if (param.in === 'header') continue;
        for (const [who, app] of callers()) {
          for (const value of queryValues) {
            if (closed.has(`${who} ${key}`)) break;
            const url = param.in === 'path' ? concrete(route, { name: param.name, value }) : `${concrete(route)}?${new URLSearchParams([[param.name, value]])}`;
            const r = await app.inject({ method: route.method as InjectOptions['method'], url, ...payloadOf() });
            if (r.statusCode === 401 || r.statusCode === 403) closed.add(`${who} ${key}`);
            const what = `${who}: ${key} ${param.in} ${param.name}=${show(value)}`;
            expectClientAnswer(r, what);
            if (hasControlCharacter(value)) expect(r.statusCode, `${what}: a control character was accepted`).toBeGreaterThanOrEqual(400);
          }
          if (param.in === 'query') {
            const repeated = `${concrete(route)}?${param.name}=a&${param.name}=b&${param.name}=%00`;
            expectClientAnswer(
              await app.inject({ method: route.method as InjectOptions['method'], url: repeated, ...payloadOf() }),
              `${who}: ${key} ${param.name} repeated`,
            );
          }
        }
      }
    }
  }, 120_000);
});

/** Values that look like what clients send, right or wrong. */
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '73065',
    '99999',
    'epci:200069110',
    'region:84',
    'idea',
    'loan',
    'siae',
    'ACI',
    '2019-07-04',
    '2019-02-30',
    'https://x.fr',
    '73282932000074',
    '\u0000',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('economie-circulaire', 'region:84', 'loan')), { maxLength: 3 }),
  fc.array(fc.record({ year: fc.integer(), count: fc.integer(), organisationId: fc.uuid(), role: fc.string() }, { requiredKeys: [] }), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

describe('random combinations never give a 5xx', () => {
  it('bodies of every writing route, as the national team', async () => {
    const writing = routes.filter((r) => r.op.requestBody?.content?.['application/json'] && !destructive(r));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writing), fc.integer({ min: 0, max: 1000 }), async (route, seed) => {
        const keys = fieldsOf(route.op.requestBody?.content?.['application/json']?.schema ?? {})
          .filter((f) => f.path.length === 1)
          .map((f) => f.path[0] as string);
        const body = fc.sample(fc.oneof(fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), value), fc.anything({ maxDepth: 2 })), {
          numRuns: 1,
          seed,
        })[0];
        const base = validBodies[`${route.method} ${route.path}`];
        const payload = JSON.stringify(base && body && typeof body === 'object' && !Array.isArray(body) ? { ...base, ...body } : body) ?? 'null';
        const r = await t.app.inject({
          method: route.method as InjectOptions['method'],
          url: concrete(route),
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expectClientAnswer(r, `${route.method} ${route.path} ${payload.slice(0, 200)}`);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('query strings of every route, as a visitor', async () => {
    const reading = routes.filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reading),
        fc.array(
          fc.tuple(
            fc.string({ maxLength: 12 }),
            fc.oneof(fc.string(), fc.constantFrom('region:84', 'departement:2A', 'csv', '-name', '0', '999999999999', '%00')),
          ),
          { maxLength: 4 },
        ),
        async (route, extra) => {
          const names = (route.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
          const params = extra.map(([k, v], i) => [names.length ? (names[i % names.length] as string) : k, v] as [string, string]);
          const r = await t.anonymous.inject({ url: `${concrete(route)}?${new URLSearchParams(params)}` });
          expectClientAnswer(r, `${route.path} ${JSON.stringify(params)}`);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
