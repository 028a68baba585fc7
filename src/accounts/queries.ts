import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../platform/database/index.js';
import type { Locale } from '../platform/locale.js';

type Db = Kysely<Database>;

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  locales: Locale[];
  uiLocale: Locale;
  /** False until the person picks the admin's language; until then it follows their browser. */
  uiLocaleChosen: boolean;
  hasPassword: boolean;
  createdAt: string;
  disabledAt: string | null;
}

const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'locales',
  'ui_locale',
  'ui_locale_chosen',
  'password_hash',
  'created_at',
  'disabled_at',
] as const;

function toUser(row: {
  id: number;
  email: string;
  display_name: string;
  role: UserRole;
  locales: string;
  ui_locale: string;
  ui_locale_chosen: number;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locales: JSON.parse(row.locales) as Locale[],
    uiLocale: row.ui_locale,
    uiLocaleChosen: row.ui_locale_chosen === 1,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** Emails are compared without regard to case or surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(
  db: Db,
  user: {
    email: string;
    displayName: string;
    role: UserRole;
    locales: Locale[];
    uiLocale: Locale;
    uiLocaleChosen?: boolean;
    passwordHash: string | null;
  },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: normalizeEmail(user.email),
      display_name: user.displayName,
      role: user.role,
      locales: JSON.stringify(user.locales),
      ui_locale: user.uiLocale,
      ui_locale_chosen: user.uiLocaleChosen ? 1 : 0,
      password_hash: user.passwordHash,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<{
    displayName: string;
    role: UserRole;
    locales: Locale[];
    uiLocale: Locale;
    passwordHash: string;
    disabledAt: string | null;
  }>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.locales !== undefined ? { locales: JSON.stringify(changes.locales) } : {}),
      ...(changes.uiLocale !== undefined ? { ui_locale: changes.uiLocale } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row && toUser(row);
}

/** The account behind an email with its stored hash, read only where a password is checked. */
export async function findSignInCandidate(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('email').execute();
  return rows.map(toUser);
}

export async function countOwners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Sessions -------------------------------------------------------------------------------------

export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function findSessionRow(db: Db, id: string): Promise<SessionRow | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      userAgent: row.user_agent,
    }
  );
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Logs a person out everywhere; returns how many sessions ended. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countUserSessions(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// One-time links -------------------------------------------------------------------------------

export async function insertSetupToken(
  db: Db,
  token: { hash: string; userId: number | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('setup_tokens')
    .values({
      token_hash: token.hash,
      user_id: token.userId,
      created_at: token.createdAt.toISOString(),
      expires_at: token.expiresAt.toISOString(),
    })
    .execute();
}

/**
 * Marks a one-time link used and returns it, or undefined when it is unknown, expired or already
 * used. One conditional UPDATE: two submits of the same link cannot both succeed.
 */
export async function consumeSetupToken(
  db: Db,
  hash: string,
  now: Date,
): Promise<{ userId: number | null } | undefined> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('user_id')
    .executeTakeFirst();
  return result && { userId: result.user_id };
}

export async function findUsableSetupToken(
  db: Db,
  hash: string,
  now: Date,
): Promise<{ userId: number | null } | undefined> {
  const row = await db
    .selectFrom('setup_tokens')
    .select('user_id')
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row && { userId: row.user_id };
}

/**
 * Voids every unused link of a person (or, for `userId` null, every unused first-owner link):
 * a newer link, a used one or a changed password leaves no older link working. Voided links are
 * marked used, and the prune removes them with the rest.
 */
export async function voidSetupTokens(db: Db, userId: number | null, now: Date): Promise<void> {
  await db
    .updateTable('setup_tokens')
    .set({ used_at: now.toISOString() })
    .where((eb) => (userId === null ? eb('user_id', 'is', null) : eb('user_id', '=', userId)))
    .where('used_at', 'is', null)
    .execute();
}

/** Links used (or voided) or expired before `before` are kept no longer. */
export async function deleteSetupTokensBefore(db: Db, before: Date): Promise<number> {
  const iso = before.toISOString();
  const result = await db
    .deleteFrom('setup_tokens')
    .where((eb) => eb.or([eb('used_at', '<', iso), eb('expires_at', '<', iso)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
