import { sql } from 'kysely';
import { assignReviews, rankTeams } from '../../engines/judging/judging';
import { parisDay } from '../../shared/paris-time';
import { typo } from '../../shared/text';
import type { ParticipantSector } from '../../shared/vocabulary';
import type { Executor } from '../db/connection';
import { insertRegistrations } from '../modules/events/registration-queries';
import * as q from '../modules/hackathons/hackathon-queries';
import * as iq from '../modules/hackathons/innovation-queries';
import { insertPeople } from '../modules/people/person-queries';
import { firstNames, lastNames, titleFor, titles } from './names';
import type { Rng } from './rng';

/**
 * The two Grands Hackathons French Impact of 2020 as the review tells them:
 * more than 400 people from the public, associative and business worlds,
 * challenges posed by partners, teams that submitted, a jury of eight per
 * hackathon scoring on a rubric (each judge with their own generosity, which
 * the normalised ranking corrects), published results, and the twelve social
 * innovations they propelled, six each, with their follow-ups at 3, 6 and 12
 * months. Built after the 2020 events, on its own random stream.
 */

const RUBRIC = [
  { id: 'impact', label: 'Impact social attendu', weight: 3 },
  { id: 'faisabilite', label: 'Faisabilité', weight: 2 },
  { id: 'cooperation', label: 'Coopération entre acteurs', weight: 2 },
  { id: 'perennite', label: 'Modèle économique et pérennité', weight: 1 },
];

const CHALLENGES: Array<Array<{ title: string; description: string }>> = [
  [
    {
      title: 'L’emploi des seniors en milieu rural',
      description: 'Comment remettre en activité les plus de 55 ans éloignés de l’emploi dans les territoires ruraux ?',
    },
    { title: 'La mobilité solidaire dans les villages', description: 'Se déplacer sans voiture pour aller travailler, se soigner ou faire ses courses.' },
    {
      title: 'Le réemploi des matériaux du bâtiment',
      description: 'Faire des déchets de chantier une ressource locale et créer des emplois non délocalisables.',
    },
    { title: 'L’accès au numérique des personnes isolées', description: 'Accompagner celles et ceux qui restent à l’écart des démarches en ligne.' },
  ],
  [
    { title: 'L’alimentation durable dans la restauration collective', description: 'Des produits locaux et de saison dans les cantines, à un coût tenable.' },
    { title: 'L’habitat intergénérationnel', description: 'Loger des jeunes chez des aînés, rompre l’isolement et alléger les loyers.' },
    { title: 'L’insertion des jeunes par le sport', description: 'Le club de sport comme porte d’entrée vers la formation et l’emploi.' },
    { title: 'La sobriété énergétique des ménages modestes', description: 'Réduire la facture d’énergie des foyers en précarité, logement par logement.' },
  ],
];

/** Eight submissions per hackathon: [team, title, pitch]. */
const SUBMISSIONS: Array<Array<[string, string, string]>> = [
  [
    [
      'Les Expérimentés',
      'Seniors en mission',
      'Une plateforme qui met en relation les seniors du territoire avec les associations et les entreprises qui cherchent des compétences ponctuelles.',
    ],
    ['Bourg Actif', 'Le tiers-lieu des métiers', 'Un tiers-lieu itinérant qui forme les plus de 55 ans aux métiers en tension du bassin d’emploi.'],
    ['Roule Ensemble', 'Covoit’Village', 'Un covoiturage solidaire adossé aux mairies, avec des conducteurs bénévoles défrayés.'],
    ['Le Bus Citoyen', 'Navette à la demande', 'Une navette associative réservée par téléphone pour les habitants sans voiture.'],
    ['Seconde Vie', 'Matériauthèque partagée', 'Une plateforme de réemploi des matériaux de chantier entre artisans, collectivités et particuliers.'],
    ['Chantier Circulaire', 'Déconstruire pour reconstruire', 'Une équipe d’insertion formée à la déconstruction sélective des bâtiments publics.'],
    [
      'Clic Solidaire',
      'Les permanences numériques',
      'Des permanences numériques tenues par des jeunes en service civique dans les maisons de services publics.',
    ],
    ['Connexion Locale', 'Tablettes prêtées', 'Le prêt de tablettes reconditionnées accompagné d’un parrainage par un voisin.'],
  ],
  [
    ['Cantine Locale', 'Le marché des cantines', 'Une plateforme d’achat groupé qui relie les producteurs du département aux cantines scolaires.'],
    ['Assiette Juste', 'Légumerie solidaire', 'Une légumerie d’insertion qui prépare les produits locaux pour la restauration collective.'],
    ['Toit Partagé', 'Un toit, deux générations', 'Un service de cohabitation intergénérationnelle avec une charte et un suivi par une association.'],
    ['Voisins d’Âge', 'Colocation solidaire', 'Des colocations entre étudiants et aînés dans les logements sociaux sous-occupés.'],
    ['Terrain d’Avenir', 'Du terrain à l’emploi', 'Un parcours d’insertion qui commence au club de sport et se poursuit en entreprise partenaire.'],
    ['Esprit d’Équipe', 'Coach emploi', 'Des éducateurs sportifs formés à l’accompagnement vers l’emploi des jeunes de quartier.'],
    ['Énergie Commune', 'Ambassadeurs de l’énergie', 'Des ambassadeurs formés qui visitent les foyers modestes et installent de petits équipements économes.'],
    ['Watt Solidaire', 'Le fonds des petits travaux', 'Un fonds solidaire qui avance le coût des petits travaux d’isolation aux ménages modestes.'],
  ],
];

const PUBLIC_KINDS = ['administration', 'public_operator', 'local_authority'];
const BUSINESS_KINDS = ['large_company', 'fund_manager'];
const sectorOfKind = (kind: string | null | undefined): ParticipantSector =>
  !kind ? 'other' : PUBLIC_KINDS.includes(kind) ? 'public' : BUSINESS_KINDS.includes(kind) ? 'business' : 'associative';

/** New participants per hackathon, besides those already registered (advisors, public sponsors, projects). */
const NEWCOMERS = 172;
const JUDGES = 8;
const REVIEWS_PER_SUBMISSION = 3;
const WINNERS = 6;

export async function seedHackathons(tx: Executor, r: Rng) {
  const events = await tx
    .selectFrom('events')
    .select(['id', 'starts_at', 'ends_at'])
    .where('kind', '=', 'hackathon')
    .where('programme', '=', 'mobilisation')
    .orderBy('starts_at')
    .execute();
  const orgs = await tx.selectFrom('organisations').select(['id', 'kind']).where('kind', '<>', 'siae').orderBy('name').orderBy('id').execute();
  const ofKinds = (kinds: string[]) => orgs.filter((o) => kinds.includes(o.kind)).map((o) => o.id);
  const pools = { public: ofKinds(PUBLIC_KINDS), associative: ofKinds(['ess_structure', 'support_organisation']), business: ofKinds(BUSINESS_KINDS) };
  const kindOf = new Map(orgs.map((o) => [o.id, o.kind]));

  for (const [n, event] of events.entries()) {
    // Those already registered say their sector: their structure's kind (a project: its ESS structure).
    await sql`
      update registrations r set sector = case
        when o.kind in ('administration', 'public_operator', 'local_authority') then 'public'
        when o.kind in ('large_company', 'fund_manager') then 'business'
        when o.kind is null then 'other'
        else 'associative' end
      from registrations x
      left join people p on p.id = x.person_id
      left join organisations o on o.id = coalesce(x.organisation_id, p.organisation_id)
      where x.id = r.id and r.event_id = ${event.id}`.execute(tx);
    const already = await tx.selectFrom('registrations').select(['person_id']).where('event_id', '=', event.id).execute();
    const taken = new Set(already.map((a) => a.person_id));

    // Newcomers from the three worlds, and a few students.
    const newcomers = Array.from({ length: NEWCOMERS }, () => {
      const x = r.next();
      const sector: ParticipantSector = x < 0.3 ? 'public' : x < 0.64 ? 'associative' : x < 0.9 ? 'business' : x < 0.97 ? 'student' : 'other';
      const firstName = r.pick(firstNames);
      const pool = sector === 'student' || sector === 'other' ? null : pools[sector];
      return {
        id: r.uuid(),
        sector,
        input: {
          firstName,
          lastName: r.pick(lastNames),
          organisationId: pool?.length ? r.pick(pool) : null,
          titles: pool ? [titleFor(r.pick(titles), firstName)] : [],
        },
      };
    });
    await insertPeople(
      tx,
      newcomers.map((p) => p.input),
      newcomers.map((p) => p.id),
    );
    const attendeeIds = await insertRegistrations(
      tx,
      event.id,
      newcomers.map((p) => ({
        person_id: p.id,
        organisation_id: null,
        role: 'attendee',
        project_id: null,
        fund_id: null,
        status: r.chance(0.04) ? 'no_show' : 'attended',
        max_meetings: null,
        sector: p.sector,
      })),
      newcomers.map(() => r.uuid()),
    );

    // The jury: people of the directory with a structure, not otherwise registered.
    const candidates = await tx
      .selectFrom('people')
      .select(['id', 'organisation_id'])
      .where('organisation_id', 'is not', null)
      .where('is_public_sponsor', '=', true)
      .orderBy('last_name')
      .orderBy('id')
      .execute();
    const judgePeople = r.sample(
      candidates.filter((c) => !taken.has(c.id)),
      JUDGES,
    );
    const judgeIds = await insertRegistrations(
      tx,
      event.id,
      judgePeople.map((p) => ({
        person_id: p.id,
        organisation_id: null,
        role: 'judge',
        project_id: null,
        fund_id: null,
        status: 'attended',
        max_meetings: null,
        sector: sectorOfKind(kindOf.get(p.organisation_id as string)),
      })),
      judgePeople.map(() => r.uuid()),
    );

    // Challenges posed by partners (a public body or a large company).
    const challengeIds: string[] = [];
    for (const c of CHALLENGES[n] ?? [])
      challengeIds.push(
        await q.insertChallenge(
          tx,
          event.id,
          { title: typo(c.title), description: typo(c.description), partner_organisation_id: r.pick(r.chance(0.5) ? pools.public : pools.business) ?? null },
          r.uuid(),
        ),
      );
    await q.saveSettings(tx, event.id, { rubric: RUBRIC, submission_deadline: new Date(event.ends_at.getTime() - 4 * 3600_000) });

    // Teams of five to nine newcomers, two per challenge, each with a mentor among the advisors or sponsors registered.
    const mentors = await tx
      .selectFrom('registrations')
      .select('id')
      .where('event_id', '=', event.id)
      .where('role', '=', 'attendee')
      .where('id', 'not in', attendeeIds)
      .where('person_id', 'is not', null)
      .orderBy('id')
      .execute();
    const free = r.sample(attendeeIds, attendeeIds.length);
    const teamIds: string[] = [];
    const quality = new Map<string, number>();
    for (const [i, [name, title, pitch]] of (SUBMISSIONS[n] ?? []).entries()) {
      const members = free.splice(0, r.int(5, 9));
      const tid = await q.insertTeam(
        tx,
        event.id,
        { name: typo(name), challenge_id: challengeIds[Math.floor(i / 2)] ?? null, mentor_registration_id: r.pick(mentors)?.id ?? null },
        members,
        r.uuid(),
      );
      await q.upsertSubmission(tx, tid, { title: typo(title), pitch: typo(pitch), links: [`https://projets.essaim.test/hackathon-${n + 1}/${i + 1}`] });
      teamIds.push(tid);
      quality.set(tid, 2 + r.next() * 2.5);
    }

    // The jury reviews: three judges per submission, none with a conflict, each with their own generosity.
    const conflicts = (await q.organisationConflicts(tx, event.id)).map((c) => ({ judge: c.judge_registration_id, team: c.team_id }));
    const pairs = assignReviews({ teams: teamIds, judges: judgeIds, conflicts, reviewsPerSubmission: REVIEWS_PER_SUBMISSION, seed: 2020 + n });
    await q.replaceAssignments(tx, event.id, pairs);
    const generosity = new Map(judgeIds.map((j) => [j, (r.next() - 0.5) * 1.6]));
    const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));
    const reviews = pairs.map((p) => {
      const base = (quality.get(p.team) as number) + (generosity.get(p.judge) as number);
      const scores = Object.fromEntries(RUBRIC.map((c) => [c.id, clamp(base + (r.next() - 0.5) * 1.2)]));
      return { judge: p.judge, team: p.team, scores };
    });
    for (const rv of reviews)
      await q.upsertReview(tx, {
        judge_registration_id: rv.judge,
        team_id: rv.team,
        scores: rv.scores,
        comment: typo(rv.scores.impact && rv.scores.impact >= 4 ? 'Un impact clair et une équipe complémentaire.' : 'Le modèle économique reste à consolider.'),
      });
    await q.saveSettings(tx, event.id, { results_published_at: event.ends_at });

    // The six best by the normalised ranking are propelled, each carried on by an ESS structure.
    const ranking = rankTeams({ teams: teamIds, criteria: RUBRIC, reviews });
    const propelledOn = parisDay(event.ends_at);
    for (const [i, w] of ranking.slice(0, WINNERS).entries()) {
      const [row] = await q.teamRows(tx, event.id, [w.team]);
      if (!row) continue;
      const id = await iq.insertInnovation(
        tx,
        {
          event_id: event.id,
          team_id: w.team,
          challenge_id: row.challenge_id,
          title: row.submission_title ?? row.name,
          summary: row.pitch ?? '',
          carrier_organisation_id: r.pick(pools.associative) ?? null,
          propelled_on: propelledOn,
        },
        r.uuid(),
      );
      // Follow-ups: all recorded for the first hackathon; the second's last two innovations still owe their 12-month one.
      for (const month of [3, 6, 12]) {
        if (n === 1 && month === 12 && i >= WINNERS - 2) continue;
        const stopped = i === WINNERS - 1 && month === 12 && n === 0;
        const status = stopped ? 'stopped' : month === 12 && i < 2 ? 'scaled' : 'active';
        await iq.recordFollowUp(tx, id, month, {
          status,
          next_step: typo(
            stopped
              ? 'L’équipe s’est dispersée : les outils sont transmis au collectif local.'
              : month === 3
                ? 'Trouver un premier site pilote'
                : month === 6
                  ? 'Consolider le financement de l’amorçage'
                  : 'Essaimer sur un deuxième territoire',
          ),
          funding_found_eur: month === 3 ? r.int(0, 3) * 5000 : r.int(2, 12) * 10_000,
          people_reached: r.int(20, 150) * (month === 3 ? 1 : month === 6 ? 2 : 4),
        });
        await sql`update innovation_follow_ups set requested_at = due_on::timestamptz, recorded_at = due_on::timestamptz + interval '9 days'
          where innovation_id = ${id} and month = ${month}`.execute(tx);
      }
    }
  }
}
