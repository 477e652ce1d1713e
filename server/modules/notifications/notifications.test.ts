import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, eventually } from '../../test/fixtures';
import { onPostgres, testApp } from '../../test/test-db';
import { insertToken } from '../auth/auth-queries';
import { insertAccounts } from '../accounts/account-queries';
import { hashToken } from '../auth/auth-service';
import { createMailer } from '../auth/mailer';

/** A local SMTP server that keeps every message it receives, parsed. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          received.push(m);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { received, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const PUBLIC = 'http://essaim.test';
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: Awaited<ReturnType<typeof testApp>>;
let agentId: string;
const agent = { authorization: 'Bearer essaim_agent-notifie' };

beforeAll(async () => {
  smtp = await startSmtp();
  t = await testApp({
    mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Essaim <ne-pas-repondre@essaim.test>', log: () => {} }),
    publicUrl: PUBLIC,
    jobs: { work: true, pollingIntervalSeconds: 0.5 },
  });
  [agentId] = (await insertAccounts(t.db, [{ email: 'agent.notifie@essaim.test', passwordHash: null, roles: [] }])) as [string];
  await insertToken(t.db, { accountId: agentId, name: 't', tokenHash: hashToken('essaim_agent-notifie') });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const asAgent = (o: { method?: 'GET' | 'POST' | 'PUT'; url: string; payload?: object }) => t.anonymous.inject({ ...o, headers: agent });

describe(`notifications (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a role granted by the national team is notified in the application and by e-mail, whose links work', async () => {
    const lac = await create(t.app, 'collectives', { name: 'Essaim du Lac' });
    const r = await t.app.inject({ method: 'PUT', url: `/api/accounts/${agentId}/roles`, payload: { roles: [{ role: 'coordinator', scope: [lac.id] }] } });
    expect(r.statusCode, r.body).toBe(200);

    const list = (await asAgent({ url: '/api/notifications?unread=true' })).json();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      category: 'roles',
      title: 'Vous êtes désormais coordinateur du collectif «\u202fEssaim du Lac\u202f».',
      link: '/compte',
    });

    const mail = await eventually(() => smtp.received.find((m) => m.subject?.includes('Essaim du Lac')));
    expect((mail.to as { text: string }).text).toBe('agent.notifie@essaim.test');
    expect(mail.text).toContain('Vous êtes désormais coordinateur du collectif');
    expect(mail.text).toContain(`${PUBLIC}/compte`);
    expect(mail.html).toContain(`href="${PUBLIC}/compte"`);
    // One click (RFC 8058): the headers name a POST address; posting the form there unsubscribes, no session needed.
    const header = (name: string) =>
      mail.headerLines
        .find((h) => h.key === name)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, '');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const post = /<([^>]+)>/.exec(String(header('list-unsubscribe')))?.[1] as string;
    expect(post.startsWith(`${PUBLIC}/api/notifications/unsubscribe?token=`)).toBe(true);
    const one = await t.anonymous.inject({
      method: 'POST',
      url: post.slice(PUBLIC.length),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ category: 'roles', email: 'agent.notifie@essaim.test' });
    const prefs = (await asAgent({ url: '/api/notifications/preferences' })).json().preferences;
    expect(prefs.find((p: { category: string }) => p.category === 'roles').delivery).toBe('never');
    // The visible link leads to the web page that confirms, with the same token.
    expect(mail.text).toContain(`${PUBLIC}/notifications/desabonnement?jeton=${post.split('token=')[1]}`);
    // A forged token changes nothing.
    const forged = await t.anonymous.inject({ method: 'POST', url: `/api/notifications/unsubscribe?token=${post.split('token=')[1]?.slice(0, -2)}xx` });
    expect(forged.statusCode).toBe(400);

    // Now « never »: a new grant is listed, not e-mailed.
    const before = smtp.received.length;
    await t.app.inject({
      method: 'PUT',
      url: `/api/accounts/${agentId}/roles`,
      payload: { roles: [{ role: 'coordinator', scope: [lac.id] }, { role: 'advisor' }] },
    });
    expect((await asAgent({ url: '/api/notifications?unread=true' })).json().unread).toBe(2);
    await sleep(2500);
    expect(smtp.received.length).toBe(before);
  }, 60_000);

  it('marks one or all read, and nobody reads or marks another’s', async () => {
    const items = (await asAgent({ url: '/api/notifications' })).json().items;
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${items[0].id}/read` })).statusCode).toBe(404);
    expect((await asAgent({ method: 'POST', url: `/api/notifications/${items[0].id}/read` })).statusCode).toBe(204);
    expect((await asAgent({ url: '/api/notifications?unread=true' })).json().unread).toBe(items.length - 1);
    expect((await asAgent({ method: 'POST', url: '/api/notifications/read-all' })).statusCode).toBe(204);
    const after = (await asAgent({ url: '/api/notifications' })).json();
    expect(after.unread).toBe(0);
    expect(after.items.every((n: { readAt: string | null }) => n.readAt)).toBe(true);
    expect((await t.anonymous.inject('/api/notifications')).statusCode).toBe(401);
  });

  it('the daily digest groups the day’s notifications of the « daily » categories in one e-mail', async () => {
    const put = await asAgent({
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: {
        preferences: [
          { category: 'roles', delivery: 'daily' },
          { category: 'imports', delivery: 'daily' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const { notify } = await import('./notify');
    await t.db.transaction().execute(async (tx) => {
      await notify(tx, { accountIds: [agentId], category: 'roles', title: 'Vous êtes désormais hacker public.' });
      await notify(tx, { accountIds: [agentId], category: 'imports', title: 'Import terminé : 12 fiches', link: '/import' });
    });
    await sleep(1500);
    const before = smtp.received.length;
    const id = await t.app.jobs.enqueue('notifications.digest', {});
    const digest = await eventually(() => smtp.received.slice(before).find((m) => m.subject?.startsWith('Essaim\u202f: votre récapitulatif')));
    expect(digest.subject).toMatch(/ \(2 notifications\)$/);
    expect(digest.text).toContain('Vos rôles et accès');
    expect(digest.text).toContain('Vous êtes désormais hacker public.');
    expect(digest.text).toContain('Vos imports');
    expect(digest.text).toContain(`Import terminé\u202f: 12 fiches`);
    expect(digest.text).toContain(`${PUBLIC}/import`);
    expect(smtp.received.length).toBe(before + 1);
    // Sent once: the next digest has nothing left to send.
    const job = await eventually(async () => {
      const j = (await t.app.inject(`/api/jobs/${id}`)).json();
      return j.state === 'completed' && j;
    });
    expect(job.result).toEqual({ sent: 2 });
    const again = await t.app.jobs.enqueue('notifications.digest', {});
    await eventually(async () => (await t.app.inject(`/api/jobs/${again}`)).json().state === 'completed');
    expect(smtp.received.length).toBe(before + 1);
  }, 60_000);

  it('saves preferences per category and refuses unknown values in French', async () => {
    const bad = await asAgent({ method: 'PUT', url: '/api/notifications/preferences', payload: { preferences: [{ category: 'roles', delivery: 'hourly' }] } });
    expect(bad.statusCode).toBe(400);
    const prefs = (await asAgent({ url: '/api/notifications/preferences' })).json().preferences;
    expect(prefs).toHaveLength(8);
    expect(prefs.find((p: { category: string }) => p.category === 'events')).toEqual({
      category: 'events',
      label: 'Événements et inscriptions',
      delivery: 'immediately',
    });
  });
});
