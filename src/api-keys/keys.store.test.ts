import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { addUser, updateUser } from '../accounts/index.js';
import { isDomainError } from '../platform/errors.js';
import {
  authenticateApiKey,
  bearerToken,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
  shouldRecordUse,
} from './index.js';

describe('bearerToken', () => {
  it.each([
    ['Bearer cvc_abc-DEF_123', 'cvc_abc-DEF_123'],
    ['bearer cvc_abc', 'cvc_abc'],
    ['Bearer   cvc_abc  ', 'cvc_abc'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['cvc_abc', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('shouldRecordUse', () => {
  const now = new Date('2026-11-28T09:00:00.000Z');
  it.each([
    ['never used', null, true],
    ['used 59 s ago', '2026-11-28T08:59:01.000Z', false],
    ['used exactly a minute ago', '2026-11-28T08:59:00.000Z', true],
    ['used yesterday', '2026-11-27T09:00:00.000Z', true],
  ])('%s', (_, lastUsedAt, expected) => {
    expect(shouldRecordUse(lastUsedAt, now)).toBe(expected);
  });
});

async function kindOfFailure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return isDomainError(error) ? error.kind : 'other';
  }
}

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  let database: TestDatabase;
  const now = new Date('2026-11-28T09:00:00.000Z');
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('issues a content key that authenticates, is stored hashed and shown by prefix', async () => {
    const issued = await issueApiKey(
      database.db,
      { kind: 'content', name: 'Mobile app', userId: 5, createdBy: null },
      now,
    );
    expect(issued.token).toMatch(/^cvc_[A-Za-z0-9_-]{43}$/);
    expect(issued.tokenPrefix).toBe(issued.token.slice(0, 12));
    const stored = await database.db.selectFrom('api_keys').selectAll().where('id', '=', issued.id).execute();
    expect(stored[0]?.token_hash).not.toContain(issued.token.slice(4));
    // A content key acts as nobody, whatever was asked.
    expect(stored[0]?.user_id).toBeNull();
    const caller = await authenticateApiKey(database.db, `Bearer ${issued.token}`, now);
    expect(caller).toEqual({ keyId: issued.id, kind: 'content' });
  });

  it('refuses missing, unknown and revoked keys as unauthenticated', async () => {
    const issued = await issueApiKey(
      database.db,
      { kind: 'content', name: 'Old', userId: null, createdBy: null },
      now,
    );
    expect(await kindOfFailure(authenticateApiKey(database.db, undefined, now))).toBe('unauthenticated');
    expect(await kindOfFailure(authenticateApiKey(database.db, `Bearer ${issued.token}x`, now))).toBe(
      'unauthenticated',
    );
    expect(await revokeApiKey(database.db, issued.id, now.toISOString())).toBe(true);
    expect(await revokeApiKey(database.db, issued.id, now.toISOString())).toBe(false);
    expect(await kindOfFailure(authenticateApiKey(database.db, `Bearer ${issued.token}`, now))).toBe(
      'unauthenticated',
    );
  });

  it('makes a staff token act as its person, with the role they have now', async () => {
    const user = await addUser(database.db, { email: 'ed@example.test', role: 'editor' }, null, now);
    const issued = await issueApiKey(
      database.db,
      { kind: 'staff', name: 'CMS bridge', userId: user.id, createdBy: null },
      now,
    );
    expect(issued.token.startsWith('cvs_')).toBe(true);
    const caller = await authenticateApiKey(database.db, `Bearer ${issued.token}`, now);
    expect(caller.actor).toEqual({ id: user.id, email: 'ed@example.test', role: 'editor', locales: [] });
    await updateUser(database.db, user.id, { role: 'author' }, now);
    expect((await authenticateApiKey(database.db, `Bearer ${issued.token}`, now)).actor?.role).toBe('author');
    await updateUser(database.db, user.id, { disabledAt: now.toISOString() }, now);
    expect(await kindOfFailure(authenticateApiKey(database.db, `Bearer ${issued.token}`, now))).toBe(
      'unauthenticated',
    );
    expect(
      await kindOfFailure(
        issueApiKey(database.db, { kind: 'staff', name: 'x', userId: user.id, createdBy: null }, now),
      ),
    ).toBe('invalid');
    expect(
      await kindOfFailure(
        issueApiKey(database.db, { kind: 'staff', name: 'x', userId: null, createdBy: null }, now),
      ),
    ).toBe('invalid');
  });

  it('records the last use at most once a minute', async () => {
    const issued = await issueApiKey(
      database.db,
      { kind: 'content', name: 'Busy', userId: null, createdBy: null },
      now,
    );
    const lastUsed = async () =>
      (await listApiKeys(database.db)).find((k) => k.id === issued.id)?.lastUsedAt ?? null;
    expect(await lastUsed()).toBeNull();
    await authenticateApiKey(database.db, `Bearer ${issued.token}`, now);
    expect(await lastUsed()).toBe(now.toISOString());
    await authenticateApiKey(database.db, `Bearer ${issued.token}`, new Date(now.getTime() + 30_000));
    expect(await lastUsed()).toBe(now.toISOString());
    const later = new Date(now.getTime() + 61_000);
    await authenticateApiKey(database.db, `Bearer ${issued.token}`, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });
});
