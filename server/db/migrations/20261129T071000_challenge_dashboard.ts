import { type Kysely, sql } from 'kysely';

/**
 * Challenges' dashboard at scale (issue 16): each enrolment carries its
 * structure's région, département and SIAE kind, so that the dashboard counts
 * one table in one scan, never joining the directory.
 * They are copied at enrolment; when a structure moves (its commune, hence its
 * département and région) or changes SIAE kind, the trigger below copies the
 * new values onto its enrolments in the same transaction. A copy gone stale by
 * any other way is recomputed with:
 *   update challenge_enrolments e set region_code = o.region_code, departement_code = o.departement_code, siae_kind = o.siae_kind
 *   from organisations o where o.id = e.organisation_id
 * The stuck list walks the enrolments by stage date (index below).
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table challenge_enrolments add column region_code text, add column departement_code text, add column siae_kind text`.execute(db);
  await sql`
    update challenge_enrolments e set region_code = o.region_code, departement_code = o.departement_code, siae_kind = o.siae_kind
    from organisations o where o.id = e.organisation_id`.execute(db);
  await sql`create index challenge_enrolments_stage on challenge_enrolments(challenge_id, stage_since)`.execute(db);
  await sql`
    create function essaim_challenge_enrolments_moved() returns trigger language plpgsql as $$
    begin
      update challenge_enrolments set region_code = new.region_code, departement_code = new.departement_code, siae_kind = new.siae_kind
        where organisation_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger organisations_challenge_enrolments_moved after update of region_code, departement_code, siae_kind on organisations
    for each row when (old.region_code is distinct from new.region_code or old.departement_code is distinct from new.departement_code
      or old.siae_kind is distinct from new.siae_kind)
    execute function essaim_challenge_enrolments_moved()`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop trigger organisations_challenge_enrolments_moved on organisations`.execute(db);
  await sql`drop function essaim_challenge_enrolments_moved()`.execute(db);
  await sql`drop index challenge_enrolments_stage`.execute(db);
  await sql`alter table challenge_enrolments drop column region_code, drop column departement_code, drop column siae_kind`.execute(db);
}
