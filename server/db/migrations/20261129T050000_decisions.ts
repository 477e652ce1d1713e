import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts compares them with shared/vocabulary.ts).
const pollTypes = ['consent', 'choice', 'score', 'ranked'];
const actionStatuses = ['planned', 'in_progress', 'done', 'abandoned'];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Collective decisions (issue 15): a proposal put to a collective's members
 * (or, network-wide, to the coordinators of the collectives), one ballot per
 * voter changeable until the poll closes, the result counted at closing, and
 * the follow-up actions of the decision taken.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table decisions (
      id uuid primary key default gen_random_uuid(),
      collective_id uuid references collectives(id) on delete cascade,
      title text not null check (length(title) between 1 and 300),
      text text not null default '' check (length(text) <= 20000),
      opens_at timestamptz not null,
      closes_at timestamptz not null check (closes_at > opens_at),
      quorum numeric(4, 3) not null default 0 check (quorum between 0 and 1),
      poll_type text not null check (poll_type in (${list(pollTypes)})),
      options jsonb not null default '[]',
      max_choices smallint not null default 1 check (max_choices >= 1),
      anonymous boolean not null default false,
      public boolean not null default false,
      attachments jsonb not null default '[]',
      outcome text not null default '' check (length(outcome) <= 20000),
      created_by uuid references accounts(id) on delete set null,
      opening_announced_at timestamptz,
      closed_at timestamptz,
      result jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index decisions_collective on decisions(collective_id, closes_at desc)`.execute(db);
  await sql`create index decisions_due on decisions(closes_at) where closed_at is null`.execute(db);
  await sql`
    create table decision_votes (
      decision_id uuid not null references decisions(id) on delete cascade,
      account_id uuid not null references accounts(id) on delete cascade,
      ballot jsonb not null,
      comment text not null default '' check (length(comment) <= 5000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (decision_id, account_id)
    )`.execute(db);
  await sql`
    create table decision_actions (
      id uuid primary key default gen_random_uuid(),
      decision_id uuid not null references decisions(id) on delete cascade,
      title text not null check (length(title) between 1 and 300),
      owner text not null default '' check (length(owner) <= 200),
      due_on date,
      progress smallint not null default 0 check (progress between 0 and 100),
      status text not null default 'planned' check (status in (${list(actionStatuses)})),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index decision_actions_decision on decision_actions(decision_id)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const t of ['decision_actions', 'decision_votes', 'decisions']) await sql`drop table ${sql.raw(t)}`.execute(db);
}
