import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely dialect for PGlite. PGlite is a single connection, so the driver hands
 * it out to one user at a time: a transaction opened by one request must never
 * see another request's statements interleaved.
 */
export class PGliteDialect implements Dialect {
  private driver: PGliteDriver | undefined;
  constructor(private readonly pglite: PGlite) {}
  /** The one connection: in use or not, and how many statements or transactions wait for it (metrics). */
  stats() {
    return { busy: this.driver?.busy ?? false, waiting: this.driver?.waiting ?? 0 };
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    this.driver = new PGliteDriver(this.pglite);
    return this.driver;
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  busy = false;
  waiting = 0;

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => {
      release = r;
    });
    this.waiting++;
    await previous;
    this.waiting--;
    this.busy = true;
    this.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery({ sql: `begin${level}`, parameters: [] } as unknown as CompiledQuery);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }

  async releaseConnection() {
    const release = this.release;
    this.release = undefined;
    this.busy = false;
    release?.();
  }

  async destroy() {}
}

/** Statements kept prepared (least recently used first out). */
const STATEMENT_CACHE_SIZE = 64;
let statementCounter = 0;

/** Data-changing SQL that reuses prepared plans safely; anything else (DDL…) empties the cache. */
const PLAN_SAFE = /^\s*(select|with|insert|update|delete|begin|commit|rollback|savepoint|release)\b/i;

function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * One PGlite connection. A statement with parameters is prepared once under
 * a name and then only bound and executed, in a single call into PGlite:
 * PGlite's own `query` parses, describes and plans the statement again each
 * time, in five calls — most of what a small read costs on the embedded
 * database. PostgreSQL keeps the plans valid itself (a schema change
 * re-plans); a statement that is not a plain read or write (DDL) also
 * empties the cache, so no cached statement outlives its result shape.
 */
class PGliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, { name: string; types: number[] }>();
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (compiled.parameters.length === 0 || !PLAN_SAFE.test(compiled.sql)) {
      if (!PLAN_SAFE.test(compiled.sql)) await this.forgetStatements();
      return this.viaQuery<R>(compiled);
    }
    const res = await this.pglite.runExclusive(async () => {
      const statement = await this.prepared(compiled.sql);
      const values = compiled.parameters.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serializer = this.pglite.serializers[statement.types[i] as number];
        return serializer ? serializer(v) : String(v);
      });
      const { messages } = await this.pglite.execProtocol(
        concat([
          protocol.serialize.bind({ statement: statement.name, values }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
        { syncToFs: false },
      );
      // As PGlite's own query does after each statement (a no-op on the Node file system).
      await this.pglite.syncToFs();
      return parse.parseResults(messages, this.pglite.parsers)[0];
    });
    const affected = res?.affectedRows;
    return {
      rows: (res?.rows ?? []) as R[],
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  /** The named statement for this SQL, prepared on first use (inside runExclusive). */
  private async prepared(text: string) {
    const kept = this.statements.get(text);
    if (kept) {
      // Most recently used last.
      this.statements.delete(text);
      this.statements.set(text, kept);
      return kept;
    }
    const name = `essaim_${++statementCounter}`;
    const { messages } = await this.pglite.execProtocol(
      concat([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    this.statements.set(text, statement);
    if (this.statements.size > STATEMENT_CACHE_SIZE) {
      const [oldText, oldest] = this.statements.entries().next().value as [string, { name: string }];
      this.statements.delete(oldText);
      await this.pglite.execProtocol(concat([protocol.serialize.close({ type: 'S', name: oldest.name }), protocol.serialize.sync()]), { syncToFs: false });
    }
    return statement;
  }

  private async forgetStatements() {
    if (this.statements.size === 0) return;
    const names = [...this.statements.values()].map((s) => s.name);
    this.statements.clear();
    await this.pglite.runExclusive(() =>
      this.pglite.execProtocol(concat([...names.map((name) => protocol.serialize.close({ type: 'S', name })), protocol.serialize.sync()]), { syncToFs: false }),
    );
  }

  private async viaQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.pglite.query<R>(compiled.sql, [...compiled.parameters]);
    const affected = res.affectedRows;
    return {
      rows: res.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; streaming is not offered
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}
