import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, freshSiret, multipart } from '../../test/fixtures';
import { testApp } from '../../test/test-db';
import { systemActor } from '../../policies/actor';
import { importService } from './import-service';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const bytes = (s: string) => new TextEncoder().encode(s);
const count = async (path: string) => (await t.app.inject({ url: `/api/${path}?pageSize=1` })).json().total as number;

describe('importing organisations', () => {
  it('reads a CSV with BOM and semicolons, French headers and aliases', async () => {
    const [a, b] = [freshSiret(), freshSiret()];
    const csv = `\uFEFFNom;SIRET;Type;Type de SIAE;ESS;Code NAF;Commune;Thèmes\r\nRégie de quartier;${a};siae;ACI;oui;8899B;73065;Économie circulaire|emploi-insertion\r\n"Atelier; vélo";${b};Structure de l'ESS;;oui;;26362;\r\n`;
    const r = await importService(t.db).importFile(systemActor, 'organisations', { bytes: bytes(csv), filename: 'a.csv' });
    expect(r).toMatchObject({ imported: 2, rows: 2, dryRun: false });
    const list = (await t.app.inject({ url: `/api/organisations?siret=${a}` })).json();
    expect(list.items[0]).toMatchObject({
      name: 'Régie de quartier',
      kind: 'siae',
      siaeKind: 'ACI',
      nafCode: '88.99B',
      themes: ['economie-circulaire', 'emploi-insertion'],
    });
    expect((await t.app.inject({ url: `/api/organisations?siret=${b}` })).json().items[0].name).toBe('Atelier; vélo');
  });

  it('reads a comma-separated CSV without BOM', async () => {
    const csv = `name,siret,kind,ess\nCoopérative des Alpes,${freshSiret()},ess_structure,true\n`;
    expect((await importService(t.db).importFile(systemActor, 'organisations', { bytes: bytes(csv) })).imported).toBe(1);
  });

  it('imports nothing when one row is bad, and reports each bad row, column and reason', async () => {
    const before = await count('organisations');
    const dup = freshSiret();
    const csv = [
      'Nom;SIRET;Type;Commune',
      `Bonne structure;${freshSiret()};ess_structure;73065`,
      `Mauvais SIRET;12345678901234;ess_structure;73065`,
      `;${freshSiret()};inconnu;99999`,
      `Doublon 1;${dup};ess_structure;`,
      `Doublon 2;${dup};ess_structure;`,
    ].join('\n');
    const err = await importService(t.db)
      .importFile(systemActor, 'organisations', { bytes: bytes(csv) })
      .catch((e) => e);
    expect(err.code).toBe('import_rejected');
    expect(err.message).toMatch(/3 lignes en erreur sur 5\. Rien n'a été importé/);
    const paths = err.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['ligne 3 · SIRET', 'ligne 4 · Nom', 'ligne 4 · Type', 'ligne 6 · SIRET']));
    expect(err.details.find((d: { path: string }) => d.path === 'ligne 3 · SIRET').message).toMatch(/clé de contrôle/);
    expect(await count('organisations')).toBe(before);
  });

  it('reports unknown communes (checked against the database) by line', async () => {
    const csv = `Nom;SIRET;Type;Commune\nX;${freshSiret()};ess_structure;99999\n`;
    const err = await importService(t.db)
      .importFile(systemActor, 'organisations', { bytes: bytes(csv) })
      .catch((e) => e);
    expect(err.details).toEqual([{ path: 'ligne 2 · Code commune', message: 'Commune inconnue (code INSEE) : 99999' }]);
  });

  it('refuses unknown columns and files that are not tables', async () => {
    const svc = importService(t.db);
    await expect(svc.importFile(systemActor, 'organisations', { bytes: bytes('Nom;Couleur\nA;bleu\n') })).rejects.toMatchObject({ code: 'import_rejected' });
    await expect(svc.importFile(systemActor, 'organisations', { bytes: bytes('') })).rejects.toMatchObject({ code: 'empty_file' });
    await expect(svc.importFile(systemActor, 'organisations', { bytes: new Uint8Array([0xff, 0xfe, 0x41]) })).rejects.toMatchObject({ code: 'bad_encoding' });
    await expect(svc.importFile(systemActor, 'organisations', { bytes: bytes('Nom;SIRET\n"A;1\n') })).rejects.toMatchObject({ code: 'malformed_csv' });
    await expect(svc.importFile(systemActor, 'organisations', { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) })).rejects.toMatchObject({
      code: 'malformed_xlsx',
    });
  });

  it('reads an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Structures');
    const siret = freshSiret();
    ws.addRow(['Nom', 'SIRET', 'Type', 'ESS', 'Commune']);
    ws.addRow(['Ferme urbaine du Lac', Number(siret), 'ess_structure', true, '73065']);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importService(t.db).importFile(systemActor, 'organisations', { bytes: buf, filename: 'structures.xlsx' });
    expect(r.imported).toBe(1);
    expect((await t.app.inject({ url: `/api/organisations?siret=${siret}` })).json().items[0]).toMatchObject({ name: 'Ferme urbaine du Lac', ess: true });
  });
});

describe('importing projects', () => {
  it('resolves collectives by name and organisations by SIRET, through the API with a dry run first', async () => {
    const siret = freshSiret();
    await create(t.app, 'organisations', { name: 'Porteur', siret, kind: 'ess_structure' });
    await create(t.app, 'collectives', { name: 'Collectif Import' });
    const csv = `Titre;Collectif;Structure porteuse (SIRET);Thèmes;Stade;Besoin de financement (€);Instruments;Commune\nLégumerie partagée;collectif import;${siret};Alimentation durable;Développement;"150 000 €";Prêt|Subvention;73065\n`;
    const dry = await t.app.inject({ method: 'POST', url: '/api/import/projects?dryRun=true', ...multipart('projets.csv', bytes(csv)) });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, imported: 0, rows: 1 });
    expect(await count('projects')).toBe(0);
    const real = await t.app.inject({ method: 'POST', url: '/api/import/projects', ...multipart('projets.csv', bytes(csv)) });
    expect(real.json()).toMatchObject({ imported: 1 });
    const p = (await t.app.inject({ url: '/api/projects?q=legumerie' })).json().items[0];
    expect(p).toMatchObject({
      collectiveName: 'Collectif Import',
      leadOrganisationName: 'Porteur',
      stage: 'development',
      fundingNeedEur: 150000,
      instruments: ['loan', 'grant'],
      themes: ['alimentation-durable'],
    });
  });

  it('answers the API with the report of bad rows and 4xx for bad uploads', async () => {
    const csv = 'Titre;Collectif;Stade\nProjet;Collectif fantôme;idée\n';
    const r = await t.app.inject({ method: 'POST', url: '/api/import/projects', ...multipart('p.csv', bytes(csv)) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([{ path: 'ligne 2 · Collectif', message: 'Collectif inconnu\u202F: Collectif fantôme' }]);
    expect((await t.app.inject({ method: 'POST', url: '/api/import/projects', payload: { a: 1 } })).statusCode).toBe(415);
    expect((await t.app.inject({ method: 'POST', url: '/api/import/chats', ...multipart('p.csv', bytes(csv)) })).statusCode).toBe(400);
  });

  it('round-trips: an export imports back unchanged, and without its Identifiant column creates the record again', async () => {
    const org = await create(t.app, 'organisations', {
      name: 'Aller-retour',
      siret: freshSiret(),
      kind: 'siae',
      siaeKind: 'EI',
      ess: true,
      esus: true,
      nafCode: '38.32Z',
      communeCode: '73065',
      website: 'https://ar.example.fr',
      themes: ['economie-circulaire'],
    });
    const exported = await t.app.inject({ url: '/api/organisations?format=csv&q=aller-retour' });
    expect(await importService(t.db).importFile(systemActor, 'organisations', { bytes: bytes(exported.body) })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
      imported: 0,
    });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/organisations/${org.id}` })).statusCode).toBe(204);
    const withoutId = exported.body
      .split('\r\n')
      .map((line) => line.split(';').slice(0, -1).join(';'))
      .join('\r\n');
    const r = await importService(t.db).importFile(systemActor, 'organisations', { bytes: bytes(withoutId) });
    expect(r).toMatchObject({ imported: 1, created: 1 });
    const back = (await t.app.inject({ url: '/api/organisations?q=aller-retour' })).json().items[0];
    const { id, createdAt, updatedAt, actions, ...rest } = org;
    expect(back).toMatchObject(rest);
  });
});

describe('any file', () => {
  it('is either imported or refused with a clear error, never a crash', async () => {
    const { default: fc } = await import('fast-check');
    const { AppError } = await import('../../errors');
    const headers = [
      'Nom',
      'SIRET',
      'Type',
      'ESS',
      'Code commune',
      'Thèmes',
      'Titre',
      'Stade',
      'Collectif',
      'Inconnue',
      'Identifiant',
      'Prénom',
      'E-mail',
      'Structure',
      'Coordination',
      'Périmètre',
      'Société de gestion',
      'Montant mobilisable (€)',
      'Territoires',
      'Projets',
    ];
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        'oui',
        'siae',
        '73065',
        freshSiret(),
        'idée',
        '"',
        ';',
        '\n',
        '\uFEFF',
        '\u0000',
        "'=1+1",
        crypto.randomUUID(),
        'departement:73',
        'a@b.fr',
        '01/13/2020',
      ),
    );
    const csv = fc
      .tuple(fc.subarray(headers, { minLength: 1 }), fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), fc.constantFrom(';', ','))
      .map(([h, rows, sep]) => [h.join(sep), ...rows.map((r) => r.join(sep))].join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(csv, fc.string()),
        fc.constantFrom('organisations' as const, 'projects' as const, 'collectives' as const, 'people' as const, 'funds' as const),
        fc.boolean(),
        async (text, entity, asBytes) => {
          const bytes = asBytes ? new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff)) : new TextEncoder().encode(text);
          try {
            await importService(t.db).importFile(systemActor, entity, { bytes }, { dryRun: true });
          } catch (err) {
            expect(err, String(err)).toBeInstanceOf(AppError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('formula guard on the way back', () => {
  it('imports back a phone number and a formula-like name exactly as they were before the export guarded them', async () => {
    const name = '-1+HYPERLINK("https://evil.example")';
    const org = await create(t.app, 'organisations', { name, siret: freshSiret(), kind: 'ess_structure' });
    const exported = await t.app.inject({ url: `/api/organisations?format=csv&siret=${org.siret}` });
    expect(exported.body).toContain(`"'-1+HYPERLINK(""https://evil.example"")"`);
    // Read back as it was: the row leaves the record unchanged (with the apostrophe kept, it would change the name).
    expect(await importService(t.db).importFile(systemActor, 'organisations', { bytes: bytes(exported.body) })).toMatchObject({ unchanged: 1, updated: 0 });
    expect((await t.app.inject({ url: `/api/organisations?siret=${org.siret}` })).json().items[0].name).toBe(name);
  });
});

describe('control characters', () => {
  it('refuses a NUL in a cell at the dry run, with the same report as the real run, and writes nothing', async () => {
    const before = await count('organisations');
    const csv = `Nom;SIRET;Type;Description\nBonne;${freshSiret()};ess_structure;ok\nMau\u0000vaise;${freshSiret()};ess_structure;ligne\u0007\n`;
    const dry = await t.app.inject({ method: 'POST', url: '/api/import/organisations?dryRun=true', ...multipart('nul.csv', bytes(csv)) });
    const real = await t.app.inject({ method: 'POST', url: '/api/import/organisations', ...multipart('nul.csv', bytes(csv)) });
    expect(dry.statusCode).toBe(400);
    expect(real.statusCode).toBe(400);
    expect(dry.json().error.details).toEqual([
      { path: 'ligne 3 · Nom', message: 'Caractère de contrôle interdit (U+0000)\u202f: retirez-le de la cellule.' },
      { path: 'ligne 3 · Description', message: 'Caractère de contrôle interdit (U+0007)\u202f: retirez-le de la cellule.' },
    ]);
    expect({ ...real.json().error, requestId: undefined }).toEqual({ ...dry.json().error, requestId: undefined });
    expect(await count('organisations')).toBe(before);
  });

  it('refuses a NUL in a link column (resolved by name) before any lookup', async () => {
    const csv = 'Titre;Collectif;Stade\nProjet;Coll\u0000ectif;Idée\n';
    const r = await t.app.inject({ method: 'POST', url: '/api/import/projects?dryRun=true', ...multipart('nul.csv', bytes(csv)) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([
      { path: 'ligne 2 · Collectif', message: 'Caractère de contrôle interdit (U+0000)\u202f: retirez-le de la cellule.' },
    ]);
  });
});
