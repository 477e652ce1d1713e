import { sql } from 'kysely';
import type { Executor } from '../../db/connection';
import { countedVersionSql } from '../../db/snapshot-queries';

/**
 * Key figures, each counted from the records, in one statement (one scan per
 * table, the projects per stage included) with the version of the counted data they
 * were read in.
 */
export async function keyFigures(db: Executor, year: number | null = null) {
  const r = await sql<{
    collectives: number;
    projects: number;
    pioneers: number;
    champions: number;
    funds: number;
    funds_eur: number;
    advisors: number;
    public_sponsors: number;
    administrations: number;
    siae: number;
    sector_programmes: number;
    sponsorships_active: number;
    organisations: number;
    people: number;
    departements: number;
    regions: number;
    by_stage: Record<string, number>;
    meetings_held: number;
    invested_eur: number;
    snapshot: string;
  }>`select
      (select count(*)::int from collectives) as collectives,
      pr.projects,
      (select count(distinct p.departement_code)::int from projects p join departements d on d.code = p.departement_code where d.zone <> 'com') as departements,
      (select count(distinct p.region_code)::int from projects p join regions r on r.code = p.region_code where r.zone <> 'com') as regions,
      (select count(*)::int from pioneers) as pioneers,
      (select count(distinct organisation_id)::int from pioneer_champions) as champions,
      f.funds, f.funds_eur,
      pe.people, pe.advisors, pe.public_sponsors, pe.administrations,
      o.organisations, o.siae,
      (select count(*)::int from sector_programmes) as sector_programmes,
      (select count(*)::int from sponsorships where status = 'active') as sponsorships_active,
      (select coalesce(json_object_agg(stage, n), '{}'::json) from (select stage, count(*)::int as n from projects group by stage) s) as by_stage,
      -- Meetings held, by the date of their slot (Paris); amounts invested, by the investment's date.
      (select count(*)::int from meetings m join conference_slots s on s.id = m.slot_id
        where m.status = 'held' and (${year}::int is null or extract(year from s.starts_at at time zone 'Europe/Paris') = ${year}::int)) as meetings_held,
      (select coalesce(sum(amount_eur), 0)::float8 from investment_leads
        where stage = 'invested' and (${year}::int is null or extract(year from invested_on) = ${year}::int)) as invested_eur,
      ${countedVersionSql} as snapshot
    from
      (select count(*)::int as projects from projects) pr,
      (select count(*)::int as funds, coalesce(sum(amount_mobilisable_eur), 0)::float8 as funds_eur from funds where french_impact) f,
      (select count(*)::int as people,
              (count(*) filter (where is_advisor))::int as advisors,
              (count(*) filter (where is_public_sponsor))::int as public_sponsors,
              (count(distinct administration_id) filter (where is_public_sponsor))::int as administrations
         from people) pe,
      (select count(*)::int as organisations, (count(*) filter (where kind = 'siae'))::int as siae from organisations) o`.execute(db);
  const { by_stage, snapshot, ...figures } = r.rows[0] as NonNullable<(typeof r.rows)[0]>;
  return { figures, byStage: by_stage, snapshot };
}

/**
 * Collectives and projects per département or région, every territory listed
 * (zeros included) for the map, or only those with a project (`coveredOnly`:
 * the list behind the « départements couverts » figure), with the version of
 * the counted data they were read in. A collective counts wherever its perimeter reaches: a
 * région perimeter counts in each of its départements. Overseas
 * collectivities (zone `com`: Saint-Martin, Polynésie…) are neither
 * départements nor régions, and are left out.
 */
export async function countsByTerritory(db: Executor, level: 'departement' | 'region', coveredOnly = false) {
  const table = sql.table(level === 'departement' ? 'departements' : 'regions');
  const column = sql.ref(level === 'departement' ? 'departement_code' : 'region_code');
  const parent = level === 'departement' ? sql`t.region_code` : sql`null::text`;
  const r = await sql<{ code: string; name: string; region_code: string | null; collectives: number; projects: number; snapshot: string }>`
    with reach as (
      select distinct p.collective_id, c.${column} as code
      from collective_perimeter p
      join communes c on c.code = p.commune_code or c.epci_code = p.epci_code
        or c.departement_code = p.departement_code or c.region_code = p.region_code
    ),
    per_collectives as (select code, count(*)::int as n from reach group by code),
    per_projects as (select ${column} as code, count(*)::int as n from projects where ${column} is not null group by ${column})
    select t.code, t.name, ${parent} as region_code, coalesce(pc.n, 0) as collectives, coalesce(pp.n, 0) as projects,
      ${countedVersionSql} as snapshot
    from ${table} t
    left join per_collectives pc on pc.code = t.code
    left join per_projects pp on pp.code = t.code
    where t.zone <> 'com' ${coveredOnly ? sql`and pp.n > 0` : sql``}
    order by t.code`.execute(db);
  return r.rows;
}
