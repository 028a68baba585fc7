import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';

/**
 * SQLite's `lower()` folds ASCII only (`lower('ÉCOLE')` is `'École'`), so every SQLite connection
 * gets this Unicode-aware one (`openDatabase`); PostgreSQL's own `lower()` already folds every
 * script under a UTF-8 locale.
 */
export const UNICODE_LOWER = 'unicode_lower';

/** What `unicode_lower` computes: JavaScript's locale-independent Unicode lower case. */
export function unicodeLower(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/**
 * A LIKE pattern matching `text` anywhere, in lower case: `%`, `_` and the escape character `\`
 * in it stand for themselves.
 */
export function likeContaining(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` contains `text`, ignoring case in every script and alike on both dialects: the column
 * is lower-cased by the database (Unicode-aware on each), the text here.
 */
export function containsText<DB>(db: Kysely<DB>, column: string, text: string): RawBuilder<boolean> {
  const lower = db.getExecutor().adapter instanceof SqliteAdapter ? sql.raw(UNICODE_LOWER) : sql.raw('lower');
  return sql<boolean>`${lower}(${sql.ref(column)}) like ${likeContaining(text)} escape '\\'`;
}
