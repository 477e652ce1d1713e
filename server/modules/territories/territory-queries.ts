import { sql } from 'kysely';
import type { Territory, TerritoryListQuery } from '../../../shared/schemas/reference';
import { fold } from '../../../shared/text';
import type { TerritoryKind } from '../../../shared/vocabulary';
import type { Executor } from '../../db/connection';

// One relation over the four levels, so a single search box finds any of them.
const allTerritories = sql`(
  select 'region' as kind, code, name, name_folded, null::int as population, code as region_code, null as departement_code, null as epci_code, 0 as level from regions
  union all select 'departement', code, name, name_folded, null, region_code, code, null, 1 from departements
  union all select 'epci', code, name, name_folded, population, null, null, code, 2 from epcis
  union all select 'commune', code, name, name_folded, population, region_code, departement_code, epci_code, 3 from communes
)`;

const parentColumn = { epci: 'epci_code', departement: 'departement_code', region: 'region_code' } as const;

function where(f: TerritoryListQuery) {
  const conds = [sql`true`];
  const q = f.q ? fold(f.q).trim() : '';
  if (q) {
    // Prefix of the name (or of a word in it), or the exact code / postal code.
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    conds.push(sql`(t.name_folded like ${`${escaped}%`} or t.name_folded like ${`% ${escaped}%`} or t.name_folded like ${`%-${escaped}%`} or t.code = ${q.toUpperCase()}
      or (t.kind = 'commune' and exists (select 1 from communes c where c.code = t.code and ${q} = any(c.postal_codes))))`);
  }
  if (f.kind) conds.push(sql`t.kind = ${f.kind}`);
  if (f.parent) {
    const [kind, code] = f.parent.split(':') as ['epci' | 'departement' | 'region', string];
    conds.push(sql`t.${sql.ref(parentColumn[kind])} = ${code} and t.kind <> ${kind}`);
  }
  return sql.join(conds, sql` and `);
}

/** Every match, in list order (exports). */
export async function exportTerritories(db: Executor, f: TerritoryListQuery) {
  return searchTerritories(db, { ...f, page: 1, pageSize: 1_000_000 });
}

export async function searchTerritories(db: Executor, f: TerritoryListQuery) {
  const q = f.q ? fold(f.q).trim() : '';
  const total = await sql<{ n: number }>`select count(*)::int as n from ${allTerritories} t where ${where(f)}`.execute(db);
  const rows = await sql<Territory>`
    select kind, code, name, population, region_code as "regionCode", departement_code as "departementCode", epci_code as "epciCode"
    from ${allTerritories} t where ${where(f)}
    order by (t.name_folded = ${q}) desc, (t.name_folded like ${`${q}%`}) desc, level, population desc nulls last, name
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return { items: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function getTerritory(db: Executor, kind: TerritoryKind, code: string) {
  const row = (
    await sql<Territory & { postalCodes: string[] | null }>`
    select kind, code, name, population, region_code as "regionCode", departement_code as "departementCode", epci_code as "epciCode",
      (select postal_codes from communes c where t.kind = 'commune' and c.code = t.code) as "postalCodes"
    from ${allTerritories} t where t.kind = ${kind} and t.code = ${code}`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  const communeCount = (
    await sql<{ n: number }>`select count(*)::int as n from communes where ${
      kind === 'commune' ? sql`code = ${code}` : sql`${sql.ref(parentColumn[kind])} = ${code}`
    }`.execute(db)
  ).rows[0]?.n;
  // An EPCI may straddle départements: its parents are those of its communes.
  const parents = (
    await sql<{ kind: TerritoryKind; code: string; name: string }>`
    select distinct p.kind, p.code, p.name, p.level from ${allTerritories} p
    where p.level < (case ${kind} when 'region' then 0 when 'departement' then 1 when 'epci' then 2 else 3 end)
      and exists (select 1 from communes c where ${
        kind === 'commune' ? sql`c.code = ${code}` : sql`c.${sql.ref(parentColumn[kind])} = ${code}`
      } and ((p.kind = 'region' and c.region_code = p.code) or (p.kind = 'departement' and c.departement_code = p.code) or (p.kind = 'epci' and c.epci_code = p.code)))
    order by p.level, p.code`.execute(db)
  ).rows.map(({ kind, code, name }) => ({ kind, code, name }));
  const { postalCodes, ...territory } = row;
  return { ...territory, postalCodes: postalCodes ?? [], communeCount: communeCount ?? 0, parents };
}

/** Communes of a territory, largest first (used by the demo generators). */
export async function communesWithin(db: Executor, kind: TerritoryKind, code: string) {
  const column = kind === 'commune' ? 'code' : parentColumn[kind];
  return db
    .selectFrom('communes')
    .select(['code', 'name', 'population'])
    .where(sql.ref(column), '=', code)
    .orderBy(sql`population desc nulls last`)
    .orderBy('code')
    .execute();
}

/** The largest communes of France, for spreading organisations nationwide. */
export async function largestCommunes(db: Executor, limit: number) {
  return db.selectFrom('communes').select(['code', 'name', 'population']).orderBy(sql`population desc nulls last`).orderBy('code').limit(limit).execute();
}

/** Every commune's code and name, in code order (the national generator). */
export async function allCommunes(db: Executor) {
  return db.selectFrom('communes').select(['code', 'name']).orderBy('code').execute();
}
