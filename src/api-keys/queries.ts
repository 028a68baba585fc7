import type { Kysely } from 'kysely';
import type { ApiKeyKind, Database } from '../platform/database/index.js';

type Db = Kysely<Database>;

/** A key as the admin lists it; the token itself is never kept, only its hash and first characters. */
export interface ApiKey {
  id: number;
  kind: ApiKeyKind;
  name: string;
  tokenPrefix: string;
  /** The person a staff token acts as; null for content keys. */
  userId: number | null;
  userEmail: string | null;
  createdBy: number | null;
  createdByEmail: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyRow {
  id: number;
  kind: ApiKeyKind;
  userId: number | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function insertApiKey(
  db: Db,
  key: {
    kind: ApiKeyKind;
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    userId: number | null;
    createdBy: number | null;
    createdAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('api_keys')
    .values({
      kind: key.kind,
      name: key.name,
      token_hash: key.tokenHash,
      token_prefix: key.tokenPrefix,
      user_id: key.userId,
      created_by: key.createdBy,
      created_at: key.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The key a request presented, by the hash of its token (unique), revoked or not. */
export async function findApiKeyByHash(db: Db, tokenHash: string): Promise<ApiKeyRow | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'kind', 'user_id', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      kind: row.kind,
      userId: row.user_id,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }
  );
}

function keysWithPeople(db: Db) {
  return db
    .selectFrom('api_keys')
    .leftJoin('users as acting', 'acting.id', 'api_keys.user_id')
    .leftJoin('users as creator', 'creator.id', 'api_keys.created_by')
    .select([
      'api_keys.id',
      'api_keys.kind',
      'api_keys.name',
      'api_keys.token_prefix',
      'api_keys.user_id',
      'acting.email as user_email',
      'api_keys.created_by',
      'creator.email as created_by_email',
      'api_keys.created_at',
      'api_keys.last_used_at',
      'api_keys.revoked_at',
    ]);
}

function toApiKey(r: {
  id: number;
  kind: ApiKeyKind;
  name: string;
  token_prefix: string;
  user_id: number | null;
  user_email: string | null;
  created_by: number | null;
  created_by_email: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiKey {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    tokenPrefix: r.token_prefix,
    userId: r.user_id,
    userEmail: r.user_email,
    createdBy: r.created_by,
    createdByEmail: r.created_by_email,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** Every key, newest first, with the emails of the person it acts as and of its creator. */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const rows = await keysWithPeople(db).orderBy('api_keys.id', 'desc').execute();
  return rows.map(toApiKey);
}

export async function findApiKey(db: Db, id: number): Promise<ApiKey | undefined> {
  const row = await keysWithPeople(db).where('api_keys.id', '=', id).executeTakeFirst();
  return row && toApiKey(row);
}

/** Revokes a live key; false when there is no such key or it was already revoked. */
export async function revokeApiKey(db: Db, id: number, revokedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: revokedAt })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateApiKeyLastUsed(db: Db, id: number, lastUsedAt: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
}
