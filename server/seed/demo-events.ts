import { sql } from 'kysely';
import type { EventInput } from '../../shared/schemas/event';
import { parisInstant } from '../../shared/paris-time';
import { typo } from '../../shared/text';
import type { EventKind, EventProgramme, RegistrationRole, RegistrationStatus } from '../../shared/vocabulary';
import type { Executor } from '../db/connection';
import { insertEvent } from '../modules/events/event-queries';
import { insertRegistrations, type RegistrationValues } from '../modules/events/registration-queries';
import { insertPeople } from '../modules/people/person-queries';
import { firstNames, lastNames, titleFor } from './names';
import { type Rng, rng } from './rng';

/**
 * The events of 2020 the review tells of: seven Impact Finance conferences
 * (Grenoble on 3 November and Marseille on 5 November among them), the two
 * #ESSrelance meetings with the operators from November, the circular-economy
 * workshop of October and the governance workshop of 8 December, and the two
 * Grands Hackathons French Impact. All held: registrations are attended (a
 * no-show here and there). Built from the directory already written in the
 * same transaction, with their own random stream so that the rest of the
 * network does not move.
 */

/** A demo conference and its attended participants, for the bilateral meetings built on them. */
export interface DemoConference {
  eventId: string;
  title: string;
  /** The day in Paris (YYYY-MM-DD), and the conference's opening hours as instants. */
  day: string;
  startsAt: Date;
  endsAt: Date;
  projects: Array<{ registrationId: string; projectId: string; organisationId: string; maxMeetings: number }>;
  investors: Array<{ registrationId: string; fundId: string; organisationId: string; maxMeetings: number }>;
  advisors: Array<{ registrationId: string; personId: string }>;
}

const conferences: Array<{ city: string; day: string; commune: string; region: string; address: string; online?: boolean }> = [
  { city: 'Lille', day: '2020-01-30', commune: '59350', region: '32', address: 'Maison de l’économie sociale et solidaire, 235 boulevard Paul Painlevé' },
  { city: 'Nantes', day: '2020-02-27', commune: '44109', region: '52', address: 'Le Solilab, 8 rue de Saint-Domingue' },
  { city: 'Lyon', day: '2020-09-24', commune: '69123', region: '84', address: 'Hôtel de Région, 1 esplanade François Mitterrand' },
  { city: 'Toulouse', day: '2020-10-08', commune: '31555', region: '76', address: 'La Cité, 55 avenue Louis Bréguet' },
  { city: 'Grenoble', day: '2020-11-03', commune: '38185', region: '84', address: 'Maison de l’économie, 1 place André Malraux', online: true },
  { city: 'Marseille', day: '2020-11-05', commune: '13055', region: '93', address: 'La Friche la Belle de Mai, 41 rue Jobin', online: true },
  { city: 'Rennes', day: '2020-12-01', commune: '35238', region: '53', address: 'Espace des solidarités, 6 cours des Alliés', online: true },
];

const PROJECTS_PER_CONFERENCE = 18;
const FUNDS_PER_CONFERENCE = 8;
const VISIO = 'https://visio.essaim.test';

interface Plan {
  event: EventInput;
  registrations: RegistrationValues[];
}

const reg = (
  role: RegistrationRole,
  who: Partial<Pick<RegistrationValues, 'person_id' | 'organisation_id' | 'project_id' | 'fund_id' | 'max_meetings'>>,
  status: RegistrationStatus = 'attended',
): RegistrationValues => ({
  person_id: who.person_id ?? null,
  organisation_id: who.organisation_id ?? null,
  role,
  project_id: who.project_id ?? null,
  fund_id: who.fund_id ?? null,
  status,
  max_meetings: who.max_meetings ?? null,
});

const event = (
  kind: EventKind,
  programme: EventProgramme,
  title: string,
  description: string,
  day: string,
  hours: [string, string],
  where: { place?: { address: string; communeCode: string }; onlineUrl?: string; endDay?: string; public?: boolean; capacity?: number },
): EventInput => ({
  kind,
  programme,
  title: typo(title),
  description: typo(description),
  startsAt: parisInstant(day, hours[0]).toISOString(),
  endsAt: parisInstant(where.endDay ?? day, hours[1]).toISOString(),
  place: where.place ?? null,
  onlineUrl: where.onlineUrl ?? null,
  organiserOrganisationId: null,
  capacity: where.capacity ?? null,
  registrationOpen: false,
  public: where.public ?? true,
});

/** What the plans draw on: the directory written just before. */
async function directory(tx: Executor) {
  const projects = await tx
    .selectFrom('projects')
    .select(['id', 'lead_organisation_id', 'region_code', 'title'])
    .where('lead_organisation_id', 'is not', null)
    .where('stage', '<>', 'idea')
    .where('funding_need_eur', 'is not', null)
    .orderBy('title')
    .orderBy('id')
    .execute();
  const funds = await tx.selectFrom('funds').select(['id', 'manager_id', 'name']).where('manager_id', 'is not', null).orderBy('name').execute();
  const people = await tx
    .selectFrom('people')
    .select(['id', 'organisation_id', 'is_advisor', 'is_public_sponsor'])
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute();
  const coordinators = await tx.selectFrom('collectives').select(['coordinator_id', 'name']).where('coordinator_id', 'is not', null).orderBy('name').execute();
  const orgs = await tx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('name', 'in', ['Bpifrance', 'Banque des Territoires', 'ADEME', 'Plateau Urbain', 'MatériO.TEC 73'])
    .execute();
  const org = (name: string) => {
    const found = orgs.find((o) => o.name === name);
    if (!found) throw new Error(`demo organisation missing: ${name}`);
    return found.id;
  };
  return { projects, funds, people, coordinators: coordinators.map((c) => c.coordinator_id as string), org };
}

/** One investment officer for each fund manager that has no person yet: a fund comes to a conference with its people. */
async function fundOfficers(tx: Executor, r: Rng, d: Awaited<ReturnType<typeof directory>>) {
  const officer = new Map<string, string>();
  for (const p of d.people) if (p.organisation_id && !officer.has(p.organisation_id)) officer.set(p.organisation_id, p.id);
  const managers = [...new Set(d.funds.map((f) => f.manager_id as string))].filter((m) => !officer.has(m));
  const inputs = managers.map((m, i) => {
    const [firstName, lastName] = [r.pick(firstNames), r.pick(lastNames)];
    const slug = (s: string) =>
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z]+/g, '');
    return {
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}.${i + 1}@financeurs.test`,
      organisationId: m,
      titles: [titleFor(['Chargée d’investissement', 'Chargé d’investissement'], firstName)],
    };
  });
  const ids = managers.map(() => r.uuid());
  if (inputs.length) await insertPeople(tx, inputs, ids);
  managers.forEach((m, i) => {
    officer.set(m, ids[i] as string);
  });
  return officer;
}

function conferencePlans(r: Rng, d: Awaited<ReturnType<typeof directory>>, officer: Map<string, string>, voisiwatt: string | undefined) {
  const advisors = d.people.filter((p) => p.is_advisor).map((p) => p.id);
  const franceActive = d.funds.find((f) => f.name.includes('France Active'));
  return conferences.map((c, i): Plan => {
    const here = d.projects.filter((p) => p.region_code === c.region);
    const elsewhere = d.projects.filter((p) => p.region_code !== c.region);
    let projects = r.sample(here, Math.min(here.length, PROJECTS_PER_CONFERENCE - 4));
    projects = [...projects, ...r.sample(elsewhere, PROJECTS_PER_CONFERENCE - projects.length)];
    // The demo holder's VoisiWATT (Valence) came to Grenoble.
    if (c.city === 'Grenoble' && voisiwatt && !projects.some((p) => p.id === voisiwatt)) {
      const v = d.projects.find((p) => p.id === voisiwatt);
      if (v) projects = [v, ...projects.slice(0, -1)];
    }
    let funds = r.sample(d.funds, FUNDS_PER_CONFERENCE);
    if (c.city === 'Grenoble' && franceActive && !funds.includes(franceActive)) funds = [franceActive, ...funds.slice(0, -1)];
    const noShow = r.int(0, projects.length - 1);
    return {
      event: event(
        'conference',
        'impact-finance',
        `Conférence Impact Finance de ${c.city}`,
        `Rencontres bilatérales entre innovateurs sociaux et financeurs à impact à ${c.city} : chaque projet retenu rencontre les fonds sous bannière French Impact qui correspondent à son besoin, accompagné par un conseiller formé à la finance à impact.`,
        c.day,
        ['09:00', '17:30'],
        {
          place: { address: c.address, communeCode: c.commune },
          ...(c.online ? { onlineUrl: `${VISIO}/impact-finance-${c.city.toLowerCase()}` } : {}),
          capacity: 120,
        },
      ),
      registrations: [
        ...projects.map((p, j) =>
          reg(
            'project',
            {
              project_id: p.id,
              organisation_id: p.lead_organisation_id,
              person_id: officer.get(p.lead_organisation_id as string) ?? null,
              max_meetings: r.int(4, 7),
            },
            j === noShow && i % 2 === 0 ? 'no_show' : 'attended',
          ),
        ),
        ...funds.map((f) =>
          reg('investor', { fund_id: f.id, organisation_id: f.manager_id, person_id: officer.get(f.manager_id as string) ?? null, max_meetings: r.int(8, 12) }),
        ),
        ...r.sample(advisors, 3).map((a) => reg('advisor', { person_id: a })),
      ],
    };
  });
}

function otherPlans(r: Rng, d: Awaited<ReturnType<typeof directory>>) {
  const paris = '75056';
  const people = d.people.filter((p) => p.is_public_sponsor || p.is_advisor).map((p) => p.id);
  const operators = ['Bpifrance', 'Banque des Territoires', 'ADEME'].map(d.org);
  const karim = d.people.find((p) => p.organisation_id === d.org('Bpifrance'))?.id;
  const relance = (n: number, day: string, theme: string): Plan => ({
    event: event(
      'meeting',
      'ess-relance',
      `Rencontre #ESSrelance n° ${n} : ${theme}`,
      'Rencontre entre des projets territoriaux à impact et les opérateurs du plan de relance : chaque projet présente les mesures qu’il sollicite, chaque frein relevé est suivi jusqu’à sa levée.',
      day,
      ['14:00', '16:30'],
      { onlineUrl: `${VISIO}/essrelance-${n}`, public: false },
    ),
    registrations: [
      ...operators.map((o) => reg('attendee', { organisation_id: o, person_id: o === d.org('Bpifrance') ? (karim ?? null) : null })),
      ...r.sample(d.projects, 6).map((p) => reg('project', { project_id: p.id, organisation_id: p.lead_organisation_id })),
    ],
  });
  const hackathon = (n: number, day: string, endDay: string, where: Parameters<typeof event>[6]): Plan => ({
    event: event(
      'hackathon',
      'mobilisation',
      `Grand Hackathon French Impact n° ${n}`,
      'Deux jours pour propulser des innovations sociales : agents publics, associations et entreprises travaillent ensemble sur les défis des projets retenus.',
      day,
      ['09:00', '18:00'],
      { ...where, endDay },
    ),
    registrations: [
      ...r.sample(people, 60).map((p) => reg('attendee', { person_id: p })),
      ...r.sample(d.projects, 6).map((p) => reg('project', { project_id: p.id, organisation_id: p.lead_organisation_id })),
    ],
  });
  return [
    relance(1, '2020-11-19', 'financer la relance des projets territoriaux'),
    relance(2, '2020-12-10', 'les freins au financement des projets'),
    {
      event: event(
        'workshop',
        'cooperation',
        'Atelier économie circulaire et réemploi des matériaux du BTP',
        'Atelier d’animation du réseau : filières de réemploi des matériaux de construction, urbanisme transitoire et mise à disposition d’espaces vacants.',
        '2020-10-15',
        ['10:00', '12:30'],
        { onlineUrl: `${VISIO}/atelier-economie-circulaire` },
      ),
      registrations: [
        reg('speaker', { organisation_id: d.org('Plateau Urbain') }),
        reg('attendee', { organisation_id: d.org('MatériO.TEC 73') }),
        ...r.sample(d.coordinators, 12).map((p) => reg('attendee', { person_id: p })),
      ],
    },
    {
      event: event(
        'workshop',
        'cooperation',
        'Atelier sur la gouvernance des collectifs French Impact',
        'Atelier d’animation du réseau : comment les collectifs territoriaux décident ensemble, associent leurs membres et partagent la coordination.',
        '2020-12-08',
        ['10:00', '12:00'],
        { onlineUrl: `${VISIO}/atelier-gouvernance` },
      ),
      registrations: d.coordinators.map((p) => reg('attendee', { person_id: p })),
    },
    hackathon(1, '2020-02-06', '2020-02-07', { place: { address: 'Station F, 5 parvis Alan Turing', communeCode: paris } }),
    hackathon(2, '2020-11-26', '2020-11-27', { onlineUrl: `${VISIO}/grand-hackathon-2` }),
  ];
}

/**
 * Write the 2020 events and their registrations (after the directory, in
 * the seed's transaction); returns the conferences with their attended
 * participants, for the bilateral meetings held there.
 */
export async function seedDemoEvents(tx: Executor, opts: { voisiwattProjectId?: string } = {}): Promise<DemoConference[]> {
  const r = rng(20201103);
  const d = await directory(tx);
  const officer = await fundOfficers(tx, r, d);
  const plans = [...conferencePlans(r, d, officer, opts.voisiwattProjectId), ...otherPlans(r, d)];
  for (const plan of plans) {
    const id = await insertEvent(tx, plan.event, r.uuid());
    await insertRegistrations(
      tx,
      id,
      plan.registrations,
      plan.registrations.map(() => r.uuid()),
    );
  }
  return demoConferences(tx);
}

/**
 * The demo's Impact Finance conferences of 2020, read back from the database
 * (oldest first), each with its attended projects, investors and advisors.
 */
export async function demoConferences(db: Executor): Promise<DemoConference[]> {
  const events = await db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at', 'ends_at', sql<string>`to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM-DD')`.as('day')])
    .where('programme', '=', 'impact-finance')
    .where('kind', '=', 'conference')
    .where('starts_at', '>=', new Date('2020-01-01T00:00:00+01:00'))
    .where('starts_at', '<', new Date('2021-01-01T00:00:00+01:00'))
    .orderBy('starts_at')
    .execute();
  if (events.length === 0) return [];
  const regs = await db
    .selectFrom('registrations')
    .select(['id', 'event_id', 'role', 'project_id', 'fund_id', 'person_id', 'organisation_id', 'max_meetings'])
    .where(
      'event_id',
      'in',
      events.map((e) => e.id),
    )
    .where('status', '=', 'attended')
    .orderBy('id')
    .execute();
  return events.map((e) => {
    const mine = regs.filter((x) => x.event_id === e.id);
    return {
      eventId: e.id,
      title: e.title,
      day: e.day,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      projects: mine
        .filter((x) => x.role === 'project')
        .map((x) => ({
          registrationId: x.id,
          projectId: x.project_id as string,
          organisationId: x.organisation_id as string,
          maxMeetings: x.max_meetings ?? 6,
        })),
      investors: mine
        .filter((x) => x.role === 'investor')
        .map((x) => ({ registrationId: x.id, fundId: x.fund_id as string, organisationId: x.organisation_id as string, maxMeetings: x.max_meetings ?? 10 })),
      advisors: mine.filter((x) => x.role === 'advisor').map((x) => ({ registrationId: x.id, personId: x.person_id as string })),
    };
  });
}
