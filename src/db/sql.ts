import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Knex } from 'knex';

export type Param = string | number | null;
export type Row = Record<string, unknown>;

/**
 * How the repositories talk to the database: SQL text written once with `?` placeholders, run
 * as a statement prepared once per connection. knex builds no SQL on the request path; it stays
 * the migration runner.
 */
export interface Sql {
  engine: 'sqlite' | 'postgres';
  /** The first row, or undefined. */
  one<T = Row>(text: string, params?: Param[]): Promise<T | undefined>;
  all<T = Row>(text: string, params?: Param[]): Promise<T[]>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(text: string, params?: Param[]): Promise<number>;
  /** Runs `work` in one transaction: all of its writes, or none. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

/** `?, ?, ?` for an IN list of n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * better-sqlite3 runs each statement synchronously, so a statement is atomic on the event loop
 * and needs no pool. Only a transaction spans awaits: while one is open, statements from other
 * requests wait for it, as they would for the one pooled connection, so nobody reads half of it.
 */
export function sqliteSql(conn: Database, maxStatements = 256): Sql {
  const cache = new Map<string, Statement>();
  const prepared = (text: string) => {
    let statement = cache.get(text);
    if (statement === undefined) {
      if (cache.size >= maxStatements) cache.delete(cache.keys().next().value as string);
      statement = conn.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
  // The transaction in progress; checked again after every wait, so two never overlap.
  let open: Promise<unknown> | undefined;
  const settled = () => open?.catch(() => {});

  const inside: Sql = {
    engine: 'sqlite',
    // A write's RETURNING row is read with all(): get() stops at the first row, and better-sqlite3
    // ignores the error of the commit that follows (SQLITE_FULL, SQLITE_BUSY), answering a row never stored.
    one: async <T>(text: string, params: Param[] = []) => {
      const statement = prepared(text);
      return (statement.readonly ? statement.get(...params) : statement.all(...params)[0]) as T | undefined;
    },
    all: async <T>(text: string, params: Param[] = []) => prepared(text).all(...params) as T[],
    run: async (text: string, params: Param[] = []) => prepared(text).run(...params).changes,
    transaction: (work) => work(inside),
  };

  return {
    engine: 'sqlite',
    async one(text, params) {
      while (open) await settled();
      return inside.one(text, params);
    },
    async all(text, params) {
      while (open) await settled();
      return inside.all(text, params);
    },
    async run(text, params) {
      while (open) await settled();
      return inside.run(text, params);
    },
    async transaction(work) {
      while (open) await settled();
      const done = (async () => {
        prepared('BEGIN IMMEDIATE').run();
        try {
          const result = await work(inside);
          prepared('COMMIT').run();
          return result;
        } catch (err) {
          if (conn.inTransaction) prepared('ROLLBACK').run();
          throw err;
        }
      })();
      open = done;
      try {
        return await done;
      } finally {
        if (open === done) open = undefined;
      }
    },
  };
}

/** A name per statement text, so PostgreSQL parses and plans it once per connection. */
const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (name === undefined) {
    name = `q${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
};

/** The text with its `?` placeholders numbered as PostgreSQL's `$1, $2, …`, once per statement text. */
const numbered = new Map<string, string>();
const numberedOf = (text: string) => {
  let out = numbered.get(text);
  if (out === undefined) {
    let n = 0;
    out = text.replace(/\?/g, () => `$${++n}`);
    numbered.set(text, out);
  }
  return out;
};

interface PgResult {
  rows: Row[];
  rowCount: number | null;
}
/** What knex's pg client hands out of its pool: a node-postgres client. */
interface PgConnection {
  query(config: { name: string; text: string; values: Param[] }): Promise<PgResult>;
}
interface PooledClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/**
 * PostgreSQL as named prepared statements (node-postgres prepares one on a connection the first
 * time it runs there), on a connection from knex's pool, so the process keeps one pool with its
 * size, statement timeout and search path. A statement outside a transaction goes straight to the
 * connection: knex's query runner (its Raw object, placeholder rewriting, events and promise hops
 * per query) cost more than the query's own round trip on a primary-key read. In a transaction
 * the statements run on the transaction's connection through knex.
 */
export function postgresSql(db: Knex): Sql {
  const pool = db.client as PooledClient;
  const query = async (text: string, params: Param[] = []) => {
    const connection = await pool.acquireConnection();
    try {
      return await connection.query({ name: nameOf(text), text: numberedOf(text), values: params });
    } finally {
      void pool.releaseConnection(connection);
    }
  };
  return postgresRunner(query, (work) => db.transaction((trx) => work(transactionSql(trx))));
}

/** The statements of one transaction, on its connection (knex numbers the placeholders). */
function transactionSql(trx: Knex.Transaction): Sql {
  const query = (text: string, params: Param[] = []) =>
    trx.raw(text, params).options({ name: nameOf(text) }) as unknown as Promise<PgResult>;
  // A nested transaction joins the one already open, as on SQLite.
  const inside: Sql = postgresRunner(query, (work) => work(inside));
  return inside;
}

/** One, all and run over a way to send a statement, and what a transaction means there. */
function postgresRunner(query: (text: string, params?: Param[]) => Promise<PgResult>, transaction: Sql['transaction']): Sql {
  return {
    engine: 'postgres',
    one: async <T>(text: string, params?: Param[]) => (await query(text, params)).rows[0] as T | undefined,
    all: async <T>(text: string, params?: Param[]) => (await query(text, params)).rows as T[],
    run: async (text, params) => (await query(text, params)).rowCount ?? 0,
    transaction,
  };
}
