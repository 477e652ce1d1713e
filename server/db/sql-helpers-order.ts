import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { DB as Schema } from './schema';
import { cappedCount, offsetOf, tsQuery } from './sql-helpers';

/**
 * Order a list query by a `sort` value ("name", "-name", "relevance"…) using
 * the expression each sort key stands for, then by id so pages are stable, and
 * cut the requested page (`limit` undefined = every row, for exports).
 */
export function orderAndPage<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  opts: {
    sort: string;
    keys: Record<string, RawBuilder<unknown>>;
    rank?: RawBuilder<unknown> | undefined;
    idColumn: string;
    page: number;
    limit?: number | undefined;
  },
) {
  const desc = opts.sort.startsWith('-');
  const key = desc ? opts.sort.slice(1) : opts.sort;
  let out = q;
  if (key === 'relevance' && opts.rank) out = out.orderBy(sql`${opts.rank}`, 'desc');
  const expr = opts.keys[key] ?? Object.values(opts.keys)[0];
  if (expr) out = out.orderBy(sql`${expr}`, (ob) => (desc ? ob.desc() : ob.asc()).nullsLast());
  out = out.orderBy(sql.ref(opts.idColumn) as never);
  if (opts.limit !== undefined) out = out.limit(opts.limit).offset(offsetOf(opts.page, opts.limit));
  return out;
}

/**
 * Ranking by relevance reads every match; past this many matches a list is
 * ordered alphabetically instead (the name index then yields a page at once).
 */
export const RANK_LIMIT = 5_000;
export interface RankOptions {
  /** False: order a search by name, not by relevance (too many matches to rank). */
  rank?: boolean;
}

/** Records made from `rows`, in the order of `ids` (a list page's order); an id without a row is left out. */
export function inIdOrder<R extends { id: string }, T>(ids: string[], rows: R[], toRecord: (row: R) => T): T[] {
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What every directory list query carries: the search words, the sort and the page. */
interface ListParams {
  q?: string | undefined;
  sort?: string | undefined;
  page: number;
}

/**
 * The count and the ids of one page of a directory list, from the query that
 * filters it: a search is ordered by relevance on its `search` column, unless
 * `RankOptions.rank` is false; otherwise by `sort`, then by the other `keys`.
 *
 * @example
 * export const { count: countFunds, listIds: listFundIds } = listQueries(filtered, {
 *   id: 'f.id', search: 'f.search', sort: 'name', keys: { name: sql`lower(f.name)` },
 * });
 */
export function listQueries<Db extends Kysely<Schema>, F, DB, TB extends keyof DB, O>(
  filtered: (db: Db, f: F) => SelectQueryBuilder<DB, TB, O>,
  spec: { id: string; search: string; sort: string; keys: Record<string, RawBuilder<unknown>> },
) {
  return {
    count: (db: Db, f: F) => cappedCount(db, filtered(db, f)),
    async listIds(db: Db, f: F & ListParams, limit?: number, opts: RankOptions = {}): Promise<string[]> {
      const query = tsQuery(f.q);
      const q = orderAndPage(filtered(db, f).select(sql.ref<string>(spec.id).as('id')).$castTo<{ id: string }>(), {
        sort: f.sort ?? (query ? 'relevance' : spec.sort),
        keys: spec.keys,
        rank: opts.rank === false ? undefined : query && sql`ts_rank(${sql.ref(spec.search)}, ${query})`,
        idColumn: spec.id,
        page: f.page,
        limit,
      });
      return (await q.execute()).map((r) => r.id);
    },
  };
}
