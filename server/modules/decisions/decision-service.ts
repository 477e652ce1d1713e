import type { Role } from '../../../shared/schemas/auth';
import type { BallotInput, Decision, DecisionInput, DecisionListQuery, DecisionPatch, decisionActionFields } from '../../../shared/schemas/decision';
import { formatParisDay, formatParisTime } from '../../../shared/paris-time';
import type { z } from '../../../shared/schemas/common';
import type { ConsentPosition, DecisionActionStatus, PollType } from '../../../shared/vocabulary';
import { type Ballot, ballotProblem, count, type PollResult } from '../../../engines/voting/voting';
import type { Database, Executor } from '../../db/connection';
import { conflict, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { actionsOn, authorize } from '../../policies/authorize';
import { isNationalTeam } from '../../policies/roles';
import { recordWrite } from '../audit/audit-service';
import * as accounts from '../accounts/account-queries';
import { grantSentence } from '../accounts/role-grants';
import { notify } from '../notifications/notify';
import { type DecisionLinks, decisionPolicy, isVoter, membershipPolicy, runsDecision } from './decision-policy';
import * as q from './decision-queries';

const NETWORK = 'Tout le réseau';
const refusal = { forbidden: 'Seuls la coordination du collectif et l’équipe nationale soumettent et suivent ses décisions.' };

const statusOf = (r: Pick<q.DecisionRow, 'closed_at' | 'opens_at' | 'closes_at'>, now: Date): DecisionLinks['status'] =>
  r.closed_at !== null || r.closes_at <= now ? 'closed' : r.opens_at > now ? 'upcoming' : 'open';
const linksOf = (r: q.DecisionRow, now: Date): DecisionLinks => ({ collectiveId: r.collective_id, public: r.public, status: statusOf(r, now) });

/** A stored ballot as the API gives it back (the ballot, without its comment). */
type StoredBallot = { position: ConsentPosition } | { optionIds: string[] } | { scores: Record<string, number> } | { ranking: string[] };
const ballotOf = (b: Record<string, unknown>): StoredBallot => {
  if ('position' in b) return { position: b.position as ConsentPosition };
  if ('optionIds' in b) return { optionIds: b.optionIds as string[] };
  if ('scores' in b) return { scores: b.scores as Record<string, number> };
  return { ranking: (b.ranking as string[]) ?? [] };
};

const actionOut = (a: q.ActionRow) => ({
  id: a.id,
  title: a.title,
  owner: a.owner,
  dueOn: a.due_on,
  progress: a.progress,
  status: a.status as DecisionActionStatus,
});

/**
 * Collective decisions: proposals put to the vote of a collective's members
 * (or network-wide, of the collectives' coordinators), one ballot per voter
 * changeable until closing, counted by engines/voting when the poll closes
 * (early, or by the job once its closing time passes), and followed up.
 * `now` is the clock (tests pass their own).
 */
export function decisionService(db: Database, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());

  /** Voter counts per collective, for one request. */
  const eligibleCounter = (tx: Executor) => {
    const memo = new Map<string | null, Promise<string[]>>();
    return (collectiveId: string | null) => {
      if (!memo.has(collectiveId)) memo.set(collectiveId, q.voterIds(tx, collectiveId));
      return memo.get(collectiveId) as Promise<string[]>;
    };
  };

  function summary(actor: Actor, r: q.DecisionRow, eligible: number, at: Date) {
    const links = linksOf(r, at);
    return {
      id: r.id,
      collectiveId: r.collective_id,
      collectiveName: r.collective_name ?? NETWORK,
      title: r.title,
      opensAt: r.opens_at.toISOString(),
      closesAt: r.closes_at.toISOString(),
      closedAt: r.closed_at?.toISOString() ?? null,
      status: links.status,
      quorum: r.quorum,
      pollType: r.poll_type as PollType,
      options: r.options,
      maxChoices: r.max_choices,
      anonymous: r.anonymous,
      public: r.public,
      outcome: r.outcome,
      turnout: { voted: r.voted, eligible: r.result ? (r.result as PollResult).turnout.eligible : Math.max(eligible, r.voted) },
      result: (r.result as PollResult | null) ?? null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      actions: actionsOn(actor, ['update', 'vote', 'close', 'follow'], decisionPolicy, links),
    };
  }

  /** A decision the actor may read (404 otherwise, as if it did not exist). */
  async function readable(tx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await q.decisionRow(tx, id, forUpdate);
    if (!row || !decisionPolicy.read(actor, linksOf(row, now()))) throw notFound('Décision', id);
    return row;
  }

  async function full(tx: Executor, actor: Actor, id: string): Promise<Decision> {
    const at = now();
    const row = await readable(tx, actor, id);
    const [voters, votes, followUp] = await Promise.all([q.voterIds(tx, row.collective_id), q.votesOf(tx, id), q.actionsOf(tx, id)]);
    const mine = actor.kind === 'account' ? votes.find((v) => v.account_id === actor.accountId) : undefined;
    const seesVotes = !row.anonymous && (isVoter(actor, { collectiveId: row.collective_id }) || runsDecision(actor, { collectiveId: row.collective_id }));
    const b = (v: q.VoteRow) => ballotOf(v.ballot);
    return {
      ...summary(actor, row, new Set([...voters, ...votes.map((v) => v.account_id)]).size, at),
      text: row.text,
      attachments: row.attachments,
      myVote: mine ? { ...b(mine), ...(mine.comment ? { comment: mine.comment } : {}) } : null,
      votes: seesVotes
        ? votes.map((v) => {
            const ballot = v.ballot;
            return {
              name: v.name ?? '—',
              position: (ballot.position as ConsentPosition | undefined) ?? null,
              optionIds: (ballot.optionIds as string[] | undefined) ?? null,
              scores: (ballot.scores as Record<string, number> | undefined) ?? null,
              ranking: (ballot.ranking as string[] | undefined) ?? null,
              comment: v.comment,
              updatedAt: v.updated_at.toISOString(),
            };
          })
        : [],
      followUp: followUp.map(actionOut),
    };
  }

  /** Tell the voters a poll is open (once). */
  async function announceOpening(tx: Executor, row: q.DecisionRow, at: Date) {
    const voters = await q.voterIds(tx, row.collective_id);
    await notify(tx, {
      accountIds: voters,
      category: 'cooperation',
      title: `Vote ouvert : « ${row.title} »`,
      body: `${row.collective_name ?? NETWORK} : votez avant le ${formatParisDay(row.closes_at)} à ${formatParisTime(row.closes_at)}.`,
      link: `/decisions/${row.id}`,
    });
    await q.markOpeningAnnounced(tx, row.id, at);
  }

  /** Count a poll and tell its voters the result; false when it was closed already. */
  async function closeOne(tx: Executor, actor: Actor, id: string, at: Date): Promise<boolean> {
    const row = await q.decisionRow(tx, id, true);
    if (!row || row.closed_at) return false;
    const [voters, votes] = await Promise.all([q.voterIds(tx, row.collective_id), q.votesOf(tx, id)]);
    // Those who voted count among the voters even if they have left the collective since.
    const eligible = new Set([...voters, ...votes.map((v) => v.account_id)]).size;
    const result = count(
      { pollType: row.poll_type as PollType, options: row.options, maxChoices: row.max_choices, quorum: row.quorum },
      votes.map((v) => ballotOf(v.ballot)),
      eligible,
    );
    await q.storeResult(tx, id, at, result);
    await recordWrite(tx, actor, [
      { action: 'update', entity: 'decisions', recordId: id, after: { closedAt: at.toISOString(), winners: result.winners, adopted: result.adopted } },
    ]);
    const labels = new Map(row.options.map((o) => [o.id, o.label]));
    const outcome = !result.quorumMet
      ? 'Le quorum n’est pas atteint : la proposition n’est pas adoptée.'
      : row.poll_type === 'consent'
        ? result.adopted
          ? 'La proposition est adoptée.'
          : 'La proposition n’est pas adoptée.'
        : result.winners.length === 1
          ? `En tête : ${labels.get(result.winners[0] as string)}.`
          : `Égalité entre ${result.winners.map((w) => `« ${labels.get(w)} »`).join(', ')}.`;
    await notify(tx, { accountIds: voters, category: 'cooperation', title: `Résultat du vote « ${row.title} »`, body: outcome, link: `/decisions/${id}` });
    return true;
  }

  /** The terms of a poll that votes already cast depend on. */
  const POLL_TERMS = ['opensAt', 'closesAt', 'quorum', 'pollType', 'options', 'maxChoices'] as const;

  function checkTerms(d: { pollType: PollType; options: Array<{ id: string }>; maxChoices: number; opensAt: Date; closesAt: Date }) {
    if (d.closesAt <= d.opensAt) throw invalid('Dates invalides.', [{ path: 'closesAt', message: 'La clôture doit venir après l’ouverture.' }]);
    if (d.pollType !== 'consent' && d.options.length < 2)
      throw invalid('Options invalides.', [{ path: 'options', message: 'Proposez au moins deux options.' }]);
    if (d.pollType === 'choice' && d.maxChoices > d.options.length)
      throw invalid('Options invalides.', [{ path: 'maxChoices', message: 'Le nombre de choix ne peut dépasser le nombre d’options.' }]);
  }

  return {
    async list(actor: Actor, f: DecisionListQuery) {
      const roles: Role[] = actor.kind === 'account' ? actor.roles : [];
      const scoped = (names: string[]) => roles.filter((r) => names.includes(r.role)).flatMap((r) => r.scope ?? []);
      const visibility: q.Visibility = {
        all: isNationalTeam(actor),
        collectiveIds: [...new Set(scoped(['member', 'coordinator']))],
        network: scoped(['coordinator']).length > 0,
      };
      const at = now();
      const voterOf = f.mine ? { ...visibility, all: false } : undefined;
      const found = await q.listDecisions(db, visibility, { ...f, now: at, ...(voterOf ? { voterOf } : {}), ...(f.mine ? { status: 'open' as const } : {}) });
      const eligible = eligibleCounter(db);
      const items = await Promise.all(found.items.map(async (r) => summary(actor, r, (await eligible(r.collective_id)).length, at)));
      return { items, total: found.total, totalExact: true, page: f.page, pageSize: f.pageSize };
    },

    get: (actor: Actor, id: string) => full(db, actor, id),

    async create(actor: Actor, input: DecisionInput) {
      authorize(actor, 'create', { policy: decisionPolicy, record: { collectiveId: input.collectiveId } }, refusal);
      if (input.collectiveId !== null && !(await q.collectiveName(db, input.collectiveId)))
        throw invalid('Collectif introuvable.', [{ path: 'collectiveId', message: 'Ce collectif n’existe pas' }]);
      const options = input.pollType === 'consent' ? [] : input.options;
      const maxChoices = input.pollType === 'choice' ? (input.maxChoices ?? 1) : 1;
      checkTerms({ pollType: input.pollType, options, maxChoices, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt) });
      const at = now();
      const id = await db.transaction().execute(async (tx) => {
        const id = await q.insertDecision(tx, {
          ...input,
          text: input.text ?? '',
          options,
          maxChoices,
          createdBy: actor.kind === 'account' ? actor.accountId : null,
        });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'decisions', recordId: id, after: { ...input, options } }]);
        const row = (await q.decisionRow(tx, id)) as q.DecisionRow;
        if (row.opens_at <= at) await announceOpening(tx, row, at);
        return id;
      });
      return full(db, actor, id);
    },

    async update(actor: Actor, id: string, patch: DecisionPatch) {
      await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id, true);
        authorize(actor, 'update', { policy: decisionPolicy, record: linksOf(row, now()) }, refusal);
        const touchesTerms = POLL_TERMS.some((k) => patch[k] !== undefined);
        if (touchesTerms && row.closed_at) throw conflict('poll_closed', 'Le scrutin est clos : ses conditions ne changent plus.');
        if (touchesTerms && row.voted > 0) throw conflict('votes_cast', 'Des votes sont déjà exprimés : les conditions du scrutin ne changent plus.');
        const pollType = patch.pollType ?? (row.poll_type as PollType);
        const options = pollType === 'consent' ? [] : (patch.options ?? row.options);
        const maxChoices = pollType === 'choice' ? (patch.maxChoices ?? row.max_choices) : 1;
        if (touchesTerms)
          checkTerms({
            pollType,
            options,
            maxChoices,
            opensAt: patch.opensAt ? new Date(patch.opensAt) : row.opens_at,
            closesAt: patch.closesAt ? new Date(patch.closesAt) : row.closes_at,
          });
        const set = { ...patch, ...(touchesTerms ? { options, maxChoices, pollType } : {}) };
        await q.updateDecision(tx, id, set);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'decisions', recordId: id, before: { title: row.title, outcome: row.outcome }, after: set }]);
      });
      return full(db, actor, id);
    },

    /** One ballot per voter, replaced until the poll closes. An anonymous poll's ballots stay out of the audit trail. */
    async vote(actor: Actor, id: string, input: BallotInput) {
      await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id, true);
        const links = linksOf(row, now());
        if (isVoter(actor, links) && links.status !== 'open')
          throw links.status === 'closed'
            ? conflict('poll_closed', 'Le scrutin est clos : les votes ne sont plus reçus.')
            : conflict('poll_not_open', 'Le scrutin n’est pas encore ouvert.');
        authorize(actor, 'vote', { policy: decisionPolicy, record: links }, { forbidden: 'Seuls les membres du collectif votent sur ses décisions.' });
        const { comment, ...ballot } = input;
        const problem = ballotProblem(
          { pollType: row.poll_type as PollType, options: row.options, maxChoices: row.max_choices, quorum: row.quorum },
          ballot as Ballot,
        );
        if (problem) throw invalid(problem, [{ path: Object.keys(ballot)[0] ?? 'ballot', message: problem }]);
        const accountId = (actor as Extract<Actor, { kind: 'account' }>).accountId;
        await q.upsertVote(tx, { decisionId: id, accountId, ballot, comment: comment ?? '' });
        await recordWrite(tx, actor, [
          { action: 'update', entity: 'decision_votes', recordId: id, ...(row.anonymous ? {} : { after: { accountId, ...ballot, comment: comment ?? '' } }) },
        ]);
      });
      return full(db, actor, id);
    },

    async close(actor: Actor, id: string) {
      await db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id, true);
        authorize(actor, 'close', { policy: decisionPolicy, record: linksOf(row, now()) }, refusal);
        // Past its closing time, the poll may still await the job: closing it now counts it.
        if (row.closed_at) throw conflict('poll_closed', 'Le scrutin est déjà clos.');
        const at = now();
        await closeOne(tx, actor, id, new Date(Math.min(row.closes_at.getTime(), at.getTime())));
      });
      return full(db, actor, id);
    },

    /** The job: announce the polls that opened, count those whose closing time passed. */
    async runDue(actor: Actor) {
      const at = now();
      const due = await q.dueDecisionIds(db, at);
      for (const id of due.openings)
        await db.transaction().execute(async (tx) => {
          const row = await q.decisionRow(tx, id, true);
          if (row && !row.opening_announced_at && !row.closed_at && row.closes_at > at) await announceOpening(tx, row, at);
          else if (row && !row.opening_announced_at) await q.markOpeningAnnounced(tx, id, at);
        });
      let closed = 0;
      for (const id of due.closings)
        await db.transaction().execute(async (tx) => {
          const row = await q.decisionRow(tx, id);
          if (row && (await closeOne(tx, actor, id, row.closes_at))) closed++;
        });
      return { announced: due.openings.length, closed };
    },

    async addAction(actor: Actor, id: string, input: z.output<typeof decisionActionFields>) {
      return db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id);
        authorize(actor, 'follow', { policy: decisionPolicy, record: linksOf(row, now()) }, refusal);
        const a = await q.insertAction(tx, {
          decisionId: id,
          title: input.title,
          owner: input.owner ?? '',
          dueOn: input.dueOn ?? null,
          progress: input.progress ?? 0,
          status: input.status ?? 'planned',
        });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'decision_actions', recordId: a.id, after: input }]);
        return actionOut(a);
      });
    },

    async updateAction(actor: Actor, id: string, actionId: string, patch: Partial<z.output<typeof decisionActionFields>>) {
      return db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id);
        authorize(actor, 'follow', { policy: decisionPolicy, record: linksOf(row, now()) }, refusal);
        const a = await q.updateAction(tx, id, actionId, patch);
        if (!a) throw notFound('Action de suivi', actionId);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'decision_actions', recordId: actionId, after: patch }]);
        return actionOut(a);
      });
    },

    async members(actor: Actor, collectiveId: string) {
      authorize(actor, 'manage', { policy: membershipPolicy, record: collectiveId }, refusal);
      if (!(await q.collectiveName(db, collectiveId))) throw notFound('Collectif', collectiveId);
      const rows = await q.collectiveAccounts(db, collectiveId);
      return {
        items: rows.map((r) => ({
          accountId: r.id,
          email: r.email,
          name: r.name,
          coordinator: r.roles.some((x) => x.role === 'coordinator' && (x.scope ?? []).includes(collectiveId)),
        })),
      };
    },

    /** Grant the `member` role on this collective to the account with this e-mail (its scope grows). */
    async addMember(actor: Actor, collectiveId: string, email: string) {
      authorize(actor, 'manage', { policy: membershipPolicy, record: collectiveId }, refusal);
      const name = await q.collectiveName(db, collectiveId);
      if (!name) throw notFound('Collectif', collectiveId);
      await db.transaction().execute(async (tx) => {
        const account = await accounts.accountByEmail(tx, email);
        if (!account)
          throw invalid('Aucun compte pour cette adresse.', [
            { path: 'email', message: 'Aucun compte n’a cette adresse : la personne se connecte d’abord une fois' },
          ]);
        const was = account.roles.find((r) => r.role === 'member');
        if (was?.scope?.includes(collectiveId)) throw conflict('already_member', 'Ce compte est déjà membre du collectif.');
        const roles: Role[] = was
          ? account.roles.map((r) => (r.role === 'member' ? { role: 'member', scope: [...(r.scope ?? []), collectiveId] } : r))
          : [...account.roles, { role: 'member', scope: [collectiveId] }];
        await accounts.setRoles(tx, account.id, roles);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'account', recordId: account.id, before: { roles: account.roles }, after: { roles } }]);
        await notify(tx, {
          accountIds: [account.id],
          category: 'roles',
          title: grantSentence({ role: 'member', scope: [name] }),
          body: 'La coordination du collectif vous a donné ce rôle sur Essaim.',
          link: '/decisions',
        });
      });
      const added = (await this.members(actor, collectiveId)).items.find((m) => m.email.toLowerCase() === email.toLowerCase());
      return added as NonNullable<typeof added>;
    },

    async removeMember(actor: Actor, collectiveId: string, accountId: string) {
      authorize(actor, 'manage', { policy: membershipPolicy, record: collectiveId }, refusal);
      await db.transaction().execute(async (tx) => {
        const account = await accounts.accountById(tx, accountId);
        const was = account?.roles.find((r) => r.role === 'member');
        if (!account || !was?.scope?.includes(collectiveId)) throw notFound('Membre du collectif', accountId);
        const scope = (was.scope ?? []).filter((id) => id !== collectiveId);
        const roles: Role[] = account.roles.flatMap((r) => (r.role !== 'member' ? [r] : scope.length ? [{ role: 'member' as const, scope }] : []));
        await accounts.setRoles(tx, account.id, roles);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'account', recordId: account.id, before: { roles: account.roles }, after: { roles } }]);
      });
    },
  };
}
