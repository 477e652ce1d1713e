import { describe, expect, it } from 'vitest';
import { insertEvent } from '../../server/modules/events/event-queries';
import { insertRegistrations } from '../../server/modules/events/registration-queries';
import * as q from '../../server/modules/hackathons/hackathon-queries';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform();
type Page = Awaited<ReturnType<typeof demo.platform.page>>;

/** A fresh hackathon: a team with the demo holder, two judges (the demo public sponsor and the demo investor), a rubric. */
async function setUp() {
  const db = demo.platform.db;
  const personOf = async (email: string) =>
    (await db.selectFrom('accounts').select('person_id').where('email', '=', email).executeTakeFirstOrThrow()).person_id as string;
  const eventId = await insertEvent(db, {
    kind: 'hackathon',
    programme: 'mobilisation',
    title: 'Hackathon du parcours',
    description: 'Un hackathon pour le parcours dans le navigateur.',
    startsAt: '2031-03-01T08:00:00.000Z',
    endsAt: '2031-03-02T17:00:00.000Z',
    place: null,
    onlineUrl: 'https://visio.essaim.test/parcours',
    organiserOrganisationId: null,
    capacity: null,
    registrationOpen: true,
    public: true,
  });
  const reg = (person_id: string, role: string, sector: string) => ({
    person_id,
    organisation_id: null,
    role,
    project_id: null,
    fund_id: null,
    status: 'registered',
    max_meetings: null,
    sector,
  });
  const [member, other] = await insertRegistrations(db, eventId, [
    reg(await personOf('porteur.voisiwatt@essaim.test'), 'attendee', 'associative'),
    reg(await personOf('coordination.figeac@essaim.test'), 'attendee', 'associative'),
  ]);
  await insertRegistrations(db, eventId, [
    reg(await personOf('hacker.public@essaim.test'), 'judge', 'public'),
    reg(await personOf('financeur@essaim.test'), 'judge', 'business'),
  ]);
  await q.insertChallenge(db, eventId, { title: 'L’emploi des seniors en milieu rural', description: '', partner_organisation_id: null });
  await q.saveSettings(db, eventId, {
    rubric: [
      { id: 'impact', label: 'Impact social', weight: 2 },
      { id: 'faisabilite', label: 'Faisabilité', weight: 1 },
    ],
  });
  await q.insertTeam(db, eventId, { name: 'Énergie partagée', challenge_id: null, mentor_registration_id: null }, [member as string]);
  const otherTeam = await q.insertTeam(db, eventId, { name: 'Seniors connectés', challenge_id: null, mentor_registration_id: null }, [other as string]);
  await q.upsertSubmission(db, otherTeam, { title: 'Des ateliers numériques', pitch: 'Itinérants.', links: [] });
  return eventId;
}

async function review(page: Page, team: string, impact: string, faisabilite: string) {
  const form = page.getByRole('form', { name: `Évaluation de ${team}` });
  await form.getByLabel('Impact social (poids 2)').selectOption(impact);
  await form.getByLabel('Faisabilité (poids 1)').selectOption(faisabilite);
  await form.getByLabel('Commentaire pour l’équipe').fill('Une idée claire.');
  await form.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await form.getByText('Évaluation enregistrée.').waitFor();
}

describe.skipIf(!hasBrowser)('hackathons in Chromium', () => {
  it('a team submits, two judges review, the organiser publishes: both rankings and the team’s reviews show', async () => {
    const eventId = await setUp();
    const url = `/evenements/${eventId}/hackathon`;

    const team = await demo.platform.page();
    await signIn(team, 'porteur.voisiwatt@essaim.test');
    await team.goto(url);
    await team.getByRole('heading', { level: 2, name: 'Le projet de Énergie partagée' }).waitFor();
    await team.getByLabel('Titre du projet').fill('Énergie partagée entre voisins');
    await team.getByLabel('Pitch').fill('Une boucle d’autoconsommation collective pour les foyers modestes.');
    await team.getByRole('button', { name: 'Rendre le projet' }).click();
    await team.getByText('Projet rendu.', { exact: true }).waitFor();
    await team.getByRole('cell', { name: 'Énergie partagée entre voisins' }).waitFor();
    expect(await seriousViolations(team)).toEqual([]);
    await shoot(team, 'hackathon-equipe');

    const organiser = await demo.platform.page();
    await signIn(organiser, 'equipe@essaim.test');
    await organiser.goto(url);
    await organiser.getByLabel('Évaluations par projet').fill('2');
    await organiser.getByRole('button', { name: 'Répartir les projets entre les jurés' }).click();
    await organiser.getByRole('table', { name: 'Répartition des évaluations' }).waitFor();
    expect(await organiser.getByRole('table', { name: 'Répartition des évaluations' }).getByRole('row').count()).toBe(5);

    for (const [email, scores] of [
      ['hacker.public@essaim.test', ['4', '3']],
      ['financeur@essaim.test', ['5', '5']],
    ] as const) {
      const judge = await demo.platform.page();
      await signIn(judge, email);
      await judge.goto(url);
      await judge.getByRole('heading', { level: 2, name: 'Mes évaluations' }).waitFor();
      // Before publication a judge sees no ranking.
      await judge.getByText('Les résultats ne sont pas encore publiés.').waitFor();
      await review(judge, 'Énergie partagée', scores[0], scores[1]);
      await review(judge, 'Seniors connectés', '2', '2');
      expect(await seriousViolations(judge)).toEqual([]);
      if (email === 'financeur@essaim.test') await shoot(judge, 'hackathon-jure');
      await judge.context().close();
    }

    await organiser.reload();
    await organiser.getByRole('button', { name: 'Publier les résultats' }).click();
    const results = organiser.getByRole('table', { name: 'Classements brut et normalisé' });
    await results.waitFor();
    await organiser.getByRole('button', { name: 'Publier les résultats' }).waitFor({ state: 'detached' });
    const first = results.getByRole('row').nth(1);
    expect(await first.getByRole('cell').nth(1).textContent()).toBe('Énergie partagée');
    expect(await first.getByRole('cell').nth(5).textContent()).toBe('2');
    expect(await seriousViolations(organiser)).toEqual([]);
    await shoot(organiser, 'hackathon-organisateur');

    await team.reload();
    const mine = team.getByRole('table', { name: 'Évaluations reçues' });
    await mine.waitFor();
    expect(await mine.getByRole('row').count()).toBe(3);
    expect(team.errors).toEqual([]);
    expect(organiser.errors).toEqual([]);
  }, 180_000);

  it('lists the 12 innovations of 2020 and their follow-ups', async () => {
    const page = await demo.platform.page();
    await page.goto('/innovations');
    await page.getByRole('heading', { level: 1, name: 'Innovations propulsées par les hackathons' }).waitFor();
    await page.getByText('12 innovations sociales', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'hackathon-innovations');
  }, 90_000);
});
