import { type SqlBool, sql } from 'kysely';
import type { Role } from '../../../shared/schemas/auth';
import type { DecisionListQuery } from '../../../shared/schemas/decision';
import type { Executor } from '../../db/connection';
import { offsetOf } from '../../db/sql-helpers';

/** Which decisions a caller may list: all (national team), or the public ones and those of these collectives. */
export interface Visibility {
  all: boolean;
  collectiveIds: readonly string[];
  /** The network-wide ones (the coordinators of the collectives vote on them). */
  network: boolean;
}

export interface DecisionRow {
  id: string;
  collective_id: string | null;
  collective_name: string | null;
  title: string;
  text: string;
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  quorum: number;
  poll_type: string;
  options: Array<{ id: string; label: string }>;
  max_choices: number;
  anonymous: boolean;
  public: boolean;
  attachments: Array<{ label: string; url: string }>;
  outcome: string;
  opening_announced_at: Date | null;
  result: unknown;
  voted: number;
  created_at: Date;
  updated_at: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function base(db: Executor) {
  return db
    .selectFrom('decisions as d')
    .leftJoin('collectives as k', 'k.id', 'd.collective_id')
    .select([
      'd.id',
      'd.collective_id',
      'k.name as collective_name',
      'd.title',
      'd.text',
      'd.opens_at',
      'd.closes_at',
      'd.closed_at',
      'd.quorum',
      'd.poll_type',
      'd.options',
      'd.max_choices',
      'd.anonymous',
      'd.public',
      'd.attachments',
      'd.outcome',
      'd.opening_announced_at',
      'd.result',
      'd.created_at',
      'd.updated_at',
      sql<number>`(select count(*)::int from decision_votes v where v.decision_id = d.id)`.as('voted'),
    ]);
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): DecisionRow {
  return {
    ...r,
    quorum: Number(r.quorum),
    options: json(r.options),
    attachments: json(r.attachments),
    result: r.result === null ? null : json(r.result),
  };
}

export async function decisionRow(db: Executor, id: string, forUpdate = false): Promise<DecisionRow | undefined> {
  if (forUpdate) await db.selectFrom('decisions').select('id').where('id', '=', id).forUpdate().execute();
  const r = await base(db).where('d.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** The decisions a caller sees, newest closing first, with the list filters. */
export async function listDecisions(
  db: Executor,
  v: Visibility,
  f: DecisionListQuery & { now: Date; voterOf?: Visibility },
): Promise<{ items: DecisionRow[]; total: number }> {
  const seen = (w: Visibility, orPublic: boolean) => {
    if (w.all) return sql<SqlBool>`true`;
    const c = [];
    if (orPublic) c.push(sql`d.public`);
    if (w.collectiveIds.length) c.push(sql`d.collective_id in (${sql.join([...w.collectiveIds])})`);
    if (w.network) c.push(sql`d.collective_id is null`);
    return c.length ? sql<SqlBool>`(${sql.join(c, sql` or `)})` : sql<SqlBool>`false`;
  };
  let q = base(db).where(seen(v, true));
  if (f.voterOf) q = q.where(seen(f.voterOf, false));
  if (f.collective === 'network') q = q.where('d.collective_id', 'is', null);
  else if (f.collective) q = q.where('d.collective_id', '=', f.collective);
  if (f.q) q = q.where(sql<SqlBool>`d.title ilike ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (f.status === 'closed') q = q.where((eb) => eb.or([eb('d.closed_at', 'is not', null), eb('d.closes_at', '<=', f.now)]));
  if (f.status === 'open') q = q.where('d.closed_at', 'is', null).where('d.opens_at', '<=', f.now).where('d.closes_at', '>', f.now);
  if (f.status === 'upcoming') q = q.where('d.opens_at', '>', f.now);
  const total = Number((await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .orderBy(sql`d.closed_at is null`, 'desc')
    .orderBy('d.closes_at', 'desc')
    .orderBy('d.id')
    .limit(f.pageSize)
    .offset(offsetOf(f.page, f.pageSize))
    .execute();
  return { items: rows.map(toRow), total };
}

/** The accounts that vote on a collective's decisions (its members and coordinators), or network-wide (the coordinators of a collective). */
export async function voterIds(db: Executor, collectiveId: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .select('a.id')
    .where(
      collectiveId === null
        ? sql<SqlBool>`exists (select 1 from jsonb_array_elements(a.roles) r
            where r->>'role' = 'coordinator' and jsonb_array_length(coalesce(r->'scope', '[]'::jsonb)) > 0)`
        : sql<SqlBool>`exists (select 1 from jsonb_array_elements(a.roles) r
            where r->>'role' in ('member', 'coordinator') and coalesce(r->'scope', '[]'::jsonb) ? ${collectiveId})`,
    )
    .orderBy('a.email')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertDecision(
  db: Executor,
  d: {
    collectiveId: string | null;
    title: string;
    text: string;
    opensAt: string | Date;
    closesAt: string | Date;
    quorum: number;
    pollType: string;
    options: Array<{ id: string; label: string }>;
    maxChoices: number;
    anonymous: boolean;
    public: boolean;
    attachments: Array<{ label: string; url: string }>;
    outcome?: string;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await db
    .insertInto('decisions')
    .values({
      collective_id: d.collectiveId,
      title: d.title,
      text: d.text,
      opens_at: d.opensAt,
      closes_at: d.closesAt,
      quorum: d.quorum,
      poll_type: d.pollType,
      options: JSON.stringify(d.options),
      max_choices: d.maxChoices,
      anonymous: d.anonymous,
      public: d.public,
      attachments: JSON.stringify(d.attachments),
      outcome: d.outcome ?? '',
      created_by: d.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDecision(
  db: Executor,
  id: string,
  set: Partial<{
    title: string;
    text: string;
    opensAt: string;
    closesAt: string;
    quorum: number;
    pollType: string;
    options: Array<{ id: string; label: string }>;
    maxChoices: number;
    public: boolean;
    attachments: Array<{ label: string; url: string }>;
    outcome: string;
  }>,
) {
  await db
    .updateTable('decisions')
    .set({
      ...(set.title !== undefined ? { title: set.title } : {}),
      ...(set.text !== undefined ? { text: set.text } : {}),
      ...(set.opensAt !== undefined ? { opens_at: set.opensAt, opening_announced_at: null } : {}),
      ...(set.closesAt !== undefined ? { closes_at: set.closesAt } : {}),
      ...(set.quorum !== undefined ? { quorum: set.quorum } : {}),
      ...(set.pollType !== undefined ? { poll_type: set.pollType } : {}),
      ...(set.options !== undefined ? { options: JSON.stringify(set.options) } : {}),
      ...(set.maxChoices !== undefined ? { max_choices: set.maxChoices } : {}),
      ...(set.public !== undefined ? { public: set.public } : {}),
      ...(set.attachments !== undefined ? { attachments: JSON.stringify(set.attachments) } : {}),
      ...(set.outcome !== undefined ? { outcome: set.outcome } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function markOpeningAnnounced(db: Executor, id: string, at: Date) {
  await db.updateTable('decisions').set({ opening_announced_at: at }).where('id', '=', id).execute();
}

export async function storeResult(db: Executor, id: string, closedAt: Date, result: unknown) {
  await db
    .updateTable('decisions')
    .set({ closed_at: closedAt, result: JSON.stringify(result), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Open polls whose opening nobody was told of yet, and polls past their closing time not yet counted. */
export async function dueDecisionIds(db: Executor, now: Date) {
  const [openings, closings] = await Promise.all([
    db.selectFrom('decisions').select('id').where('opening_announced_at', 'is', null).where('closed_at', 'is', null).where('opens_at', '<=', now).execute(),
    db.selectFrom('decisions').select('id').where('closed_at', 'is', null).where('closes_at', '<=', now).orderBy('closes_at').execute(),
  ]);
  return { openings: openings.map((r) => r.id), closings: closings.map((r) => r.id) };
}

export interface VoteRow {
  account_id: string;
  name: string | null;
  ballot: Record<string, unknown>;
  comment: string;
  updated_at: Date;
}

export async function votesOf(db: Executor, decisionId: string): Promise<VoteRow[]> {
  const rows = await db
    .selectFrom('decision_votes as v')
    .innerJoin('accounts as a', 'a.id', 'v.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['v.account_id', sql<string | null>`coalesce(p.first_name || ' ' || p.last_name, a.email)`.as('name'), 'v.ballot', 'v.comment', 'v.updated_at'])
    .where('v.decision_id', '=', decisionId)
    .orderBy('v.updated_at')
    .orderBy('v.account_id')
    .execute();
  return rows.map((r) => ({ ...r, ballot: json<Record<string, unknown>>(r.ballot) }));
}

export async function upsertVote(db: Executor, v: { decisionId: string; accountId: string; ballot: unknown; comment: string }) {
  await db
    .insertInto('decision_votes')
    .values({ decision_id: v.decisionId, account_id: v.accountId, ballot: JSON.stringify(v.ballot), comment: v.comment })
    .onConflict((oc) => oc.columns(['decision_id', 'account_id']).doUpdateSet({ ballot: JSON.stringify(v.ballot), comment: v.comment, updated_at: sql`now()` }))
    .execute();
}

export interface ActionRow {
  id: string;
  decision_id: string;
  title: string;
  owner: string;
  due_on: string | null;
  progress: number;
  status: string;
}

export async function actionsOf(db: Executor, decisionId: string): Promise<ActionRow[]> {
  return db
    .selectFrom('decision_actions')
    .select(['id', 'decision_id', 'title', 'owner', 'due_on', 'progress', 'status'])
    .where('decision_id', '=', decisionId)
    .orderBy('due_on', (ob) => ob.asc().nullsLast())
    .orderBy('created_at')
    .execute();
}

export async function insertAction(
  db: Executor,
  a: { decisionId: string; title: string; owner: string; dueOn: string | null; progress: number; status: string },
): Promise<ActionRow> {
  return db
    .insertInto('decision_actions')
    .values({ decision_id: a.decisionId, title: a.title, owner: a.owner, due_on: a.dueOn, progress: a.progress, status: a.status })
    .returning(['id', 'decision_id', 'title', 'owner', 'due_on', 'progress', 'status'])
    .executeTakeFirstOrThrow();
}

export async function updateAction(
  db: Executor,
  decisionId: string,
  id: string,
  set: Partial<{ title: string; owner: string; dueOn: string | null; progress: number; status: string }>,
): Promise<ActionRow | undefined> {
  return db
    .updateTable('decision_actions')
    .set({
      ...(set.title !== undefined ? { title: set.title } : {}),
      ...(set.owner !== undefined ? { owner: set.owner } : {}),
      ...(set.dueOn !== undefined ? { due_on: set.dueOn } : {}),
      ...(set.progress !== undefined ? { progress: set.progress } : {}),
      ...(set.status !== undefined ? { status: set.status } : {}),
      updated_at: sql`now()`,
    })
    .where('decision_id', '=', decisionId)
    .where('id', '=', id)
    .returning(['id', 'decision_id', 'title', 'owner', 'due_on', 'progress', 'status'])
    .executeTakeFirst();
}

/** The accounts that hold one of these roles on a collective, with their name. */
export async function collectiveAccounts(db: Executor, collectiveId: string) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.email', 'a.roles', sql<string | null>`p.first_name || ' ' || p.last_name`.as('name')])
    .where(
      sql<SqlBool>`exists (select 1 from jsonb_array_elements(a.roles) r
        where r->>'role' in ('member', 'coordinator') and coalesce(r->'scope', '[]'::jsonb) ? ${collectiveId})`,
    )
    .orderBy('a.email')
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, email: r.email, name: r.name, roles: json<Role[]>(r.roles) })));
}

export async function collectiveName(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('collectives').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
