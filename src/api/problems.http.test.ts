import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { MAX_BODY_BYTES } from './index.js';
import { Problem } from './problem.js';

describe.each(DIALECTS)('problem documents under /api on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    token = (await staffToken(t, 'editor')).token;
  });
  afterAll(() => t.destroy());

  async function problemOf(response: Response, status: number): Promise<Problem> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const problem = Problem.strict().parse(await response.json());
    expect(problem).toMatchObject({ type: 'about:blank', status });
    return problem;
  }

  it('404 for a path no endpoint has, however deep, with or without a key', async () => {
    for (const path of [
      '/nope',
      '/content/v1/nope',
      '/content/v1/stories/1/extra',
      '/content/v2/stories',
      '/',
    ]) {
      const problem = await problemOf(await apiRequest(t, path, { token }), 404);
      expect(problem.title).toBe('Not Found');
    }
    await problemOf(await apiRequest(t, '/whatever'), 404);
  });

  it('405 with Allow for a method the path does not have', async () => {
    const response = await apiRequest(t, '/content/v1/stories', { token, method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect((await problemOf(response, 405)).title).toBe('Method Not Allowed');
    const variant = await apiRequest(t, '/admin/v1/stories/1/variants/en', { token, method: 'DELETE' });
    expect(variant.headers.get('allow')).toBe('PUT, PATCH');
    await problemOf(variant, 405);
  });

  it('404 from a domain error raised deep in another feature', async () => {
    const problem = await problemOf(await apiRequest(t, '/admin/v1/stories/424242', { token }), 404);
    expect(problem.detail).toMatch(/424242/);
  });

  it('400 for a body that is not JSON', async () => {
    const problem = await problemOf(
      await apiRequest(t, '/admin/v1/stories', { token, body: '{"section": "chips",' }),
      400,
    );
    expect(problem.title).toBe('Bad Request');
    expect(problem.detail).toMatch(/not valid JSON/);
  });

  it('415 for a body that is not declared as JSON', async () => {
    await problemOf(
      await apiRequest(t, '/admin/v1/stories', {
        token,
        body: 'section=chips',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
  });

  it('413 for a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({
      section: 'chips',
      variant: { title: 'x', body: 'a'.repeat(MAX_BODY_BYTES) },
    });
    const problem = await problemOf(await apiRequest(t, '/admin/v1/stories', { token, body: big }), 413);
    expect(problem.title).toBe('Content Too Large');
    const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await t.get('/api/admin/v1/stories', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await problemOf(streamed, 413);
  });

  it('422 with the fields for a body, query or path that is readable but wrong', async () => {
    const body = await problemOf(
      await apiRequest(t, '/admin/v1/stories', {
        token,
        body: { sourceLocale: 'zh', variant: { title: 7 } },
      }),
      422,
    );
    expect(body.errors?.map((e) => [e.location, e.field])).toEqual([
      ['body', 'section'],
      ['body', 'variant.title'],
    ]);
    expect(body.errors?.every((e) => e.message.length > 0)).toBe(true);
    const query = await problemOf(await apiRequest(t, '/content/v1/stories?limit=0', { token }), 422);
    expect(query.errors).toEqual([expect.objectContaining({ location: 'query', field: 'limit' })]);
    const path = await problemOf(
      await apiRequest(t, '/admin/v1/stories/0/variants/zh/publish', { token, method: 'POST' }),
      422,
    );
    expect(path.errors).toEqual([expect.objectContaining({ location: 'path', field: 'id' })]);
  });

  it('an empty body reads as {}: a body with required fields answers 422, not 400', async () => {
    const problem = await problemOf(await apiRequest(t, '/admin/v1/stories', { token, method: 'POST' }), 422);
    expect(problem.errors?.map((e) => e.field)).toEqual(['section', 'sourceLocale', 'variant']);
  });
});
