import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { eventually } from '../../test/support/eventually.js';
import { buildStory } from '../../test/support/factories.js';
import { addPerson, signedInAs } from '../../test/support/people.js';
import { findStory, findStoryIdBySlug } from '../stories/index.js';

describe('every change purges the cache in front by the keys of the pages it dropped', () => {
  let t: TestApp;
  let server: http.Server;
  const purged: string[][] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/v4/zones/zone-1/purge_cache') {
          purged.push((JSON.parse(body) as { tags: string[] }).tags);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await createTestApp(
      'sqlite',
      { seed: 'stories', stories: [buildStory('purged-story', { entities: ['nvidia', 'h200'] })] },
      () => new Date(),
      {
        env: {
          PURGE: 'cloudflare',
          PURGE_CLOUDFLARE_API_URL: `http://127.0.0.1:${port}/v4`,
          PURGE_CLOUDFLARE_ZONE_ID: 'zone-1',
          PURGE_CLOUDFLARE_TOKEN: 'token-1',
          PURGE_ALLOW_HOSTS: `127.0.0.1:${port}`,
        },
      },
    );
  });
  afterAll(async () => {
    await t.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('unpublishing a story through the Admin API purges its page, its section, entities and lists', async () => {
    const storyId = (await findStoryIdBySlug(t.database.db, 'zh', 'purged-story')) as number;
    const story = await findStory(t.database.db, storyId);
    const page = await t.get('/zh/ai-models/purged-story');
    expect(page.status).toBe(200);
    const pageKeys = (page.headers.get('cache-tag') ?? '').split(',');

    const editor = await staffToken(t, 'editor');
    const response = await apiRequest(t, `/admin/v1/stories/${storyId}/variants/zh/unpublish`, {
      token: editor.token,
      method: 'POST',
    });
    expect(response.status).toBe(200);

    const tags = await eventually(
      () => purged.flat().includes(`story-${storyId}`) && purged.flat(),
      'the purge',
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        `story-${storyId}`,
        `section-${story?.sectionId}`,
        ...(story?.entityIds ?? []).map((id) => `entity-${id}`),
        'front',
        'sitemap',
      ]),
    );
    // The story's own key is one the page was filed under: the two come from the same tags.
    expect(pageKeys).toContain(`story-${storyId}`);
  });

  it('renaming a staff member in the people admin purges every page, for their name is in bylines', async () => {
    const page = await t.get('/en/ai-models/purged-story');
    expect(page.status).toBe(200);
    // Every page is filed under the site key, which a change of names purges.
    expect((page.headers.get('cache-tag') ?? '').split(',')).toContain('site');
    purged.length = 0;
    const { browser: owner } = await signedInAs(t, 'owner');
    const writer = await addPerson(t, 'author', { displayName: 'Before Rename' });
    await owner.get(`/admin/people/${writer.id}`);
    const saved = await owner.post(`/admin/people/${writer.id}`, {
      displayName: 'After Rename',
      role: 'author',
    });
    expect(saved.status).toBe(303);
    expect(await eventually(() => purged.flat().includes('site') && purged.flat(), 'the purge')).toContain(
      'site',
    );
  });
});
