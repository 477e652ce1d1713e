import type { OrganisationInput } from '../../shared/schemas/organisation';
import type { ProjectInput } from '../../shared/schemas/project';
import { withLuhnKey } from '../../shared/siret';
import type { OrganisationKind, ProjectStage, SiaeKind } from '../../shared/vocabulary';
import type { Database } from '../db/connection';
import { vacuumAnalyze } from '../db/settings-queries';
import { conflict } from '../errors';
import type { Executor } from '../db/connection';
import { insertAccounts } from '../modules/accounts/account-queries';
import { hashPassword } from '../modules/accounts/passwords';
import { insertCollectives } from '../modules/collectives/collective-queries';
import { insertFunds } from '../modules/funds/fund-queries';
import { insertOrganisations, organisationTotal } from '../modules/organisations/organisation-queries';
import { insertPeople } from '../modules/people/person-queries';
import { insertPioneers } from '../modules/pioneers/pioneer-queries';
import { insertProjects } from '../modules/projects/project-queries';
import { insertSectorProgrammes } from '../modules/sector-programmes/sector-programme-queries';
import { communesWithin, largestCommunes } from '../modules/territories/territory-queries';
import * as net from './demo-network';
import { seedHackathons } from './hackathons';
import { seedRelance } from './relance';
import { seedChallenges } from './challenges';
import { seedDemoEvents } from './demo-events';
import { seedDemoAdvisors, seedDemoMeetings } from './demo-meetings';
import { seedReview } from './review';
import { dateDemoRecords } from './demo-dates';
import { typo } from '../../shared/text';
import {
  advisorTitle,
  coordinatorTitle,
  directorTitle,
  firstNames,
  lastNames,
  nameSuffixes,
  nameWords,
  projectArchetypes,
  sponsorTitles,
  structureName,
  type Title,
  titleFor,
  titles,
} from './names';
import { type Rng, rng } from './rng';
import { seedSponsorships } from './sponsorships';
import { seedCooperation } from './cooperation';
import { seedDecisions } from './decisions';

export type Progress = (step: string, done: number, total: number) => void;

export interface SeedOptions {
  seed?: number;
  onProgress?: Progress;
}

/**
 * "Chambéry" → "de Chambéry", "Aubervilliers" → "d’Aubervilliers", "Le Havre" → "du Havre",
 * "Les Mureaux" → "des Mureaux", "La Rochelle" → "de La Rochelle", "L'Haÿ-les-Roses" → "de L’Haÿ-les-Roses".
 */
export function deCommune(name: string) {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (/^(La |L['’])/.test(name)) return typo(`de ${name}`);
  // Elided before a vowel and a silent h (Hyères, Hénin), not an aspirated one (Haguenau).
  if (/^([AEIOUYÉÈÊÂÎÔ]|H[yéè])/i.test(name)) return typo(`d’${name}`);
  return typo(`de ${name}`);
}

/** « au sein du Collectif French Impact Grand Chambéry », « au sein du collectif Figeacteurs ». */
const withinCollective = (name: string) => (name.startsWith('Collectif ') ? `au sein du ${name}` : `au sein du collectif ${name}`);

/** Every text field of a demo record in French typography (curly apostrophes, no-break spaces). */
function typeset<T extends object>(record: T, fields: ReadonlyArray<keyof T>): T {
  const out = { ...record };
  for (const f of fields) {
    const v = out[f];
    if (typeof v === 'string') out[f] = typo(v) as T[keyof T];
    else if (Array.isArray(v)) out[f] = v.map((x) => (typeof x === 'string' ? typo(x) : x)) as T[keyof T];
  }
  return out;
}

export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Unique, valid SIRET numbers: SIREN 8xxxxxxx + key, head office 0001 + key. */
export function demoSiret(n: number) {
  const siren = withLuhnKey(`8${String(n).padStart(7, '0')}`);
  return withLuhnKey(`${siren}0001`);
}

export const SEED_STEPS = 8;
export const DEMO_PASSWORD = 'essaim-demo-2020';
export const DEMO_ACCOUNTS = [
  'equipe@essaim.test',
  'coordination.figeac@essaim.test',
  'coordination.chambery@essaim.test',
  'porteur.voisiwatt@essaim.test',
  'financeur@essaim.test',
  'hacker.public@essaim.test',
  'operateur@essaim.test',
  'membre.figeac@essaim.test',
  'siae@essaim.test',
  'partenaire.defi@essaim.test',
];

async function assertEmpty(db: Executor) {
  const n = await organisationTotal(db);
  if (n > 0) throw conflict('database_not_empty', `La base contient déjà ${n} structures : le réseau de démonstration ne se charge que dans une base vide.`);
}

/** Build the organisations of the demo network and keep track of them by name. */
class OrgBook {
  readonly inputs: OrganisationInput[] = [];
  readonly ids: string[] = [];
  private readonly byName = new Map<string, string>();
  private serial = 0;
  constructor(
    private readonly r: Rng,
    private readonly firstSerial: number,
  ) {}

  add(o: Omit<OrganisationInput, 'siret'> & { siret?: string | null }, siret = true): string {
    const existing = this.byName.get(o.name);
    if (existing) return existing;
    const id = this.r.uuid();
    this.inputs.push({ ...o, siret: siret ? demoSiret(this.firstSerial + this.serial++) : null } as OrganisationInput);
    this.ids.push(id);
    this.byName.set(o.name, id);
    return id;
  }
  id(name: string) {
    const id = this.byName.get(name);
    if (!id) throw new Error(`unknown demo organisation ${name}`);
    return id;
  }
}

function person(
  r: Rng,
  organisationId: string | null,
  domain: string,
  extra: Partial<{ isAdvisor: boolean; isPublicSponsor: boolean; administrationId: string; title: Title }> = {},
  name?: [string, string],
) {
  const [firstName, lastName] = name ?? [r.pick(firstNames), r.pick(lastNames)];
  return {
    id: r.uuid(),
    input: {
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}.${r.int(10, 99)}@${domain}.test`,
      phone: `0${r.int(1, 5)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
      organisationId,
      // The title agrees with the person: « Coordinatrice » for Merryl, « Coordinateur » for Yann.
      titles: [titleFor(extra.title ?? r.pick(titles), firstName)],
      isAdvisor: extra.isAdvisor ?? false,
      isPublicSponsor: extra.isPublicSponsor ?? false,
      administrationId: extra.administrationId ?? null,
    },
  };
}

const siaeShare: Array<[SiaeKind, number, string, string, string]> = [
  ['ACI', 0.45, 'Chantier d’insertion', '88.99B', '9220'],
  ['AI', 0.2, 'Association intermédiaire', '78.30Z', '9220'],
  ['EI', 0.25, 'Entreprise d’insertion', '38.32Z', '5710'],
  ['ETTI', 0.07, 'Intérim d’insertion', '78.20Z', '5710'],
  ['EITI', 0.03, 'Travail indépendant d’insertion', '82.99Z', '5499'],
];

/**
 * The demo network of 2020, deterministic for a given seed: 27 collectives,
 * 400 projects, 22 pioneers, 104 champion companies, 25 labelled funds
 * (€662.5M), 45 advisors, 100 public sponsors in 20 administrations,
 * 4,000 SIAE and 2 sector programmes. Written in one transaction.
 */
export async function seedDemo(db: Database, opts: SeedOptions = {}) {
  const r = rng(opts.seed ?? 2020);
  const progress = opts.onProgress ?? (() => {});
  await db.transaction().execute(async (tx) => {
    await assertEmpty(tx);
    await buildDemo(tx, r, progress, 0);
  });
  await vacuumAnalyze(db);
}

export async function buildDemo(tx: Executor, r: Rng, progress: Progress, firstSerial: number) {
  const book = new OrgBook(r, firstSerial);
  const people: Array<ReturnType<typeof person>> = [];
  progress('Structures nommées', 0, SEED_STEPS);

  // Named organisations.
  const adminIds = net.administrations.map((name) => book.add({ name, kind: 'administration', communeCode: '75056', legalCategory: '7120' }, false));
  for (const [name, commune] of net.publicOperators) book.add({ name, kind: 'public_operator', communeCode: commune, legalCategory: '7389' });
  for (const [name, commune] of net.supportOrganisations)
    book.add({ name, kind: 'support_organisation', communeCode: commune, ess: true, legalCategory: '9220', themes: ['emploi-insertion'] });
  for (const [name, commune] of net.largeCompanies) book.add({ name, kind: 'large_company', communeCode: commune, legalCategory: '5599' });
  for (const f of net.funds)
    book.add({ name: f.manager, kind: 'fund_manager', communeCode: '75056', legalCategory: '5710', ess: f.manager.includes('Active') });
  for (const p of net.pioneers)
    book.add({ name: p.name, kind: 'ess_structure', communeCode: p.communeCode, ess: true, esus: true, legalCategory: '9220', description: p.description });

  // Champion companies: the large groups and ESS companies the pioneers accompany.
  const champions = [...net.largeCompanies.map(([n]) => book.id(n))];
  const bigCommunes = await largestCommunes(tx, 400);
  while (champions.length < 104) {
    const c = r.pick(bigCommunes.slice(0, 120));
    const name = `${structureName(r.pick(nameWords), r.pick(nameSuffixes))} ${r.pick(['SCOP', 'SCIC', 'SAS', 'SA coopérative'])}`;
    const id = book.add({
      name: `${name} (${c.name})`,
      kind: 'ess_structure',
      ess: true,
      esus: r.chance(0.5),
      communeCode: c.code,
      legalCategory: r.pick(['5458', '5560', '5710']),
      nafCode: r.pick(['38.32Z', '43.99C', '56.10A', '47.79Z', '62.01Z']),
    });
    if (!champions.includes(id)) champions.push(id);
  }
  progress('Collectifs et projets', 1, SEED_STEPS);

  // Collectives, their members and projects.
  const collectiveIds = net.collectives.map(() => r.uuid());
  const coordinatorIds: string[] = [];
  const collectiveInputs = [];
  const projectInputs: ProjectInput[] = [];
  const perCollective = net.collectives.map((_, i) => 14 + (i < 22 ? 1 : 0));
  for (const [i, k] of net.collectives.entries()) {
    const [kind, code] = (k.perimeter[0] as string).split(':') as ['epci' | 'departement' | 'commune', string];
    const communes =
      k.perimeter.length > 1
        ? (await Promise.all(k.perimeter.map((t) => communesWithin(tx, 'commune', t.split(':')[1] as string)))).flat()
        : await communesWithin(tx, kind, code);
    const local = communes.slice(0, 12);
    const main = local[0] as (typeof local)[number];
    const members: string[] = [];
    const domain = slug(k.territoryLabel).slice(0, 30);
    const pole = book.add({
      name: k.name === 'Figeacteurs' ? 'Figeacteurs' : `Pôle territorial de coopération économique ${k.of}`,
      kind: 'support_organisation',
      ess: true,
      communeCode: main.code,
      legalCategory: '9220',
      themes: ['relocalisation'],
    });
    members.push(pole);
    const coordinator = person(r, pole, domain, { title: coordinatorTitle }, k.coordinator ? [k.coordinator.firstName, k.coordinator.lastName] : undefined);
    people.push(coordinator);
    coordinatorIds.push(coordinator.id);

    const named = net.namedProjects.filter((p) => p.collective === k.name);
    const archetypes = r.sample(projectArchetypes, perCollective[i] as number);
    const projectsHere: ProjectInput[] = named.map((p) => {
      const lead = book.add({
        name: p.lead,
        kind: 'ess_structure',
        ess: true,
        esus: true,
        communeCode: p.communeCode,
        legalCategory: '5560',
        themes: p.themes,
      });
      members.push(lead);
      return {
        title: p.title,
        summary: p.summary,
        description: `${p.summary} Projet porté ${withinCollective(k.name)}.`,
        collectiveId: collectiveIds[i] as string,
        leadOrganisationId: lead,
        partnerIds: lead === pole ? [] : [pole],
        themes: p.themes,
        stage: p.stage,
        fundingNeedEur: p.fundingNeedEur,
        instruments: [...p.instruments],
        communeCode: p.communeCode,
        status: 'active',
        beneficiaries: r.int(50, 800),
      };
    });
    for (const a of archetypes.slice(0, (perCollective[i] as number) - named.length)) {
      const c = r.pick(local);
      const title = a.title.replace('{lieu}', deCommune(c.name));
      const leadName = `${structureName(r.pick(nameWords), r.pick(nameSuffixes))} ${deCommune(c.name)}`;
      const lead = book.add({
        name: leadName,
        kind: 'ess_structure',
        ess: true,
        esus: r.chance(0.3),
        communeCode: c.code,
        legalCategory: r.pick(['9220', '5560', '5458']),
        themes: a.themes.slice(0, 2),
      });
      members.push(lead);
      const stage: ProjectStage = r.pick(['idea', 'launch', 'launch', 'development', 'development', 'scale_up']);
      const partners = r.chance(0.6) ? [pole] : [];
      projectsHere.push({
        title,
        summary: a.summary,
        description: `${a.summary} Porté par ${leadName} ${withinCollective(k.name)}, le projet mobilise les acteurs publics, associatifs et économiques ${deCommune(c.name)} et des environs.`,
        collectiveId: collectiveIds[i] as string,
        leadOrganisationId: lead,
        partnerIds: partners,
        themes: a.themes,
        stage,
        fundingNeedEur: stage === 'idea' ? null : r.int(4, 400) * 5000,
        instruments: a.instruments as ProjectInput['instruments'],
        communeCode: c.code,
        status: r.chance(0.9) ? 'active' : r.pick(['paused', 'completed']),
        beneficiaries: r.int(20, 3000),
      });
    }
    projectInputs.push(...projectsHere);
    collectiveInputs.push({
      name: k.name,
      territoryLabel: k.territoryLabel,
      labelDate: k.wave === 1 ? '2019-07-04' : '2020-02-11',
      wave: k.wave,
      coordinatorId: coordinator.id,
      description: `Collectif territorial labellisé French Impact (vague ${k.wave}) réunissant les acteurs de l’ESS, les collectivités et les entreprises ${k.of}.`,
      website: `https://${domain}.frenchimpact.test`,
      perimeter: k.perimeter,
      memberIds: [...new Set(members)],
    });
  }
  progress('SIAE du défi Inclusion numérique', 2, SEED_STEPS);

  // 4,000 SIAE across France (the digital-inclusion challenge).
  for (let i = 0; i < 4000; i++) {
    const x = r.next();
    let acc = 0;
    const share = siaeShare.find(([, p]) => (acc += p) >= x) ?? siaeShare[0];
    const [kind, , label, naf, legal] = share as (typeof siaeShare)[number];
    const c = r.pick(bigCommunes);
    book.add({
      name: `${label} ${structureName(r.pick(nameWords), r.pick(nameSuffixes))} ${deCommune(c.name)} n° ${i + 1}`,
      kind: 'siae' as OrganisationKind,
      siaeKind: kind,
      ess: true,
      esus: r.chance(0.6),
      communeCode: c.code,
      nafCode: naf,
      legalCategory: legal,
      themes: ['emploi-insertion', ...(r.chance(0.3) ? ['inclusion-numerique'] : [])],
    });
  }
  progress('Enregistrement des structures', 3, SEED_STEPS);
  await insertOrganisations(
    tx,
    book.inputs.map((o) => typeset(o, ['name', 'description'])),
    book.ids,
  );

  progress('Personnes', 4, SEED_STEPS);
  const advisorOrgs = net.supportOrganisations.map(([n]) => book.id(n));
  for (let i = 0; i < 45; i++)
    people.push(person(r, advisorOrgs[i % advisorOrgs.length] as string, 'accompagnement', { isAdvisor: true, title: advisorTitle }));
  const sponsors: string[] = [];
  const sponsorGrades: string[] = [];
  for (let i = 0; i < 100; i++) {
    const admin = adminIds[i % adminIds.length] as string;
    const p = person(r, admin, 'administration', { isPublicSponsor: true, administrationId: admin, title: r.pick(sponsorTitles) });
    people.push(p);
    sponsors.push(p.id);
    sponsorGrades.push(p.input.titles[0] ?? '');
  }
  for (const p of net.pioneers) if (p.director) people.push(person(r, book.id(p.name), 'pionniers', { title: directorTitle }, p.director));
  await insertPeople(
    tx,
    people.map((p) => typeset(p.input, ['titles'])),
    people.map((p) => p.id),
  );

  progress('Collectifs', 5, SEED_STEPS);
  await insertCollectives(
    tx,
    collectiveInputs.map((c) => typeset(c, ['name', 'territoryLabel', 'description'])),
    collectiveIds,
  );
  const projectIds = await insertProjects(
    tx,
    projectInputs.map((p) => typeset(p, ['title', 'summary', 'description'])),
  );

  progress('Pionniers et fonds', 6, SEED_STEPS);
  await insertPioneers(
    tx,
    net.pioneers.map((p, i) => {
      const start = r.int(500, 20000);
      return {
        organisationId: book.id(p.name),
        labelYear: p.labelYear,
        description: typo(p.description),
        // The review: pioneers doubled their beneficiaries in one year.
        beneficiaries: [
          { year: 2019, count: start },
          { year: 2020, count: start * 2 + r.int(0, 50) },
        ],
        championIds: champions.filter((_, j) => j % net.pioneers.length === i),
      };
    }),
  );
  await insertFunds(
    tx,
    net.funds.map((f) => ({
      name: f.name,
      managerId: book.id(f.manager),
      frenchImpact: true,
      amountMobilisableEur: f.amount,
      themes: f.themes,
      territories: f.territories,
      stages: f.stages as ProjectStage[],
      instruments: f.instruments as ProjectInput['instruments'] & object,
      ticketMinEur: f.min,
      ticketMaxEur: f.max,
      description: typo(`Fonds sous bannière French Impact géré par ${f.manager}.`),
    })),
  );

  progress('Filières', 7, SEED_STEPS);
  const projectsWith = (theme: string) => projectIds.filter((_, i) => projectInputs[i]?.themes?.includes(theme)).slice(0, 40);
  await insertSectorProgrammes(
    tx,
    net.sectorProgrammes.map((p) => ({
      name: p.name,
      themeCode: p.themeCode,
      startedOn: p.startedOn,
      description: p.description,
      members: [
        ...p.largeGroups.map((name) => ({ organisationId: book.id(name), role: 'large_group' as const })),
        ...p.socialInnovators.map((name) => ({ organisationId: book.id(name), role: 'social_innovator' as const })),
      ],
      projectIds: projectsWith(p.themeCode),
    })),
  );
  // One account per role, all with the demo password (listed in the README).
  // Each is a named person of the directory, so the interface greets them by name.
  const staff = (firstName: string, lastName: string, email: string, organisationId: string | null, title: string) => ({
    id: r.uuid(),
    input: { firstName, lastName, email, phone: null, organisationId, titles: [title], isAdvisor: false, isPublicSponsor: false, administrationId: null },
  });
  const [team, holder, investor, operator] = [
    staff('Claire', 'Dubreuil', 'equipe@essaim.test', null, 'Responsable de l’animation du réseau national'),
    staff('Julien', 'Marchand', 'porteur.voisiwatt@essaim.test', book.id('VoisiWATT SCIC'), 'Cogérant'),
    staff('Sophie', 'Garnier', 'financeur@essaim.test', book.id('France Active Investissement'), 'Chargée d’investissement'),
    staff('Karim', 'Benali', 'operateur@essaim.test', book.id('Bpifrance'), 'Chargé de mission économie sociale'),
  ] as const;
  await insertPeople(
    tx,
    [team, holder, investor, operator].map((p) => p.input),
    [team, holder, investor, operator].map((p) => p.id),
  );
  const demoHash = await hashPassword(DEMO_PASSWORD);
  await insertAccounts(tx, [
    { email: 'equipe@essaim.test', passwordHash: demoHash, personId: team.id, roles: [{ role: 'admin' }] },
    {
      email: 'coordination.figeac@essaim.test',
      passwordHash: demoHash,
      personId: coordinatorIds[0],
      roles: [{ role: 'coordinator', scope: [collectiveIds[0] as string] }],
    },
    {
      email: 'coordination.chambery@essaim.test',
      passwordHash: demoHash,
      personId: coordinatorIds[1],
      roles: [{ role: 'coordinator', scope: [collectiveIds[1] as string] }],
    },
    { email: 'porteur.voisiwatt@essaim.test', passwordHash: demoHash, personId: holder.id, roles: [{ role: 'holder', scope: [book.id('VoisiWATT SCIC')] }] },
    {
      email: 'financeur@essaim.test',
      passwordHash: demoHash,
      personId: investor.id,
      roles: [{ role: 'investor', scope: [book.id('France Active Investissement')] }],
    },
    { email: 'hacker.public@essaim.test', passwordHash: demoHash, personId: sponsors[0], roles: [{ role: 'public_sponsor' }] },
    { email: 'operateur@essaim.test', passwordHash: demoHash, personId: operator.id, roles: [{ role: 'operator', scope: [book.id('Bpifrance')] }] },
  ]);
  // The events of 2020 (conferences, #ESSrelance meetings, workshops, hackathons) and who took part.
  const conferences = await seedDemoEvents(tx, { voisiwattProjectId: projectIds[projectInputs.findIndex((p) => p.title === 'VoisiWATT')] });
  // Hackers Publics: its own random stream, so that the rest of the network stays as it was.
  await seedSponsorships(tx, rng(r.int(1, 1_000_000_000)), {
    sponsors: sponsors.map((id, i) => ({
      id,
      administrationIndex: i % adminIds.length,
      administrationId: adminIds[i % adminIds.length] as string,
      administrationName: net.administrations[i % adminIds.length] as string,
      grade: sponsorGrades[i] as string,
    })),
    pioneers: net.pioneers.map((p, i) => ({ organisationId: book.id(p.name), sponsorId: sponsors[i * 4] as string, labelYear: p.labelYear })),
    structures: projectInputs
      .flatMap((p) => (p.leadOrganisationId ? [{ id: p.leadOrganisationId, communeCode: p.communeCode ?? null }] : []))
      .filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i),
    holderOrganisationId: book.id('VoisiWATT SCIC'),
    now: new Date(),
  });
  // Their bilateral meetings (360 held), feedback and investment leads.
  const meetings = await seedDemoMeetings(tx, conferences);
  // The advisors' impact finance training and the projects they accompany.
  await seedDemoAdvisors(tx, conferences);
  // ESS relance: measures of 2020–2021, the #ESSrelance meetings' agenda and minutes, obstacles (own random stream).
  await seedRelance(tx, rng(20201119), { voisiwattProjectId: projectIds[projectInputs.findIndex((p) => p.title === 'VoisiWATT')] as string });
  // Cooperation: the ETIC → Figeacteurs transfer, the workshops' collectives, Vinci × Ares, replications (own random stream).
  await seedCooperation(tx, rng(20201208), { passwordHash: demoHash });
  // Collective decisions: Figeacteurs' members, polls open and closed, results counted by the Schulze method and the others.
  await seedDecisions(tx, {
    figeacId: collectiveIds[0] as string,
    chamberyId: collectiveIds[1] as string,
    passwordHash: demoHash,
    now: new Date(),
    coordinatorEmails: { figeac: 'coordination.figeac@essaim.test', chambery: 'coordination.chambery@essaim.test' },
  });
  // The two Grands Hackathons: 400+ participants, juries, results and the 12 innovations propelled (own random stream).
  await seedHackathons(tx, rng(20200206));
  // The « Inclusion numérique » challenge: every SIAE enrolled, their progress (own random stream).
  await seedChallenges(tx, rng(20200901), { passwordHash: demoHash });
  // The dates a figure of a past year is computed from.
  await dateDemoRecords(tx);
  // The 2020 review's examples, testimonials and perspectives.
  await seedReview(tx);
  progress('Terminé', SEED_STEPS, SEED_STEPS);
  return { organisations: book.inputs.length, projects: projectIds.length, serialsUsed: book.inputs.length, conferences, meetings };
}
