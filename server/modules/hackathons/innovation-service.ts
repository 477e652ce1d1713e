import type { z } from 'zod';
import type { followUpInput, innovation, innovationInput, innovationListQuery, makeProjectInput } from '../../../shared/schemas/hackathon';
import { parisDay } from '../../../shared/paris-time';
import { fr } from '../../../shared/text';
import type { InnovationStatus } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { conflict, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { hasRole, inScope, isNationalTeam } from '../../policies/roles';
import { recordWrite } from '../audit/audit-service';
import { eventById } from '../events/event-service';
import { isOrganiser } from '../events/event-policy';
import { notify } from '../notifications/notify';
import { projectService } from '../projects/project-store';
import * as q from './hackathon-queries';
import * as iq from './innovation-queries';

type Out<S extends z.ZodType> = z.output<S>;

interface InnovationLinks {
  organiserOrganisationId: string | null;
  carrierOrganisationId: string | null;
  projectId: string | null;
}

/**
 * Innovations: everybody reads those of public hackathons (accounts, all);
 * the hackathon's organiser makes a winning team an innovation; its carrier
 * (the structure's holders) or the organiser records the follow-ups; the
 * national team (or the collective's coordinator, by the project rule) makes
 * it a project of a collective, once.
 */
export const innovationPolicy = {
  create: (actor: Actor, i: Pick<InnovationLinks, 'organiserOrganisationId'>) => isOrganiser(actor, i),
  followUp: (actor: Actor, i: InnovationLinks) => isOrganiser(actor, i) || inScope(actor, 'holder', i.carrierOrganisationId),
  makeProject: (actor: Actor, i: InnovationLinks) => i.projectId === null && (isNationalTeam(actor) || hasRole(actor, 'coordinator')),
};

const innovationPage = (id: string) => `/innovations/${id}`;

export function innovationService(db: Database, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());

  async function records(actor: Actor, rows: Awaited<ReturnType<typeof iq.innovationRows>>): Promise<Array<Out<typeof innovation>>> {
    const follow = await iq.followUpRows(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const links = { organiserOrganisationId: r.organiser_organisation_id, carrierOrganisationId: r.carrier_organisation_id, projectId: r.project_id };
      return {
        id: r.id,
        eventId: r.event_id,
        eventTitle: r.event_title,
        teamId: r.team_id,
        teamName: r.team_name,
        challengeTitle: r.challenge_title,
        title: r.title,
        summary: r.summary,
        carrierOrganisationId: r.carrier_organisation_id,
        carrierName: r.carrier_name,
        projectId: r.project_id,
        propelledOn: r.propelled_on,
        followUps: follow
          .filter((f) => f.innovation_id === r.id)
          .map((f) => ({
            month: f.month,
            dueOn: f.due_on,
            requestedAt: f.requested_at?.toISOString() ?? null,
            recordedAt: f.recorded_at?.toISOString() ?? null,
            status: f.status as InnovationStatus | null,
            nextStep: f.next_step,
            fundingFoundEur: f.funding_found_eur,
            peopleReached: f.people_reached,
          })),
        actions: [
          ...(can(actor, 'followUp', { policy: innovationPolicy, record: links }) ? ['followUp' as const] : []),
          ...(can(actor, 'makeProject', { policy: innovationPolicy, record: links }) ? ['makeProject' as const] : []),
        ],
      };
    });
  }

  async function get(actor: Actor, id: string) {
    const [row] = await iq.innovationRows(db, { ids: [id], publicOnly: actor.kind === 'anonymous' });
    if (!row) throw notFound('Innovation', id);
    return (await records(actor, [row]))[0] as Out<typeof innovation>;
  }

  return {
    get,
    async list(actor: Actor, query: Out<typeof innovationListQuery>) {
      const items = await records(actor, await iq.innovationRows(db, { eventId: query.event, publicOnly: actor.kind === 'anonymous' }));
      return { items, total: items.length };
    },

    async create(actor: Actor, input: Out<typeof innovationInput>) {
      const id = await db.transaction().execute(async (tx) => {
        const [team] = await tx.selectFrom('hackathon_teams').select(['id', 'event_id', 'name', 'challenge_id']).where('id', '=', input.teamId).execute();
        if (!team) throw invalid('Équipe inconnue.', [{ path: 'teamId', message: `Équipe inconnue : ${input.teamId}` }]);
        const event = await eventById(tx, actor, team.event_id, true);
        authorize(actor, 'create', { policy: innovationPolicy, record: event });
        const settings = await q.settingsOf(tx, event.id);
        if (!settings.results_published_at) throw conflict('results_not_published', 'Publiez les résultats du hackathon avant d’en propulser les lauréats.');
        const [row] = await q.teamRows(tx, event.id, [team.id]);
        if (!row?.submitted_at) throw conflict('no_submission', 'Cette équipe n’a rien rendu : elle ne devient pas une innovation.');
        if (await iq.innovationOfTeam(tx, team.id)) throw conflict('already_innovation', 'Cette équipe est déjà une innovation.');
        const newId = await iq.insertInnovation(tx, {
          event_id: event.id,
          team_id: team.id,
          challenge_id: team.challenge_id,
          title: input.title ?? row.submission_title ?? team.name,
          summary: input.summary ?? row.pitch ?? '',
          carrier_organisation_id: input.carrierOrganisationId ?? null,
          propelled_on: parisDay(event.ends_at),
        });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'innovations', recordId: newId, after: input }]);
        return newId;
      });
      return get(actor, id);
    },

    async recordFollowUp(actor: Actor, id: string, month: number, input: Out<typeof followUpInput>) {
      await db.transaction().execute(async (tx) => {
        const [row] = await iq.innovationRows(tx, { ids: [id] });
        if (!row) throw notFound('Innovation', id);
        authorize(
          actor,
          'followUp',
          {
            policy: innovationPolicy,
            record: { organiserOrganisationId: row.organiser_organisation_id, carrierOrganisationId: row.carrier_organisation_id, projectId: row.project_id },
          },
          { forbidden: 'Le suivi est renseigné par la structure qui porte l’innovation ou par l’organisateur.' },
        );
        await iq.recordFollowUp(tx, id, month, {
          status: input.status,
          next_step: input.nextStep ?? '',
          funding_found_eur: input.fundingFoundEur ?? null,
          people_reached: input.peopleReached ?? null,
        });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'innovation_follow_ups', recordId: id, after: { month, ...input } }]);
      });
      return get(actor, id);
    },

    async makeProject(actor: Actor, id: string, input: Out<typeof makeProjectInput>) {
      const current = await get(actor, id);
      if (current.projectId) throw conflict('already_project', 'Cette innovation est déjà un projet de collectif.');
      authorize(actor, 'makeProject', {
        policy: innovationPolicy,
        record: { organiserOrganisationId: null, carrierOrganisationId: current.carrierOrganisationId, projectId: current.projectId },
      });
      // The project rule decides who may add a project to that collective (its coordinator, the national team).
      const project = await projectService(db).create(actor, {
        title: current.title,
        summary: current.summary.slice(0, 1000),
        collectiveId: input.collectiveId,
        leadOrganisationId: current.carrierOrganisationId,
        stage: 'launch',
        ...(input.communeCode ? { communeCode: input.communeCode } : {}),
      });
      await db.transaction().execute(async (tx) => {
        if (!(await iq.linkProject(tx, id, project.id))) throw conflict('already_project', 'Cette innovation est déjà un projet de collectif.');
        await recordWrite(tx, actor, [{ action: 'update', entity: 'innovations', recordId: id, after: { projectId: project.id } }]);
      });
      return get(actor, id);
    },

    /** The daily job: ask the carrier and the team for each follow-up that fell due (once each). */
    async requestDueFollowUps() {
      const day = parisDay(now());
      const due = await iq.dueFollowUps(db, day);
      for (const f of due)
        await db.transaction().execute(async (tx) => {
          const accountIds = await iq.followUpAccounts(tx, f.carrier_organisation_id, f.team_id);
          await notify(tx, {
            accountIds,
            category: 'mobilisation',
            title: fr`Suivi à ${f.month} mois de l’innovation « ${f.title} »`,
            body: 'Où en est l’innovation : statut, prochaine étape, financements trouvés, personnes touchées ?',
            link: innovationPage(f.innovation_id),
          });
          await iq.markRequested(tx, f.innovation_id, f.month);
        });
      return due.length;
    },
  };
}
