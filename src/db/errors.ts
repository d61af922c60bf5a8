// Constraint violations as SQLite (better-sqlite3) and PostgreSQL (pg) report them.
const codeOf = (err: unknown) => (err && typeof err === 'object' && 'code' in err ? String(err.code) : '');

export const isUniqueViolation = (err: unknown) => ['SQLITE_CONSTRAINT_UNIQUE', '23505'].includes(codeOf(err));
export const isForeignKeyViolation = (err: unknown) => ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503'].includes(codeOf(err));
