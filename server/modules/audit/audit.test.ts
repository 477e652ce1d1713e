import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, freshSiret, orgBody } from '../../test/fixtures';
import { testApp } from '../../test/test-db';
import { anonymousActor, systemActor } from '../../policies/actor';
import { importService } from '../imports/import-service';
import { appendAudit } from './audit-queries';
import { readAudit } from './audit-service';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const trail = (record?: string) => readAudit(t.db, systemActor, { limit: 100, ...(record ? { record } : {}) });

describe('audit log', () => {
  it('records who, when, what, before and after for create, update and delete', async () => {
    const org = await create(t.app, 'organisations', orgBody({ name: 'Avant' }));
    await t.app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Après' } });
    await t.app.inject({ method: 'DELETE', url: `/api/organisations/${org.id}` });
    const history = await trail(org.id);
    expect(history.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    const [del, upd, cre] = history;
    expect(cre).toMatchObject({ entity: 'organisations', actor: { kind: 'account', id: expect.any(String) }, before: null, after: { name: 'Avant' } });
    expect(upd).toMatchObject({ before: { name: 'Avant' }, after: { name: 'Après' } });
    expect(del).toMatchObject({ before: { name: 'Après' }, after: null });
    expect(Date.parse(cre?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('writes nothing to the trail when the write is refused', async () => {
    const before = (await trail()).length;
    const r = await t.app.inject({ method: 'POST', url: '/api/projects', payload: { title: 'X', stage: 'idea', communeCode: '99999' } });
    expect(r.statusCode).toBe(400);
    expect((await trail()).length).toBe(before);
  });

  it('records each imported row and each theme change', async () => {
    const siret = freshSiret();
    await importService(t.db).importFile(systemActor, 'organisations', {
      bytes: new TextEncoder().encode(`Nom;SIRET;Type\nImportée;${siret};ess_structure\n`),
    });
    const imported = (await readAudit(t.db, systemActor, { limit: 10, action: 'import' }))[0];
    expect(imported).toMatchObject({ actor: { kind: 'system' }, entity: 'organisations', after: { name: 'Importée', siret } });
    await t.app.inject({ method: 'POST', url: '/api/themes', payload: { code: 'audit-theme', label: 'Audit' } });
    await t.app.inject({ method: 'PATCH', url: '/api/themes/audit-theme', payload: { label: 'Audit 2' } });
    await t.app.inject({ method: 'DELETE', url: '/api/themes/audit-theme' });
    expect((await trail('audit-theme')).map((e) => e.action)).toEqual(['delete', 'update', 'create']);
  });

  it('filters by entity, actor and day, and is not readable by visitors', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const themes = await readAudit(t.db, systemActor, { limit: 100, entity: 'themes', since: today, until: today });
    expect(themes.every((e) => e.entity === 'themes')).toBe(true);
    expect(await readAudit(t.db, systemActor, { limit: 100, since: '2000-01-01', until: '2000-01-02' })).toEqual([]);
    expect((await readAudit(t.db, systemActor, { limit: 100, actor: 'system' })).every((e) => e.actor.kind === 'system')).toBe(true);
    await expect(readAudit(t.db, anonymousActor, { limit: 1 })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('serves the trail and each record history to the national team only', async () => {
    const org = await create(t.app, 'organisations', orgBody({ name: 'Historique' }));
    await t.app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Historique 2' } });
    const history = await t.app.inject({ url: `/api/organisations/${org.id}/history` });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    const filtered = await t.app.inject({ url: `/api/audit?entity=organisations&record=${org.id}&action=update` });
    expect(filtered.json().items).toHaveLength(1);
    expect((await t.app.inject({ url: '/api/audit?since=hier' })).statusCode).toBe(400);
    expect((await t.anonymous.inject({ url: '/api/audit' })).statusCode).toBe(401);
    expect((await t.anonymous.inject({ url: `/api/organisations/${org.id}/history` })).statusCode).toBe(401);
  });

  it('pages a record history beyond 1,000 entries, like every list (page, pageSize, total)', async () => {
    const org = await create(t.app, 'organisations', orgBody({ name: 'Très modifiée' }));
    const edits = Array.from({ length: 1204 }, (_, i) => ({
      action: 'update' as const,
      entity: 'organisations',
      recordId: org.id,
      before: { n: i },
      after: { n: i + 1 },
    }));
    await appendAudit(
      t.db,
      edits.map((e) => ({ ...e, actorKind: 'system', actorId: null })),
    );
    const page = async (n: number, size = 200) => (await t.app.inject({ url: `/api/organisations/${org.id}/history?page=${n}&pageSize=${size}` })).json();
    const first = await page(1);
    expect(first).toMatchObject({ total: 1205, totalExact: true, page: 1, pageSize: 200 });
    expect(first.items).toHaveLength(200);
    expect(first.items[0].after).toEqual({ n: 1204 }); // newest first
    const seen = new Set<number>();
    for (let n = 1; n <= 7; n++) for (const e of (await page(n)).items) seen.add(e.id);
    expect(seen.size).toBe(1205); // every entry, once, the creation included
    expect((await page(7)).items.map((e: { action: string }) => e.action).at(-1)).toBe('create');
    expect((await page(8)).items).toEqual([]);
    expect((await t.app.inject({ url: `/api/organisations/${org.id}/history?pageSize=500` })).statusCode).toBe(400);
    const audit = (await t.app.inject({ url: `/api/audit?record=${org.id}&pageSize=50&page=2` })).json();
    expect(audit).toMatchObject({ total: 1205, page: 2, pageSize: 50 });
    expect(audit.items).toHaveLength(50);
  });
});
