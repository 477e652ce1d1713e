import type { z } from 'zod';
import type { investmentLead, investmentLeadInput, investmentLeadPatch, investmentLeadQuery } from '../../../shared/schemas/conference';
import type { InvestmentLeadStage } from '../../../shared/vocabulary';
import type { Database, Executor } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { actionsOn, authorize } from '../../policies/authorize';
import { isNationalTeam } from '../../policies/roles';
import { recordWrite } from '../audit/audit-service';
import { type LeadLinks, leadPolicy } from './conference-policy';
import { accompaniedProjects } from './advisor-queries';
import * as lq from './lead-queries';

const links = (r: lq.LeadRow, accompanied: readonly string[] = []): LeadLinks => ({
  fundManagerId: r.fund_manager_id,
  projectLeadId: r.project_lead_id,
  accompanied: accompanied.includes(r.project_id),
});
/** The projects the caller accompanies as an advisor (their leads are theirs to read). */
const accompaniedBy = (db: Executor, actor: Actor) =>
  actor.kind === 'account' && actor.personId ? accompaniedProjects(db, actor.personId) : Promise.resolve([]);

function leadRecord(actor: Actor, r: lq.LeadRow): z.input<typeof investmentLead> {
  return {
    id: r.id,
    projectId: r.project_id,
    projectTitle: r.project_title,
    fundId: r.fund_id,
    fundName: r.fund_name,
    meetingId: r.meeting_id,
    stage: r.stage as InvestmentLeadStage,
    amountEur: r.amount_eur === null ? null : Number(r.amount_eur),
    investedOn: r.invested_on,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    actions: actionsOn(actor, ['write'], leadPolicy, links(r)).map(() => 'update' as const),
  };
}

/** An invested lead carries its amount and date; any other stage neither. */
function checkInvested(stage: string, amountEur: number | null, investedOn: string | null) {
  if (stage === 'invested') {
    const details = [
      ...(amountEur === null ? [{ path: 'amountEur', message: 'Indiquez le montant investi.' }] : []),
      ...(investedOn === null ? [{ path: 'investedOn', message: 'Indiquez la date de l’investissement.' }] : []),
    ];
    if (details.length) throw invalid('Une piste investie indique son montant et sa date.', details, 'invested_needs_amount');
    return { amountEur, investedOn };
  }
  return { amountEur, investedOn: null };
}

/**
 * Investment leads born at conferences: each fund's board (its investors),
 * the project's holders, the national team's board of all.
 */
export function leadService(db: Database) {
  const scopes = (actor: Actor, role: string) => (actor.kind === 'account' ? actor.roles.filter((r) => r.role === role).flatMap((r) => r.scope ?? []) : []);
  async function one(actor: Actor, id: string, ex: Executor = db) {
    const { rows } = await lq.leadRows(ex, { ids: [id] });
    const row = rows[0];
    if (!row || !leadPolicy.read(actor, links(row, await accompaniedBy(ex, actor)))) throw notFound('Piste d’investissement', id);
    return row;
  }
  return {
    async list(actor: Actor, f: z.output<typeof investmentLeadQuery>) {
      const visibleTo = isNationalTeam(actor)
        ? undefined
        : { investorOf: scopes(actor, 'investor'), holderOf: scopes(actor, 'holder'), projects: await accompaniedBy(db, actor) };
      const { rows, total } = await lq.leadRows(db, { ...f, ...(visibleTo ? { visibleTo } : {}) }, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: rows.map((r) => leadRecord(actor, r)), total, page: f.page, pageSize: f.pageSize };
    },
    async create(actor: Actor, input: z.output<typeof investmentLeadInput>) {
      const id = await db.transaction().execute(async (tx) => {
        const { project, fund } = await lq.projectAndFund(tx, input.projectId, input.fundId);
        if (!project) throw invalid(`Projet introuvable : ${input.projectId}`, [{ path: 'projectId', message: 'Projet introuvable' }], 'unknown_reference');
        if (!fund) throw invalid(`Fonds introuvable : ${input.fundId}`, [{ path: 'fundId', message: 'Fonds introuvable' }], 'unknown_reference');
        authorize(
          actor,
          'write',
          { policy: leadPolicy, record: { fundManagerId: fund.manager_id, projectLeadId: project.lead_organisation_id } },
          { forbidden: 'Seuls les financeurs du fonds et l’équipe nationale ouvrent une piste pour ce fonds.' },
        );
        if (input.meetingId) {
          const m = await lq.meetingParties(tx, input.meetingId);
          const pair = m && new Set([m.a_project, m.a_fund, m.b_project, m.b_fund]);
          if (!pair?.has(input.projectId) || !pair.has(input.fundId))
            throw invalid(
              'Ce rendez-vous ne réunissait pas ce projet et ce fonds.',
              [{ path: 'meetingId', message: 'Rendez-vous d’un autre projet ou fonds' }],
              'unknown_reference',
            );
        }
        const v = checkInvested(input.stage, input.amountEur ?? null, input.investedOn ?? null);
        const lid = await lq.insertLead(tx, { projectId: input.projectId, fundId: input.fundId, meetingId: input.meetingId ?? null, stage: input.stage, ...v });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'investment-leads', recordId: lid, after: input }]);
        return lid;
      });
      return leadRecord(actor, await one(actor, id));
    },
    async update(actor: Actor, id: string, patch: z.output<typeof investmentLeadPatch>) {
      await db.transaction().execute(async (tx) => {
        const before = await one(actor, id, tx);
        authorize(
          actor,
          'write',
          { policy: leadPolicy, record: links(before) },
          { forbidden: 'Seuls les financeurs du fonds et l’équipe nationale font avancer cette piste.' },
        );
        const stage = patch.stage ?? before.stage;
        const v = checkInvested(
          stage,
          patch.amountEur !== undefined ? patch.amountEur : before.amount_eur === null ? null : Number(before.amount_eur),
          patch.investedOn !== undefined ? patch.investedOn : before.invested_on,
        );
        await lq.updateLead(tx, id, { stage, ...v });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'investment-leads', recordId: id, before: { stage: before.stage }, after: patch }]);
      });
      return leadRecord(actor, await one(actor, id));
    },
  };
}
