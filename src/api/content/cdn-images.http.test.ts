import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, contentKey } from '../../../test/support/api-client.js';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { buildStory } from '../../../test/support/factories.js';
import { HERO_RENDITIONS, heroForEveryStory } from '../../../test/support/hero-media.js';
import { StoryEnvelope } from './schemas.js';

// The Content API links a story's hero image where the site's pages do: on the CDN when
// MEDIA_PUBLIC_BASE_URL is set, else on the site's own /media route.

const CDN = 'https://cdn.example.test/media';

describe.each(DIALECTS)('Content API image URLs on %s', (dialect) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.destroy();
  });

  async function heroOf(env: Record<string, string>) {
    const t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] }, undefined, {
      env,
    });
    apps.push(t);
    await heroForEveryStory(t.database.db);
    const story = await t.database.db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
    const response = await apiRequest(t, `/content/v1/stories/${story.id}?locale=en`, {
      token: await contentKey(t),
    });
    expect(response.status).toBe(200);
    return StoryEnvelope.parse(await response.json()).data.image;
  }

  const expected = (base: string) => ({
    url: `${base}/hero-one-1200.webp`,
    renditions: HERO_RENDITIONS.map((r) => ({ width: r.width, url: `${base}/${r.file}` })),
  });

  let behindCdn: Awaited<ReturnType<typeof heroOf>>;
  let onSite: Awaited<ReturnType<typeof heroOf>>;
  beforeAll(async () => {
    behindCdn = await heroOf({ MEDIA_PUBLIC_BASE_URL: CDN });
    onSite = await heroOf({});
  });

  it('names the CDN for the image and every rendition when MEDIA_PUBLIC_BASE_URL is set', () => {
    expect(behindCdn).toMatchObject(expected(CDN));
  });

  it('names the site’s /media route without it', () => {
    expect(onSite).toMatchObject(expected(`${TEST_SITE_URL}/media`));
  });
});
