import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knex, { type Knex } from 'knex';

export type Db = Knex;

export interface DbOptions {
  /** Most connections a process holds (PostgreSQL; SQLite uses one). */
  poolMax?: number;
  /** PostgreSQL cancels a statement that runs longer. */
  statementTimeoutMs?: number;
  /** PostgreSQL schema to work in; tests give each server its own. */
  schema?: string;
  /** Where knex's own warnings go (a failed connection attempt, with its stack); the console by default. */
  onWarning?: (message: string) => void;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
export const isPostgres = (db: Knex) => db.client.config.client === 'pg';

/** `sqlite::memory:` or `sqlite:<path>`; config.ts has already checked the form. */
export function sqliteFilename(databaseUrl: string): string {
  const rest = databaseUrl.slice('sqlite:'.length);
  return rest === ':memory:' ? ':memory:' : rest;
}

interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): unknown;
}

/**
 * knex prepares every SQLite statement anew on each query; a request's few statements repeat,
 * so a connection keeps the ones it has prepared (better-sqlite3 statements are reusable, and
 * run synchronously, so two queries never share one at the same time).
 */
function cachePreparedStatements(conn: SqliteConnection, max = 256) {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

/** knex on PostgreSQL for `postgres://` URLs, on better-sqlite3 for `sqlite:` ones. Only src/db/ knows which. */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  if (isPostgresUrl(databaseUrl)) {
    return knex({
      client: 'pg',
      connection: { connectionString: databaseUrl, statement_timeout: options.statementTimeoutMs ?? 5000, application_name: 'users-posts-api' },
      pool: { min: 0, max: options.poolMax ?? 10 },
      acquireConnectionTimeout: 5000,
      ...(options.schema && { searchPath: [options.schema] }),
      ...(options.onWarning && { log: { warn: options.onWarning } }),
    });
  }
  const filename = sqliteFilename(databaseUrl);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return knex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    ...(options.onWarning && { log: { warn: options.onWarning } }),
    pool: {
      // SQLite leaves foreign keys (and so ON DELETE CASCADE) off unless each connection asks.
      afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) {
        cachePreparedStatements(conn);
        conn.pragma('foreign_keys = ON');
        if (filename !== ':memory:') conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        done(null, conn);
      },
    },
  });
}

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function databaseAnswers(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([db.raw('SELECT 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
