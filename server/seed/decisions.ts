import type { Role } from '../../shared/schemas/auth';
import { typo } from '../../shared/text';
import type { PollType } from '../../shared/vocabulary';
import { type Ballot, count } from '../../engines/voting/voting';
import type { Executor } from '../db/connection';
import { insertAccounts } from '../modules/accounts/account-queries';
import { insertPeople } from '../modules/people/person-queries';
import { insertAction, insertDecision, markOpeningAnnounced, storeResult, upsertVote, voterIds } from '../modules/decisions/decision-queries';

const day = 24 * 3600_000;

/**
 * Collective decisions in the demo: members of Figeacteurs (one signs in with
 * the demo password), the network-wide ranked choice on the 2021 priorities
 * voted by the coordinators and counted by the Schulze method, a closed choice
 * of Figeacteurs with its decision and follow-up actions, and a consent on its
 * charter still open. Results are counted by engines/voting, as the job does.
 */
export async function seedDecisions(
  tx: Executor,
  d: { figeacId: string; chamberyId: string; passwordHash: string; now: Date; coordinatorEmails: { figeac: string; chambery: string } },
) {
  // Members of Figeacteurs: five people of its member structures, the first with the demo password.
  const structures = await tx
    .selectFrom('collective_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('o.id')
    .where('m.collective_id', '=', d.figeacId)
    .orderBy('o.name')
    .execute();
  const names: Array<[string, string]> = [
    ['Élodie', 'Vayssière'],
    ['Mathieu', 'Delmas'],
    ['Nadia', 'Bouzid'],
    ['Pierre', 'Lacombe'],
    ['Chantal', 'Issaly'],
  ];
  const peopleIds = await insertPeople(
    tx,
    names.map(([firstName, lastName], i) => ({
      firstName,
      lastName,
      email: i === 0 ? 'membre.figeac@essaim.test' : `membre${i + 1}.figeac@essaim.test`,
      phone: null,
      organisationId: structures.length ? (structures[i % structures.length] as { id: string }).id : null,
      titles: ['Membre de Figeacteurs'],
      isAdvisor: false,
      isPublicSponsor: false,
      administrationId: null,
    })),
  );
  const memberRole: Role[] = [{ role: 'member', scope: [d.figeacId] }];
  const members = await insertAccounts(
    tx,
    peopleIds.map((personId, i) => ({
      email: i === 0 ? 'membre.figeac@essaim.test' : `membre${i + 1}.figeac@essaim.test`,
      passwordHash: i === 0 ? d.passwordHash : null,
      personId,
      roles: memberRole,
    })),
  );
  const accountId = async (email: string) => (await tx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const figeacCoord = await accountId(d.coordinatorEmails.figeac);
  const chamberyCoord = await accountId(d.coordinatorEmails.chambery);

  async function decision(p: {
    collectiveId: string | null;
    title: string;
    text: string;
    opensAt: Date;
    closesAt: Date;
    quorum: number;
    pollType: PollType;
    options?: Array<{ id: string; label: string }>;
    maxChoices?: number;
    anonymous?: boolean;
    public?: boolean;
    votes: Array<[string, Ballot & { comment?: string }]>;
    close?: boolean;
    outcome?: string;
    actions?: Array<{ title: string; owner: string; dueOn: string; progress: number; status: string }>;
  }) {
    const options = (p.options ?? []).map((o) => ({ ...o, label: typo(o.label) }));
    const id = await insertDecision(tx, {
      collectiveId: p.collectiveId,
      title: typo(p.title),
      text: typo(p.text),
      opensAt: p.opensAt,
      closesAt: p.closesAt,
      quorum: p.quorum,
      pollType: p.pollType,
      options,
      maxChoices: p.maxChoices ?? 1,
      anonymous: p.anonymous ?? false,
      public: p.public ?? false,
      attachments: [],
      outcome: typo(p.outcome ?? ''),
      createdBy: null,
    });
    if (p.opensAt <= d.now) await markOpeningAnnounced(tx, id, p.opensAt);
    for (const [voter, { comment, ...ballot }] of p.votes) await upsertVote(tx, { decisionId: id, accountId: voter, ballot, comment: typo(comment ?? '') });
    if (p.close) {
      const eligible = (await voterIds(tx, p.collectiveId)).length;
      const result = count(
        { pollType: p.pollType, options, maxChoices: p.maxChoices ?? 1, quorum: p.quorum },
        p.votes.map(([, b]) => b),
        eligible,
      );
      await storeResult(tx, id, p.closesAt, result);
    }
    for (const a of p.actions ?? []) await insertAction(tx, { decisionId: id, ...a, title: typo(a.title) });
    return id;
  }

  const [m1, m2, m3, m4, m5] = members as [string, string, string, string, string];
  await decision({
    collectiveId: null,
    title: 'Nos priorités communes pour 2021',
    text: 'Classez les priorités que le réseau des collectifs se donne pour 2021. Le classement est compté par la méthode Schulze : chaque paire de priorités est comparée, puis les chemins les plus forts départagent.',
    opensAt: new Date('2021-01-11T08:00:00Z'),
    closesAt: new Date('2021-01-29T17:00:00Z'),
    quorum: 0.5,
    pollType: 'ranked',
    public: true,
    options: [
      { id: 'essaimage', label: 'Accélérer l’essaimage des projets qui ont fait leurs preuves' },
      { id: 'inter-territorial', label: 'Développer l’inter-territorial entre collectifs' },
      { id: 'finance', label: 'Mobiliser la finance à impact' },
      { id: 'relance', label: 'Faire profiter l’ESS du plan de relance' },
    ],
    votes: [
      [figeacCoord, { ranking: ['essaimage', 'inter-territorial', 'relance', 'finance'], comment: 'L’essaimage d’abord : nos projets sont prêts.' }],
      [chamberyCoord, { ranking: ['essaimage', 'inter-territorial', 'finance', 'relance'] }],
    ],
    close: true,
    outcome: 'Le réseau se donne pour 2021 deux priorités : accélérer l’essaimage et l’inter-territorial entre collectifs.',
    actions: [
      { title: 'Recenser les projets prêts à essaimer dans chaque collectif', owner: 'Équipe nationale', dueOn: '2021-03-31', progress: 100, status: 'done' },
      {
        title: 'Organiser un transfert de savoir-faire entre deux collectifs par trimestre',
        owner: 'Coordinations des collectifs',
        dueOn: '2021-12-31',
        progress: 50,
        status: 'in_progress',
      },
    ],
  });
  await decision({
    collectiveId: d.figeacId,
    title: 'Lieu de la rencontre annuelle des membres',
    text: 'Où tenir la rencontre annuelle des membres de Figeacteurs ?',
    opensAt: new Date(d.now.getTime() - 40 * day),
    closesAt: new Date(d.now.getTime() - 30 * day),
    quorum: 0.5,
    pollType: 'choice',
    public: true,
    options: [
      { id: 'tiers-lieu', label: 'Le tiers-lieu de Figeac' },
      { id: 'capdenac', label: 'La salle des fêtes de Capdenac' },
      { id: 'en-ligne', label: 'En ligne' },
    ],
    votes: [
      [m1, { optionIds: ['tiers-lieu'] }],
      [m2, { optionIds: ['tiers-lieu'] }],
      [m3, { optionIds: ['capdenac'] }],
      [m4, { optionIds: ['tiers-lieu'] }],
      [figeacCoord, { optionIds: ['en-ligne'] }],
    ],
    close: true,
    outcome: 'La rencontre annuelle se tiendra au tiers-lieu de Figeac.',
    actions: [
      {
        title: 'Réserver le tiers-lieu',
        owner: 'Coordination de Figeacteurs',
        dueOn: new Date(d.now.getTime() + 20 * day).toISOString().slice(0, 10),
        progress: 30,
        status: 'in_progress',
      },
    ],
  });
  await decision({
    collectiveId: d.figeacId,
    title: 'Adopter la charte de Figeacteurs',
    text: 'La charte rédigée par le groupe de travail : coopération plutôt que concurrence, gouvernance partagée, ancrage dans le territoire. Donnez votre position ; un blocage signale une objection grave et empêche l’adoption.',
    opensAt: new Date(d.now.getTime() - 2 * day),
    closesAt: new Date(d.now.getTime() + 12 * day),
    quorum: 0.5,
    pollType: 'consent',
    votes: [
      [m2, { position: 'agree', comment: 'Elle dit bien ce que nous faisons déjà.' }],
      [m3, { position: 'abstain' }],
      [m5, { position: 'agree' }],
    ],
  });
  await decision({
    collectiveId: d.chamberyId,
    title: 'Projets à présenter à la conférence Impact Finance',
    text: 'Notez de 0 à 5 chaque projet candidat.',
    opensAt: new Date(d.now.getTime() + 3 * day),
    closesAt: new Date(d.now.getTime() + 17 * day),
    quorum: 0.3,
    pollType: 'score',
    options: [
      { id: 'recyclerie', label: 'La recyclerie de Chambéry' },
      { id: 'mobilite', label: 'Mobilité solidaire en Bauges' },
    ],
    votes: [],
  });
}
