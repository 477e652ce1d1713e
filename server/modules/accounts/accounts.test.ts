import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, tokenAccount } from '../../test/test-db';
import { insertAccounts } from './account-queries';

let t: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  t = await demoApp();
}, 180_000);
afterAll(() => t.close());

describe('accounts and roles (national team)', () => {
  it('lists accounts with their roles, filtered by role or text', async () => {
    const all = (await t.app.inject('/api/accounts?pageSize=50')).json();
    expect(all.total).toBeGreaterThanOrEqual(8);
    expect(all.items.find((a: { email: string }) => a.email === 'coordination.figeac@essaim.test')).toMatchObject({
      roles: [{ role: 'coordinator' }],
      name: expect.any(String),
    });
    const coordinators = (await t.app.inject('/api/accounts?role=coordinator')).json();
    expect(coordinators.items.map((a: { email: string }) => a.email).sort()).toEqual(['coordination.chambery@essaim.test', 'coordination.figeac@essaim.test']);
    expect((await t.app.inject('/api/accounts?q=FINANCEUR')).json().items).toHaveLength(1);
  });

  it('grants a scoped role, which takes effect at once, and records it', async () => {
    const id = await tokenAccount(t.db, { email: 'nouvel.agent@essaim.test', roles: [], token: 'essaim_nouvel-agent' });
    const bearer = { authorization: 'Bearer essaim_nouvel-agent' };
    const chambery = (await t.app.inject('/api/collectives?q=chambery')).json().items[0];
    const project = (await t.app.inject(`/api/projects?collective=${chambery.id}&pageSize=1`)).json().items[0];
    const patch = () =>
      t.anonymous.inject({ method: 'PATCH', url: `/api/projects/${project.id}`, payload: { summary: 'Par le nouvel agent' }, headers: bearer });
    expect((await patch()).statusCode).toBe(403);

    const r = await t.app.inject({ method: 'PUT', url: `/api/accounts/${id}/roles`, payload: { roles: [{ role: 'coordinator', scope: [chambery.id] }] } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().roles).toEqual([{ role: 'coordinator', scope: [chambery.id] }]);
    expect((await patch()).statusCode).toBe(200);
    const audit = (await t.app.inject(`/api/audit?entity=account&record=${id}`)).json().items[0];
    expect(audit).toMatchObject({ action: 'update', before: { roles: [] }, after: { roles: [{ role: 'coordinator', scope: [chambery.id] }] } });

    // Taking the role away closes the door again.
    expect((await t.app.inject({ method: 'PUT', url: `/api/accounts/${id}/roles`, payload: { roles: [] } })).statusCode).toBe(200);
    expect((await patch()).statusCode).toBe(403);
  });

  it('refuses scopes that name nothing, or the wrong kind of record, field by field', async () => {
    const [id] = (await insertAccounts(t.db, [{ email: 'autre.agent@essaim.test', passwordHash: null, roles: [] }])) as [string];
    const org = (await t.app.inject('/api/organisations?pageSize=1')).json().items[0];
    const r = await t.app.inject({
      method: 'PUT',
      url: `/api/accounts/${id}/roles`,
      payload: {
        roles: [{ role: 'coordinator', scope: [org.id] }, { role: 'admin', scope: [org.id] }, { role: 'investor' }],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['roles.0.scope.0', 'roles.1.scope', 'roles.2.scope']);
    expect((await t.app.inject({ method: 'PUT', url: `/api/accounts/${id}/roles`, payload: { roles: [{ role: 'superuser' }] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url: '/api/accounts/4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d/roles', payload: { roles: [] } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject(`/api/accounts/${id}`)).json().roles).toEqual([]);
  });
});
