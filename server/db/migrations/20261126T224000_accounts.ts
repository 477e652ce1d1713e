import { type Kysely, sql } from 'kysely';

/** Accounts (password hashed with argon2id), sessions and personal API tokens, stored hashed. */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table accounts (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
      password_hash text,
      person_id uuid references people(id) on delete set null,
      roles jsonb not null default '[]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index accounts_email on accounts(lower(email))`.execute(db);
  await sql`
    create table sessions (
      token_hash text primary key,
      account_id uuid not null references accounts(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_account on sessions(account_id)`.execute(db);
  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id) on delete cascade,
      name text not null check (length(btrim(name)) between 1 and 100),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_tokens_account on api_tokens(account_id)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const t of ['api_tokens', 'sessions', 'accounts']) await sql`drop table ${sql.raw(t)}`.execute(db);
}
