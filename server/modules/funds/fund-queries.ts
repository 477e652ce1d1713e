import { type SqlBool, sql } from 'kysely';
import type { Fund, FundInput, FundListQuery } from '../../../shared/schemas/fund';
import { matches, perimeterOverlaps, searchVector, timestampsOf, tsQuery } from '../../db/sql-helpers';
import { inIdOrder, listQueries } from '../../db/sql-helpers-order';
import type { Executor } from '../../db/connection';
import { readPerimeters, writePerimeter } from '../territories/perimeter-queries';

function filtered(db: Executor, f: FundListQuery) {
  const query = tsQuery(f.q);
  return db.selectFrom('funds as f').where((eb) => {
    const c = [];
    if (query) c.push(matches(sql.ref('f.search'), query));
    // A fund with no listed territory invests nationwide.
    if (f.territory) c.push(perimeterOverlaps('fund_territories', 'fund_id', sql.ref('f.id'), f.territory, true));
    // A fund with no listed theme finances every theme (as the matching engine reads it).
    if (f.theme?.length)
      c.push(
        sql<SqlBool>`(exists (select 1 from fund_themes t where t.fund_id = f.id and t.theme_code in (${sql.join(f.theme)})) or not exists (select 1 from fund_themes t where t.fund_id = f.id))`,
      );
    if (f.stage) c.push(sql<SqlBool>`(${f.stage} = any(f.stages) or cardinality(f.stages) = 0)`);
    if (f.instrument) c.push(sql<SqlBool>`${f.instrument} = any(f.instruments)`);
    if (f.frenchImpact !== undefined) c.push(eb('f.french_impact', '=', f.frenchImpact));
    if (f.manager) c.push(eb('f.manager_id', '=', f.manager));
    if (f.amount !== undefined) c.push(sql<SqlBool>`coalesce(f.ticket_min_eur, 0) <= ${f.amount} and coalesce(f.ticket_max_eur, ${f.amount}) >= ${f.amount}`);
    return eb.and(c);
  });
}

export const { count: countFunds, listIds: listFundIds } = listQueries(filtered, {
  id: 'f.id',
  search: 'f.search',
  sort: 'name',
  keys: { name: sql`lower(f.name)`, amount: sql`f.amount_mobilisable_eur` },
});

export async function getFunds(db: Executor, ids: string[]): Promise<Fund[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('funds as f')
    .leftJoin('organisations as o', 'o.id', 'f.manager_id')
    .selectAll('f')
    .select([
      'o.name as manager_name',
      sql<string[]>`coalesce((select array_agg(theme_code order by theme_code) from fund_themes t where t.fund_id = f.id), '{}')`.as('themes'),
    ])
    .where('f.id', 'in', ids)
    .execute();
  const territories = await readPerimeters(db, 'fund_territories', 'fund_id', ids);
  return inIdOrder(
    ids,
    rows,
    (r): Fund => ({
      id: r.id,
      name: r.name,
      managerId: r.manager_id,
      managerName: r.manager_name,
      frenchImpact: r.french_impact,
      amountMobilisableEur: r.amount_mobilisable_eur,
      themes: r.themes,
      territories: territories.get(r.id) ?? [],
      stages: r.stages as Fund['stages'],
      instruments: r.instruments as Fund['instruments'],
      ticketMinEur: r.ticket_min_eur,
      ticketMaxEur: r.ticket_max_eur,
      description: r.description,
      ...timestampsOf(r),
    }),
  );
}

function toRow(f: FundInput) {
  return {
    name: f.name,
    manager_id: f.managerId ?? null,
    french_impact: f.frenchImpact ?? true,
    amount_mobilisable_eur: f.amountMobilisableEur,
    stages: f.stages ?? [],
    instruments: f.instruments ?? [],
    ticket_min_eur: f.ticketMinEur ?? null,
    ticket_max_eur: f.ticketMaxEur ?? null,
    description: f.description ?? '',
    search: searchVector([
      [f.name, 'A'],
      [f.description, 'C'],
    ]),
  };
}

async function writeLinks(db: Executor, id: string, f: FundInput) {
  await writePerimeter(db, 'fund_territories', 'fund_id', id, f.territories ?? []);
  await db.deleteFrom('fund_themes').where('fund_id', '=', id).execute();
  const themes = [...new Set(f.themes ?? [])];
  if (themes.length)
    await db
      .insertInto('fund_themes')
      .values(themes.map((t) => ({ fund_id: id, theme_code: t })))
      .execute();
}

export async function insertFunds(db: Executor, items: FundInput[], ids?: string[]) {
  const out: string[] = [];
  for (const [i, f] of items.entries()) {
    const row = await db
      .insertInto('funds')
      .values({ ...toRow(f), ...(ids ? { id: ids[i] } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(db, row.id, f);
    out.push(row.id);
  }
  return out;
}

export async function updateFund(db: Executor, id: string, f: FundInput) {
  await db
    .updateTable('funds')
    .set({ ...toRow(f), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await writeLinks(db, id, f);
}

export async function deleteFund(db: Executor, id: string) {
  return Number((await db.deleteFrom('funds').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}
