import { type Kysely, sql } from 'kysely';

/**
 * OpenID Connect (ProConnect): sign-ins in progress (PKCE verifier, nonce,
 * stored under the hash of their `state`), the provider identities linked to
 * accounts, and the ID token a session needs to end the provider's session.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table oidc_logins (
      state_hash text primary key,
      code_verifier text not null,
      nonce text not null,
      return_to text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`
    create table account_identities (
      issuer text not null,
      subject text not null,
      account_id uuid not null references accounts(id) on delete cascade,
      siret text check (siret ~ '^[0-9]{14}$'),
      -- given_name usual_name, as the provider says (the account's name when no directory person matches)
      name text,
      created_at timestamptz not null default now(),
      last_login_at timestamptz not null default now(),
      primary key (issuer, subject)
    )`.execute(db);
  await sql`create index account_identities_account on account_identities(account_id)`.execute(db);
  await sql`alter table sessions add column id_token text`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table sessions drop column id_token`.execute(db);
  await sql`drop table account_identities`.execute(db);
  await sql`drop table oidc_logins`.execute(db);
}
