import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../server/main';
import { freshSiret } from '../server/test/fixtures';
import { EXIT } from './exit-codes';
import { runCli } from './essaim';

// The command line on its own embedded database, whatever the suite runs on.
const dir = mkdtempSync(join(tmpdir(), 'essaim-cli-'));
let out = '';
let err = '';
beforeAll(() => {
  process.env.ESSAIM_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
  process.env.LOG_LEVEL = 'silent';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterAll(() => vi.restoreAllMocks());

async function run(...argv: string[]) {
  out = '';
  err = '';
  return runCli(argv);
}

describe('essaim command line', () => {
  it('migrates, reports status and rolls back', async () => {
    const latest = readdirSync(new URL('../server/db/migrations/', import.meta.url))
      .sort()
      .at(-1)
      ?.replace(/\.ts$/, '');
    expect(await run('db', 'migrate')).toBe(EXIT.ok);
    expect(out).toMatch(/20261126T210000_directory/);
    expect(await run('db', 'status')).toBe(EXIT.ok);
    expect(out).toMatch(/appliquée le .* 20261126T213000_settings/);
    expect(await run('db', 'rollback')).toBe(EXIT.ok);
    expect(out).toContain(`↓ ${latest}`);
    expect(await run('db', 'status')).toBe(EXIT.ok);
    expect(out).toMatch(new RegExp(`en attente\\s+${latest}`));
  }, 120_000);

  it('imports all or nothing with exit codes scripts can trust', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `Nom;SIRET;Type\nBonne;${freshSiret()};ess_structure\nMauvaise;123;ess_structure\n`);
    expect(await run('import', 'organisations', bad)).toBe(EXIT.invalid);
    expect(err).toMatch(/import_rejected.*1 ligne en erreur sur 2/);
    expect(err).toMatch(/ligne 3 · SIRET\u202F: Le SIRET doit comporter 14 chiffres/);

    const good = join(dir, 'good.csv');
    writeFileSync(good, `Nom;SIRET;Type;Commune\nRecyclerie des Bauges;${freshSiret()};ess_structure;73065\n`);
    expect(await run('import', 'organisations', good, '--dry-run')).toBe(EXIT.ok);
    expect(out).toMatch(/Fichier valide\u202F: 1 ligne \(à créer\u202F: 1, à modifier\u202F: 0, sans changement\u202F: 0\)\u202F; rien n’a été écrit/);
    expect(await run('import', 'organisations', good)).toBe(EXIT.ok);
    expect(out).toMatch(/^1 structure importée \(créations\u202F: 1, modifications\u202F: 0, sans changement\u202F: 0\)\.$/m);
    expect(await run('import', 'organisations', good)).toBe(EXIT.invalid);
    expect(err).toMatch(/déjà le SIRET/);
    expect(await run('audit', '--action', 'import')).toBe(EXIT.ok);
    expect(JSON.parse(out.trim().split('\n')[0] ?? '{}')).toMatchObject({
      action: 'import',
      entity: 'organisations',
      actor: { kind: 'system' },
      after: { name: 'Recyclerie des Bauges' },
    });
    expect(await run('audit', '--since', 'hier')).toBe(EXIT.invalid);
    expect(await run('import', 'chats', good)).toBe(EXIT.invalid);
    expect(await run('import', 'organisations', join(dir, 'absent.csv'))).toBe(EXIT.invalid);
  }, 120_000);

  it('exports with filters to a file or stdout', async () => {
    const file = join(dir, 'export.json');
    expect(await run('export', 'organisations', '--format', 'json', '--out', file, '--filter', 'territory=departement:73')).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(file, 'utf8')).map((o: { name: string }) => o.name)).toEqual(['Recyclerie des Bauges']);
    expect(await run('export', 'organisations', '--filter', 'territory=region:11')).toBe(EXIT.ok);
    expect(out.trim().split('\r\n')).toHaveLength(1);
    expect(await run('export', 'organisations', '--filter', 'territory=nulle-part')).toBe(EXIT.invalid);
    expect(await run('export', 'licornes')).toBe(EXIT.invalid);
    expect(await run('export', 'organisations', '--format', 'xml')).toBe(EXIT.invalid);
    // A workbook exported then imported back changes nothing.
    const xlsx = join(dir, 'export.xlsx');
    expect(await run('export', 'organisations', '--format', 'xlsx', '--out', xlsx, '--filter', 'territory=departement:73')).toBe(EXIT.ok);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(await run('import', 'organisations', xlsx, '--dry-run')).toBe(EXIT.ok);
    expect(out).toMatch(/Fichier valide\u202f: 1 ligne \(à créer\u202f: 0, à modifier\u202f: 0, sans changement\u202f: 1\)/);
  }, 120_000);

  it('opens the first national-team account and grants roles, with exit codes', async () => {
    expect(await run('accounts', 'create', 'Direction@Essaim.test', '--role', 'admin')).toBe(EXIT.ok);
    expect(JSON.parse(out)).toMatchObject({ email: 'direction@essaim.test', roles: [{ role: 'admin' }] });
    expect(await run('accounts', 'create', 'direction@essaim.test')).toBe(EXIT.conflict);
    expect(await run('accounts', 'create', 'pas-une-adresse')).toBe(EXIT.invalid);
    expect(await run('accounts', 'create', 'x@essaim.test', '--role', 'roi')).toBe(EXIT.invalid);
    expect(await run('accounts', 'grant', 'direction@essaim.test', 'coordinator', '--scope', '4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d')).toBe(EXIT.invalid);
    expect(err).toMatch(/Collectif inconnu/);
    expect(await run('accounts', 'grant', 'personne@essaim.test', 'advisor')).toBe(EXIT.notFound);
    expect(await run('accounts', 'grant', 'direction@essaim.test', 'advisor')).toBe(EXIT.ok);
    expect(await run('accounts', 'list', '--role', 'advisor')).toBe(EXIT.ok);
    expect(JSON.parse(out.trim())).toMatchObject({ email: 'direction@essaim.test', roles: [{ role: 'admin' }, { role: 'advisor' }] });
  }, 120_000);

  it('refuses to seed the demo into a database that has data', async () => {
    expect(await run('seed', '--demo')).toBe(EXIT.conflict);
    expect(err).toMatch(/database_not_empty/);
  }, 120_000);

  it('refuses to seed the demo in production unless told it creates demo accounts', async () => {
    await withEnv({ NODE_ENV: 'production' }, async () => {
      expect(await run('seed', '--demo')).toBe(EXIT.invalid);
      expect(err).toMatch(/demo_refused_in_production.*mot de passe est public.*--allow-demo-accounts-in-production/s);
      // Forced, it goes on to the usual checks (this base has data).
      expect(await run('seed', '--demo', '--allow-demo-accounts-in-production')).toBe(EXIT.conflict);
      expect(err).toMatch(/database_not_empty/);
    });
  }, 120_000);

  it('prints help and rejects unknown commands', async () => {
    expect(await run('--help')).toBe(EXIT.ok);
    expect(await run('import', '--help')).toBe(EXIT.ok);
    expect(await run('envoler')).toBe(EXIT.invalid);
  });
});

/** Run with these environment variables set (undefined: unset), then restore them. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
  };
  set(vars);
  try {
    return await fn();
  } finally {
    set(saved);
  }
}

const PRODUCTION = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PUBLIC_URL: 'https://essaim.example.gouv.fr',
  SITE_PUBLISHER: 'Direction du réseau',
  SITE_PUBLICATION_DIRECTOR: 'Camille Martin',
  SITE_HOST: 'Hébergeur public, 1 rue de l’Hébergement, Paris',
  SITE_CONTACT_EMAIL: 'contact@essaim.example.gouv.fr',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Essaim <ne-pas-repondre@essaim.example.gouv.fr>',
};

describe('essaim serve in production', () => {
  it('refuses to start without the settings production needs, naming each one', async () => {
    const unset = Object.fromEntries(Object.keys(PRODUCTION).map((k) => [k, undefined]));
    await withEnv({ ...unset, NODE_ENV: 'production', PUBLIC_URL: 'http://essaim.example.gouv.fr', ESSAIM_DATA_DIR: join(dir, 'refused') }, async () => {
      expect(await run('serve', '--port', '0')).toBe(EXIT.invalid);
    });
    expect(err).toMatch(/Configuration incomplète pour la production/);
    expect(err).toMatch(/PUBLIC_URL\u202f: doit commencer par https:\/\/ en production/);
    for (const name of ['SITE_PUBLISHER', 'SITE_PUBLICATION_DIRECTOR', 'SITE_HOST', 'SITE_CONTACT_EMAIL', 'SMTP_URL', 'MAIL_FROM'])
      expect(err).toContain(`${name}\u202f: manquant en production`);
    // Refused before touching the data folder.
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });

  it('starts on an empty folder without any account, and says how to open the first national-team one', async () => {
    const dataDir = join(dir, 'production');
    out = '';
    err = '';
    await withEnv({ ...PRODUCTION, ESSAIM_DATA_DIR: dataDir }, async () => {
      const server = await startServer({ port: 0 });
      try {
        expect((await server.app.inject('/healthz')).statusCode).toBe(200);
        expect(await server.database.db.selectFrom('accounts').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual({ n: 0 });
        expect(await server.database.db.selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual({ n: 0 });
      } finally {
        await server.close();
      }
    });
    expect(err).not.toMatch(/démonstration/);
    expect(err).toMatch(/Aucun compte de l’équipe nationale.*\n\s+essaim accounts create ADRESSE@EXEMPLE\.FR --role admin/);
    // A later start in development on the same folder does not load the demo either: the instance has started once.
    await withEnv({ ESSAIM_DATA_DIR: dataDir, HOST: '127.0.0.1', NODE_ENV: 'development' }, async () => {
      const server = await startServer({ port: 0 });
      try {
        expect(await server.database.db.selectFrom('accounts').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual({ n: 0 });
      } finally {
        await server.close();
      }
    });
  }, 180_000);
});

describe('engines on the command line', () => {
  it('schedules a JSON file, exactly or not, and rejects bad input with exit code 2', async () => {
    const file = join(dir, 'schedule.json');
    writeFileSync(
      file,
      JSON.stringify({
        slots: [{ id: 's1', tables: 2 }, { id: 's2' }],
        participants: [{ id: 'p1', available: ['s1', 's2'], maxMeetings: 6 }, { id: 'p2' }, { id: 'p3' }],
        meetings: [
          { id: 'm1', a: 'p1', b: 'p2', weight: 2 },
          { id: 'm2', a: 'p1', b: 'p3' },
        ],
        locked: [{ meeting: 'm1', slot: 's1', table: 2 }],
      }),
    );
    const outFile = join(dir, 'out.json');
    expect(await run('schedule', file, '--out', outFile, '--seed', '3')).toBe(EXIT.ok);
    const result = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(result.assignments).toContainEqual({ meeting: 'm1', slot: 's1', table: 2 });
    expect(err).toMatch(/2 rencontres placées \(poids 3 \/ borne 3\)/);
    expect(await run('schedule', file, '--exact')).toBe(EXIT.ok);
    expect(JSON.parse(out).stats.method).toBe('exact');

    writeFileSync(file, JSON.stringify({ slots: [{ id: 's1' }], participants: [{ id: 'a' }], meetings: [{ id: 'm', a: 'a', b: 'zz' }] }));
    expect(await run('schedule', file)).toBe(EXIT.invalid);
    expect(err).toMatch(/meetings\[0\]\.b\u202F: participant inconnu «\u202Fzz\u202F»/);
    writeFileSync(file, '{ nope');
    expect(await run('schedule', file)).toBe(EXIT.invalid);
    expect(await run('schedule', file, '--seed', 'abc')).toBe(EXIT.invalid);
  });

  it('matches a JSON file with --k', async () => {
    const file = join(dir, 'match.json');
    writeFileSync(
      file,
      JSON.stringify({
        left: [{ id: 'proj1', themes: ['economie-circulaire'], amount: 300000, instruments: ['loan'] }],
        right: [
          { id: 'fund1', themes: ['economie-circulaire'], ticketMin: 100000, ticketMax: 2000000, instruments: ['loan'] },
          { id: 'fund2', themes: [], ticketMin: 100000, ticketMax: 2000000 },
        ],
      }),
    );
    expect(await run('match', file, '--k', '1')).toBe(EXIT.ok);
    const result = JSON.parse(out);
    expect(result.left[0].candidates.map((c: { right: string }) => c.right)).toEqual(['fund1']);
    expect(err).toMatch(/1 × 2\u202F: 2 paires admissibles sur 2 paires, affectation de 1 paire \(score total \d+\)/);
  });
});
