import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the catalog is read before and whatever the Essaim schema
type Any = Kysely<any>;

export interface TableShape {
  name: string;
  /** Stored columns in their order (generated columns are recomputed by the database). */
  columns: string[];
  /** Primary key columns: the order rows are read in, page after page. */
  key: string[];
  /** Identity columns: restored with their values, then their sequence moved past them. */
  identity: string[];
}

/** The tables of the public schema (Kysely's migration bookkeeping apart), with what a dump and a load need to know. */
export async function tableShapes(db: Any, skip: readonly string[]): Promise<TableShape[]> {
  const r = await sql<{ name: string; columns: string[]; key: string[] | null; identity: string[] | null }>`
    select c.relname as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum) as columns,
      array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = c.oid and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)) as key,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attidentity <> '' order by a.attnum) as identity
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all(${[...skip]})
    order by c.relname`.execute(db);
  return r.rows.map((t) => ({ name: t.name, columns: t.columns, key: t.key ?? [], identity: t.identity ?? [] }));
}

/** Foreign keys between tables of the public schema: child → parent. */
export async function foreignKeys(db: Any): Promise<Array<{ child: string; parent: string }>> {
  const r = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent
    from pg_constraint k
    join pg_class ch on ch.oid = k.conrelid join pg_namespace n on n.oid = ch.relnamespace
    join pg_class pa on pa.oid = k.confrelid
    where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  return r.rows;
}

/** Whether the public schema holds any table at all (a restore does not write over a database in use). */
export async function hasTables(db: Any): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** Empty the public schema: every table, type and function of Essaim goes (`--force`). */
export async function dropPublicSchema(db: Any) {
  await sql`drop schema if exists public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}

/**
 * One page of a table’s rows as JSON text (`to_jsonb`: the same text on
 * PostgreSQL and PGlite), in primary-key order, after the row `after` (the
 * previous page's last row, itself as JSON). A table without a primary key is
 * read in one page.
 */
export async function rowPage(db: Any, t: TableShape, after: string | undefined, limit: number): Promise<string[]> {
  const table = sql.table(`public.${t.name}`);
  const cols = sql.join(t.key.map((k) => sql.ref(`t.${k}`)));
  const prev = sql.join(t.key.map((k) => sql.ref(`p.${k}`)));
  // jsonb: one text for the same row on PostgreSQL and PGlite (keys in a fixed order).
  const json = sql`to_jsonb(t)::text`;
  if (t.key.length === 0) {
    const r = await sql<{ j: string }>`select ${json} as j from ${table} as t order by t::text`.execute(db);
    return r.rows.map((x) => x.j);
  }
  const where = after ? sql`where (${cols}) > (select ${prev} from json_populate_record(null::${table}, ${after}::json) as p)` : sql``;
  const r = await sql<{ j: string }>`select ${json} as j from ${table} as t ${where} order by ${cols} limit ${limit}`.execute(db);
  return r.rows.map((x) => x.j);
}

/** Insert rows given as JSON objects (one statement per batch), identity values kept. */
export async function insertRows(db: Any, t: TableShape, rows: string[]) {
  if (rows.length === 0) return;
  const table = sql.table(`public.${t.name}`);
  const cols = sql.join(t.columns.map((c) => sql.ref(c)));
  const picked = sql.join(t.columns.map((c) => sql.ref(`r.${c}`)));
  const overriding = t.identity.length ? sql`overriding system value` : sql``;
  await sql`insert into ${table} (${cols}) ${overriding}
    select ${picked} from json_populate_recordset(null::${table}, ${`[${rows.join(',')}]`}::json) as r`.execute(db);
}

/** After a load, each identity sequence continues after the largest value restored. */
export async function resetIdentity(db: Any, t: TableShape) {
  for (const c of t.identity) {
    await sql`select setval(pg_get_serial_sequence(${`public.${t.name}`}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(`public.${t.name}`)}), 0) + 1, false)`.execute(
      db,
    );
  }
}

/** Timestamps as JSON in UTC whatever the server's TimeZone, so that a row reads the same on every database (inside a transaction). */
export async function utcForThisTransaction(db: Any) {
  await sql`set local time zone 'UTC'`.execute(db);
}

/**
 * Before a load: the rows that migrations put in (a version counter, default
 * settings) go, since the backup holds every table whole, and the tables'
 * own triggers stand still (the rows arrive as they were, counters included).
 */
export async function prepareLoad(db: Any, tables: string[]) {
  if (tables.length === 0) return;
  for (const t of tables) await sql`alter table ${sql.table(`public.${t}`)} disable trigger user`.execute(db);
  await sql`truncate ${sql.join(tables.map((t) => sql.table(`public.${t}`)))}`.execute(db);
}

/** After a load: the tables' triggers work again. */
export async function finishLoad(db: Any, tables: string[]) {
  for (const t of tables) await sql`alter table ${sql.table(`public.${t}`)} enable trigger user`.execute(db);
}
