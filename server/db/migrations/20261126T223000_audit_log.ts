import { type Kysely, sql } from 'kysely';

/** Who changed what, when, with the record before and after. Append-only. */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_kind text not null check (actor_kind in ('system', 'anonymous', 'account')),
      actor_id text,
      action text not null check (action in ('create', 'update', 'delete', 'import')),
      entity text not null,
      record_id text not null,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_log_record on audit_log(entity, record_id, at desc)`.execute(db);
  await sql`create index audit_log_at on audit_log(at desc)`.execute(db);
  await sql`create index audit_log_actor on audit_log(actor_kind, actor_id, at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table audit_log`.execute(db);
}
