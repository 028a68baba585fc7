import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import {
  deleteSession,
  findSessionRow,
  findUserById,
  insertSession,
  type SessionRow,
  touchSession,
  type User,
} from './queries.js';
import { hashToken, newToken } from './tokens.js';

type Db = Kysely<Database>;

export const SESSION_DAYS = 14;
const DAY_MS = 86_400_000;
// Writing last_seen on every request would turn each page view into a write.
const TOUCH_INTERVAL_MS = 10 * 60_000;

export interface ActiveSession {
  /** The session's id in the database (the hash of the cookie's token). */
  id: string;
  user: User;
  csrfToken: string;
}

/**
 * Starts a session and returns the cookie's token. Called at every sign-in: the previous session
 * (if the browser had one) is ended first, so a planted session id never becomes a signed-in one.
 */
export async function startSession(
  db: Db,
  userId: number,
  options: { now: Date; userAgent: string; previousToken?: string | undefined },
): Promise<string> {
  if (options.previousToken) await deleteSession(db, hashToken(options.previousToken));
  const token = newToken();
  const row: SessionRow = {
    id: hashToken(token),
    userId,
    csrfToken: newToken(),
    createdAt: options.now.toISOString(),
    lastSeenAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
    userAgent: options.userAgent.slice(0, 300),
  };
  await insertSession(db, row);
  return token;
}

/** The session behind a cookie's token, or undefined when it is unknown, expired or disabled. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await findSessionRow(db, hashToken(token));
  if (!row || row.expiresAt <= now.toISOString()) return undefined;
  const user = await findUserById(db, row.userId);
  if (!user || user.disabledAt) return undefined;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchSession(
      db,
      row.id,
      now.toISOString(),
      new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
    );
  }
  return { id: row.id, user, csrfToken: row.csrfToken };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}
