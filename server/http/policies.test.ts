import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp } from '../test/test-db';

/**
 * What each role is shown, through the HTTP API on the demo network: the
 * `actions` every record carries and the personal data and funding details
 * the policies reserve to those who need them.
 */
let t: Awaited<ReturnType<typeof demoApp>>;
const sessions: Record<string, Record<string, string>> = {};
const demoRoles = ['equipe', 'coordination.figeac', 'coordination.chambery', 'porteur.voisiwatt', 'financeur', 'hacker.public', 'operateur'] as const;

beforeAll(async () => {
  t = await demoApp();
  for (const role of demoRoles) {
    const r = await t.anonymous.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `${role}@essaim.test`, password: 'essaim-demo-2020' } });
    const cookie = r.cookies.find((c) => c.name === 'essaim_session');
    sessions[role] = { cookie: `essaim_session=${cookie?.value}`, 'x-csrf-token': r.json().csrfToken };
  }
}, 180_000);
afterAll(() => t.close());

const get = (who: string, url: string) => t.anonymous.inject({ url, headers: sessions[who] ?? {} });

describe('actions on every record', () => {
  it('tells the national team, and only it, that themes may be edited and deleted', async () => {
    expect((await get('equipe', '/api/themes')).json().items[0].actions).toEqual(['update', 'delete']);
    expect((await get('equipe', '/api/themes/logement')).json().actions).toEqual(['update', 'delete']);
    for (const who of ['visitor', 'coordination.figeac', 'financeur']) expect((await get(who, '/api/themes')).json().items[0].actions, who).toEqual([]);
  });
  it('tells the national team that accounts may be given roles', async () => {
    const list = (await get('equipe', '/api/accounts?pageSize=2')).json();
    expect(list.items[0].actions).toEqual(['update']);
    expect((await get('equipe', `/api/accounts/${list.items[0].id}`)).json().actions).toEqual(['update']);
  });
});
