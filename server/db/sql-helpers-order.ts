import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { offsetOf } from './sql-helpers';

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
