// Constraint violations as SQLite (better-sqlite3) and PostgreSQL (pg) report them.
const codeOf = (err: unknown) => (err && typeof err === 'object' && 'code' in err ? String(err.code) : '');

export const isUniqueViolation = (err: unknown) => ['SQLITE_CONSTRAINT_UNIQUE', '23505'].includes(codeOf(err));
export const isForeignKeyViolation = (err: unknown) => ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503'].includes(codeOf(err));

// The database cannot be reached or cannot answer now: a network fault, a server shutting down or
// refusing connections, no pooled connection in time, a statement timeout, a locked SQLite file.
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '57014', '53300', '08000', '08001', '08003', '08004', '08006',
  'SQLITE_BUSY',
]);

export function isUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  if (unavailableCodes.has(codeOf(err))) return true;
  const { name, message } = err as { name?: unknown; message?: unknown };
  // knex's pool timeout, and node-postgres's errors for a connection that died without a code.
  return name === 'KnexTimeoutError' || /Connection terminated|connection error and is not queryable/.test(String(message));
}
