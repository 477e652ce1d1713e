import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import { freshSiret } from '../../test/fixtures';
import { onPostgres, testDatabase } from '../../test/test-db';
import { type Actor, systemActor } from '../../policies/actor';
import { collectiveService } from '../collectives/collective-store';
import { fundService } from '../funds/fund-store';
import { organisationService } from '../organisations/organisation-store';
import { personService } from '../people/person-store';
import { pioneerService } from '../pioneers/pioneer-store';
import { projectService } from '../projects/project-store';
import { sectorProgrammeService } from '../sector-programmes/sector-programme-store';

/**
 * "Medium" tests (Immich's term): each directory entity's service against a
 * real database — the embedded PGlite, or the PostgreSQL server named by
 * TEST_DATABASE_URL — with nothing mocked. They check what a person relies on
 * whatever the route or page: a write is stored, audited, searchable, merged
 * when patched, refused with the field named when it points nowhere, and gone
 * when deleted.
 */
const kind = onPostgres ? 'PostgreSQL' : 'PGlite';
const UNKNOWN = '4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d';
const admin: Actor = { kind: 'account', accountId: UNKNOWN, email: 'equipe@tests.essaim.test', personId: null, roles: [{ role: 'admin' }], via: 'token' };

let open: Awaited<ReturnType<typeof testDatabase>>;
let db: Database;
/** Records every entity may point to, created once through the services. */
const refs: Record<string, string> = {};

beforeAll(async () => {
  open = await testDatabase();
  db = open.db;
  const orgs = organisationService(db);
  refs.lead = (
    await orgs.create(systemActor, { name: 'Chantier Solidaire des Bauges', siret: freshSiret(), kind: 'ess_structure', ess: true, communeCode: '73065' })
  ).id;
  refs.manager = (await orgs.create(systemActor, { name: 'Alpes Impact Gestion', siret: freshSiret(), kind: 'fund_manager', ess: false })).id;
  refs.administration = (await orgs.create(systemActor, { name: 'DGEFP', kind: 'administration' })).id;
  refs.person = (await personService(db).create(systemActor, { firstName: 'Merryl', lastName: 'Parisse', organisationId: refs.lead })).id;
  refs.collective = (
    await collectiveService(db).create(systemActor, { name: 'Collectif des Bauges', perimeter: ['epci:200069110'], memberIds: [refs.lead] })
  ).id;
}, 120_000);
afterAll(() => open.close());

interface Case {
  entity: string;
  service: (db: Database) => {
    create(a: Actor, body: unknown): Promise<{ id: string } & Record<string, unknown>>;
    get(a: Actor, id: string): Promise<{ id: string } & Record<string, unknown>>;
    list(a: Actor, q: never): Promise<{ items: Array<{ id: string }>; total: number }>;
    update(a: Actor, id: string, patch: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>>;
    remove(a: Actor, id: string): Promise<void>;
  };
  body: () => Record<string, unknown>;
  /** A word of the body that the list's text search finds. */
  word: string;
  /** A patch of one field and the field (with its new value) it changes. */
  patch: Record<string, unknown>;
  /** A field that another field must survive the patch: the merge keeps it. */
  kept: string;
  /** A body pointing to a record that does not exist, and the field named in the error. */
  dangling: () => [Record<string, unknown>, string];
}

const cases: Case[] = [
  {
    entity: 'organisations',
    service: organisationService as never,
    body: () => ({ name: 'Recyclerie des Cimes', siret: freshSiret(), kind: 'ess_structure', ess: true, communeCode: '73065' }),
    word: 'recyclerie',
    patch: { name: 'Recyclerie des Hautes Cimes' },
    kept: 'siret',
    dangling: () => [{ name: 'Orpheline', kind: 'ess_structure', communeCode: '99999' }, 'communeCode'],
  },
  {
    entity: 'people',
    service: personService as never,
    body: () => ({ firstName: 'Camille', lastName: 'Ardoise', organisationId: refs.lead }),
    word: 'ardoise',
    patch: { lastName: 'Ardoise-Martin' },
    kept: 'organisationId',
    dangling: () => [{ firstName: 'Lou', lastName: 'Perdu', organisationId: UNKNOWN }, 'organisationId'],
  },
  {
    entity: 'collectives',
    service: collectiveService as never,
    body: () => ({ name: 'Figeacteurs du Lot', perimeter: ['departement:46'], coordinatorId: refs.person }),
    word: 'figeacteurs',
    patch: { description: 'Tiers-lieu et coopération' },
    kept: 'coordinatorId',
    dangling: () => [{ name: 'Collectif fantôme', coordinatorId: UNKNOWN }, 'coordinatorId'],
  },
  {
    entity: 'projects',
    service: projectService as never,
    body: () => ({
      title: 'Plateforme de réemploi des matériaux',
      collectiveId: refs.collective,
      leadOrganisationId: refs.lead,
      stage: 'development',
      communeCode: '73065',
    }),
    word: 'reemploi',
    patch: { stage: 'scale_up' },
    kept: 'collectiveId',
    dangling: () => [{ title: 'Projet sans collectif', collectiveId: UNKNOWN, leadOrganisationId: refs.lead, stage: 'idea' }, 'collectiveId'],
  },
  {
    entity: 'funds',
    service: fundService as never,
    body: () => ({ name: 'Fonds Alpes Transition', managerId: refs.manager, amountMobilisableEur: 20_000_000 }),
    word: 'transition',
    patch: { amountMobilisableEur: 25_000_000 },
    kept: 'managerId',
    dangling: () => [{ name: 'Fonds sans gérant', managerId: UNKNOWN, amountMobilisableEur: 1_000_000 }, 'managerId'],
  },
  {
    entity: 'pioneers',
    service: pioneerService as never,
    body: () => ({ organisationId: refs.lead, labelYear: 2020, beneficiaries: [{ year: 2019, count: 1200 }] }),
    word: 'bauges',
    patch: { description: 'Essaimage dans trois départements' },
    kept: 'beneficiaries',
    dangling: () => [{ organisationId: UNKNOWN, labelYear: 2020 }, 'organisationId'],
  },
  {
    entity: 'sector-programmes',
    service: sectorProgrammeService as never,
    body: () => ({ name: 'Filière valorisation des déchets', members: [{ organisationId: refs.lead, role: 'social_innovator' }] }),
    word: 'valorisation',
    patch: { description: 'Deux programmes depuis 2019' },
    kept: 'members',
    dangling: () => [{ name: 'Filière orpheline', members: [{ organisationId: UNKNOWN, role: 'social_innovator' }] }, 'members'],
  },
];

const auditOf = (recordId: string) =>
  db.selectFrom('audit_log').select(['action', 'actor_kind', 'actor_id']).where('record_id', '=', recordId).orderBy('id').execute();

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

for (const c of cases) {
  describe(`${c.entity} service on ${kind}`, () => {
    it('creates, reads, finds by text, patches (keeping the other fields), and deletes — each write audited with its author', async () => {
      const s = c.service(db);
      const created = await s.create(admin, c.body());
      expect((await s.get(admin, created.id)).id).toBe(created.id);
      expect(created.actions).toEqual(['update', 'delete']);

      const found = await s.list(admin, { q: c.word, page: 1, pageSize: 50 } as never);
      expect(found.items.map((i) => i.id)).toContain(created.id);

      const [field, value] = Object.entries(c.patch)[0] as [string, unknown];
      const updated = await s.update(admin, created.id, c.patch);
      expect(updated[field]).toEqual(value);
      expect(updated[c.kept]).toEqual(created[c.kept]);

      await s.remove(admin, created.id);
      expect((await errorOf(s.get(admin, created.id))).kind).toBe('not_found');
      expect(await auditOf(created.id)).toEqual(['create', 'update', 'delete'].map((action) => ({ action, actor_kind: 'account', actor_id: UNKNOWN })));
    });

    it('refuses a record that points to nothing, naming the field, and stores nothing', async () => {
      const s = c.service(db);
      const before = (await s.list(admin, { page: 1, pageSize: 1 } as never)).total;
      const [body, path] = c.dangling();
      const err = await errorOf(s.create(admin, body));
      expect(err.kind).toBe('invalid');
      expect(err.details.map((d) => d.path.split('.')[0])).toContain(path);
      expect((await s.list(admin, { page: 1, pageSize: 1 } as never)).total).toBe(before);
    });

    it('refuses visitors every write, and answers not found for an unknown record', async () => {
      const s = c.service(db);
      expect((await errorOf(s.create({ kind: 'anonymous' }, c.body()))).kind).toBe('unauthorized');
      expect((await errorOf(s.update(admin, UNKNOWN, c.patch))).kind).toBe('not_found');
      expect((await errorOf(s.remove(admin, UNKNOWN))).kind).toBe('not_found');
    });
  });
}
