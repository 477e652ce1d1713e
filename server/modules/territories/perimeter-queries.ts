import { sql } from 'kysely';
import type { TerritoryKind } from '../../../shared/vocabulary';
import type { Executor } from '../../db/connection';
import type { Reference } from '../directory/references';

type PerimeterTable = 'collective_perimeter' | 'fund_territories';
type OwnerColumn = 'collective_id' | 'fund_id';

export interface PerimeterItem {
  kind: TerritoryKind;
  code: string;
  name: string;
}

const columnOf = { commune: 'commune_code', epci: 'epci_code', departement: 'departement_code', region: 'region_code' } as const;

export function parseTerritoryString(s: string): { kind: TerritoryKind; code: string } {
  const [kind, code] = s.split(':') as [TerritoryKind, string];
  return { kind, code };
}

/** Territories of many owners at once, with their names, in a stable order. */
export async function readPerimeters(db: Executor, table: PerimeterTable, owner: OwnerColumn, ids: string[]) {
  const out = new Map<string, PerimeterItem[]>();
  if (ids.length === 0) return out;
  const rows = await sql<{ owner: string; kind: TerritoryKind; code: string; name: string }>`
    select p.${sql.ref(owner)} as owner,
      case when p.commune_code is not null then 'commune' when p.epci_code is not null then 'epci'
           when p.departement_code is not null then 'departement' else 'region' end as kind,
      coalesce(p.commune_code, p.epci_code, p.departement_code, p.region_code) as code,
      coalesce(c.name, e.name, d.name, r.name) as name
    from ${sql.table(table)} p
    left join communes c on c.code = p.commune_code
    left join epcis e on e.code = p.epci_code
    left join departements d on d.code = p.departement_code
    left join regions r on r.code = p.region_code
    where p.${sql.ref(owner)} in (${sql.join(ids)})
    order by kind desc, code`.execute(db);
  for (const r of rows.rows) out.set(r.owner, [...(out.get(r.owner) ?? []), { kind: r.kind, code: r.code, name: r.name }]);
  return out;
}

/** Replace an owner's territories. */
export async function writePerimeter(db: Executor, table: PerimeterTable, owner: OwnerColumn, id: string, territories: string[]) {
  await db
    .deleteFrom(table)
    .where(owner as 'fund_id', '=', id)
    .execute();
  const unique = [...new Set(territories)];
  if (unique.length === 0) return;
  await db
    .insertInto(table)
    .values(
      unique.map((s) => {
        const t = parseTerritoryString(s);
        return {
          [owner]: id,
          commune_code: null,
          epci_code: null,
          departement_code: null,
          region_code: null,
          [columnOf[t.kind]]: t.code,
        } as never;
      }),
    )
    .execute();
}

/** Territory strings as references to check before writing them. */
export function territoryReferences(path: string, territories: string[] | undefined): Reference[] {
  return (territories ?? []).map((s, i) => {
    const t = parseTerritoryString(s);
    return { table: `${t.kind}s` as Reference['table'], value: t.code, path: `${path}.${i}` };
  });
}
