import type { z } from 'zod';
import { AssignmentInfeasible, assignReviews, rankTeams } from '../../../engines/judging/judging';
import type {
  assignmentInput,
  challengeInput,
  comparisonInput,
  conflictInput,
  hackathon,
  reviewInput,
  rubricInput,
  submissionInput,
  teamInput,
} from '../../../shared/schemas/hackathon';
import type { assignment, challenge, conflict, results, review, team } from '../../../shared/schemas/hackathon';
import { fr } from '../../../shared/text';
import { type ParticipantSector, participantSectors } from '../../../shared/vocabulary';
import type { Database, Executor } from '../../db/connection';
import { conflict as conflictError, forbidden, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { recordWrite } from '../audit/audit-service';
import { eventById, type LoadedEvent } from '../events/event-service';
import { notify } from '../notifications/notify';
import { accountsOfRegistration } from '../events/registration-queries';
import { type HackathonContext, hackathonPolicy } from './hackathon-policy';
import * as q from './hackathon-queries';

type Out<S extends z.ZodType> = z.output<S>;

/** The event as a hackathon (404 for another kind of event: it has no jury). */
async function hackathonById(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<LoadedEvent> {
  const event = await eventById(db, actor, id, forUpdate);
  if (event.kind !== 'hackathon') throw notFound('Hackathon', id);
  return event;
}

async function contextOf(db: Executor, actor: Actor, event: LoadedEvent): Promise<HackathonContext & { settings: q.Settings }> {
  const settings = await q.settingsOf(db, event.id);
  const m = await q.mine(db, event.id, actor.kind === 'account' ? actor.personId : null);
  return { event, ...m, published: settings.results_published_at !== null, settings };
}

const hackathonPage = (id: string) => `/evenements/${id}/hackathon`;

function challengeRecord(row: Awaited<ReturnType<typeof q.challengeRows>>[number]): Out<typeof challenge> {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    description: row.description,
    partnerOrganisationId: row.partner_organisation_id,
    partnerName: row.partner_name,
  };
}

export function hackathonService(db: Database, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());

  function shape(
    actor: Actor,
    ctx: HackathonContext & { settings: q.Settings },
    rows: Awaited<ReturnType<typeof q.teamRows>>,
    members: Awaited<ReturnType<typeof q.memberRows>>,
  ): Array<Out<typeof team>> {
    const open = submissionsOpen(ctx.settings);
    return rows.map((t) => ({
      id: t.id,
      eventId: t.event_id,
      name: t.name,
      challengeId: t.challenge_id,
      challengeTitle: t.challenge_title,
      mentorRegistrationId: t.mentor_registration_id,
      mentorName: t.mentor_name,
      members: members
        .filter((m) => m.team_id === t.id)
        .map((m) => ({ registrationId: m.registration_id, name: m.name, organisationName: m.organisation_name, sector: m.sector as ParticipantSector | null })),
      submission:
        t.submission_title !== null && t.submitted_at
          ? {
              title: t.submission_title,
              pitch: t.pitch ?? '',
              links: t.links ?? [],
              submittedAt: t.submitted_at.toISOString(),
              updatedAt: (t.submission_updated_at ?? t.submitted_at).toISOString(),
            }
          : null,
      actions: open && can(actor, 'submit', { policy: hackathonPolicy, record: { ctx, teamId: t.id } }) ? ['submit' as const] : [],
    }));
  }

  function submissionsOpen(s: q.Settings) {
    return s.results_published_at === null && (s.submission_deadline === null || s.submission_deadline.getTime() > now().getTime());
  }

  /** Declared conflicts and those found from a shared structure, once each (declared first). */
  async function conflictsOf(tx: Executor, eventId: string): Promise<Array<Out<typeof conflict>>> {
    const declared = await q.declaredConflicts(tx, eventId);
    const found = await q.organisationConflicts(tx, eventId);
    const key = (c: { judge_registration_id: string; team_id: string }) => `${c.judge_registration_id}/${c.team_id}`;
    const seen = new Set(declared.map(key));
    return [
      ...declared.map((c) => ({ judgeRegistrationId: c.judge_registration_id, teamId: c.team_id, source: 'declared' as const })),
      ...found
        .filter((c) => !seen.has(key(c)))
        .map((c) => ({ judgeRegistrationId: c.judge_registration_id, teamId: c.team_id, source: 'organisation' as const })),
    ];
  }

  async function computeResults(tx: Executor, eventId: string, settings: q.Settings): Promise<Out<typeof results>> {
    const teams = (await q.teamRows(tx, eventId)).filter((t) => t.submitted_at);
    const reviews = await q.reviewRows(tx, eventId);
    const criteria = settings.rubric;
    const ranking =
      criteria.length === 0
        ? []
        : rankTeams({
            teams: teams.map((t) => t.id),
            criteria,
            // A review scored before the rubric changed may miss a criterion: it is left out rather than guessed.
            reviews: reviews
              .map((r) => ({ judge: r.judge_registration_id, team: r.team_id, scores: r.scores as Record<string, number> }))
              .filter((r) => criteria.every((c) => typeof r.scores[c.id] === 'number')),
            comparisons: (await q.comparisonRows(tx, eventId)).map((c) => ({ winner: c.winner_team_id, loser: c.loser_team_id })),
          });
    const names = new Map(teams.map((t) => [t.id, t.name]));
    const byRaw = [...ranking].filter((r) => r.raw !== null).sort((a, b) => (b.raw as number) - (a.raw as number));
    return {
      published: settings.results_published_at !== null,
      publishedAt: settings.results_published_at?.toISOString() ?? null,
      ranking: ranking.map((r) => ({
        teamId: r.team,
        teamName: names.get(r.team) ?? '',
        raw: r.raw,
        normalised: r.normalised,
        reviews: r.reviews,
        pairwise: r.pairwise,
        rawRank: r.raw === null ? null : byRaw.findIndex((x) => x.raw === r.raw) + 1,
      })),
    };
  }

  return {
    async overview(actor: Actor, id: string): Promise<Out<typeof hackathon>> {
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      const teams = await q.teamRows(db, id);
      const sectors = await q.participantsBySector(db, [id]);
      const bySector = Object.fromEntries(participantSectors.map((s) => [s, sectors.find((x) => x.sector === s)?.n ?? 0])) as Record<ParticipantSector, number>;
      const manage = can(actor, 'manage', { policy: hackathonPolicy, record: ctx });
      return {
        eventId: id,
        challenges: (await q.challengeRows(db, id)).map(challengeRecord),
        rubric: { criteria: ctx.settings.rubric, submissionDeadline: ctx.settings.submission_deadline?.toISOString() ?? null },
        publishedAt: ctx.settings.results_published_at?.toISOString() ?? null,
        teams: teams.length,
        submissions: teams.filter((t) => t.submitted_at).length,
        participants: sectors.reduce((s, x) => s + x.n, 0),
        bySector,
        myJudgeRegistrationId: ctx.judgeRegistrationIds[0] ?? null,
        myTeamId: ctx.teamIds[0] ?? null,
        actions: [
          ...(manage ? ['manage' as const] : []),
          ...(ctx.teamIds.length && submissionsOpen(ctx.settings) ? ['submit' as const] : []),
          ...(ctx.judgeRegistrationIds.length ? ['judge' as const] : []),
        ],
      };
    },

    async challenges(actor: Actor, id: string) {
      await hackathonById(db, actor, id);
      return (await q.challengeRows(db, id)).map(challengeRecord);
    },

    async addChallenge(actor: Actor, id: string, input: Out<typeof challengeInput>) {
      const event = await hackathonById(db, actor, id);
      authorize(actor, 'manage', { policy: hackathonPolicy, record: await contextOf(db, actor, event) });
      const newId = await db.transaction().execute(async (tx) => {
        const cid = await q.insertChallenge(tx, id, {
          title: input.title,
          description: input.description ?? '',
          partner_organisation_id: input.partnerOrganisationId ?? null,
        });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'hackathon_challenges', recordId: cid, after: { eventId: id, ...input } }]);
        return cid;
      });
      return challengeRecord((await q.challengeRows(db, id)).find((c) => c.id === newId) as Awaited<ReturnType<typeof q.challengeRows>>[number]);
    },

    async teams(actor: Actor, id: string) {
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      const rows = await q.teamRows(db, id);
      const items = shape(
        actor,
        ctx,
        rows,
        await q.memberRows(
          db,
          rows.map((r) => r.id),
        ),
      );
      return { items, total: items.length };
    },

    async createTeam(actor: Actor, id: string, input: Out<typeof teamInput>) {
      const teamId = await db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id, true);
        const ctx = await contextOf(tx, actor, event);
        const memberIds = [...new Set(input.memberRegistrationIds)];
        const regs = await q.registrationsOf(tx, id, [...memberIds, ...(input.mentorRegistrationId ? [input.mentorRegistrationId] : [])]);
        const self = actor.kind === 'account' ? actor.personId : null;
        const memberIsSelf = self !== null && regs.some((r) => memberIds.includes(r.id) && r.person_id === self);
        authorize(
          actor,
          'createTeam',
          { policy: hackathonPolicy, record: { ...ctx, memberIsSelf } },
          { forbidden: 'Vous formez une équipe dont vous faites partie : ajoutez votre inscription aux membres.' },
        );
        const details: Array<{ path: string; message: string }> = [];
        for (const [i, m] of memberIds.entries()) {
          const r = regs.find((x) => x.id === m);
          if (!r) details.push({ path: `memberRegistrationIds.${i}`, message: `Ce membre n’est pas inscrit à ce hackathon : ${m}` });
          else if (r.role === 'judge') details.push({ path: `memberRegistrationIds.${i}`, message: 'Un juré ne fait pas partie d’une équipe.' });
          else if (r.team_id) details.push({ path: `memberRegistrationIds.${i}`, message: 'Ce participant fait déjà partie d’une équipe.' });
        }
        if (input.mentorRegistrationId && !regs.some((r) => r.id === input.mentorRegistrationId))
          details.push({ path: 'mentorRegistrationId', message: 'Le mentor doit être inscrit à ce hackathon.' });
        if (input.challengeId && !(await q.challengeRows(tx, id)).some((c) => c.id === input.challengeId))
          details.push({ path: 'challengeId', message: 'Ce défi n’est pas un défi de ce hackathon.' });
        if (details.length) throw invalid('Équipe invalide.', details);
        if (await q.teamNameTaken(tx, id, input.name))
          throw conflictError('team_name_taken', `Une équipe s’appelle déjà « ${input.name} » : choisissez un autre nom.`);
        const tid = await q.insertTeam(
          tx,
          id,
          { name: input.name, challenge_id: input.challengeId ?? null, mentor_registration_id: input.mentorRegistrationId ?? null },
          memberIds,
        );
        await recordWrite(tx, actor, [{ action: 'create', entity: 'hackathon_teams', recordId: tid, after: { eventId: id, ...input } }]);
        return tid;
      });
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      const rows = await q.teamRows(db, id, [teamId]);
      return shape(actor, ctx, rows, await q.memberRows(db, [teamId]))[0] as Out<typeof team>;
    },

    async submit(actor: Actor, id: string, teamId: string, input: Out<typeof submissionInput>) {
      await db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id);
        const ctx = await contextOf(tx, actor, event);
        const [row] = await q.teamRows(tx, id, [teamId]);
        if (!row) throw notFound('Équipe', teamId);
        authorize(actor, 'submit', { policy: hackathonPolicy, record: { ctx, teamId } }, { forbidden: 'Seuls les membres de l’équipe rendent son projet.' });
        if (ctx.published) throw conflictError('results_published', 'Les résultats sont publiés : les rendus sont clos.');
        if (ctx.settings.submission_deadline && ctx.settings.submission_deadline.getTime() <= now().getTime())
          throw conflictError('submission_closed', 'L’échéance des rendus est passée : le rendu n’est plus modifiable.');
        await q.upsertSubmission(tx, teamId, { title: input.title, pitch: input.pitch, links: input.links });
        await recordWrite(tx, actor, [{ action: row.submitted_at ? 'update' : 'create', entity: 'hackathon_submissions', recordId: teamId, after: input }]);
      });
      const [row] = await q.teamRows(db, id, [teamId]);
      if (!row?.submitted_at) throw notFound('Rendu', teamId);
      return {
        title: row.submission_title ?? '',
        pitch: row.pitch ?? '',
        links: row.links ?? [],
        submittedAt: row.submitted_at.toISOString(),
        updatedAt: (row.submission_updated_at ?? row.submitted_at).toISOString(),
      };
    },

    async rubric(actor: Actor, id: string, input: Out<typeof rubricInput>) {
      return db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id, true);
        const ctx = await contextOf(tx, actor, event);
        authorize(actor, 'manage', { policy: hackathonPolicy, record: ctx });
        if (ctx.published) throw conflictError('results_published', 'Les résultats sont publiés : la grille ne change plus.');
        const deadline =
          input.submissionDeadline === undefined ? ctx.settings.submission_deadline : input.submissionDeadline ? new Date(input.submissionDeadline) : null;
        await q.saveSettings(tx, id, { rubric: input.criteria, submission_deadline: deadline });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'hackathon_settings', recordId: id, before: ctx.settings, after: input }]);
        return { criteria: input.criteria, submissionDeadline: deadline?.toISOString() ?? null };
      });
    },

    async conflicts(actor: Actor, id: string) {
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      const all = await conflictsOf(db, id);
      return can(actor, 'manage', { policy: hackathonPolicy, record: ctx }) ? all : all.filter((c) => ctx.judgeRegistrationIds.includes(c.judgeRegistrationId));
    },

    async declareConflict(actor: Actor, id: string, input: Out<typeof conflictInput>) {
      return db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id);
        const ctx = await contextOf(tx, actor, event);
        authorize(actor, 'declareConflict', { policy: hackathonPolicy, record: { ctx, judgeRegistrationId: input.judgeRegistrationId } });
        const judges = await q.judgeRows(tx, id);
        const details: Array<{ path: string; message: string }> = [];
        if (!judges.some((j) => j.id === input.judgeRegistrationId))
          details.push({ path: 'judgeRegistrationId', message: 'Cette inscription n’est pas celle d’un juré de ce hackathon.' });
        if ((await q.teamRows(tx, id, [input.teamId])).length === 0)
          details.push({ path: 'teamId', message: 'Cette équipe n’est pas une équipe de ce hackathon.' });
        if (details.length) throw invalid('Conflit d’intérêts invalide.', details);
        await q.declareConflict(tx, input.judgeRegistrationId, input.teamId);
        // A judge already assigned to that team loses the assignment (and a review not yet counted).
        await tx
          .deleteFrom('hackathon_assignments')
          .where('judge_registration_id', '=', input.judgeRegistrationId)
          .where('team_id', '=', input.teamId)
          .execute();
        await recordWrite(tx, actor, [{ action: 'create', entity: 'hackathon_conflicts', recordId: input.teamId, after: input }]);
        return { ...input, source: 'declared' as const };
      });
    },

    async assignments(actor: Actor, id: string): Promise<Array<Out<typeof assignment>>> {
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      const manage = can(actor, 'manage', { policy: hackathonPolicy, record: ctx });
      const rows = await q.assignmentRows(db, id, manage ? undefined : ctx.judgeRegistrationIds);
      return rows.map((r) => ({
        judgeRegistrationId: r.judge_registration_id,
        teamId: r.team_id,
        judgeName: r.judge_name,
        teamName: r.team_name,
        reviewed: r.reviewed,
      }));
    },

    async assign(actor: Actor, id: string, input: Out<typeof assignmentInput>) {
      await db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id, true);
        const ctx = await contextOf(tx, actor, event);
        authorize(actor, 'manage', { policy: hackathonPolicy, record: ctx });
        if (ctx.published) throw conflictError('results_published', 'Les résultats sont publiés : le jury ne change plus.');
        if ((await q.countReviews(tx, id)) > 0)
          throw conflictError(
            'reviews_started',
            'Des évaluations sont déjà saisies : la répartition ne change plus (déclarez un conflit pour retirer une équipe à un juré).',
          );
        const teams = (await q.teamRows(tx, id)).filter((t) => t.submitted_at).map((t) => t.id);
        if (teams.length === 0) throw conflictError('no_submission', 'Aucune équipe n’a encore rendu son projet : il n’y a rien à répartir.');
        const judges = (await q.judgeRows(tx, id)).map((j) => j.id);
        const conflicts = (await conflictsOf(tx, id)).map((c) => ({ judge: c.judgeRegistrationId, team: c.teamId }));
        let pairs: Array<{ judge: string; team: string }>;
        try {
          pairs = assignReviews({ teams, judges, conflicts, reviewsPerSubmission: input.reviewsPerSubmission });
        } catch (e) {
          if (e instanceof AssignmentInfeasible)
            throw invalid(
              e.message,
              [{ path: e.teamId ? 'teamId' : 'reviewsPerSubmission', message: e.teamId ? `Équipe sans assez de jurés : ${e.teamId}` : e.message }],
              'assignment_infeasible',
            );
          throw e;
        }
        await q.replaceAssignments(tx, id, pairs);
        await recordWrite(tx, actor, [
          { action: 'update', entity: 'hackathon_assignments', recordId: id, after: { reviewsPerSubmission: input.reviewsPerSubmission, pairs: pairs.length } },
        ]);
        // Each judge learns how many submissions wait for them.
        const judgeRows = await q.judgeRows(tx, id);
        for (const j of judgeRows) {
          const n = pairs.filter((p) => p.judge === j.id).length;
          if (n === 0) continue;
          const accountIds = await accountsOfRegistration(tx, { person_id: j.person_id, organisation_id: null, role: 'judge' });
          await notify(tx, { accountIds, category: 'mobilisation', title: fr`${event.title} : ${n} projet(s) à évaluer`, link: hackathonPage(id) });
        }
      });
      return this.assignments(actor, id);
    },

    async reviews(actor: Actor, id: string) {
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      const manage = can(actor, 'manage', { policy: hackathonPolicy, record: ctx });
      const rows = await q.reviewRows(db, id, manage ? {} : { judgeRegistrationIds: ctx.judgeRegistrationIds, teamIds: ctx.published ? ctx.teamIds : [] });
      return {
        items: rows
          .filter((r) =>
            can(actor, 'readReview', { policy: hackathonPolicy, record: { ctx, judgeRegistrationId: r.judge_registration_id, teamId: r.team_id } }),
          )
          .map((r): Out<typeof review> => {
            // A team reads what was said of it, not who said it.
            const named = manage || ctx.judgeRegistrationIds.includes(r.judge_registration_id);
            return {
              judgeRegistrationId: r.judge_registration_id,
              judgeName: named ? r.judge_name : null,
              teamId: r.team_id,
              scores: r.scores as Record<string, number>,
              comment: r.comment,
              updatedAt: r.updated_at.toISOString(),
            };
          }),
      };
    },

    async review(actor: Actor, id: string, input: Out<typeof reviewInput>): Promise<Out<typeof review>> {
      return db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id);
        const ctx = await contextOf(tx, actor, event);
        const judge = input.judgeRegistrationId ?? ctx.judgeRegistrationIds[0];
        if (!judge) throw invalid('Vous n’êtes pas juré de ce hackathon.', [{ path: 'judgeRegistrationId', message: 'Indiquez le juré.' }], 'not_a_judge');
        authorize(
          actor,
          'actAsJudge',
          { policy: hackathonPolicy, record: { ctx, judgeRegistrationId: judge } },
          { forbidden: 'Vous n’évaluez qu’en votre nom de juré.' },
        );
        if (ctx.published) throw conflictError('results_published', 'Les résultats sont publiés : les évaluations sont closes.');
        if (!(await q.isAssigned(tx, judge, input.teamId))) throw forbiddenReview();
        const criteria = ctx.settings.rubric;
        const details = [
          ...criteria.filter((c) => typeof input.scores[c.id] !== 'number').map((c) => ({ path: `scores.${c.id}`, message: `Notez « ${c.label} » de 1 à 5.` })),
          ...Object.keys(input.scores)
            .filter((k) => !criteria.some((c) => c.id === k))
            .map((k) => ({ path: `scores.${k}`, message: 'Ce critère ne fait pas partie de la grille.' })),
        ];
        if (details.length) throw invalid('Évaluation incomplète : notez chaque critère de la grille de 1 à 5.', details);
        await q.upsertReview(tx, { judge_registration_id: judge, team_id: input.teamId, scores: input.scores, comment: input.comment ?? '' });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'hackathon_reviews', recordId: input.teamId, after: { judge, ...input } }]);
        const [row] = await q.reviewRows(tx, id, { judgeRegistrationIds: [judge] }).then((rs) => rs.filter((r) => r.team_id === input.teamId));
        if (!row) throw notFound('Évaluation', input.teamId);
        return {
          judgeRegistrationId: judge,
          judgeName: row.judge_name,
          teamId: input.teamId,
          scores: row.scores as Record<string, number>,
          comment: row.comment,
          updatedAt: row.updated_at.toISOString(),
        };
      });
    },

    async compare(actor: Actor, id: string, input: Out<typeof comparisonInput>) {
      await db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id);
        const ctx = await contextOf(tx, actor, event);
        const judge = input.judgeRegistrationId ?? ctx.judgeRegistrationIds[0];
        if (!judge) throw invalid('Vous n’êtes pas juré de ce hackathon.', [{ path: 'judgeRegistrationId', message: 'Indiquez le juré.' }], 'not_a_judge');
        authorize(actor, 'actAsJudge', { policy: hackathonPolicy, record: { ctx, judgeRegistrationId: judge } });
        if (ctx.published) throw conflictError('results_published', 'Les résultats sont publiés : les comparaisons sont closes.');
        if (input.winnerTeamId === input.loserTeamId)
          throw invalid('Comparez deux équipes différentes.', [{ path: 'loserTeamId', message: 'Une autre équipe.' }]);
        if (!(await q.isAssigned(tx, judge, input.winnerTeamId)) || !(await q.isAssigned(tx, judge, input.loserTeamId))) throw forbiddenReview();
        await q.insertComparison(tx, { judge_registration_id: judge, winner_team_id: input.winnerTeamId, loser_team_id: input.loserTeamId });
      });
    },

    async results(actor: Actor, id: string): Promise<Out<typeof results>> {
      const event = await hackathonById(db, actor, id);
      const ctx = await contextOf(db, actor, event);
      // Before publication only the organiser sees a ranking: a judge never sees another's scores.
      if (!can(actor, 'readResults', { policy: hackathonPolicy, record: ctx })) return { published: false, publishedAt: null, ranking: [] };
      return computeResults(db, id, ctx.settings);
    },

    async publish(actor: Actor, id: string) {
      return db.transaction().execute(async (tx) => {
        const event = await hackathonById(tx, actor, id, true);
        const ctx = await contextOf(tx, actor, event);
        authorize(actor, 'manage', { policy: hackathonPolicy, record: ctx });
        if (ctx.published) throw conflictError('results_published', 'Les résultats sont déjà publiés.');
        if (ctx.settings.rubric.length === 0) throw conflictError('no_rubric', 'Définissez la grille d’évaluation avant de publier.');
        const at = now();
        await q.saveSettings(tx, id, { results_published_at: at });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'hackathon_settings', recordId: id, after: { resultsPublishedAt: at.toISOString() } }]);
        // Every team member learns that their reviews can be read.
        const teams = await q.teamRows(tx, id);
        const members = await q.memberRows(
          tx,
          teams.map((t) => t.id),
        );
        const accountIds = new Set<string>();
        for (const m of members) {
          const [reg] = await q.registrationsOf(tx, id, [m.registration_id]);
          if (reg?.person_id)
            for (const a of await accountsOfRegistration(tx, { person_id: reg.person_id, organisation_id: null, role: 'attendee' })) accountIds.add(a);
        }
        await notify(tx, {
          accountIds: [...accountIds],
          category: 'mobilisation',
          title: fr`${event.title} : les résultats sont publiés`,
          link: hackathonPage(id),
        });
        return computeResults(tx, id, { ...ctx.settings, results_published_at: at });
      });
    },
  };
}

function forbiddenReview() {
  return forbidden('Cette équipe ne vous est pas attribuée : vous n’évaluez que les projets de votre liste.');
}
