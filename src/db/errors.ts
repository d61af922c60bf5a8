// Constraint violations as SQLite (better-sqlite3) and PostgreSQL (pg) report them.
const codeOf = (err: unknown) => (err && typeof err === 'object' && 'code' in err ? String(err.code) : '');

export const isUniqueViolation = (err: unknown) => ['SQLITE_CONSTRAINT_UNIQUE', '23505'].includes(codeOf(err));
export const isForeignKeyViolation = (err: unknown) => ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503'].includes(codeOf(err));

// The database cannot be reached or cannot answer now: a network fault, a server shutting down or
// refusing connections, no pooled connection in time, a statement timeout, a locked SQLite file.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
  // A full disk is an outage of the store, not a bug: reads go on, and a write may be retried once space returns.
  'SQLITE_FULL',
  '53100',
]);

export function isUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  if (unavailableCodes.has(codeOf(err))) return true;
  const { name, message } = err as { name?: unknown; message?: unknown };
  // knex's pool timeout, and node-postgres's errors for a connection that died without a code.
  return name === 'KnexTimeoutError' || /Connection terminated|connection error and is not queryable/.test(String(message));
}

/**
 * What went wrong when the database could not be opened at start-up, in one line naming what to
 * check (the password left out), or undefined when `err` is not such a failure.
 */
export function connectionFailure(err: unknown, databaseUrl: string): string | undefined {
  const code = codeOf(err);
  const reason = err instanceof Error ? err.message : String(err);
  if (databaseUrl.startsWith('sqlite:')) {
    if (!code.startsWith('SQLITE_CANTOPEN') && !['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST', 'ENOTDIR'].includes(code))
      return undefined;
    return (
      `Cannot start: the SQLite database of DATABASE_URL=${databaseUrl} cannot be opened (${reason}). ` +
      `Check that its folder exists or can be created, and that this user may write there.`
    );
  }
  const url = new URL(databaseUrl);
  const server = `PostgreSQL at ${url.hostname}:${url.port || '5432'}`;
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
  url.password = url.password && '***';
  const shown = `DATABASE_URL=${url.toString()}`;
  if (code === '3D000') {
    return (
      `Cannot start: ${server} has no database "${database}" (${reason}). ` +
      `Create it (createdb -h ${url.hostname} -p ${url.port || '5432'} ${database}) or name another in ${shown}.`
    );
  }
  if (code === '28P01' || code === '28000') {
    return (
      `Cannot start: ${server} refused user "${decodeURIComponent(url.username)}" (${reason}). ` +
      `Check the user and password in ${shown} and the server's pg_hba.conf.`
    );
  }
  if (isUnavailable(err)) {
    return `Cannot start: ${server} cannot be reached (${reason}). Check that it is running and accepts connections there, and ${shown}.`;
  }
  return undefined;
}
