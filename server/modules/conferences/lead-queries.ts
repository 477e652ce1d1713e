import type { Executor } from '../../db/connection';

export interface LeadRow {
  id: string;
  project_id: string;
  project_title: string;
  project_lead_id: string | null;
  fund_id: string;
  fund_name: string;
  fund_manager_id: string | null;
  meeting_id: string | null;
  stage: string;
  amount_eur: number | null;
  invested_on: string | null;
  created_at: Date;
  updated_at: Date;
}

const leads = (db: Executor) =>
  db
    .selectFrom('investment_leads as l')
    .innerJoin('projects as p', 'p.id', 'l.project_id')
    .innerJoin('funds as f', 'f.id', 'l.fund_id')
    .select([
      'l.id',
      'l.project_id',
      'p.title as project_title',
      'p.lead_organisation_id as project_lead_id',
      'l.fund_id',
      'f.name as fund_name',
      'f.manager_id as fund_manager_id',
      'l.meeting_id',
      'l.stage',
      'l.amount_eur',
      'l.invested_on',
      'l.created_at',
      'l.updated_at',
    ]);

/**
 * Leads, filtered; `visibleTo` (when not the national team) keeps those of
 * the funds managed by, or the projects led by, these structures.
 */
export async function leadRows(
  db: Executor,
  f: {
    fundId?: string | undefined;
    projectId?: string | undefined;
    stage?: string | undefined;
    ids?: readonly string[];
    visibleTo?: { investorOf: string[]; holderOf: string[]; projects: string[] };
  },
  page?: { limit: number; offset: number },
): Promise<{ rows: LeadRow[]; total: number }> {
  let q = leads(db);
  if (f.fundId) q = q.where('l.fund_id', '=', f.fundId);
  if (f.projectId) q = q.where('l.project_id', '=', f.projectId);
  if (f.stage) q = q.where('l.stage', '=', f.stage);
  if (f.ids) q = f.ids.length ? q.where('l.id', 'in', f.ids) : q.where('l.id', 'is', null);
  const v = f.visibleTo;
  if (v)
    q = q.where((eb) =>
      eb.or([
        ...(v.investorOf.length ? [eb('f.manager_id', 'in', v.investorOf)] : []),
        ...(v.holderOf.length ? [eb('p.lead_organisation_id', 'in', v.holderOf)] : []),
        ...(v.projects.length ? [eb('l.project_id', 'in', v.projects)] : []),
        eb.val(false),
      ]),
    );
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let list = q.orderBy('l.updated_at', 'desc').orderBy('l.id');
  if (page) list = list.limit(page.limit).offset(page.offset);
  return { rows: (await list.execute()) as LeadRow[], total };
}

export async function insertLead(
  db: Executor,
  l: { id?: string; projectId: string; fundId: string; meetingId: string | null; stage: string; amountEur: number | null; investedOn: string | null },
) {
  const row = await db
    .insertInto('investment_leads')
    .values({
      ...(l.id ? { id: l.id } : {}),
      project_id: l.projectId,
      fund_id: l.fundId,
      meeting_id: l.meetingId,
      stage: l.stage,
      amount_eur: l.amountEur,
      invested_on: l.investedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLead(db: Executor, id: string, l: { stage: string; amountEur: number | null; investedOn: string | null }) {
  await db
    .updateTable('investment_leads')
    .set({ stage: l.stage, amount_eur: l.amountEur, invested_on: l.investedOn, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function projectAndFund(db: Executor, projectId: string, fundId: string) {
  const [project, fund] = await Promise.all([
    db.selectFrom('projects').select(['id', 'lead_organisation_id']).where('id', '=', projectId).executeTakeFirst(),
    db.selectFrom('funds').select(['id', 'manager_id']).where('id', '=', fundId).executeTakeFirst(),
  ]);
  return { project, fund };
}

/** The project and fund a meeting brought together (through its registrations). */
export async function meetingParties(db: Executor, meetingId: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('registrations as a', 'a.id', 'm.a_registration_id')
    .innerJoin('registrations as b', 'b.id', 'm.b_registration_id')
    .select(['m.id', 'a.project_id as a_project', 'a.fund_id as a_fund', 'b.project_id as b_project', 'b.fund_id as b_fund'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}
