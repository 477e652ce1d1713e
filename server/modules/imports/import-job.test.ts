import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, freshSiret, multipart } from '../../test/fixtures';
import { onPostgres, testApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ jobs: { work: true, pollingIntervalSeconds: 0.5 } });
}, 120_000);
afterAll(() => t?.close());

const rows = (n: number, bad?: number) =>
  ['Nom;SIRET;Type;ESS', ...Array.from({ length: n }, (_, i) => `Ressourcerie n° ${i + 1};${i === bad ? '123' : freshSiret()};ess_structure;oui`)].join('\n');
const organisations = async () => (await t.app.inject('/api/organisations?pageSize=1')).json().total as number;
const finished = (jobId: string) =>
  eventually(async () => {
    const job = (await t.app.inject(`/api/jobs/${jobId}`)).json();
    return job.state === 'completed' && job;
  }, 120_000);

describe(`an import over 1,000 rows runs as a job (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('answers 202 with the job, which reports its progress, imports all rows and notifies its author', async () => {
    const before = await organisations();
    const r = await t.app.inject({ method: 'POST', url: '/api/import/organisations', ...multipart('grand.csv', new TextEncoder().encode(rows(1001))) });
    expect(r.statusCode, r.body).toBe(202);
    const { jobId } = r.json();
    const job = await finished(jobId);
    expect(job.result).toMatchObject({ imported: 1001, created: 1001 });
    expect(job.progress).toMatchObject({ phase: 'Enregistrement', done: 1001, total: 1001 });
    expect(job.author).toBe('admin@tests.essaim.test');
    expect(await organisations()).toBe(before + 1001);
    const notes = (await t.app.inject('/api/notifications')).json().items;
    expect(notes[0]).toMatchObject({ category: 'imports', link: `/import?tache=${jobId}` });
    expect(notes[0].title).toMatch(/^Import terminé\u202f: 1\u202f001 fiches/);
    // Another account cannot follow it.
    expect((await t.anonymous.inject(`/api/jobs/${jobId}`)).statusCode).toBe(401);
  }, 180_000);

  it('stays all or nothing: one bad row, nothing imported, the refusal kept with the job and told', async () => {
    const before = await organisations();
    const r = await t.app.inject({ method: 'POST', url: '/api/import/organisations', ...multipart('faux.csv', new TextEncoder().encode(rows(1001, 500))) });
    expect(r.statusCode, r.body).toBe(202);
    const job = await finished(r.json().jobId);
    expect(job.result.refused).toMatch(/Import refusé/);
    expect(job.result.details[0].path).toMatch(/^ligne 502/);
    expect(await organisations()).toBe(before);
    expect((await t.app.inject('/api/notifications')).json().items[0].title).toBe('Import refusé\u202f: faux.csv');
  }, 180_000);

  it('a small file is still imported during the request', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/import/organisations', ...multipart('petit.csv', new TextEncoder().encode(rows(3))) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().imported).toBe(3);
  });
});
