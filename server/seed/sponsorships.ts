import { explainPair, type NeedItem, rankCandidates, type SponsorItem } from '../../engines/sponsoring/sponsoring';
import { typo } from '../../shared/text';
import { type SponsorshipCategory, sponsorshipCategories } from '../../shared/vocabulary';
import type { Executor } from '../db/connection';
import { communeParents } from '../db/sql-helpers';
import { insertOrganisations } from '../modules/organisations/organisation-queries';
import type { Rng } from './rng';

/** What each administration is most often asked about (by position in demo-network's list). */
const ADMIN_EXPERTISE: SponsorshipCategory[][] = [
  ['management-rh', 'financements-publics'], // DGEFP
  ['agrements', 'relations-administration'], // DGCS
  ['financements-publics', 'numerique'], // DGE
  ['financements-publics', 'immobilier-foncier'], // DGFiP
  ['relations-administration', 'management-rh'], // DITP
  ['numerique', 'management-rh'], // DINUM
  ['immobilier-foncier', 'agrements'], // DIHAL
  ['immobilier-foncier', 'reglementation'], // DGALN
  ['management-rh', 'reglementation'], // DGT
  ['commande-publique', 'statuts-gouvernance'], // DAJ
  ['financements-publics', 'commande-publique'], // Budget
  ['relations-administration', 'commande-publique'], // DGCL
  ['agrements', 'relations-administration'], // DGESCO
  ['statuts-gouvernance', 'utilite-publique'], // DJEPVA
  ['reglementation', 'agrements'], // DGS
  ['financements-publics', 'statuts-gouvernance'], // Trésor
  ['reglementation', 'immobilier-foncier'], // DGPR
  ['reglementation', 'financements-publics'], // CGDD
  ['relations-administration', 'immobilier-foncier'], // ANCT
  ['financements-publics', 'numerique'], // SGPI
];
const REGIONS = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93'];

const NEED_TEXTS: Record<SponsorshipCategory, string> = {
  'statuts-gouvernance': 'Faire évoluer nos statuts pour ouvrir la gouvernance aux salariés et aux usagers.',
  'utilite-publique': 'Préparer le dossier de reconnaissance d’utilité publique.',
  agrements: 'Obtenir l’agrément ESUS et comprendre les agréments sectoriels qui nous concernent.',
  'financements-publics': 'Identifier les financements publics mobilisables et monter les dossiers.',
  'commande-publique': 'Répondre aux marchés publics et aux clauses sociales des collectivités.',
  reglementation: 'Sécuriser notre activité au regard de la réglementation sectorielle.',
  'management-rh': 'Structurer le management d’une équipe qui grandit et travaille sur plusieurs sites.',
  numerique: 'Choisir et déployer les outils numériques de nos équipes et de nos bénéficiaires.',
  'immobilier-foncier': 'Trouver un local adapté et négocier une occupation du domaine public.',
  'relations-administration': 'Savoir à quelle porte frapper dans l’administration et préparer nos rendez-vous.',
};
const OBJECTIVES: Record<SponsorshipCategory, string> = {
  'statuts-gouvernance': 'Statuts adoptés en AG',
  'utilite-publique': 'Dossier RUP déposé',
  agrements: 'Agrément ESUS obtenu',
  'financements-publics': 'Deux dossiers de financement public déposés',
  'commande-publique': 'Première réponse à un marché public',
  reglementation: 'Note de conformité validée par le conseil d’administration',
  'management-rh': 'Organisation du travail à distance formalisée',
  numerique: 'Outil de gestion des bénéficiaires choisi et déployé',
  'immobilier-foncier': 'Convention d’occupation signée',
  'relations-administration': 'Interlocuteurs identifiés dans chaque administration concernée',
};
const TOPICS: Record<SponsorshipCategory, string[]> = {
  'statuts-gouvernance': ['rédaction des statuts', 'collèges de la gouvernance'],
  'utilite-publique': ['dossier RUP', 'comptes certifiés'],
  agrements: ['agrément ESUS', 'pièces justificatives'],
  'financements-publics': ['appels à projets', 'budget prévisionnel'],
  'commande-publique': ['clauses sociales', 'mémoire technique'],
  reglementation: ['cadre réglementaire', 'assurances'],
  'management-rh': ['management à distance', 'entretiens annuels'],
  numerique: ['outils collaboratifs', 'protection des données'],
  'immobilier-foncier': ['recherche de locaux', 'bail et convention'],
  'relations-administration': ['cartographie des interlocuteurs', 'préparation de rendez-vous'],
};

export interface SponsorshipSeed {
  sponsors: Array<{ id: string; administrationIndex: number; administrationId: string; administrationName: string; grade: string }>;
  pioneers: Array<{ organisationId: string; sponsorId: string; labelYear: number }>;
  /** ESS structures that may state a need (project leads), with their commune. */
  structures: Array<{ id: string; communeCode: string | null }>;
  /** The demo holder's structure: it gets an open need. */
  holderOrganisationId: string;
  /** Seeding time: the demo's pending proposals wait until a week after it (else they would expire at once). */
  now: Date;
}

const day = (iso: string, plus = 0) => new Date(new Date(`${iso}T09:00:00Z`).getTime() + plus * 86_400_000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Hackers Publics in the demo network: the 100 sponsors' expertise and
 * capacity, 60 needs across 2020 and 45 sponsorships — each Pionnier's
 * sponsor, Toit à Moi's (statutes, « reconnaissance d'utilité publique »,
 * remote management: the review's example), 20 more under way or closed with
 * objectives, sessions, outcomes and ratings, and 2 proposals awaiting an
 * answer (one for the demo sponsor).
 */
export async function seedSponsorships(tx: Executor, r: Rng, seed: SponsorshipSeed) {
  // Profiles.
  const items: Array<SponsorItem & { grade: string }> = seed.sponsors.map((s, i) => {
    const preferred = ADMIN_EXPERTISE[s.administrationIndex % ADMIN_EXPERTISE.length] as SponsorshipCategory[];
    const extra = r.sample(
      sponsorshipCategories.filter((c) => !preferred.includes(c)),
      r.int(0, 2),
    );
    // Pionniers' sponsors open doors in the administration: that is what they were asked for.
    const expertise = [...new Set([...preferred, ...extra, ...(i % 4 === 0 && i < 88 ? (['relations-administration'] as const) : [])])];
    return {
      id: s.id,
      administrationId: s.administrationId,
      administrationName: s.administrationName,
      expertise,
      territories: r.chance(0.35) ? [] : r.sample(REGIONS, r.int(1, 2)).map((x) => `region:${x}`),
      capacity: i === 0 ? 3 : r.pick([1, 2, 2, 3]),
      load: 0,
      active: 0,
      grade: s.grade,
    };
  });
  await tx
    .insertInto('sponsor_profiles')
    .values(items.map((s) => ({ person_id: s.id, grade: s.grade, expertise: [...s.expertise], territories: [...s.territories], capacity: s.capacity })))
    .execute();

  // Toit à Moi, the review's example.
  const toitAMoi = r.uuid();
  await insertOrganisations(
    tx,
    [
      {
        name: 'Toit à Moi',
        siret: null,
        kind: 'ess_structure',
        ess: true,
        esus: true,
        communeCode: '44109',
        legalCategory: '9220',
        themes: ['logement'],
        description: typo(
          'Association qui aide des personnes sans-abri à changer de vie : un logement acheté grâce aux dons, et un accompagnement vers l’autonomie.',
        ),
      } as never,
    ],
    [toitAMoi],
  );

  const structures = [{ id: toitAMoi, communeCode: '44109' }, ...seed.structures];
  const parents = await communeParents(
    tx,
    structures.map((s) => s.communeCode),
  );
  const territoryOf = (communeCode: string | null) => {
    const p = communeCode ? parents.get(communeCode) : undefined;
    return p ? { territory: `departement:${p.departement_code}`, territories: [`departement:${p.departement_code}`, `region:${p.region_code}`] } : null;
  };
  const communeOf = new Map(structures.map((s) => [s.id, s.communeCode]));

  const needs: Array<Record<string, unknown> & { id: string }> = [];
  const sponsorships: Array<Record<string, unknown> & { id: string }> = [];
  const objectives: Array<Record<string, unknown>> = [];
  const sessions: Array<Record<string, unknown>> = [];

  const addNeed = (n: {
    organisationId: string;
    categories: SponsorshipCategory[];
    description: string;
    urgency?: string;
    status: string;
    created: Date;
    source?: string;
    administrationIds?: string[];
  }) => {
    const t = territoryOf(communeOf.get(n.organisationId) ?? null);
    const id = r.uuid();
    needs.push({
      id,
      organisation_id: n.organisationId,
      categories: n.categories,
      description: typo(n.description),
      urgency: n.urgency ?? 'normal',
      administration_ids: n.administrationIds ?? [],
      territory: t?.territory ?? null,
      status: n.status,
      source: n.source ?? 'request',
      created_at: n.created,
      updated_at: n.created,
    });
    const item: NeedItem = { id, categories: n.categories, administrationIds: n.administrationIds ?? [], territories: t?.territories ?? [] };
    return item;
  };

  const sponsorOf = new Map(items.map((s) => [s.id, s]));
  /** A sponsorship with its story: proposed, answered, sessions, objectives, maybe closed. */
  const addSponsorship = (
    need: NeedItem,
    sponsorId: string,
    story: {
      proposed: Date;
      answerDays: number;
      status: 'active' | 'closed' | 'proposed';
      objectives: Array<[string, string | null]>;
      sessions: number;
      closed?: Date;
      topics: string[];
      summary?: string;
      deadline?: Date;
    },
  ) => {
    const sponsor = sponsorOf.get(sponsorId) as SponsorItem;
    const explained = explainPair(need, sponsor) ?? { score: 0, reasons: [] };
    const id = r.uuid();
    const answered = story.status === 'proposed' ? null : new Date(story.proposed.getTime() + story.answerDays * 86_400_000);
    const closed = story.status === 'closed' ? (story.closed ?? null) : null;
    sponsorships.push({
      id,
      need_id: need.id,
      sponsor_person_id: sponsorId,
      status: story.status,
      score: explained.score,
      reasons: JSON.stringify(explained.reasons),
      proposed_at: story.proposed,
      deadline: story.deadline ?? new Date(story.proposed.getTime() + 7 * 86_400_000),
      answered_at: answered,
      started_at: answered,
      closed_at: closed,
      closing_summary: closed ? typo(story.summary ?? 'Objectifs tenus pour l’essentiel ; la structure sait désormais à qui s’adresser.') : '',
      sponsor_rating: closed ? r.int(4, 5) : null,
      sponsor_again: closed ? true : null,
      structure_rating: closed ? r.int(3, 5) : null,
      structure_again: closed ? r.chance(0.9) : null,
      created_at: story.proposed,
      updated_at: closed ?? answered ?? story.proposed,
    });
    sponsor.load += story.status === 'closed' ? 0 : 1;
    sponsor.active += story.status === 'active' ? 1 : 0;
    story.objectives.forEach(([label, outcome], position) => {
      objectives.push({ sponsorship_id: id, position, label: typo(label), outcome });
    });
    if (answered)
      for (let i = 0; i < story.sessions; i++) {
        const date = new Date(answered.getTime() + (10 + i * r.int(20, 35)) * 86_400_000);
        if (date > day('2020-12-18')) break;
        sessions.push({
          sponsorship_id: id,
          date: isoDay(date),
          duration_minutes: r.pick([45, 60, 60, 90, 120]),
          format: r.pick(['visio', 'visio', 'telephone', 'presentiel']),
          topics: r.sample(story.topics, r.int(1, Math.min(2, story.topics.length))),
          notes: typo(
            r.pick([
              'Point d’étape : les prochaines démarches sont claires.',
              'Relecture des documents, corrections à apporter avant la prochaine séance.',
              'Mise en relation avec le bon service ; rendez-vous pris.',
              'Échange sur les priorités du trimestre.',
            ]),
          ),
        });
      }
    return id;
  };

  // Each Pionnier's sponsor, under way since early 2020.
  for (const [i, p] of seed.pioneers.entries()) {
    const need = addNeed({
      organisationId: p.organisationId,
      categories: ['relations-administration'],
      description: 'Parrainage du Pionnier French Impact : ouvrir les bonnes portes de l’administration pour changer d’échelle.',
      status: 'matched',
      created: day('2020-01-06', i),
      source: 'pioneer',
    });
    addSponsorship(need, p.sponsorId, {
      proposed: day('2020-01-08', i),
      answerDays: r.int(1, 6),
      status: 'active',
      objectives: [['Interlocuteurs identifiés dans chaque administration concernée', r.pick(['achieved', null])]],
      sessions: r.int(3, 6),
      topics: TOPICS['relations-administration'],
    });
  }

  // Toit à Moi: statutes, « reconnaissance d'utilité publique », remote management.
  {
    const djepva = seed.sponsors.find((s) => s.administrationIndex === 13) as SponsorshipSeed['sponsors'][number];
    const need = addNeed({
      organisationId: toitAMoi,
      categories: ['statuts-gouvernance', 'utilite-publique', 'management-rh'],
      description:
        'Pour continuer notre essaimage et notre développement, nous devons changer de statuts et obtenir la reconnaissance d’« utilité publique » ; nos équipes travaillent aussi de plus en plus à distance.',
      urgency: 'high',
      status: 'matched',
      created: day('2020-02-10'),
      // Associations' statutes and public-utility recognition: the DJEPVA's field.
      administrationIds: [djepva.administrationId],
    });
    addSponsorship(need, djepva.id, {
      proposed: day('2020-02-17'),
      answerDays: 2,
      status: 'active',
      objectives: [
        ['Statuts révisés adoptés en AG', 'achieved'],
        ['Dossier de reconnaissance d’utilité publique déposé', 'achieved'],
        ['Management à distance des équipes organisé', null],
      ],
      sessions: 7,
      topics: ['rédaction des statuts', 'dossier RUP', 'management à distance'],
    });
  }

  // Twenty more, under way or closed, each with the sponsor the engine ranks first at the time.
  const asking = r.sample(
    seed.structures.filter((s) => s.id !== seed.holderOrganisationId),
    36,
  );
  for (let i = 0; i < 20; i++) {
    const org = asking[i] as (typeof asking)[number];
    const categories = r.sample(sponsorshipCategories, r.int(1, 3));
    const created = day('2020-02-03', i * 9);
    const need = addNeed({
      organisationId: org.id,
      categories,
      description: categories.map((c) => NEED_TEXTS[c]).join(' '),
      urgency: r.pick(['low', 'normal', 'normal', 'high']),
      status: i < 10 ? 'closed' : 'matched',
      created,
    });
    const [best] = rankCandidates(need, items);
    if (!best) continue;
    const proposedAfter = r.int(3, 40);
    addSponsorship(need, best.sponsor.id, {
      proposed: new Date(created.getTime() + proposedAfter * 86_400_000),
      answerDays: r.int(1, 7),
      status: i < 10 ? 'closed' : 'active',
      closed: day('2020-11-16', i),
      objectives: categories.map((c) => [
        OBJECTIVES[c],
        i < 10 ? r.pick(['achieved', 'achieved', 'partly', 'not_achieved', 'abandoned']) : r.pick(['achieved', null, null]),
      ]),
      sessions: r.int(2, 6),
      topics: categories.flatMap((c) => TOPICS[c]),
    });
  }

  // Two proposals awaiting their answer: one for the demo sponsor.
  const pending = [seed.sponsors[0]?.id as string, null];
  for (const [i, who] of pending.entries()) {
    const org = asking[20 + i] as (typeof asking)[number];
    const categories: SponsorshipCategory[] = i === 0 ? ['relations-administration', 'financements-publics'] : r.sample(sponsorshipCategories, 2);
    const need = addNeed({
      organisationId: org.id,
      categories,
      description: categories.map((c) => NEED_TEXTS[c]).join(' '),
      status: 'proposed',
      created: day('2020-12-01', i),
    });
    const sponsorId = who ?? rankCandidates(need, items)[0]?.sponsor.id;
    if (!sponsorId) continue;
    addSponsorship(need, sponsorId, {
      proposed: new Date(seed.now.getTime() - 86_400_000),
      deadline: new Date(seed.now.getTime() + 6 * 86_400_000),
      answerDays: 0,
      status: 'proposed',
      objectives: [],
      sessions: 0,
      topics: [],
    });
  }

  // Fifteen open needs, the demo holder's among them.
  const open = [{ id: seed.holderOrganisationId }, ...asking.slice(22, 36)];
  for (const [i, org] of open.entries()) {
    const categories: SponsorshipCategory[] = i === 0 ? ['financements-publics', 'commande-publique'] : r.sample(sponsorshipCategories, r.int(1, 3));
    addNeed({
      organisationId: org.id,
      categories,
      description: categories.map((c) => NEED_TEXTS[c]).join(' '),
      urgency: r.pick(['low', 'normal', 'normal', 'high']),
      status: 'open',
      created: day('2020-10-05', i * 5),
      administrationIds: r.chance(0.3) ? [r.pick(seed.sponsors).administrationId] : [],
    });
  }

  await tx
    .insertInto('sponsorship_needs')
    .values(needs as never)
    .execute();
  await tx
    .insertInto('sponsorships')
    .values(sponsorships as never)
    .execute();
  if (objectives.length)
    await tx
      .insertInto('sponsorship_objectives')
      .values(objectives as never)
      .execute();
  if (sessions.length)
    await tx
      .insertInto('sponsorship_sessions')
      .values(sessions as never)
      .execute();
  return { needs: needs.length, sponsorships: sponsorships.length, sessions: sessions.length, toitAMoi };
}
