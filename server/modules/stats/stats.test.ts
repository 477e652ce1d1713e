import { type KyselyPlugin, sql } from 'kysely';
import { countedVersion } from '../../db/snapshot-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../policies/actor';
import { create, orgBody } from '../../test/fixtures';
import { testApp } from '../../test/test-db';
import { deleteOrganisation, insertOrganisations } from '../organisations/organisation-queries';
import { getStats, getTerritoryStats } from './stats-service';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** The database as one server sees it, with every statement it sends written down. */
function countingServer() {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(args.node.kind === 'RawNode' ? args.node.sqlFragments.join('?') : args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: t.db.withPlugin(plugin), statements };
}

describe('key figures under load', () => {
  it('are recounted only when the data changed, and never stale: a write by another server shows at once', async () => {
    const server = countingServer();
    const first = await getStats(server.db, systemActor, new Date());
    const map = await getTerritoryStats(server.db, systemActor, 'departement');

    // Nothing written since: one cheap statement (the version of the counted data), no recount.
    server.statements.length = 0;
    const again = await getStats(server.db, systemActor, new Date());
    expect(again).toEqual({ ...first, generatedAt: again.generatedAt });
    expect(await getTerritoryStats(server.db, systemActor, 'departement')).toEqual(map);
    expect(server.statements).toHaveLength(2);
    for (const s of server.statements) expect(s).toMatch(/^select \? as version$/);

    // Another server (its own connection, no shared memory) writes: the next read counts it.
    await create(t.app, 'organisations', orgBody({ name: 'Recyclerie des Bauges', kind: 'siae', siaeKind: 'ACI' }));
    const after = await getStats(server.db, systemActor, new Date());
    expect(after).toMatchObject({ organisations: first.organisations + 1, siae: first.siae + 1 });

    // So does a write that goes through no service at all (an import, the command line, SQL).
    const [direct] = await insertOrganisations(t.db, [orgBody({ name: 'Atelier direct' }) as never]);
    expect((await getStats(server.db, systemActor, new Date())).organisations).toBe(first.organisations + 2);
    await deleteOrganisation(t.db, direct as string);
    expect((await getStats(server.db, systemActor, new Date())).organisations).toBe(first.organisations + 1);
  });

  it('put a new collective on the map at once', async () => {
    const server = countingServer();
    const before = await getTerritoryStats(server.db, systemActor, 'region');
    const auvergne = (r: typeof before) => r.items.find((i) => i.code === '84')?.collectives;
    await create(t.app, 'collectives', { name: 'Collectif de la Tarentaise', perimeter: ['departement:73'] });
    const after = await getTerritoryStats(server.db, systemActor, 'region');
    expect(auvergne(after)).toBe((auvergne(before) ?? 0) + 1);
  });
});

describe('the version of the counted data', () => {
  it('moves when a counted row or column changes, and not when a description or a name does', async () => {
    const version = () => countedVersion(t.db);
    const moves = async (what: string, write: () => Promise<unknown>, expected: boolean) => {
      const before = await version();
      await write();
      expect({ what, moved: (await version()) !== before }).toEqual({ what, moved: expected });
    };
    const org = await create(t.app, 'organisations', orgBody({ name: 'Coopérative des Bauges' }));
    const collective = await create(t.app, 'collectives', { name: 'Collectif du Grésivaudan', perimeter: ['departement:38'] });
    const project = await create(t.app, 'projects', { title: 'Repair café de Grenoble', collectiveId: collective.id, stage: 'idea', communeCode: '38185' });
    const person = await create(t.app, 'people', { firstName: 'Léa', lastName: 'Marchand' });
    const id = (x: { id: string }) => x.id;
    await moves('project description', () => sql`update projects set description = 'Un atelier chaque samedi' where id = ${id(project)}`.execute(t.db), false);
    await moves('project title', () => sql`update projects set title = 'Repair café du centre' where id = ${id(project)}`.execute(t.db), false);
    await moves('project stage', () => sql`update projects set stage = 'launch' where id = ${id(project)}`.execute(t.db), true);
    await moves(
      'project département',
      () => sql`update projects set departement_code = '73', region_code = '84' where id = ${id(project)}`.execute(t.db),
      true,
    );
    await moves(
      'organisation name',
      () => sql`update organisations set name = 'Coopérative des Bauges et du Revard' where id = ${id(org)}`.execute(t.db),
      false,
    );
    await moves('organisation kind', () => sql`update organisations set kind = 'siae', siae_kind = 'ACI' where id = ${id(org)}`.execute(t.db), true);
    await moves('person phone', () => sql`update people set phone = '0479000000' where id = ${id(person)}`.execute(t.db), false);
    await moves('advisor', () => sql`update people set is_advisor = true where id = ${id(person)}`.execute(t.db), true);
    await moves('collective description', () => sql`update collectives set description = 'Réseau local' where id = ${id(collective)}`.execute(t.db), true);
    await moves('perimeter', () => sql`delete from collective_perimeter where collective_id = ${id(collective)}`.execute(t.db), true);
    await moves('new organisation', () => create(t.app, 'organisations', orgBody({ name: 'Atelier du Vercors' })), true);
    // Conferences: meetings held (by their slot) and amounts invested.
    const fund = await create(t.app, 'funds', { name: 'Fonds du Grésivaudan', amountMobilisableEur: 1_000_000 });
    const event = await sql<{ id: string }>`insert into events (kind, programme, title, starts_at, ends_at, online_url, search)
      values ('conference', 'impact-finance', 'Rencontres', '2020-11-03T08:00Z', '2020-11-03T17:00Z', 'https://visio.example.org', to_tsvector('french', '')) returning id`.execute(
      t.db,
    );
    const eventId = event.rows[0]?.id as string;
    const regs = await sql<{ id: string }>`insert into registrations (event_id, role, project_id, fund_id, organisation_id)
      values (${eventId}, 'project', ${id(project)}, null, ${id(org)}), (${eventId}, 'investor', null, ${id(fund)}, ${id(org)}) returning id`.execute(t.db);
    const slot = await sql<{
      id: string;
    }>`insert into conference_slots (event_id, starts_at, ends_at, tables) values (${eventId}, '2020-11-03T08:00Z', '2020-11-03T08:30Z', 5) returning id`.execute(
      t.db,
    );
    await moves(
      'new meeting',
      () =>
        sql`insert into meetings (event_id, a_registration_id, b_registration_id) values (${eventId}, ${regs.rows[0]?.id}, ${regs.rows[1]?.id})`.execute(t.db),
      true,
    );
    await moves('meeting weight', () => sql`update meetings set weight = 2 where event_id = ${eventId}`.execute(t.db), false);
    await moves(
      'meeting held',
      () => sql`update meetings set status = 'held', slot_id = ${slot.rows[0]?.id}, table_number = 1 where event_id = ${eventId}`.execute(t.db),
      true,
    );
    await moves('new lead', () => sql`insert into investment_leads (project_id, fund_id) values (${id(project)}, ${id(fund)})`.execute(t.db), true);
    await moves(
      'lead invested',
      () => sql`update investment_leads set stage = 'invested', amount_eur = 100000, invested_on = '2020-12-01' where fund_id = ${id(fund)}`.execute(t.db),
      true,
    );
    await moves('lead touched', () => sql`update investment_leads set updated_at = now() where fund_id = ${id(fund)}`.execute(t.db), false);
    await moves('deleted project', () => sql`delete from projects where id = ${id(project)}`.execute(t.db), true);
    const need = await sql<{
      id: string;
    }>`insert into sponsorship_needs (organisation_id, categories) values (${id(org)}, array['numerique']) returning id`.execute(t.db);
    const needId = need.rows[0]?.id as string;
    await moves(
      'sponsorship proposed',
      () => sql`insert into sponsorships (need_id, sponsor_person_id, status) values (${needId}, ${id(person)}, 'proposed')`.execute(t.db),
      true,
    );
    await moves('sponsorship summary', () => sql`update sponsorships set closing_summary = 'Bilan' where need_id = ${needId}`.execute(t.db), false);
    const before = (await getStats(t.db, systemActor, new Date())).sponsorshipsActive;
    await moves('sponsorship accepted', () => sql`update sponsorships set status = 'active' where need_id = ${needId}`.execute(t.db), true);
    expect((await getStats(t.db, systemActor, new Date())).sponsorshipsActive).toBe(before + 1);
  });
});
