import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, orgBody } from '../test/fixtures';
import { testApp } from '../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const inject = (opts: InjectOptions) => t.app.inject(opts);

describe('directory resources over HTTP', () => {
  it('links organisations, people, collectives, projects, funds, pioneers and sector programmes', async () => {
    const admin = await create(t.app, 'organisations', { name: 'DGEFP', kind: 'administration' });
    const lead = await create(t.app, 'organisations', orgBody({ name: 'Chantier Solidaire des Bauges', themes: ['reemploi-materiaux'] }));
    const partner = await create(t.app, 'organisations', orgBody({ name: 'Coopérative Alpine', communeCode: '38185' }));
    const manager = await create(t.app, 'organisations', orgBody({ name: 'Alpes Impact Gestion', kind: 'fund_manager', ess: false }));

    const coordinator = await create(t.app, 'people', {
      firstName: 'Merryl',
      lastName: 'Parisse',
      email: 'Merryl.Parisse@example.org',
      organisationId: lead.id,
    });
    expect(coordinator.email).toBe('merryl.parisse@example.org');
    const sponsor = await create(t.app, 'people', { firstName: 'Anne', lastName: 'Haut', isPublicSponsor: true, administrationId: admin.id });
    expect(sponsor.administrationName).toBe('DGEFP');

    const collective = await create(t.app, 'collectives', {
      name: 'Collectif Savoie',
      wave: 1,
      labelDate: '2019-07-04',
      coordinatorId: coordinator.id,
      perimeter: ['epci:200069110'],
      memberIds: [lead.id, partner.id],
    });
    expect(collective).toMatchObject({
      coordinatorName: 'Merryl Parisse',
      perimeter: [{ kind: 'epci', code: '200069110', name: 'CA du Grand Chambéry' }],
      labelDate: '2019-07-04',
    });

    const project = await create(t.app, 'projects', {
      title: 'Plateforme de réemploi des matériaux',
      summary: 'Réemploi des matériaux du bâtiment',
      collectiveId: collective.id,
      leadOrganisationId: lead.id,
      partnerIds: [partner.id],
      themes: ['reemploi-materiaux', 'economie-circulaire'],
      stage: 'development',
      fundingNeedEur: 300000,
      instruments: ['loan'],
      communeCode: '73065',
    });
    expect(project).toMatchObject({
      collectiveName: 'Collectif Savoie',
      leadOrganisationName: 'Chantier Solidaire des Bauges',
      departementCode: '73',
      regionCode: '84',
      status: 'active',
    });

    const fund = await create(t.app, 'funds', {
      name: 'Fonds Alpes Transition',
      managerId: manager.id,
      amountMobilisableEur: 20_000_000,
      territories: ['region:84'],
      stages: ['development'],
      instruments: ['loan', 'equity'],
      ticketMinEur: 100_000,
      ticketMaxEur: 2_000_000,
      themes: ['economie-circulaire'],
    });
    expect(fund.territories).toEqual([{ kind: 'region', code: '84', name: 'Auvergne-Rhône-Alpes' }]);

    const pioneer = await create(t.app, 'pioneers', {
      organisationId: lead.id,
      labelYear: 2019,
      beneficiaries: [
        { year: 2019, count: 100 },
        { year: 2020, count: 210 },
      ],
      championIds: [partner.id],
    });
    expect(pioneer).toMatchObject({
      organisationName: 'Chantier Solidaire des Bauges',
      champions: [{ id: partner.id, name: 'Coopérative Alpine' }],
    });

    const programme = await create(t.app, 'sector-programmes', {
      name: 'Filière BTP',
      themeCode: 'reemploi-materiaux',
      members: [{ organisationId: lead.id, role: 'social_innovator' }],
      projectIds: [project.id],
    });
    expect(programme.members).toEqual([{ organisationId: lead.id, name: 'Chantier Solidaire des Bauges', role: 'social_innovator' }]);

    // Territory filters follow the hierarchy: commune ⊂ EPCI ⊂ département ⊂ région.
    for (const territory of ['commune:73065', 'epci:200069110', 'departement:73', 'region:84']) {
      const r = await inject({ url: `/api/projects?territory=${territory}` });
      expect(r.json().total, territory).toBe(1);
      const k = await inject({ url: `/api/collectives?territory=${territory}` });
      expect(k.json().total, territory).toBe(1);
    }
    expect((await inject({ url: '/api/projects?territory=departement:38' })).json().total).toBe(0);
    expect((await inject({ url: '/api/funds?territory=commune:73065&amount=300000&stage=development' })).json().total).toBe(1);
    expect((await inject({ url: '/api/funds?territory=region:11' })).json().total).toBe(0);
    expect((await inject({ url: '/api/funds?amount=50000' })).json().total).toBe(0);

    // Full-text: accents and case ignored, words as prefixes.
    for (const q of ['REEMPLOI', 'réemploi matériaux', 'plateforme reempl']) {
      expect((await inject({ url: `/api/projects?q=${encodeURIComponent(q)}` })).json().total, q).toBe(1);
    }
    expect((await inject({ url: '/api/projects?theme=reemploi-materiaux&minNeed=100000&maxNeed=400000&stage=development' })).json().total).toBe(1);
    expect((await inject({ url: `/api/projects?organisation=${partner.id}` })).json().total).toBe(1);
    expect((await inject({ url: '/api/people?publicSponsor=true' })).json().items.map((p: { lastName: string }) => p.lastName)).toEqual(['Haut']);

    // Patches merge over the stored record and are validated whole.
    const patched = await inject({ method: 'PATCH', url: `/api/collectives/${collective.id}`, payload: { perimeter: ['departement:73', 'commune:38185'] } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().memberIds).toHaveLength(2);
    expect((await inject({ url: '/api/collectives?territory=departement:38' })).json().total).toBe(1);
    const badPatch = await inject({ method: 'PATCH', url: `/api/funds/${fund.id}`, payload: { ticketMinEur: 5_000_000 } });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.details[0].path).toBe('ticketMaxEur');

    // Deleting what others still point to is a conflict, not a crash.
    const blocked = await inject({ method: 'DELETE', url: `/api/collectives/${collective.id}` });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('still_referenced');
    expect((await inject({ method: 'DELETE', url: `/api/projects/${project.id}` })).statusCode).toBe(204);
    expect((await inject({ method: 'DELETE', url: `/api/collectives/${collective.id}` })).statusCode).toBe(204);

    const stats = (await inject({ url: '/api/stats' })).json();
    expect(stats).toMatchObject({
      collectives: 0,
      projects: 0,
      pioneers: 1,
      champions: 1,
      funds: 1,
      fundsMobilisableEur: 20_000_000,
      publicSponsors: 1,
      administrations: 1,
      sectorProgrammes: 1,
    });
  });

  it('pages, sorts and exports with the filters applied', async () => {
    for (const name of ['Zèbre solidaire', 'Abeille solidaire', 'Mésange solidaire'])
      await create(t.app, 'organisations', orgBody({ name, communeCode: '26362' }));
    const page = await inject({ url: '/api/organisations?territory=commune:26362&pageSize=2&page=1&sort=name' });
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items.map((o: { name: string }) => o.name)).toEqual(['Abeille solidaire', 'Mésange solidaire']);
    const page2 = await inject({ url: '/api/organisations?territory=commune:26362&pageSize=2&page=2&sort=-name' });
    expect(page2.json().items.map((o: { name: string }) => o.name)).toEqual(['Abeille solidaire']);

    const csv = await inject({ url: '/api/organisations?territory=commune:26362&format=csv&sort=name' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="essaim-organisations-.*\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Nom;SIRET;SIREN;/);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['Abeille solidaire', 'Mésange solidaire', 'Zèbre solidaire']);
    const json = await inject({ url: '/api/organisations?territory=commune:26362&format=json' });
    expect(json.json()).toHaveLength(3);
  });

  it('answers every client mistake with a 4xx in the one error shape', async () => {
    const shape = {
      error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array), requestId: expect.stringMatching(/^[2-9a-z]{10}$/) },
    };
    const cases: Array<[InjectOptions, number, string]> = [
      [{ url: '/api/projects/not-a-uuid' }, 400, 'invalid_input'],
      [{ url: '/api/projects/4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d' }, 404, 'not_found'],
      [{ url: '/api/projects?territory=departement:99' }, 400, 'invalid_input'],
      [{ url: '/api/projects?territory=canton:12' }, 400, 'invalid_input'],
      [{ url: '/api/projects?page=0' }, 400, 'invalid_input'],
      [{ url: '/api/projects?unknown=1' }, 400, 'invalid_input'],
      [{ method: 'POST', url: '/api/projects', payload: '{"title":', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
      [
        // Forms are read (one-click unsubscribe posts one), then refused by the schema: « Envoyez un objet JSON ».
        { method: 'POST', url: '/api/projects', payload: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        400,
        'invalid_input',
      ],
      [{ method: 'POST', url: '/api/projects', payload: '<title>x</title>', headers: { 'content-type': 'application/xml' } }, 415, 'unsupported_media_type'],
      [{ method: 'POST', url: '/api/projects', payload: { title: 'x'.repeat(2_000_000), stage: 'idea' } }, 413, 'payload_too_large'],
      [{ method: 'POST', url: '/api/projects', payload: { title: 'Projet', stage: 'idea', communeCode: '99999' } }, 400, 'invalid_input'],
      [{ method: 'POST', url: '/api/projects', payload: { title: 'Projet', stage: 'idea', themes: ['inconnu'] } }, 400, 'invalid_input'],
      [{ method: 'POST', url: '/api/pioneers', payload: { organisationId: '4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d', labelYear: 2019 } }, 400, 'invalid_input'],
      [{ method: 'DELETE', url: '/api/funds/4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d' }, 404, 'not_found'],
      [{ url: '/api/nothing-here' }, 404, 'route_not_found'],
    ];
    for (const [req, status, code] of cases) {
      const r = await inject(req);
      expect(r.statusCode, `${JSON.stringify(req).slice(0, 120)} → ${r.body.slice(0, 300)}`).toBe(status);
      expect(r.json()).toMatchObject(shape);
      expect(r.json().error.code).toBe(code);
    }
    const unknownRef = await inject({ method: 'POST', url: '/api/projects', payload: { title: 'Projet', stage: 'idea', communeCode: '99999' } });
    expect(unknownRef.json().error.details).toEqual([{ path: 'communeCode', message: 'Commune inconnue (code INSEE)\u202F: 99999' }]);
  });

  it('rejects a SIAE without type and an ESUS outside the ESS, naming the field', async () => {
    const r = await inject({ method: 'POST', url: '/api/organisations', payload: { name: 'X', kind: 'siae', esus: true } });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['esus', 'siaeKind']);
  });

  it('refuses duplicate e-mails and a second pioneer label with 409', async () => {
    await create(t.app, 'people', { firstName: 'A', lastName: 'B', email: 'dup@example.org' });
    const r = await inject({ method: 'POST', url: '/api/people', payload: { firstName: 'C', lastName: 'D', email: 'DUP@example.org' } });
    expect(r.statusCode).toBe(409);
    const org = await create(t.app, 'organisations', orgBody({ name: 'Pionnier unique' }));
    await create(t.app, 'pioneers', { organisationId: org.id, labelYear: 2020 });
    const again = await inject({ method: 'POST', url: '/api/pioneers', payload: { organisationId: org.id, labelYear: 2021 } });
    expect(again.statusCode).toBe(409);
  });

  it('looks territories up by name, code or postal code', async () => {
    const r = await inject({ url: '/api/territories?q=chambery' });
    expect(r.json().items[0]).toMatchObject({
      kind: 'commune',
      code: '73065',
      name: 'Chambéry',
      departementCode: '73',
      regionCode: '84',
      epciCode: '200069110',
    });
    expect((await inject({ url: '/api/territories?q=73000' })).json().items[0].code).toBe('73065');
    expect(
      (await inject({ url: '/api/territories?q=savoie&kind=departement' }))
        .json()
        .items.map((t: { code: string }) => t.code)
        .sort(),
    ).toEqual(['73', '74']);
    expect((await inject({ url: '/api/territories?kind=departement&parent=region:06' })).json().items.map((t: { code: string }) => t.code)).toEqual(['976']);
    const epci = (await inject({ url: '/api/territories/epci/200069110' })).json();
    expect(epci).toMatchObject({
      name: 'CA du Grand Chambéry',
      communeCount: 38,
      parents: [
        { kind: 'region', code: '84' },
        { kind: 'departement', code: '73' },
      ],
    });
    expect((await inject({ url: '/api/territories/commune/00000' })).statusCode).toBe(404);
    const csv = await inject({ url: '/api/territories?kind=departement&parent=region:84&format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(13); // header + the 12 départements of Auvergne-Rhône-Alpes
  });

  it('manages the theme vocabulary and refuses to delete a used theme', async () => {
    const list = (await inject({ url: '/api/themes' })).json();
    expect(list.items.find((th: { code: string }) => th.code === 'economie-circulaire')).toMatchObject({ label: 'Économie circulaire' });
    const json = await inject({ url: '/api/themes?format=json' });
    expect(json.json()).toHaveLength(list.total);
    expect((await inject({ method: 'POST', url: '/api/themes', payload: { code: 'culture-ouverte', label: 'Culture ouverte' } })).statusCode).toBe(201);
    expect((await inject({ method: 'POST', url: '/api/themes', payload: { code: 'culture-ouverte', label: 'Autre' } })).statusCode).toBe(409);
    expect((await inject({ method: 'PATCH', url: '/api/themes/culture-ouverte', payload: { label: 'Culture libre' } })).json().label).toBe('Culture libre');
    await create(t.app, 'organisations', orgBody({ name: 'Théâtre', themes: ['culture-ouverte'] }));
    expect((await inject({ method: 'DELETE', url: '/api/themes/culture-ouverte' })).statusCode).toBe(409);
  });

  it('serves its OpenAPI document and documentation', async () => {
    const doc = (await inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/collectives',
      '/api/projects/{id}',
      '/api/organisations',
      '/api/people',
      '/api/funds',
      '/api/pioneers',
      '/api/sector-programmes',
      '/api/themes',
      '/api/territories',
      '/api/stats',
      '/api/import/{entity}',
    ])
      expect(Object.keys(doc.paths), p).toContain(p);
    expect(doc.paths['/api/organisations'].post.requestBody.content['application/json'].schema.properties.siret).toBeDefined();
    expect((await inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
    expect((await inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });
});
