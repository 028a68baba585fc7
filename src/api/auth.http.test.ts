import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, contentKey, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { updateUser } from '../accounts/index.js';
import { issueApiKey, revokeApiKey } from '../api-keys/index.js';
import { Problem } from './problem.js';

describe.each(DIALECTS)('API keys at the API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
  });
  afterAll(() => t.destroy());

  const stories = '/content/v1/stories?locale=zh';
  const newStory = { section: 'chips', sourceLocale: 'zh', variant: { title: '测试' } };

  async function expectProblem(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = Problem.strict().parse(await response.json());
    expect(problem.status).toBe(status);
    return problem;
  }

  it('answers 401 without a key, with a Bearer challenge', async () => {
    const response = await apiRequest(t, stories);
    await expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    await expectProblem(await apiRequest(t, '/admin/v1/stories', { body: newStory }), 401);
  });

  it('answers 401 for a malformed header, an unknown key and a revoked key, alike', async () => {
    const key = await contentKey(t);
    expect((await apiRequest(t, stories, { token: key })).status).toBe(200);
    await expectProblem(await apiRequest(t, stories, { headers: { authorization: `Basic ${key}` } }), 401);
    const unknown = await expectProblem(
      await apiRequest(t, stories, { token: `${key.slice(0, -2)}xx` }),
      401,
    );
    const issued = await issueApiKey(
      t.database.db,
      { kind: 'content', name: 'gone', userId: null, createdBy: null },
      new Date(),
    );
    expect((await apiRequest(t, stories, { token: issued.token })).status).toBe(200);
    await revokeApiKey(t.database.db, issued.id, new Date().toISOString());
    const revoked = await expectProblem(await apiRequest(t, stories, { token: issued.token }), 401);
    expect(revoked.detail).toBe(unknown.detail);
  });

  it('answers 403 to a content key on the Admin API, before reading the body', async () => {
    const key = await contentKey(t);
    const problem = await expectProblem(
      await apiRequest(t, '/admin/v1/stories', { token: key, body: newStory }),
      403,
    );
    expect(problem.detail).toMatch(/staff token/);
    await expectProblem(await apiRequest(t, '/admin/v1/stories/1', { token: key }), 403);
  });

  it('lets a staff token read the Content API too', async () => {
    const { token } = await staffToken(t, 'translator', { locales: ['en'] });
    expect((await apiRequest(t, stories, { token })).status).toBe(200);
  });

  it('stops a staff token at once when its person is disabled', async () => {
    const { token, userId } = await staffToken(t, 'editor');
    expect((await apiRequest(t, '/admin/v1/stories/1', { token })).status).toBe(200);
    await updateUser(t.database.db, userId, { disabledAt: new Date().toISOString() }, new Date());
    await expectProblem(await apiRequest(t, '/admin/v1/stories/1', { token }), 401);
  });

  it('records when a key was last used', async () => {
    const issued = await issueApiKey(
      t.database.db,
      { kind: 'content', name: 'seen', userId: null, createdBy: null },
      new Date(),
    );
    await apiRequest(t, stories, { token: issued.token });
    const row = await t.database.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    // The test app's clock.
    expect(row.last_used_at).toBe('2026-11-28T09:00:00.000Z');
  });
});
