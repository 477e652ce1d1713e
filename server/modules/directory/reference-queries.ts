import type { TerritoryFilter } from '../../../shared/schemas/common';
import type { Executor } from '../../db/connection';
import type { RefTable } from './references';

/** Which of these keys (ids or codes) the table holds, in queries of 5,000 keys at most. */
export async function existingKeys(db: Executor, table: RefTable, key: 'code' | 'id', values: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < values.length; i += 5000) {
    const rows = await db
      .selectFrom(table)
      .select(`${key} as k` as 'code')
      .where(key as 'code', 'in', values.slice(i, i + 5000))
      .execute();
    for (const r of rows) found.add((r as unknown as { k: string }).k);
  }
  return found;
}

const territoryTable = { commune: 'communes', epci: 'epcis', departement: 'departements', region: 'regions' } as const;

export async function territoryExists(db: Executor, t: TerritoryFilter): Promise<boolean> {
  const row = await db.selectFrom(territoryTable[t.kind]).select('code').where('code', '=', t.code).executeTakeFirst();
  return row !== undefined;
}
