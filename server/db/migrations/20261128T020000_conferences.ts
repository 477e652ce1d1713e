import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts).
const meetingStatuses = ['to_schedule', 'scheduled', 'unscheduled', 'cancelled', 'held', 'no_show'];
const requestStatuses = ['pending', 'accepted', 'declined', 'expired'];
const leadStages = ['contact', 'due_diligence', 'term_sheet', 'invested', 'declined'];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Bilateral conferences (Impact Finance) around the events core: the slots
 * and tables of a conference, each participant's availability, meeting
 * requests, meetings with their place in the schedule, feedback after them,
 * and the investment leads that follow.
 *
 * Meetings and investment leads are counted by the key figures
 * (meetingsHeld, investedEur): their triggers move the counted data's version
 * (see 20261127T120000_counted_data_version.ts).
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table conference_settings (
      event_id uuid primary key references events(id) on delete cascade,
      meeting_minutes integer check (meeting_minutes between 5 and 240),
      break_minutes integer check (break_minutes between 0 and 240),
      days jsonb not null default '[]',
      request_deadline timestamptz,
      max_requests integer check (max_requests between 1 and 500),
      video_link_pattern text check (video_link_pattern ~ '^https://'),
      published_at timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table conference_slots (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      tables integer not null check (tables between 1 and 1000),
      check (ends_at > starts_at),
      unique (event_id, starts_at)
    )`.execute(db);
  // A registration with a row here has said when it is free (its slots below); without one it is free in every slot.
  await sql`create table conference_availability_lists (registration_id uuid primary key references registrations(id) on delete cascade)`.execute(db);
  await sql`
    create table conference_availability (
      registration_id uuid not null references conference_availability_lists(registration_id) on delete cascade,
      slot_id uuid not null references conference_slots(id) on delete cascade,
      primary key (registration_id, slot_id)
    )`.execute(db);
  await sql`
    create table meeting_requests (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      from_registration_id uuid not null references registrations(id) on delete cascade,
      to_registration_id uuid not null references registrations(id) on delete cascade,
      message text not null default '' check (length(message) <= 2000),
      status text not null default 'pending' check (status in (${list(requestStatuses)})),
      answer_message text not null default '' check (length(answer_message) <= 2000),
      created_at timestamptz not null default now(),
      answered_at timestamptz,
      check (from_registration_id <> to_registration_id)
    )`.execute(db);
  await sql`create unique index meeting_requests_pending on meeting_requests (from_registration_id, to_registration_id) where status = 'pending'`.execute(db);
  await sql`create index meeting_requests_event on meeting_requests (event_id, created_at)`.execute(db);
  await sql`create index meeting_requests_to on meeting_requests (to_registration_id)`.execute(db);
  await sql`
    create table meetings (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      a_registration_id uuid not null references registrations(id) on delete cascade,
      b_registration_id uuid not null references registrations(id) on delete cascade,
      status text not null default 'to_schedule' check (status in (${list(meetingStatuses)})),
      slot_id uuid references conference_slots(id) on delete set null,
      table_number integer check (table_number between 1 and 1000),
      locked boolean not null default false,
      -- The organiser's weight when given; else computed from interest (mutual request, high recommendation).
      weight real check (weight >= 0 and weight <= 1000),
      mutual boolean not null default false,
      -- Raised at each change of time or table, or cancellation, once the agendas are published (calendar SEQUENCE).
      sequence integer not null default 0,
      video_url text check (video_url ~ '^https?://'),
      request_id uuid references meeting_requests(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (a_registration_id <> b_registration_id),
      -- Written without IN lists: the only value list of this column is the one above (vocabulary-checks.test.ts).
      check ((slot_id is not null and table_number is not null) or status = 'to_schedule' or status = 'unscheduled' or status = 'cancelled'),
      check (not locked or status = 'scheduled' or status = 'held' or status = 'no_show')
    )`.execute(db);
  // One live meeting per pair, one meeting per table and slot.
  await sql`create unique index meetings_pair on meetings (event_id, least(a_registration_id, b_registration_id), greatest(a_registration_id, b_registration_id))
    where status <> 'cancelled'`.execute(db);
  await sql`create unique index meetings_table on meetings (slot_id, table_number) where status in ('scheduled', 'held', 'no_show')`.execute(db);
  await sql`create index meetings_event on meetings (event_id, status)`.execute(db);
  await sql`create index meetings_a on meetings (a_registration_id)`.execute(db);
  await sql`create index meetings_b on meetings (b_registration_id)`.execute(db);
  await sql`create index meetings_slot on meetings (slot_id)`.execute(db);
  await sql`
    create table meeting_feedback (
      meeting_id uuid not null references meetings(id) on delete cascade,
      registration_id uuid not null references registrations(id) on delete cascade,
      rating integer not null check (rating between 1 and 5),
      comment text not null default '' check (length(comment) <= 4000),
      follow_up boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (meeting_id, registration_id)
    )`.execute(db);
  await sql`
    create table investment_leads (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects(id) on delete cascade,
      fund_id uuid not null references funds(id) on delete cascade,
      meeting_id uuid references meetings(id) on delete set null,
      stage text not null default 'contact' check (stage in (${list(leadStages)})),
      amount_eur bigint check (amount_eur > 0 and amount_eur <= 10000000000),
      invested_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (stage <> 'invested' or (amount_eur is not null and invested_on is not null))
    )`.execute(db);
  await sql`create index investment_leads_fund on investment_leads (fund_id, updated_at)`.execute(db);
  await sql`create index investment_leads_project on investment_leads (project_id)`.execute(db);
  await sql`create index investment_leads_invested on investment_leads (invested_on) where stage = 'invested'`.execute(db);

  // The key figures count held meetings (by their slot's date) and invested amounts (by their date).
  for (const table of ['meetings', 'investment_leads', 'conference_slots'])
    await sql`create trigger ${sql.id(`${table}_counted_changed`)} after insert or delete or truncate on ${sql.table(table)}
      for each statement execute function essaim_counted_changed()`.execute(db);
  const counted: Record<string, string[]> = {
    meetings: ['status', 'slot_id'],
    investment_leads: ['stage', 'amount_eur', 'invested_on'],
    conference_slots: ['starts_at'],
  };
  for (const [table, columns] of Object.entries(counted)) {
    const changed = sql.join(
      columns.map((c) => sql`old.${sql.ref(c)} is distinct from new.${sql.ref(c)}`),
      sql` or `,
    );
    await sql`create trigger ${sql.id(`${table}_counted_column_changed`)} after update on ${sql.table(table)}
      for each row when (${changed}) execute function essaim_counted_changed()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    'investment_leads',
    'meeting_feedback',
    'meetings',
    'meeting_requests',
    'conference_availability',
    'conference_availability_lists',
    'conference_slots',
    'conference_settings',
  ])
    await sql`drop table ${sql.table(table)}`.execute(db);
}
