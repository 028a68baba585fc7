import type { Kysely } from 'kysely';
import { type Actor, findUserById, hashToken, newToken } from '../accounts/index.js';
import type { ApiKeyKind, Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import { findApiKeyByHash, insertApiKey, updateApiKeyLastUsed } from './queries.js';

type Db = Kysely<Database>;

// A recognisable prefix tells a reader (and secret scanners) what a leaked string is and which
// kind of key it is, without a database lookup.
const TOKEN_PREFIX: Record<ApiKeyKind, string> = { content: 'cvc_', staff: 'cvs_' };

/** How many characters of a key the admin shows, so keys can be told apart: the prefix and 8 more. */
const SHOWN_PREFIX_LENGTH = 12;

/**
 * last_used_at is written at most once a minute per key, so a busy integration does not turn
 * every read into a write.
 */
const LAST_USED_RESOLUTION_MS = 60_000;

class ApiKeyRequired extends DomainError {
  constructor(message = 'Send an API key: `Authorization: Bearer <key>`.') {
    super('unauthenticated', message, { code: 'api-key' });
  }
}

export class ApiKeyNotAllowed extends DomainError {
  constructor(message: string) {
    super('forbidden', message, { code: 'api-key-kind' });
  }
}

/** The token of an `Authorization: Bearer <token>` header; undefined for anything else. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

/** Whether a key last used at `lastUsedAt` should have its use recorded at `now`. */
export function shouldRecordUse(lastUsedAt: string | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - Date.parse(lastUsedAt) >= LAST_USED_RESOLUTION_MS;
}

export interface IssuedApiKey {
  id: number;
  /** The key itself, shown to its creator once; only its hash is kept. */
  token: string;
  tokenPrefix: string;
}

/**
 * Creates a key. A staff token acts as `userId` with that person's role at the time of each
 * request, so demoting or disabling the person takes effect on their tokens at once.
 */
export async function issueApiKey(
  db: Db,
  input: { kind: ApiKeyKind; name: string; userId: number | null; createdBy: number | null },
  now: Date,
): Promise<IssuedApiKey> {
  let userId: number | null = null;
  if (input.kind === 'staff') {
    const user = input.userId === null ? undefined : await findUserById(db, input.userId);
    if (!user || user.disabledAt !== null) {
      throw new DomainError('invalid', 'A staff token needs an active person to act as.', {
        field: 'userId',
      });
    }
    userId = user.id;
  }
  const token = `${TOKEN_PREFIX[input.kind]}${newToken()}`;
  const tokenPrefix = token.slice(0, SHOWN_PREFIX_LENGTH);
  const id = await insertApiKey(db, {
    kind: input.kind,
    name: input.name,
    tokenHash: hashToken(token),
    tokenPrefix,
    userId,
    createdBy: input.createdBy,
    createdAt: now.toISOString(),
  });
  return { id, token, tokenPrefix };
}

export interface ApiCaller {
  keyId: number;
  kind: ApiKeyKind;
  /** Present for staff tokens: the person the token acts as. */
  actor?: Actor;
}

/**
 * The caller behind an `Authorization` header. Missing, unknown and revoked keys, and staff
 * tokens whose person is gone or disabled, are all `unauthenticated` with the same message, so
 * an answer tells nothing about which keys exist.
 */
export async function authenticateApiKey(
  db: Db,
  authorization: string | undefined,
  now: Date,
): Promise<ApiCaller> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiKeyRequired();
  const key = await findApiKeyByHash(db, hashToken(token));
  const refused = new ApiKeyRequired('The API key is not valid or was revoked.');
  if (!key || key.revokedAt !== null) throw refused;
  let actor: Actor | undefined;
  if (key.kind === 'staff') {
    const user = key.userId === null ? undefined : await findUserById(db, key.userId);
    if (!user || user.disabledAt !== null) throw refused;
    actor = { id: user.id, email: user.email, role: user.role, locales: user.locales };
  }
  if (shouldRecordUse(key.lastUsedAt, now)) await updateApiKeyLastUsed(db, key.id, now.toISOString());
  return { keyId: key.id, kind: key.kind, ...(actor ? { actor } : {}) };
}
