import { sql } from 'kysely';
import type { EligibilityRulesInput } from '../../shared/schemas/relance';
import { typo } from '../../shared/text';
import { noRules } from '../../engines/eligibility/eligibility';
import type { Executor } from '../db/connection';
import { insertRegistrations } from '../modules/events/registration-queries';
import { insertActions, insertObstacle } from '../modules/relance/obstacle-queries';
import { insertMeasure, setRelanceFacts } from '../modules/relance/relance-queries';
import type { Rng } from './rng';

/**
 * ESS relance in the demo: recovery-plan measures of 2020–2021 that concerned
 * the ESS, with their real operators, dates, budgets and rules as public
 * documents state them (sources in each `source`; what could not be confirmed
 * is said in `unconfirmed`); the two #ESSrelance meetings' agenda and
 * minutes; obstacles raised there, followed until lifted (or not).
 */

interface DemoMeasure {
  name: string;
  operator: string;
  component: 'ecologie' | 'competitivite' | 'cohesion';
  budgetEur: number | null;
  opensOn: string;
  closesOn: string;
  windowKind: 'call_for_projects' | 'open_window';
  url: string;
  themes: string[];
  rules: Partial<EligibilityRulesInput>;
  description: string;
  source: string;
  unconfirmed?: string;
}

export const DEMO_MEASURES: DemoMeasure[] = [
  {
    name: 'UrgencESS',
    operator: 'France Active',
    component: 'cohesion',
    budgetEur: 30_000_000,
    opensOn: '2021-01-25',
    closesOn: '2021-07-31',
    windowKind: 'open_window',
    url: 'https://www.urgence-ess.fr',
    themes: [],
    // The aid is a flat 5,000 or 8,000 €, whatever the project's need: no ceiling on the need.
    rules: { essRequired: true, sizes: ['tpe'] },
    description:
      'Fonds d’urgence pour les structures de l’ESS de 1 à 10 salariés : diagnostic de la situation économique, aide de 5 000 € (1 à 3 salariés) ou 8 000 € (4 à 10 salariés), accompagnement par le DLA. Guichet unique, déployé par les associations territoriales de France Active.',
    source:
      'lemouvementassociatif.org (février 2021), banquedesterritoires.fr (prolongation jusqu’au 31 juillet 2021), franceactive-ara.org (clôture de l’instruction au 31 août 2021)',
    unconfirmed: 'Voté en loi de finances rectificative (PLFR 4 de 2020) : son rattachement au volet « cohésion » de France Relance est notre lecture.',
  },
  {
    name: 'Plan de soutien aux associations de lutte contre la pauvreté — appel à projets 2020-2021',
    operator: 'Direction générale de la cohésion sociale (DGCS)',
    component: 'cohesion',
    budgetEur: 50_000_000,
    opensOn: '2020-11-24',
    closesOn: '2021-01-15',
    windowKind: 'call_for_projects',
    url: 'https://solidarites-sante.gouv.fr/affaires-sociales/lutte-contre-l-exclusion/article/plan-de-soutien-aux-associations-de-lutte-contre-la-pauvrete',
    themes: [],
    rules: { legalCategories: ['association'] },
    description:
      'Première vague (50 M€ sur 100 M€ en deux ans) : services innovants d’accès aux droits, modernisation de l’accès aux biens essentiels, modernisation des associations. Un tiers national, deux tiers régional ; 33 projets nationaux et 576 régionaux retenus.',
    source: 'solidarites-sante.gouv.fr (13 avril 2021), europe1.fr et fse.gouv.fr (dépôt avant le 15 janvier 2021)',
  },
  {
    name: 'Fonds de développement de l’inclusion exceptionnel — appel à projets (FDI 2)',
    operator: 'Délégation générale à l’emploi et à la formation professionnelle (DGEFP)',
    component: 'cohesion',
    budgetEur: null,
    opensOn: '2020-09-15',
    closesOn: '2020-11-02',
    windowKind: 'call_for_projects',
    url: 'https://www.avise.org/actualites/fonds-de-developpement-de-linclusion-exceptionnel-pour-la-relance-inclusive-et-la',
    themes: ['emploi-insertion'],
    rules: { kinds: ['siae'] },
    description:
      'Soutien au développement et à la transformation des SIAE (investissement, développement commercial, professionnalisation), déposé auprès des unités départementales de la Direccte. 3 528 projets retenus pour 164 M€ début 2021.',
    source: 'avise.org (15 septembre 2020), idf.drieets.gouv.fr',
    unconfirmed: 'Le budget propre de l’appel à projets (hors aides forfaitaires du FDI 1) n’est donné qu’après coup (164 M€ engagés) : laissé vide.',
  },
  {
    name: 'Fonds de développement de l’inclusion 2021 — relance inclusive et croissance de l’IAE',
    operator: 'Délégation générale à l’emploi et à la formation professionnelle (DGEFP)',
    component: 'cohesion',
    budgetEur: 150_000_000,
    opensOn: '2021-04-16',
    closesOn: '2021-06-15',
    windowKind: 'call_for_projects',
    url: 'https://www.avise.org/actualites/fonds-de-developpement-de-linclusion-au-service-de-la-relance-inclusive-et-de-la',
    themes: ['emploi-insertion'],
    rules: { kinds: ['siae'] },
    description:
      'Projets créateurs d’emplois d’insertion à court terme : 30 000 emplois visés dont 10 000 en 2021 ; 12,5 M€ en plus pour la mobilité solidaire.',
    source: 'federationsolidarite.org (lancement le 16 avril, dépôt jusqu’au 15 juin 2021), ess2024.org',
  },
  {
    name: 'Soutien exceptionnel aux structures de réemploi de l’ESS',
    operator: 'ADEME',
    component: 'ecologie',
    budgetEur: 10_000_000,
    opensOn: '2020-09-10',
    closesOn: '2020-09-25',
    windowKind: 'open_window',
    url: 'https://presse.ademe.fr/2020/09/plan-de-soutien-exceptionnel-au-reseau-du-reemploi-et-de-la-reutilisation.html',
    themes: ['economie-circulaire'],
    rules: { essRequired: true, legalCategories: ['association'] },
    description:
      'Aide de sortie de crise aux recycleries, ressourceries et structures de réemploi associatives de plus de trois salariés, ciblées par une enquête ouverte jusqu’au 25 septembre 2020 ; environ 300 structures aidées fin 2020 (9,5 M€ alloués par l’ADEME).',
    source: 'presse.ademe.fr (septembre 2020), actu-environnement.com (11 septembre 2020)',
    unconfirmed:
      'Les dates sont celles de l’enquête de ciblage, non d’un guichet de dépôt ; « plus de trois salariés » n’est pas exprimable dans nos tailles (TPE…).',
  },
  {
    name: 'Contrats à impact « Économie circulaire » — appel à manifestation d’intérêt',
    operator: 'ADEME',
    component: 'ecologie',
    budgetEur: 10_000_000,
    opensOn: '2020-09-24',
    closesOn: '2020-12-23',
    windowKind: 'call_for_projects',
    url: 'https://chorum.fr/actualite/huit-projets-selectionnes-pour-les-contrats-impact-economie-circulaire',
    themes: ['economie-circulaire'],
    rules: { stages: ['launch', 'development', 'scale_up'] },
    description: 'Innovations environnementales ancrées dans les territoires, financées au résultat ; 8 lauréats en mars 2021 pour 27,3 M€ (10 M€ prévus).',
    source: 'chorum.fr (4 mars 2021)',
    unconfirmed: 'La restriction aux projets déjà lancés (stade) est notre lecture du cahier des charges, non vérifiée.',
  },
  {
    name: 'French Tech Tremplin — incubation',
    operator: 'Bpifrance',
    component: 'competitivite',
    budgetEur: null,
    opensOn: '2020-11-05',
    closesOn: '2021-01-31',
    windowKind: 'call_for_projects',
    url: 'https://lafrenchtech.com/fr/la-france-aide-les-start-up/french-tech-tremplin/',
    themes: [],
    rules: { stages: ['idea', 'launch'], sizes: ['tpe'] },
    description:
      'Programme d’égalité des chances de la Mission French Tech (financé par le PIA) pour des entrepreneurs issus de milieux sous-représentés : « prépa » puis incubation avec une bourse.',
    source: 'alliancy.fr, maddyness.com (programme lancé en 2019, 25 M€ du PIA)',
    unconfirmed:
      'Financé par le PIA et non par France Relance ; le rôle de Bpifrance (versement des bourses) et les dates de la saison 2 (novembre 2020 – janvier 2021) ne sont pas confirmés par nos sources.',
  },
];

const account = async (tx: Executor, email: string) => (await tx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst())?.id ?? null;
const orgId = async (tx: Executor, name: string) => {
  const row = await tx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`Structure absente de la démo : ${name}`);
  return row.id;
};
const at = (day: string, time = '16:00') => new Date(`${day}T${time}:00+01:00`);

/** Write the demo's measures, meetings' agenda and minutes, obstacles and their timelines (after the events and accounts). */
export async function seedRelance(tx: Executor, r: Rng, opts: { voisiwattProjectId: string }) {
  const measures = new Map<string, string>();
  for (const m of DEMO_MEASURES) {
    const id = await insertMeasure(
      tx,
      {
        name: typo(m.name),
        description: typo(m.description),
        operator_organisation_id: await orgId(tx, m.operator),
        component: m.component,
        budget_eur: m.budgetEur,
        opens_on: m.opensOn,
        closes_on: m.closesOn,
        window_kind: m.windowKind,
        url: m.url,
        themes: m.themes,
        rules: JSON.stringify({ ...noRules, ...m.rules }),
      },
      r.uuid(),
    );
    measures.set(m.name, id);
  }
  // The demo's measures all closed long ago: nobody is to be told they open.
  await tx.updateTable('recovery_measures').set({ opening_notified_at: sql`now()` }).execute();

  // Founding dates and sizes: known for VoisiWATT and about half of the lead structures, so that some verdicts say « à vérifier ».
  const voisiwatt = await tx.selectFrom('projects').select(['lead_organisation_id']).where('id', '=', opts.voisiwattProjectId).executeTakeFirstOrThrow();
  const leads = await tx
    .selectFrom('projects')
    .select('lead_organisation_id')
    .distinct()
    .where('lead_organisation_id', 'is not', null)
    .orderBy('lead_organisation_id')
    .execute();
  const facts = leads.flatMap((l) =>
    l.lead_organisation_id && l.lead_organisation_id !== voisiwatt.lead_organisation_id && r.chance(0.5)
      ? [
          {
            organisation_id: l.lead_organisation_id,
            founded_on: `${r.int(1985, 2019)}-${String(r.int(1, 12)).padStart(2, '0')}-01`,
            size: r.pick(['tpe', 'tpe', 'pme']),
          },
        ]
      : [],
  );
  if (voisiwatt.lead_organisation_id) facts.push({ organisation_id: voisiwatt.lead_organisation_id, founded_on: '2018-06-01', size: 'tpe' });
  await setRelanceFacts(tx, facts);

  const meetings = await tx
    .selectFrom('events')
    .select(['id', 'title', sql<string>`to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM-DD')`.as('day')])
    .where('programme', '=', 'ess-relance')
    .where('kind', '=', 'meeting')
    .orderBy('starts_at')
    .execute();
  if (meetings.length < 2) return { measures: measures.size, obstacles: 0 };
  const [first, second] = meetings as [(typeof meetings)[number], (typeof meetings)[number]];
  // VoisiWATT presents at the first meeting.
  const present = await tx
    .selectFrom('registrations')
    .select('id')
    .where('event_id', '=', first.id)
    .where('project_id', '=', opts.voisiwattProjectId)
    .executeTakeFirst();
  if (!present)
    await insertRegistrations(
      tx,
      first.id,
      [
        {
          role: 'project',
          project_id: opts.voisiwattProjectId,
          organisation_id: voisiwatt.lead_organisation_id,
          person_id: null,
          fund_id: null,
          status: 'attended',
          max_meetings: null,
        },
      ],
      [r.uuid()],
    );
  const presented = async (eventId: string) =>
    (
      await tx
        .selectFrom('registrations as g')
        .innerJoin('projects as p', 'p.id', 'g.project_id')
        .select(['p.id', 'p.title', 'p.lead_organisation_id'])
        .where('g.event_id', '=', eventId)
        .where('g.role', '=', 'project')
        .orderBy('p.title')
        .execute()
    ).map((p) => ({ ...p, lead_organisation_id: p.lead_organisation_id as string | null }));
  const firstProjects = await presented(first.id);
  const secondProjects = await presented(second.id);

  const items = [
    { event: first.id, title: 'Tour de table des opérateurs : les mesures ouvertes aux structures de l’ESS', measure: null, project: null },
    {
      event: first.id,
      title: 'Présentation de l’appel à projets de lutte contre la pauvreté (DGCS)',
      measure: 'Plan de soutien aux associations de lutte contre la pauvreté — appel à projets 2020-2021',
      project: null,
    },
    ...firstProjects.map((p) => ({ event: first.id, title: `Projet présenté : ${p.title}`, measure: null, project: p.id })),
    { event: second.id, title: 'Suivi des freins relevés le 19 novembre', measure: null, project: null },
    { event: second.id, title: 'Présentation du fonds UrgencESS (ouverture en janvier 2021)', measure: 'UrgencESS', project: null },
    ...secondProjects.map((p) => ({ event: second.id, title: `Projet présenté : ${p.title}`, measure: null, project: p.id })),
  ];
  let position = 0;
  let lastEvent = '';
  await tx
    .insertInto('relance_agenda_items')
    .values(
      items.map((i) => {
        position = i.event === lastEvent ? position + 1 : 1;
        lastEvent = i.event;
        return {
          id: r.uuid(),
          event_id: i.event,
          position,
          title: typo(i.title),
          measure_id: i.measure ? (measures.get(i.measure) ?? null) : null,
          project_id: i.project,
        };
      }),
    )
    .execute();
  await tx
    .insertInto('relance_minutes')
    .values([
      {
        event_id: first.id,
        minutes: typo(
          `Rencontre en visioconférence avec Bpifrance, la Banque des Territoires et l’ADEME. ${firstProjects.length} projets territoriaux à impact ont présenté les mesures qu’ils sollicitent. Freins relevés : pièces demandées aux SCIC, délais de versement, information sur les appels à projets de l’ADEME. Chaque frein a un responsable et une échéance ; suivi à la prochaine rencontre.`,
        ),
      },
      {
        event_id: second.id,
        minutes: typo(
          `Point sur les freins de la première rencontre : la moitié sont levés. ${secondProjects.length} nouveaux projets présentés. Les opérateurs rappellent l’ouverture d’UrgencESS fin janvier ; les freins restants concernent la trésorerie des associations et la lisibilité des critères.`,
        ),
      },
    ])
    .execute();

  // Obstacles raised at the two meetings, followed until lifted (or not).
  const team = await account(tx, 'equipe@essaim.test');
  const holder = await account(tx, 'porteur.voisiwatt@essaim.test');
  const operator = await account(tx, 'operateur@essaim.test');
  const bpi = await orgId(tx, 'Bpifrance');
  const bdt = await orgId(tx, 'Banque des Territoires');
  const ademe = await orgId(tx, 'ADEME');
  const other = (i: number, list: typeof firstProjects) => list.filter((p) => p.id !== opts.voisiwattProjectId)[i % Math.max(1, list.length - 1)];
  type Step = {
    days: number;
    kind: 'comment' | 'status' | 'assign';
    who: string | null;
    comment?: string;
    status?: string;
    resolution?: string;
    owner?: string | null;
  };
  const plans: Array<{
    event: typeof first;
    title: string;
    description: string;
    project: { id: string; lead_organisation_id: string | null } | undefined;
    operator: string;
    measure?: string;
    category: string;
    severity: number;
    owner: string | null;
    raisedBy: string | null;
    dueDays: number;
    steps: Step[];
  }> = [
    {
      event: first,
      title: 'Trois bilans exigés d’une SCIC créée en 2018',
      description: 'Le dossier de prêt demande trois exercices clos ; VoisiWATT n’en a que deux.',
      project: { id: opts.voisiwattProjectId, lead_organisation_id: voisiwatt.lead_organisation_id },
      operator: bpi,
      measure: 'French Tech Tremplin — incubation',
      category: 'documents',
      severity: 2,
      owner: operator,
      raisedBy: holder,
      dueDays: 30,
      steps: [
        { days: 2, kind: 'comment', who: operator, comment: 'Nous vérifions avec la direction régionale si deux exercices suffisent pour une SCIC.' },
        { days: 6, kind: 'status', who: operator, status: 'in_progress' },
        {
          days: 19,
          kind: 'status',
          who: operator,
          status: 'lifted',
          resolution: 'Deux exercices clos et un prévisionnel suffisent : consigne transmise aux chargés d’affaires.',
        },
      ],
    },
    {
      event: first,
      title: 'Délai de versement de l’avance après signature',
      description: 'Six semaines entre la signature et le premier versement : la trésorerie ne tient pas.',
      project: other(0, firstProjects),
      operator: bdt,
      category: 'cash_flow',
      severity: 3,
      owner: team,
      raisedBy: team,
      dueDays: 21,
      steps: [
        { days: 3, kind: 'assign', who: team, owner: team, comment: 'Suivi par l’équipe nationale avec la direction régionale.' },
        { days: 10, kind: 'status', who: team, status: 'in_progress' },
        { days: 34, kind: 'status', who: team, status: 'lifted', resolution: 'Versement d’une avance de 30 % à la signature accordé.' },
      ],
    },
    {
      event: first,
      title: 'Critères de l’appel à projets réemploi peu lisibles',
      description: 'Les ressourceries ne savent pas si leurs investissements de collecte sont éligibles.',
      project: other(1, firstProjects),
      operator: ademe,
      measure: 'Soutien exceptionnel aux structures de réemploi de l’ESS',
      category: 'information',
      severity: 1,
      owner: null,
      raisedBy: team,
      dueDays: 14,
      steps: [{ days: 12, kind: 'status', who: team, status: 'lifted', resolution: 'Foire aux questions publiée par la direction régionale de l’ADEME.' }],
    },
    {
      event: first,
      title: 'Association hors du champ de l’appel à projets pauvreté',
      description: 'Une épicerie solidaire constituée en SCIC n’est pas une association : non éligible.',
      project: other(2, firstProjects),
      operator: bdt,
      measure: 'Plan de soutien aux associations de lutte contre la pauvreté — appel à projets 2020-2021',
      category: 'eligibility',
      severity: 2,
      owner: team,
      raisedBy: team,
      dueDays: 20,
      steps: [
        {
          days: 15,
          kind: 'status',
          who: team,
          status: 'not_lifted',
          comment: 'Le cahier des charges réserve l’appel aux associations : orientation vers France Active.',
        },
      ],
    },
    {
      event: second,
      title: 'Garantie demandée aux associations pour un prêt de 50 000 €',
      description: 'La banque partenaire exige une caution personnelle des administrateurs bénévoles.',
      project: other(0, secondProjects),
      operator: bpi,
      category: 'regulation',
      severity: 3,
      owner: operator,
      raisedBy: team,
      dueDays: 45,
      steps: [
        { days: 5, kind: 'comment', who: operator, comment: 'La garantie du fonds ESS peut couvrir jusqu’à 70 % : nous le rappelons aux banques.' },
        { days: 9, kind: 'status', who: operator, status: 'in_progress' },
      ],
    },
    {
      event: second,
      title: 'Dossier UrgencESS : attestation de l’URSSAF introuvable',
      description: 'Les structures de moins de trois salariés ne trouvent pas l’attestation demandée.',
      project: other(1, secondProjects),
      operator: bdt,
      measure: 'UrgencESS',
      category: 'documents',
      severity: 2,
      owner: null,
      raisedBy: team,
      dueDays: 30,
      steps: [],
    },
    {
      event: second,
      title: 'Projets ruraux sans accompagnateur pour monter le dossier',
      description: 'Pas de DLA disponible avant mars dans le département.',
      project: other(2, secondProjects),
      operator: ademe,
      category: 'delay',
      severity: 2,
      owner: team,
      raisedBy: team,
      dueDays: 60,
      steps: [{ days: 7, kind: 'status', who: team, status: 'out_of_scope', comment: 'Relève du DLA et non des opérateurs : transmis à l’Avise.' }],
    },
  ];
  const DAY = 86_400_000;
  let obstacles = 0;
  for (const p of plans) {
    const raisedAt = at(p.event.day);
    const lifted = p.steps.find((s) => s.status === 'lifted');
    const last = [...p.steps].reverse().find((s) => s.kind === 'status');
    const owner = [...p.steps].reverse().find((s) => s.kind === 'assign')?.owner ?? p.owner;
    const id = await insertObstacle(
      tx,
      {
        title: typo(p.title),
        description: typo(p.description),
        event_id: p.event.id,
        measure_id: p.measure ? (measures.get(p.measure) ?? null) : null,
        operator_organisation_id: p.operator,
        project_id: p.project?.id ?? null,
        organisation_id: p.project?.lead_organisation_id ?? null,
        category: p.category,
        severity: p.severity,
        owner_account_id: owner,
        due_on: new Date(raisedAt.getTime() + p.dueDays * DAY).toISOString().slice(0, 10),
        raised_by_account_id: p.raisedBy,
        status: last?.status ?? 'open',
        created_at: raisedAt,
        lifted_at: lifted ? new Date(raisedAt.getTime() + lifted.days * DAY) : null,
        resolution: lifted?.resolution ? typo(lifted.resolution) : null,
      },
      r.uuid(),
    );
    await insertActions(
      tx,
      p.steps.map((s) => ({
        obstacle_id: id,
        kind: s.kind,
        comment: s.comment ? typo(s.comment) : null,
        status: s.status ?? null,
        resolution: s.resolution ? typo(s.resolution) : null,
        owner_account_id: s.kind === 'assign' ? (s.owner ?? null) : null,
        account_id: s.who,
        created_at: new Date(raisedAt.getTime() + s.days * DAY),
      })),
    );
    obstacles++;
  }
  // The reminders of 2020 are long past: mark them sent, so the first run of the job does not flood the demo.
  await sql`insert into obstacle_reminders (obstacle_id, kind, due_on) select id, k, due_on from obstacles, (values ('due_soon'), ('overdue')) v(k) where due_on is not null`.execute(
    tx,
  );
  return { measures: measures.size, obstacles };
}
