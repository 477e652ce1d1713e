import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  closeInput,
  declineInput,
  Need,
  NeedInput,
  NeedListQuery,
  NeedPatch,
  proposeInput,
  Reason,
  SponsorProfileInput,
  Sponsorship,
  SponsorshipListQuery,
  sessionInput,
  sponsorshipPatch,
} from '../../../shared/schemas/sponsorship';
import { fr } from '../../../shared/text';
import {
  type NeedStatus,
  type NeedUrgency,
  type ObjectiveOutcome,
  type SessionFormat,
  type SponsorshipCategory,
  type SponsorshipStatus,
  sponsorshipCategoryLabels,
} from '../../../shared/vocabulary';
import { explainPair, type NeedItem, propose, rankCandidates, remainingOf, type SponsorItem } from '../../../engines/sponsoring/sponsoring';
import type { Database, Executor } from '../../db/connection';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { actionsOn, authorize, can } from '../../policies/authorize';
import { isNationalTeam, ORGANISATION_ROLES } from '../../policies/roles';
import { appendAudit } from '../audit/audit-queries';
import { runningQueue } from '../jobs/job-queue';
import { notify } from '../notifications/notify';
import * as q from './sponsorship-queries';
import { needPolicy, type SponsorshipLinks, sponsorProfilePolicy, sponsorshipPolicy } from './sponsorship-policy';

/** The job that proposes the next best sponsor after a decline or an expiry (sponsorship-jobs.ts). */
export const NEXT_SPONSOR_JOB = 'sponsorships.next';
/** A proposal waits this long for its answer, unless the service is told otherwise. */
export const DEFAULT_ANSWER_DAYS = 7;
const DAY = 86_400_000;

export interface SponsorshipServiceOptions {
  now?: () => Date;
  answerDays?: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const labelsOf = (codes: readonly string[]) => codes.map((c) => sponsorshipCategoryLabels[c as SponsorshipCategory] ?? c);
const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function visibility(actor: Actor): q.Visibility {
  if (isNationalTeam(actor)) return { all: true, organisationIds: [], collectiveIds: [], personId: null };
  if (actor.kind !== 'account') return { all: false, organisationIds: [], collectiveIds: [], personId: null };
  const scoped = (names: readonly string[]) => actor.roles.flatMap((r) => (names.includes(r.role) ? (r.scope ?? []) : []));
  return { all: false, organisationIds: scoped(ORGANISATION_ROLES), collectiveIds: scoped(['coordinator']), personId: actor.personId };
}

const linksOf = (r: q.SponsorshipRow): SponsorshipLinks => ({
  organisationId: r.organisation_id,
  collectiveIds: r.collective_ids,
  sponsorPersonId: r.sponsor_person_id,
  status: r.status,
});

/** Hackers Publics: needs, sponsors' profiles, proposals, answers, sessions, closing and dashboards. */
export function sponsorshipService(db: Database, opts: SponsorshipServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const answerDays = opts.answerDays ?? DEFAULT_ANSWER_DAYS;

  async function shapeNeeds(actor: Actor, rows: q.NeedRow[]): Promise<Need[]> {
    const names = await q.territoryNames(
      db,
      rows.flatMap((r) => (r.territory ? [r.territory] : [])),
    );
    return rows.map((r) => {
      const links = { organisationId: r.organisation_id, collectiveIds: r.collective_ids, sponsorPersonIds: r.sponsor_person_ids };
      const hidden = r.sponsorship_draft && !isNationalTeam(actor);
      const actions = [
        ...(can(actor, 'write', { policy: needPolicy, record: links }) ? (['update', 'delete'] as const) : []),
        ...(can(actor, 'match', { policy: needPolicy }) ? (['candidates'] as const) : []),
      ];
      return {
        id: r.id,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        categories: r.categories as SponsorshipCategory[],
        categoryLabels: labelsOf(r.categories),
        description: r.description,
        urgency: r.urgency as NeedUrgency,
        administrationIds: r.administration_ids,
        administrationNames: r.administration_names,
        territory: r.territory,
        territoryName: r.territory ? (names.get(r.territory) ?? null) : null,
        // A draft is the national team's until sent: to everyone else the need is still open.
        status: (hidden ? 'open' : r.status) as NeedStatus,
        sponsorshipId: hidden ? null : r.sponsorship_id,
        matchedAt: iso(r.matched_at),
        createdAt: iso(r.created_at) as string,
        updatedAt: iso(r.updated_at) as string,
        actions: [...actions],
      };
    });
  }

  /** A need the actor may read, or the 404 of one that does not exist. */
  async function readableNeed(ex: Executor, actor: Actor, id: string) {
    const [row] = await q.getNeeds(ex, [id]);
    if (!row || !can(actor, 'read', { policy: needPolicy, record: needLinks(row) })) throw notFound('Besoin', id);
    return row;
  }
  const needLinks = (r: q.NeedRow) => ({ organisationId: r.organisation_id, collectiveIds: r.collective_ids, sponsorPersonIds: r.sponsor_person_ids });

  function shapeSponsorship(actor: Actor, r: q.SponsorshipRow): Sponsorship {
    const links = linksOf(r);
    return {
      id: r.id,
      needId: r.need_id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      categories: r.categories as SponsorshipCategory[],
      sponsorPersonId: r.sponsor_person_id,
      sponsorName: r.sponsor_name,
      administrationId: r.administration_id,
      administrationName: r.administration_name,
      status: r.status as SponsorshipStatus,
      score: r.score,
      reasons: parse(r.reasons as Reason[] | string),
      proposedAt: iso(r.proposed_at),
      deadline: iso(r.deadline),
      answeredAt: iso(r.answered_at),
      declineReason: r.decline_reason,
      startedAt: iso(r.started_at),
      closedAt: iso(r.closed_at),
      objectives: parse(r.objectives).map((o) => ({ ...o, outcome: o.outcome as ObjectiveOutcome | null })),
      closingSummary: r.closing_summary,
      sponsorSide: { rating: r.sponsor_rating, wouldDoAgain: r.sponsor_again },
      structureSide: { rating: r.structure_rating, wouldDoAgain: r.structure_again },
      createdAt: iso(r.created_at) as string,
      updatedAt: iso(r.updated_at) as string,
      actions: actionsOn(actor, ['update', 'swap', 'send', 'answer', 'log', 'close'] as const, sponsorshipPolicy, links),
    };
  }

  async function readableSponsorship(ex: Executor, actor: Actor, id: string, lock = false) {
    const [row] = await q.getSponsorships(ex, [id], lock);
    if (!row || !can(actor, 'read', { policy: sponsorshipPolicy, record: linksOf(row) })) throw notFound('Parrainage', id);
    return row;
  }

  const audit = (ex: Executor, actor: Actor, action: 'create' | 'update' | 'delete', entity: string, recordId: string, after?: unknown) =>
    appendAudit(ex, [
      {
        actorKind: actor.kind,
        actorId: actor.kind === 'account' ? actor.accountId : null,
        action,
        entity,
        recordId,
        ...(after === undefined ? {} : { after }),
      },
    ]);

  /** The engine's items for some sponsors and needs (territories resolved to their ancestors). */
  async function engineItems(
    ex: Executor,
    needs: Array<{ id: string; categories: string[]; administration_ids: string[]; territory: string | null; excluded?: string[] }>,
  ) {
    const sponsorRows = await q.sponsors(ex);
    const today = now().toISOString().slice(0, 10);
    const sponsorItems: Array<SponsorItem & { row: q.SponsorRow }> = sponsorRows.map((s) => ({
      id: s.person_id,
      administrationId: s.administration_id,
      administrationName: s.administration_name,
      expertise: s.expertise,
      territories: s.territories,
      capacity: s.capacity,
      load: s.load,
      active: s.active,
      paused: Boolean(s.paused_until && s.paused_until > today),
      row: s,
    }));
    const refs = needs.flatMap((n) => (n.territory ? [n.territory] : []));
    const ancestors = await q.territoryAncestors(ex, refs);
    const names = await q.territoryNames(ex, refs);
    const needItems: NeedItem[] = needs.map((n) => ({
      id: n.id,
      categories: n.categories,
      administrationIds: n.administration_ids,
      territories: n.territory ? (ancestors.get(n.territory) ?? [n.territory]) : [],
      territoryName: n.territory ? (names.get(n.territory) ?? null) : null,
      excludedSponsorIds: n.excluded ?? [],
    }));
    return { sponsorItems, needItems };
  }

  async function tellSponsor(ex: Executor, sponsorPersonId: string, organisationName: string, sponsorshipId: string, deadline: Date) {
    const accountIds = await q.personAccounts(ex, sponsorPersonId);
    if (accountIds.length)
      await notify(ex, {
        accountIds,
        category: 'sponsorships',
        title: fr`Proposition de parrainage : ${organisationName}`,
        body: fr`L’équipe nationale vous propose de parrainer ${organisationName}. Répondez avant le ${deadline.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} : les raisons de ce choix sont sur la page du parrainage.`,
        link: `/hackers-publics/parrainages/${sponsorshipId}`,
      });
  }

  /**
   * The next best available sponsor for a need that lost its proposal (declined or
   * expired), proposed at once; the national team is told when nobody is left.
   */
  async function proposeNextIn(tx: Executor, needId: string) {
    const [need] = await q.openNeeds(tx, [needId]);
    if (!need) return { proposed: null };
    const { sponsorItems, needItems } = await engineItems(tx, [need]);
    const [best] = rankCandidates(needItems[0] as NeedItem, sponsorItems);
    if (!best) {
      const accountIds = await q.nationalTeamAccounts(tx);
      await notify(tx, {
        accountIds,
        category: 'sponsorships',
        title: fr`Plus aucun parrain disponible pour ${need.organisation_name}`,
        body: 'Chaque hacker public qui pouvait répondre à ce besoin l’a décliné ou n’a pas répondu à temps : élargissez les administrations ou les territoires, ou sollicitez un nouveau parrain.',
        link: `/hackers-publics/besoins/${needId}`,
      });
      return { proposed: null };
    }
    const at = now();
    const deadline = new Date(at.getTime() + answerDays * DAY);
    const id = await q.insertSponsorship(tx, {
      needId,
      sponsorPersonId: best.sponsor.id,
      status: 'proposed',
      score: best.score,
      reasons: best.reasons,
      proposedAt: at,
      deadline,
    });
    await q.setNeedStatus(tx, needId, 'proposed');
    await tellSponsor(tx, best.sponsor.id, need.organisation_name, id, deadline);
    return { proposed: id };
  }

  /** After a decline or an expiry: the next proposal, as a job when a queue runs (else at once, in the same transaction). */
  async function followUp(tx: Executor, needId: string) {
    const queue = runningQueue();
    if (queue) await queue.enqueue(NEXT_SPONSOR_JOB, { needId }, { in: tx });
    else await proposeNextIn(tx, needId);
  }

  async function checkAdministrations(ex: Executor, ids: readonly string[]) {
    const kinds = await q.organisationKinds(ex, ids);
    const bad = ids.flatMap((id, i) =>
      kinds.get(id) === 'administration' ? [] : [{ path: `administrationIds.${i}`, message: 'Cette structure n’est pas une administration.' }],
    );
    if (bad.length) throw invalid('Choisissez des administrations parmi celles de l’annuaire.', bad, 'not_an_administration');
  }
  async function checkTerritory(ex: Executor, territory: string | null | undefined, path = 'territory') {
    if (territory && !(await q.territoryExists(ex, territory)))
      throw invalid(fr`Le territoire « ${territory} » n’existe pas.`, [{ path, message: 'Territoire inconnu' }], 'unknown_territory');
  }

  return {
    async listNeeds(actor: Actor, f: NeedListQuery) {
      const r = await q.listNeeds(db, visibility(actor), f);
      return { items: await shapeNeeds(actor, r.rows), total: r.total, page: f.page, pageSize: f.pageSize };
    },

    async getNeed(actor: Actor, id: string) {
      const [need] = await shapeNeeds(actor, [await readableNeed(db, actor, id)]);
      return need as Need;
    },

    async createNeed(actor: Actor, input: NeedInput) {
      const org = await q.organisationInfo(db, input.organisationId);
      if (!org)
        throw invalid('Cette structure n’existe pas dans l’annuaire.', [{ path: 'organisationId', message: 'Structure inconnue' }], 'unknown_reference');
      const collectiveIds = await q.collectivesOfOrganisation(db, org.id);
      authorize(
        actor,
        'write',
        { policy: needPolicy, record: { organisationId: org.id, collectiveIds } },
        { forbidden: 'Seuls la structure, son collectif et l’équipe nationale expriment ses besoins.' },
      );
      await checkAdministrations(db, input.administrationIds ?? []);
      await checkTerritory(db, input.territory);
      const id = await db.transaction().execute(async (tx) => {
        const id = await q.insertNeed(tx, {
          organisationId: org.id,
          categories: input.categories,
          description: input.description ?? '',
          urgency: input.urgency ?? 'normal',
          administrationIds: [...new Set(input.administrationIds ?? [])],
          // By default, the need is where the structure is.
          territory: input.territory ?? (org.departement_code ? `departement:${org.departement_code}` : null),
        });
        await audit(tx, actor, 'create', 'sponsorship-needs', id, input);
        return id;
      });
      return this.getNeed(actor, id);
    },

    async updateNeed(actor: Actor, id: string, patch: NeedPatch) {
      await db.transaction().execute(async (tx) => {
        const row = await readableNeed(tx, actor, id);
        authorize(actor, 'write', { policy: needPolicy, record: needLinks(row) });
        if (patch.administrationIds) await checkAdministrations(tx, patch.administrationIds);
        await checkTerritory(tx, patch.territory);
        if (patch.status && patch.status !== row.status) {
          const live = row.sponsorship_id !== null;
          if (patch.status === 'open' && (live || row.status === 'matched'))
            throw conflict('need_in_progress', 'Ce besoin a déjà un parrainage en cours ou proposé : il ne peut pas être rouvert.');
          if (patch.status === 'withdrawn' && live) throw conflict('need_in_progress', 'Ce besoin a un parrainage proposé ou en cours : clôturez-le d’abord.');
        }
        await q.updateNeed(tx, id, {
          ...(patch.categories ? { categories: patch.categories } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.urgency ? { urgency: patch.urgency } : {}),
          ...(patch.administrationIds ? { administration_ids: [...new Set(patch.administrationIds)] } : {}),
          ...(patch.territory !== undefined ? { territory: patch.territory } : {}),
          ...(patch.status ? { status: patch.status } : {}),
        });
        await audit(tx, actor, 'update', 'sponsorship-needs', id, patch);
      });
      return this.getNeed(actor, id);
    },

    async deleteNeed(actor: Actor, id: string) {
      await db.transaction().execute(async (tx) => {
        const row = await readableNeed(tx, actor, id);
        authorize(actor, 'write', { policy: needPolicy, record: needLinks(row) });
        if (await q.hasSponsorships(tx, id))
          throw conflict('need_has_sponsorships', 'Ce besoin a déjà eu des propositions de parrainage : retirez-le plutôt que de le supprimer.');
        await q.deleteNeed(tx, id);
        await audit(tx, actor, 'delete', 'sponsorship-needs', id);
      });
    },

    async candidates(actor: Actor, id: string) {
      authorize(actor, 'match', { policy: needPolicy });
      const row = await readableNeed(db, actor, id);
      const excluded = (await q.listSponsorships(db, visibility(actor), { need: id, page: 1, pageSize: 200 })).rows
        .filter((s) => s.status === 'declined' || s.status === 'expired')
        .map((s) => s.sponsor_person_id);
      const { sponsorItems, needItems } = await engineItems(db, [{ ...row, excluded }]);
      return {
        items: rankCandidates(needItems[0] as NeedItem, sponsorItems).map((c) => ({
          sponsorPersonId: c.sponsor.id,
          sponsorName: (c.sponsor as (typeof sponsorItems)[number]).row.name,
          administrationName: c.sponsor.administrationName ?? null,
          score: c.score,
          reasons: c.reasons,
          remainingCapacity: remainingOf(c.sponsor),
        })),
      };
    },

    async getSponsor(actor: Actor, personId: string) {
      // Whoever may not read the profile gets the 404 of a profile that does not exist.
      if (!can(actor, 'read', { policy: sponsorProfilePolicy, record: { personId } })) throw notFound('Hacker public', personId);
      const [s] = await q.sponsors(db, [personId]);
      if (!s) throw notFound('Hacker public', personId);
      return shapeSponsor(actor, s, now());
    },

    async setSponsor(actor: Actor, personId: string, input: SponsorProfileInput) {
      authorize(
        actor,
        'edit',
        { policy: sponsorProfilePolicy, record: { personId } },
        { forbidden: 'Seuls le hacker public lui-même et l’équipe nationale modifient ce profil.' },
      );
      const person = await q.personIsSponsor(db, personId);
      if (!person) throw notFound('Personne', personId);
      if (!person.is_public_sponsor && !isNationalTeam(actor)) throw forbidden('Seule l’équipe nationale fait d’une personne un hacker public.');
      await checkAdministrations(db, [input.administrationId]);
      for (const [i, t] of (input.territories ?? []).entries()) await checkTerritory(db, t, `territories.${i}`);
      const [before] = await q.sponsors(db, [personId]);
      await db.transaction().execute(async (tx) => {
        await q.saveSponsorProfile(tx, personId, {
          administrationId: input.administrationId,
          grade: input.grade ?? before?.grade ?? '',
          expertise: input.expertise ?? before?.expertise ?? [],
          territories: input.territories ?? before?.territories ?? [],
          capacity: input.capacity ?? before?.capacity ?? 1,
          pausedUntil: input.pausedUntil !== undefined ? input.pausedUntil : (before?.paused_until ?? null),
        });
        await audit(tx, actor, 'update', 'sponsor-profiles', personId, input);
      });
      return this.getSponsor(actor, personId);
    },

    /** Propose a sponsor to every open need (or those given): the best total score, or a stable matching. */
    async propose(actor: Actor, input: z.output<typeof proposeInput>) {
      authorize(actor, 'match', { policy: needPolicy });
      const method = input.method ?? 'optimal';
      return db.transaction().execute(async (tx) => {
        const needs = await q.openNeeds(tx, input.needIds);
        if (input.needIds) {
          const found = new Set(needs.map((n) => n.id));
          const missing = input.needIds.filter((id) => !found.has(id));
          if (missing.length)
            throw conflict(
              'need_not_open',
              'Certains besoins ne sont pas ouverts (déjà proposés, parrainés, clos ou inexistants).',
              missing.map((id) => ({ path: 'needIds', message: id })),
            );
        }
        const { sponsorItems, needItems } = await engineItems(tx, needs);
        const out = propose(needItems, sponsorItems, { method });
        const at = now();
        const deadline = new Date(at.getTime() + answerDays * DAY);
        const proposed = out.pairs.map((p) => {
          const need = needs[p.need] as (typeof needs)[number];
          const sponsor = sponsorItems[p.sponsor] as (typeof sponsorItems)[number];
          return {
            id: randomUUID(),
            needId: need.id,
            organisationName: need.organisation_name,
            sponsorPersonId: sponsor.id,
            status: input.review ? ('draft' as const) : ('proposed' as const),
            score: p.score,
            reasons: explainPair(needItems[p.need] as NeedItem, sponsor)?.reasons ?? [],
            proposedAt: input.review ? null : at,
            deadline: input.review ? null : deadline,
          };
        });
        await q.insertProposals(tx, proposed);
        if (!input.review) for (const p of proposed) await tellSponsor(tx, p.sponsorPersonId, p.organisationName, p.id, deadline);
        await appendAudit(
          tx,
          proposed.map((p) => ({
            actorKind: actor.kind,
            actorId: actor.kind === 'account' ? actor.accountId : null,
            action: 'create' as const,
            entity: 'sponsorships',
            recordId: p.id,
            after: { needId: p.needId, sponsorPersonId: p.sponsorPersonId, score: p.score, status: p.status },
          })),
        );
        const matched = new Set(out.pairs.map((p) => p.need));
        return {
          method,
          totalScore: out.totalScore,
          proposed: proposed.map((p) => ({ sponsorshipId: p.id, needId: p.needId, sponsorPersonId: p.sponsorPersonId, score: p.score })),
          unmatchedNeedIds: needs.filter((_, i) => !matched.has(i)).map((n) => n.id),
        };
      });
    },

    async list(actor: Actor, f: SponsorshipListQuery) {
      const r = await q.listSponsorships(db, visibility(actor), f);
      return { items: r.rows.map((row) => shapeSponsorship(actor, row)), total: r.total, page: f.page, pageSize: f.pageSize };
    },

    async get(actor: Actor, id: string) {
      return shapeSponsorship(actor, await readableSponsorship(db, actor, id));
    },

    async update(actor: Actor, id: string, patch: z.output<typeof sponsorshipPatch>) {
      await db.transaction().execute(async (tx) => {
        const row = await readableSponsorship(tx, actor, id, true);
        if (patch.sponsorPersonId !== undefined && patch.sponsorPersonId !== row.sponsor_person_id) {
          authorize(
            actor,
            'swap',
            { policy: sponsorshipPolicy, record: linksOf(row) },
            { forbidden: 'Seule l’équipe nationale change le parrain d’une proposition qui attend sa réponse.' },
          );
          const [need] = await q.getNeeds(tx, [row.need_id]);
          const { sponsorItems, needItems } = await engineItems(tx, [{ ...(need as q.NeedRow) }]);
          const sponsor = sponsorItems.find((s) => s.id === patch.sponsorPersonId);
          if (!sponsor)
            throw invalid('Cette personne n’est pas un hacker public.', [{ path: 'sponsorPersonId', message: 'Choisissez un hacker public' }], 'not_a_sponsor');
          const explained = explainPair(needItems[0] as NeedItem, sponsor);
          if (!explained)
            throw conflict(
              'sponsor_unavailable',
              fr`${sponsor.row.name} ne peut pas prendre ce besoin : aucune expertise commune, capacité atteinte ou parrainage en pause.`,
            );
          const at = now();
          const deadline = row.status === 'proposed' ? new Date(at.getTime() + answerDays * DAY) : null;
          await q.updateSponsorship(tx, id, {
            sponsor_person_id: sponsor.id,
            score: explained.score,
            reasons: JSON.stringify(explained.reasons),
            ...(deadline ? { proposed_at: at, deadline } : {}),
          });
          if (deadline) await tellSponsor(tx, sponsor.id, row.organisation_name, id, deadline);
        }
        if (patch.objectives) {
          authorize(
            actor,
            'update',
            { policy: sponsorshipPolicy, record: linksOf(row) },
            { forbidden: 'Les objectifs sont fixés par le binôme une fois le parrainage accepté.' },
          );
          const known = await q.objectiveIds(tx, id);
          const unknown = patch.objectives.flatMap((o, i) => (o.id && !known.has(o.id) ? [{ path: `objectives.${i}.id`, message: 'Objectif inconnu' }] : []));
          if (unknown.length) throw invalid('Un objectif ne fait pas partie de ce parrainage.', unknown, 'unknown_objective');
          await q.saveObjectives(tx, id, patch.objectives);
        }
        await audit(tx, actor, 'update', 'sponsorships', id, patch);
      });
      return this.get(actor, id);
    },

    async send(actor: Actor, id: string) {
      await db.transaction().execute(async (tx) => {
        const row = await readableSponsorship(tx, actor, id, true);
        if (row.status !== 'draft') throw conflict('not_a_draft', 'Cette proposition a déjà été envoyée.');
        authorize(actor, 'send', { policy: sponsorshipPolicy, record: linksOf(row) });
        const at = now();
        const deadline = new Date(at.getTime() + answerDays * DAY);
        await q.updateSponsorship(tx, id, { status: 'proposed', proposed_at: at, deadline });
        await tellSponsor(tx, row.sponsor_person_id, row.organisation_name, id, deadline);
        await audit(tx, actor, 'update', 'sponsorships', id, { status: 'proposed' });
      });
      return this.get(actor, id);
    },

    async accept(actor: Actor, id: string) {
      await db.transaction().execute(async (tx) => {
        const row = await readableSponsorship(tx, actor, id, true);
        if (row.status !== 'proposed') throw conflict('not_awaiting_answer', 'Cette proposition n’attend plus de réponse.');
        authorize(
          actor,
          'answer',
          { policy: sponsorshipPolicy, record: linksOf(row) },
          { forbidden: 'Seul le hacker public sollicité répond à cette proposition.' },
        );
        const at = now();
        if (row.deadline && new Date(row.deadline) < at)
          throw conflict('proposal_expired', 'Le délai de réponse est passé : l’équipe nationale proposera un autre parrain.');
        await q.updateSponsorship(tx, id, { status: 'active', answered_at: at, started_at: at });
        await q.setNeedStatus(tx, row.need_id, 'matched', at);
        const accountIds = [...(await q.structureAccounts(tx, row.organisation_id)), ...(await q.nationalTeamAccounts(tx))];
        await notify(tx, {
          accountIds,
          category: 'sponsorships',
          title: fr`${row.sponsor_name} parraine ${row.organisation_name}`,
          body: 'Le parrainage commence : fixez ensemble vos objectifs et notez vos séances sur la page du parrainage.',
          link: `/hackers-publics/parrainages/${id}`,
        });
        await audit(tx, actor, 'update', 'sponsorships', id, { status: 'active' });
      });
      return this.get(actor, id);
    },

    async decline(actor: Actor, id: string, input: z.output<typeof declineInput>) {
      await db.transaction().execute(async (tx) => {
        const row = await readableSponsorship(tx, actor, id, true);
        if (row.status !== 'proposed') throw conflict('not_awaiting_answer', 'Cette proposition n’attend plus de réponse.');
        authorize(
          actor,
          'answer',
          { policy: sponsorshipPolicy, record: linksOf(row) },
          { forbidden: 'Seul le hacker public sollicité répond à cette proposition.' },
        );
        await q.updateSponsorship(tx, id, { status: 'declined', answered_at: now(), decline_reason: input.reason || null });
        await q.setNeedStatus(tx, row.need_id, 'open');
        await audit(tx, actor, 'update', 'sponsorships', id, { status: 'declined' });
        await followUp(tx, row.need_id);
      });
      return this.get(actor, id);
    },

    /** Proposals past their deadline expire, and their needs go to the next best sponsor. */
    async expireDue() {
      const due = await q.dueProposals(db, now());
      for (const d of due)
        await db.transaction().execute(async (tx) => {
          const [row] = await q.getSponsorships(tx, [d.id], true);
          if (row?.status !== 'proposed') return;
          await q.updateSponsorship(tx, d.id, { status: 'expired' });
          await q.setNeedStatus(tx, d.need_id, 'open');
          await followUp(tx, d.need_id);
        });
      return { expired: due.length };
    },

    /** The job's work: the next proposal for a need. */
    async proposeNext(needId: string) {
      return db.transaction().execute((tx) => proposeNextIn(tx, needId));
    },

    async close(actor: Actor, id: string, input: z.output<typeof closeInput>) {
      await db.transaction().execute(async (tx) => {
        const row = await readableSponsorship(tx, actor, id, true);
        authorize(
          actor,
          'close',
          { policy: sponsorshipPolicy, record: linksOf(row) },
          { forbidden: 'Seuls le parrain et la structure parrainée clôturent et notent le parrainage.' },
        );
        const side = actor.kind === 'account' && actor.personId === row.sponsor_person_id ? 'sponsor' : 'structure';
        if ((side === 'sponsor' ? row.sponsor_rating : row.structure_rating) !== null) throw conflict('already_rated', 'Vous avez déjà noté ce parrainage.');
        const known = await q.objectiveIds(tx, id);
        const unknown = (input.outcomes ?? []).flatMap((o, i) =>
          known.has(o.objectiveId) ? [] : [{ path: `outcomes.${i}.objectiveId`, message: 'Objectif inconnu' }],
        );
        if (unknown.length) throw invalid('Un objectif ne fait pas partie de ce parrainage.', unknown, 'unknown_objective');
        for (const o of input.outcomes ?? []) await q.setOutcome(tx, id, o.objectiveId, o.outcome);
        const at = now();
        await q.updateSponsorship(tx, id, {
          ...(side === 'sponsor'
            ? { sponsor_rating: input.rating, sponsor_again: input.wouldDoAgain }
            : { structure_rating: input.rating, structure_again: input.wouldDoAgain }),
          ...(input.summary ? { closing_summary: input.summary } : {}),
          ...(row.status === 'active' ? { status: 'closed', closed_at: at } : {}),
        });
        if (row.status === 'active') await q.setNeedStatus(tx, row.need_id, 'closed');
        await audit(tx, actor, 'update', 'sponsorships', id, { closedBy: side, rating: input.rating });
      });
      return this.get(actor, id);
    },

    async sessions(actor: Actor, id: string) {
      const row = await readableSponsorship(db, actor, id);
      const notes = can(actor, 'readNotes', { policy: sponsorshipPolicy, record: linksOf(row) });
      return { items: (await q.listSessions(db, id)).map((s) => shapeSession(s, notes)) };
    },

    async addSession(actor: Actor, id: string, input: z.output<typeof sessionInput>) {
      return db.transaction().execute(async (tx) => {
        const row = await readableSponsorship(tx, actor, id, true);
        authorize(
          actor,
          'log',
          { policy: sponsorshipPolicy, record: linksOf(row) },
          { forbidden: 'Les séances se notent pendant le parrainage, par le binôme ou l’équipe nationale.' },
        );
        const started = row.started_at ? new Date(row.started_at).toISOString().slice(0, 10) : null;
        if (started && input.date < started)
          throw invalid(
            'La séance ne peut pas précéder le début du parrainage.',
            [{ path: 'date', message: `À partir du ${started}` }],
            'session_before_start',
          );
        const s = await q.insertSession(tx, {
          sponsorshipId: id,
          date: input.date,
          durationMinutes: input.durationMinutes,
          format: input.format,
          topics: input.topics ?? [],
          notes: input.notes ?? '',
        });
        await audit(tx, actor, 'create', 'sponsorship-sessions', s.id, { sponsorshipId: id, date: input.date });
        return shapeSession(s, true);
      });
    },

    async dashboard(actor: Actor, f: { administration?: string | undefined }) {
      authorize(actor, 'match', { policy: needPolicy });
      const at = now();
      const admins = await q.sponsorAdministrations(db);
      const figures = shapeFigures(await q.dashboardFigures(db, at, f.administration ?? null));
      const perAdministration = [];
      for (const a of f.administration ? admins.filter((x) => x.id === f.administration) : admins)
        perAdministration.push({
          ...shapeFigures(await q.dashboardFigures(db, at, a.id)),
          administrationId: a.id,
          administrationName: a.name,
          sponsors: a.sponsors,
        });
      const all = (await q.sponsors(db)).filter((s) => !f.administration || s.administration_id === f.administration);
      const brief = (s: q.SponsorRow) => ({
        personId: s.person_id,
        name: s.name,
        administrationName: s.administration_name,
        load: s.load,
        capacity: s.capacity,
      });
      return {
        administrationId: f.administration ?? null,
        figures,
        perAdministration,
        sponsorsAtCapacity: all.filter((s) => s.load >= s.capacity).map(brief),
        sponsorsNearCapacity: all.filter((s) => s.capacity > 1 && s.load === s.capacity - 1).map(brief),
      };
    },
  };
}

function shapeSponsor(actor: Actor, s: q.SponsorRow, at: Date) {
  const load = can(actor, 'readLoad', { policy: sponsorProfilePolicy, record: { personId: s.person_id } });
  const paused = Boolean(s.paused_until && s.paused_until > at.toISOString().slice(0, 10));
  return {
    personId: s.person_id,
    name: s.name,
    administrationId: s.administration_id ?? '',
    administrationName: s.administration_name,
    grade: s.grade,
    expertise: s.expertise as SponsorshipCategory[],
    territories: s.territories,
    capacity: s.capacity,
    pausedUntil: s.paused_until,
    load: load ? s.load : null,
    remainingCapacity: load ? remainingOf({ capacity: s.capacity, load: s.load, paused }) : null,
  };
}

function shapeSession(s: Awaited<ReturnType<typeof q.listSessions>>[number], notes: boolean) {
  return {
    id: s.id,
    date: s.date,
    durationMinutes: s.duration_minutes,
    format: s.format as SessionFormat,
    topics: s.topics,
    notes: notes ? s.notes : null,
    createdAt: s.created_at.toISOString(),
  };
}

function shapeFigures(r: q.DashboardRow) {
  const round = (x: number | null, digits = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);
  return {
    activeSponsorships: r.active,
    openNeeds: r.open_needs,
    needs: r.needs,
    matchedWithin30Days: r.old_needs ? round(r.matched_30 / r.old_needs, 3) : null,
    medianDaysToMatch: round(r.median_days_match),
    medianDaysToAcceptance: round(r.median_days_accept),
    objectives: r.objectives,
    objectivesAchieved: r.achieved,
    satisfaction: round(r.satisfaction, 2),
    ratings: r.ratings,
  };
}
