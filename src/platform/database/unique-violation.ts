/**
 * Whether `error` is the database refusing a row that breaks the UNIQUE constraint over `columns`
 * of `table`. The two drivers report it differently: better-sqlite3 names table and columns in
 * the message ("UNIQUE constraint failed: t.a, t.b"), pg gives SQLSTATE 23505 with the table and
 * a detail "Key (a, b)=(…) already exists." (PostgreSQL's error fields).
 */
export function isUniqueViolation(error: unknown, table: string, columns: string[]): boolean {
  if (!(error instanceof Error)) return false;
  const fields = error as Error & { code?: unknown; table?: unknown; detail?: unknown };
  if (fields.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return error.message.includes(`: ${columns.map((c) => `${table}.${c}`).join(', ')}`);
  }
  if (fields.code === '23505') {
    return fields.table === table && String(fields.detail ?? '').startsWith(`Key (${columns.join(', ')})=`);
  }
  return false;
}
