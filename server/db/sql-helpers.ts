import { type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { TerritoryFilter } from '../../shared/schemas/common';
import { fold, searchTerms } from '../../shared/text';

/**
 * A weighted French tsvector from pieces of text, folded first so that accents
 * and case never matter (the query side is folded the same way).
 * `searchVector([[name, 'A'], [summary, 'B']])`.
 */
export function searchVector(parts: Array<[string | null | undefined, 'A' | 'B' | 'C' | 'D']>): RawBuilder<unknown> {
  const pieces = parts.map(([text, weight]) => sql`setweight(to_tsvector('french', ${fold(text ?? '')}), ${sql.lit(weight)})`);
  return sql`(${sql.join(pieces, sql` || `)})`;
}

/** The tsquery for a search box: every word, as a prefix. Undefined when no word remains. */
export function tsQuery(q: string | undefined): RawBuilder<unknown> | undefined {
  const terms = q ? searchTerms(q) : [];
  if (terms.length === 0) return undefined;
  return sql`to_tsquery('french', ${terms.map((t) => `${t}:*`).join(' & ')})`;
}

export function matches(column: Expression<unknown> | RawBuilder<unknown>, query: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} @@ ${query}`;
}

export type CommuneParents = Map<string, { epci_code: string | null; departement_code: string; region_code: string }>;

/** The EPCI, département and région of communes, read once for a batch of rows. */
// biome-ignore lint/suspicious/noExplicitAny: any executor of the Essaim schema
export async function communeParents(db: Kysely<any>, codes: Array<string | null | undefined>): Promise<CommuneParents> {
  const unique = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  const out: CommuneParents = new Map();
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db
      .selectFrom('communes')
      .select(['code', 'epci_code', 'departement_code', 'region_code'])
      .where('code', 'in', unique.slice(i, i + 5000))
      .execute();
    for (const r of rows) out.set(r.code, r);
  }
  return out;
}

/**
 * The territory columns of a row located in a commune (copied so that
 * territory filters are index-only): `{ ...territoryColumns(code, parents) }`.
 * An unknown commune gives nulls; its foreign key then refuses the row.
 */
export function territoryColumns(communeCode: string | null | undefined, parents: CommuneParents) {
  const p = communeCode ? parents.get(communeCode) : undefined;
  return { epci_code: p?.epci_code ?? null, departement_code: p?.departement_code ?? null, region_code: p?.region_code ?? null };
}

/** A row with territory columns (alias `table`) lies in the filter territory. */
export function locatedIn(table: string, t: TerritoryFilter): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.${t.kind}_code`)} = ${t.code}`;
}

const communeColumn = { commune: 'code', epci: 'epci_code', departement: 'departement_code', region: 'region_code' } as const;

/**
 * A perimeter table (one territory per row) shares at least one commune with
 * the filter territory. `nationalWhenEmpty` makes an owner without perimeter
 * rows match everywhere (a fund with no listed territory is national).
 */
export function perimeterOverlaps(
  table: 'collective_perimeter' | 'fund_territories',
  ownerColumn: 'collective_id' | 'fund_id',
  ownerId: RawBuilder<unknown>,
  t: TerritoryFilter,
  nationalWhenEmpty = false,
): RawBuilder<SqlBool> {
  const p = sql.table(table);
  const owner = sql.ref(`p.${ownerColumn}`);
  const overlap = sql<SqlBool>`exists (
    select 1 from ${p} as p join communes c on
      c.code = p.commune_code or c.epci_code = p.epci_code
      or c.departement_code = p.departement_code or c.region_code = p.region_code
    where ${owner} = ${ownerId} and c.${sql.ref(communeColumn[t.kind])} = ${t.code})`;
  if (!nationalWhenEmpty) return overlap;
  return sql<SqlBool>`(${overlap} or not exists (select 1 from ${p} as p where ${owner} = ${ownerId}))`;
}

/** A row's creation and last-change times as the API gives them (ISO 8601). */
export const timestampsOf = (r: { created_at: Date; updated_at: Date }) => ({ createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });

export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/**
 * Lists count their matches exactly up to this many, then say "more than"
 * (like search engines do): counting 100,000 matches costs more than the page.
 */
export const COUNT_CAP = 10_000;

// biome-ignore lint/suspicious/noExplicitAny: any list query of any table
export async function cappedCount(db: Kysely<any>, q: SelectQueryBuilder<any, any, any>): Promise<number> {
  const r = await db
    .selectFrom(
      q
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('m'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}
