import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import knex, { type Knex } from 'knex';
// knex's own dialect, extended below to share one connection; knex exports no public path for it.
import BetterSqliteClient from 'knex/lib/dialects/better-sqlite3/index.js';
import { postgresSql, sqliteSql, type Sql } from './sql.js';

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

const executors = new WeakMap<Knex, Sql>();

/** The statement runner of a database made by createDb: what the repositories query through. */
export function sqlOf(db: Knex): Sql {
  const sql = executors.get(db);
  // Guessing an engine for a knex made elsewhere would run SQLite statements as PostgreSQL's.
  if (!sql) throw new Error('sqlOf: this knex instance was not made by createDb()');
  return sql;
}

/**
 * knex's better-sqlite3 client, handed the one connection the statement runner also uses, so
 * migrations and requests see the same database (which `:memory:` needs) and one file handle.
 */
class SharedSqliteClient extends (BetterSqliteClient as new (config: object) => { config: object }) {
  declare config: { shared: Database.Database };
  async acquireRawConnection() {
    return this.config.shared;
  }
  async destroyRawConnection(conn: Database.Database) {
    conn.close();
  }
}

/** knex on PostgreSQL for `postgres://` URLs, on better-sqlite3 for `sqlite:` ones. Only src/db/ knows which. */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  if (isPostgresUrl(databaseUrl)) {
    const db = knex({
      client: 'pg',
      connection: {
        connectionString: databaseUrl,
        statement_timeout: options.statementTimeoutMs ?? 5000,
        application_name: 'users-posts-api',
      },
      pool: { min: 0, max: options.poolMax ?? 10 },
      acquireConnectionTimeout: 5000,
      ...(options.schema && { searchPath: [options.schema] }),
      ...(options.onWarning && { log: { warn: options.onWarning } }),
    });
    executors.set(db, postgresSql(db));
    return db;
  }
  const filename = sqliteFilename(databaseUrl);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const conn = new Database(filename);
  // SQLite leaves foreign keys (and so ON DELETE CASCADE) off unless each connection asks.
  conn.pragma('foreign_keys = ON');
  if (filename !== ':memory:') conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  const db = knex({
    client: SharedSqliteClient,
    connection: { filename },
    useNullAsDefault: true,
    shared: conn,
    ...(options.onWarning && { log: { warn: options.onWarning } }),
  } as unknown as Knex.Config);
  executors.set(db, sqliteSql(conn));
  return db;
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
