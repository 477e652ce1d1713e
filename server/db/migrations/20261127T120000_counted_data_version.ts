import { type Kysely, sql } from 'kysely';

/**
 * A version number of the data that the key figures and the map count,
 * moved by triggers whenever a row they count appears, goes, or changes in a
 * counted column — and not when a description or a name changes. The figures'
 * memo (stats-service.ts) recounts when this version moves, on whichever
 * server or command the write came from. Until now it followed the database
 * snapshot, which every write moves: under a steady trickle of edits, every
 * request for the figures recounted whole tables.
 *
 * A new figure that counts another table or column adds its trigger here
 * (in a new migration); stats.test.ts checks each one.
 */
const WHOLE_TABLES = [
  'collectives',
  'collective_perimeter',
  'pioneers',
  'pioneer_champions',
  'sector_programmes',
  'regions',
  'departements',
  'communes',
] as const;
// Large tables edited often: only their counted columns move the version.
const COUNTED_COLUMNS: Record<string, string[]> = {
  projects: ['stage', 'departement_code', 'region_code'],
  organisations: ['kind'],
  people: ['is_advisor', 'is_public_sponsor', 'administration_id'],
  funds: ['french_impact', 'amount_mobilisable_eur'],
};

export async function up(db: Kysely<unknown>) {
  await sql`create table essaim_data_versions (name text primary key, version bigint not null default 0)`.execute(db);
  await sql`insert into essaim_data_versions (name) values ('counted')`.execute(db);
  await sql`
    create function essaim_counted_changed() returns trigger language plpgsql as $$
    begin
      insert into essaim_data_versions (name, version) values ('counted', 1)
        on conflict (name) do update set version = essaim_data_versions.version + 1;
      return null;
    end $$`.execute(db);
  for (const table of [...WHOLE_TABLES, ...Object.keys(COUNTED_COLUMNS)]) {
    const every = WHOLE_TABLES.includes(table as (typeof WHOLE_TABLES)[number]);
    await sql`create trigger ${sql.id(`${table}_counted_changed`)} after insert or delete ${every ? sql`or update` : sql``} or truncate on ${sql.table(table)}
      for each statement execute function essaim_counted_changed()`.execute(db);
  }
  for (const [table, columns] of Object.entries(COUNTED_COLUMNS)) {
    const changed = sql.join(
      columns.map((c) => sql`old.${sql.ref(c)} is distinct from new.${sql.ref(c)}`),
      sql` or `,
    );
    await sql`create trigger ${sql.id(`${table}_counted_column_changed`)} after update on ${sql.table(table)}
      for each row when (${changed}) execute function essaim_counted_changed()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const table of Object.keys(COUNTED_COLUMNS)) await sql`drop trigger ${sql.id(`${table}_counted_column_changed`)} on ${sql.table(table)}`.execute(db);
  for (const table of [...WHOLE_TABLES, ...Object.keys(COUNTED_COLUMNS)])
    await sql`drop trigger ${sql.id(`${table}_counted_changed`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function essaim_counted_changed()`.execute(db);
  await sql`drop table essaim_data_versions`.execute(db);
}
