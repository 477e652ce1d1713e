import { sql } from 'kysely';
import type { Executor } from '../db/connection';
import { insertAccounts } from '../modules/accounts/account-queries';
import { insertCooperation, insertTransfer, updateTransfer, upsertWorkshopDetails } from '../modules/cooperation/cooperation-queries';
import { insertPeople } from '../modules/people/person-queries';
import type { Rng } from './rng';

/**
 * Cooperation in the 2020 review (issue 15): the know-how transfer from ETIC
 * to Figeacteurs on the legal and financial set-up of their tiers-lieu, with
 * Merryl Parisse's testimonial; the two workshops' themes, summaries and the
 * collectives that came (MatériO.TEC 73's territory, Grand Chambéry, at the
 * governance workshop; Plateau Urbain speaking at the circular-economy one);
 * the Vinci × Ares cooperation on jobs in short supply in construction; a few
 * projects replicated from one territory to another. ETIC answers for itself
 * through an account of its own (etic@essaim.test).
 */
export async function seedCooperation(tx: Executor, r: Rng, opts: { passwordHash: string }) {
  const org = async (name: string) => (await tx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const collective = async (name: string) =>
    await tx.selectFrom('collectives').select(['id', 'coordinator_id']).where('name', '=', name).executeTakeFirstOrThrow();
  const etic = await org('ETIC – Foncièrement responsable');
  const figeac = await collective('Figeacteurs');
  const chambery = await collective('Collectif French Impact Grand Chambéry');

  // ETIC's account: a person of the structure, holder of it.
  const [person] = await insertPeople(
    tx,
    [
      {
        firstName: 'Lucie',
        lastName: 'Ferrand',
        email: 'etic@essaim.test',
        phone: null,
        organisationId: etic,
        titles: ['Chargée d’accompagnement des tiers-lieux'],
        isAdvisor: false,
        isPublicSponsor: false,
        administrationId: null,
      },
    ],
    [r.uuid()],
  );
  await insertAccounts(tx, [
    { email: 'etic@essaim.test', passwordHash: opts.passwordHash, personId: person as string, roles: [{ role: 'holder', scope: [etic] }] },
  ]);

  // The 2020 transfer, done, with its published testimonial.
  const tiersLieu = await tx.selectFrom('projects').select('id').where('title', '=', 'Tiers-lieu de Figeac').executeTakeFirst();
  const transfer = await insertTransfer(
    tx,
    {
      from_collective_id: null,
      from_organisation_id: etic,
      to_collective_id: figeac.id,
      requested_by: 'receiver',
      requested_by_account_id: null,
      topic: 'Montage juridique et financier du tiers-lieu',
      themes: ['tiers-lieux'],
      project_id: tiersLieu?.id ?? null,
      message: 'Nous cherchons un regard extérieur sur la forme juridique et le plan de financement de notre tiers-lieu.',
      requested_on: '2020-02-10',
    },
    r.uuid(),
  );
  await updateTransfer(tx, transfer, {
    status: 'done',
    answered_on: '2020-02-17',
    started_on: '2020-03-02',
    ended_on: '2020-11-27',
    sessions_held: 6,
    outcome:
      'Forme juridique choisie (SCIC), plan de financement et tour de table des financeurs préparés ; un dispositif de professionnalisation gagnant-gagnant pour les deux parties.',
    testimonial_quote:
      'Le regard extérieur et aiguisé d’ETIC nous a permis de nous poser les bonnes questions dans le montage juridique et financier de notre projet de Tiers-lieu.',
    testimonial_author: 'Merryl Parisse, coordinatrice chez Figeacteurs',
    testimonial_consent: true,
  });

  // The workshops: theme, summary, materials, and the collective each registration came for.
  const workshops = await tx.selectFrom('events').select(['id', 'title']).where('kind', '=', 'workshop').where('programme', '=', 'cooperation').execute();
  const circular = workshops.find((w) => w.title.includes('économie circulaire'));
  const governance = workshops.find((w) => w.title.includes('gouvernance'));
  // A coordinator comes for their collective.
  await sql`
    update registrations r set collective_id = k.id
    from collectives k, events e
    where e.id = r.event_id and e.kind = 'workshop' and k.coordinator_id = r.person_id and r.collective_id is null`.execute(tx);
  if (circular) {
    await upsertWorkshopDetails(tx, circular.id, {
      theme_code: 'reemploi-materiaux',
      summary:
        'Plateau Urbain a présenté l’urbanisme transitoire et la mise à disposition d’espaces vacants pour des acteurs culturels, associatifs et de l’ESS ; les collectifs ont partagé leurs filières de réemploi des matériaux de construction et leurs besoins de locaux.',
    });
    await sql`update registrations set collective_id = ${chambery.id} where event_id = ${circular.id} and organisation_id = ${await org('MatériO.TEC 73')}`.execute(
      tx,
    );
    await tx
      .insertInto('workshop_materials')
      .values({
        id: r.uuid(),
        event_id: circular.id,
        label: 'Plateau Urbain : présentation de l’urbanisme transitoire',
        url: 'https://www.plateau-urbain.com/',
      })
      .execute();
  }
  if (governance) {
    await upsertWorkshopDetails(tx, governance.id, {
      theme_code: null,
      summary:
        'Comment les collectifs territoriaux décident ensemble, associent leurs membres et partagent la coordination : retours d’expérience des territoires, dont Grand Chambéry (MatériO.TEC 73).',
    });
    // MatériO.TEC 73's territory took part: the project's structure, for the Grand Chambéry collective.
    await tx
      .insertInto('registrations')
      .values({
        id: r.uuid(),
        event_id: governance.id,
        organisation_id: await org('MatériO.TEC 73'),
        role: 'attendee',
        status: 'attended',
        collective_id: chambery.id,
      })
      .execute();
  }

  // Vinci × Ares: jobs in short supply in construction, inside the construction-materials programme.
  const btp = await tx.selectFrom('sector_programmes').select('id').where('theme_code', '=', 'reemploi-materiaux').executeTakeFirst();
  await insertCooperation(
    tx,
    {
      largeGroupId: await org('Vinci'),
      socialInnovatorId: await org('Ares'),
      sectorProgrammeId: btp?.id ?? null,
      subject: 'Métiers en tension du BTP',
      description:
        'Des parcours d’insertion vers les métiers en tension du bâtiment et des travaux publics : Ares forme et accompagne, Vinci ouvre ses chantiers et recrute.',
      status: 'active',
      startedOn: '2020-09-01',
      endedOn: null,
      results: [
        { label: 'Personnes formées', value: 24, unit: 'personnes' },
        { label: 'Emplois pourvus sur les chantiers', value: 11, unit: 'emplois' },
      ],
    },
    r.uuid(),
  );

  // Replication: for a few project models, the first proven project is the source of the early ones of other collectives.
  const models = ['Habitat inclusif', 'Garage solidaire', 'Légumerie', 'Maison du bien vieillir', 'Atelier vélo', 'École de production'];
  for (const [i, model] of models.entries()) {
    const projects = await tx
      .selectFrom('projects')
      .select(['id', 'stage', 'collective_id'])
      .where('title', 'like', `${model} %`)
      .where('collective_id', 'is not', null)
      .orderBy('title')
      .orderBy('id')
      .execute();
    const source = projects.find((p) => p.stage === 'development' || p.stage === 'scale_up');
    if (!source) continue;
    const replicas = projects.filter((p) => (p.stage === 'idea' || p.stage === 'launch') && p.collective_id !== source.collective_id).slice(0, 2);
    for (const [j, p] of replicas.entries())
      await tx
        .insertInto('project_replications')
        .values({ replica_project_id: p.id, source_project_id: source.id, created_at: new Date(Date.UTC(2020, 2 + 2 * i + 6 * j, 15)) })
        .execute();
  }
}
