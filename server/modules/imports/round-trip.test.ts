import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, freshSiret } from '../../test/fixtures';
import { testApp } from '../../test/test-db';
import { systemActor } from '../../policies/actor';
import { importService } from './import-service';
import type { ImportEntity } from './import-specs';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

let n = 0;
const word = () => `zq${(++n).toString(36)}x${Date.now().toString(36)}`;
const get = async (path: string, id: string) => (await t.app.inject({ url: `/api/${path}/${id}` })).json();

/** The CSV export with one cell of one record's row changed, as a person would in a spreadsheet. */
function editCsv(csv: string, id: string, header: string, value: string) {
  const rows = parse(csv, { delimiter: ';', bom: true }) as string[][];
  const [head] = rows as [string[]];
  const col = head.indexOf(header);
  const idCol = head.indexOf('Identifiant');
  expect(col, `colonne ${header}`).toBeGreaterThanOrEqual(0);
  const row = rows.find((r) => r[idCol] === id) as string[];
  row[col] = value;
  return new TextEncoder().encode(stringify(rows, { delimiter: ';', bom: true }));
}

interface Case {
  entity: ImportEntity;
  /** Creates the record to edit and its neighbour, both found by `q`. */
  make(q: string): Promise<[{ id: string }, { id: string }]>;
  header: string;
  cell: string;
  field: string;
  value: unknown;
}

const org = (q: string, over: Record<string, unknown> = {}) =>
  create(t.app, 'organisations', {
    name: `Structure ${q} ${word()}`,
    siret: freshSiret(),
    kind: 'ess_structure',
    communeCode: '73065',
    themes: ['economie-circulaire'],
    ...over,
  });

const cases: Case[] = [
  {
    entity: 'organisations',
    make: async (q) => [await org(q, { website: 'https://avant.example.fr' }), await org(q)],
    header: 'Site web',
    cell: 'https://apres.example.fr',
    field: 'website',
    value: 'https://apres.example.fr',
  },
  {
    entity: 'projects',
    make: async (q) => {
      const lead = await org('porteuse');
      const partner = await org('partenaire');
      const collective = await create(t.app, 'collectives', { name: `Collectif ${word()}` });
      const body = {
        stage: 'launch',
        collectiveId: collective.id,
        leadOrganisationId: lead.id,
        partnerIds: [partner.id],
        themes: ['economie-circulaire'],
        instruments: ['loan'],
        fundingNeedEur: 100000,
      };
      return [await create(t.app, 'projects', { title: `Projet ${q} un`, ...body }), await create(t.app, 'projects', { title: `Projet ${q} deux`, ...body })];
    },
    header: 'Besoin de financement (€)',
    cell: '250 000 €',
    field: 'fundingNeedEur',
    value: 250000,
  },
  {
    entity: 'collectives',
    make: async (q) => {
      const coordinator = await create(t.app, 'people', { firstName: 'Camille', lastName: `Coordination ${word()}` });
      const member = await org('membre');
      const body = {
        territoryLabel: 'Savoie',
        labelDate: '2020-06-01',
        wave: 1,
        coordinatorId: coordinator.id,
        perimeter: ['departement:73'],
        memberIds: [member.id],
        website: 'https://collectif.example.fr',
      };
      return [
        await create(t.app, 'collectives', { name: `Collectif ${q} un`, ...body }),
        await create(t.app, 'collectives', { name: `Collectif ${q} deux`, ...body }),
      ];
    },
    header: 'Vague',
    cell: '2',
    field: 'wave',
    value: 2,
  },
  {
    entity: 'people',
    make: async (q) => {
      const employer = await org('employeuse');
      const administration = await org('administration', { kind: 'administration', communeCode: null, themes: [] });
      const body = { organisationId: employer.id, titles: ['Directrice'], isPublicSponsor: true, administrationId: administration.id };
      return [
        await create(t.app, 'people', { firstName: 'Alix', lastName: q, email: `${word()}@exemple.fr`, phone: '+33 6 12 34 56 78', ...body }),
        await create(t.app, 'people', { firstName: 'Noa', lastName: q, email: `${word()}@exemple.fr`, phone: '-1 23 45 67', ...body }),
      ];
    },
    header: 'Téléphone',
    cell: '04 79 00 00 00',
    field: 'phone',
    value: '04 79 00 00 00',
  },
  {
    entity: 'funds',
    make: async (q) => {
      const manager = await org('gestion', { kind: 'fund_manager' });
      const body = {
        managerId: manager.id,
        frenchImpact: true,
        amountMobilisableEur: 1_000_000,
        ticketMinEur: 10_000,
        ticketMaxEur: 200_000,
        themes: ['economie-circulaire'],
        territories: ['region:84'],
        stages: ['launch'],
        instruments: ['loan', 'equity'],
      };
      return [await create(t.app, 'funds', { name: `Fonds ${q} un`, ...body }), await create(t.app, 'funds', { name: `Fonds ${q} deux`, ...body })];
    },
    header: 'Ticket maximum (€)',
    cell: '500000',
    field: 'ticketMaxEur',
    value: 500000,
  },
];

describe.each(cases)('$entity: export, edit one cell, import back', (c) => {
  it('changes that cell of that record and nothing else, after a dry run that counts it', async () => {
    const q = word();
    const [target, neighbour] = await c.make(q);
    const before = await get(c.entity, target.id);
    const neighbourBefore = await get(c.entity, neighbour.id);
    const exported = await t.app.inject({ url: `/api/${c.entity}?format=csv&q=${q}` });
    expect(exported.statusCode).toBe(200);
    const file = { bytes: editCsv(exported.body, target.id, c.header, c.cell), filename: 'modifie.csv' };

    const dry = await importService(t.db).importFile(systemActor, c.entity, file, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, rows: 2, created: 0, updated: 1, unchanged: 1, imported: 0 });
    expect(await get(c.entity, target.id)).toEqual(before);

    const real = await importService(t.db).importFile(systemActor, c.entity, file);
    expect(real).toMatchObject({ dryRun: false, created: 0, updated: 1, unchanged: 1, imported: 1 });
    const after = await get(c.entity, target.id);
    expect(after).toEqual({ ...before, [c.field]: c.value, updatedAt: after.updatedAt });
    expect(after[c.field]).not.toEqual(before[c.field]);
    expect(await get(c.entity, neighbour.id)).toEqual(neighbourBefore);

    // The update is audited with the record before and after.
    const audit = (await t.app.inject({ url: `/api/${c.entity}/${target.id}/history` })).json();
    const last = (audit.items ?? audit)[0];
    expect(last).toMatchObject({ action: 'update', before: { [c.field]: before[c.field] }, after: { [c.field]: c.value } });

    // Imported again, the same file changes nothing.
    expect(await importService(t.db).importFile(systemActor, c.entity, file, { dryRun: true })).toMatchObject({ updated: 0, unchanged: 2 });
  });
});

describe('the XLSX export', () => {
  it('exports the filtered list as a workbook with text cells, which imports back unchanged', async () => {
    const q = word();
    const attack = `-2+3+cmd|' /C calc'!A0 ${q}`;
    const a = await org(q, { description: '=HYPERLINK("https://evil.example","clic")' });
    await create(t.app, 'organisations', { name: attack, siret: freshSiret(), kind: 'ess_structure' });
    await org('ailleurs');
    const res = await t.app.inject({ url: `/api/organisations?format=xlsx&q=${q}&sort=name` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="essaim-organisations-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(3);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Identifiant');
    const cells = [2, 3].flatMap((r) => (ws.getRow(r).values as unknown[]).slice(1));
    // Formula-like text is a plain string cell, never a formula.
    expect(cells).toContain(attack);
    expect(cells).toContain('=HYPERLINK("https://evil.example","clic")');
    for (const v of cells) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
    expect(cells).toContain(a.id);

    const back = await importService(t.db).importFile(
      systemActor,
      'organisations',
      { bytes: new Uint8Array(res.rawPayload), filename: 'export.xlsx' },
      { dryRun: true },
    );
    expect(back).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
  });
});

describe('importing new records of the new entities', () => {
  it('creates collectives, people and funds from rows without an Identifiant, links resolved by name, SIRET or e-mail', async () => {
    const q = word();
    const employer = await org(q, { kind: 'fund_manager' });
    const people = `Prénom;Nom;E-mail;Téléphone;Structure;Fonctions;Accompagnateur finance à impact\nLou;${q};lou.${q}@exemple.fr;+33 6 00 00 00 01;${employer.name};Chargée de mission|Trésorière;oui\n`;
    expect(await importService(t.db).importFile(systemActor, 'people', { bytes: new TextEncoder().encode(people) })).toMatchObject({ created: 1, imported: 1 });
    const lou = (await t.app.inject({ url: `/api/people?q=${q}` })).json().items[0];
    expect(lou).toMatchObject({
      firstName: 'Lou',
      organisationId: employer.id,
      titles: ['Chargée de mission', 'Trésorière'],
      isAdvisor: true,
      phone: '+33 6 00 00 00 01',
    });

    const collectives = `Nom;Coordination;Périmètre;Date de labellisation;Vague\nCollectif ${q};lou.${q}@exemple.fr;departement:73|epci:200069110;01/06/2020;2\n`;
    expect(await importService(t.db).importFile(systemActor, 'collectives', { bytes: new TextEncoder().encode(collectives) })).toMatchObject({ created: 1 });
    expect((await t.app.inject({ url: `/api/collectives?q=${q}` })).json().items[0]).toMatchObject({ coordinatorId: lou.id, labelDate: '2020-06-01', wave: 2 });

    const funds = `Nom;Société de gestion;Montant mobilisable (€);Thèmes;Territoires;Stades;Instruments\nFonds ${q};${employer.siret};"2 000 000";Économie circulaire;region:84;Lancement|Développement;Prêt\n`;
    expect(await importService(t.db).importFile(systemActor, 'funds', { bytes: new TextEncoder().encode(funds) })).toMatchObject({ created: 1 });
    expect((await t.app.inject({ url: `/api/funds?q=${q}` })).json().items[0]).toMatchObject({
      managerId: employer.id,
      amountMobilisableEur: 2_000_000,
      themes: ['economie-circulaire'],
      stages: ['launch', 'development'],
      instruments: ['loan'],
    });
  });

  it('reports an unknown Identifiant, an unknown coordinator and a duplicate e-mail by row and column, writing nothing', async () => {
    const q = word();
    const someone = await create(t.app, 'people', { firstName: 'Sam', lastName: q, email: `sam.${q}@exemple.fr` });
    const csv = `Prénom;Nom;E-mail;Identifiant\nA;${q};sam.${q}@exemple.fr;\nB;${q};;00000000-0000-4000-8000-000000000000\nC;${q};;pas-un-id\n`;
    const err = await importService(t.db)
      .importFile(systemActor, 'people', { bytes: new TextEncoder().encode(csv) }, { dryRun: true })
      .catch((e) => e);
    expect(err.details).toEqual([
      { path: 'ligne 2 · E-mail', message: `Une personne porte déjà l'adresse sam.${q}@exemple.fr` },
      { path: 'ligne 3 · Identifiant', message: "Aucune fiche (personnes) avec l'identifiant 00000000-0000-4000-8000-000000000000" },
      { path: 'ligne 4 · Identifiant', message: 'Identifiant invalide : pas-un-id (laissez la cellule vide pour créer une fiche)' },
    ]);
    const coll = `Nom;Coordination\nCollectif ${q};Personne Inconnue ${q}\n`;
    const err2 = await importService(t.db)
      .importFile(systemActor, 'collectives', { bytes: new TextEncoder().encode(coll) })
      .catch((e) => e);
    expect(err2.details).toEqual([{ path: 'ligne 2 · Coordination', message: `Personne inconnue : Personne Inconnue ${q}` }]);
    expect((await t.app.inject({ url: `/api/people?q=${q}` })).json().total).toBe(1);
    expect(someone.id).toBeTruthy();
  });

  it('answers the API for each new entity, with the counts', async () => {
    const boundary = '----rt';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\nContent-Type: text/csv\r\n\r\nNom;Montant mobilisable (€)\nFonds API ${word()};1000\r\n--${boundary}--\r\n`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/import/funds?dryRun=true',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ entity: 'funds', dryRun: true, rows: 1, created: 1, updated: 0, unchanged: 0, imported: 0 });
  });
});
