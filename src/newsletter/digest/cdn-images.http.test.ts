import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { buildStory } from '../../../test/support/factories.js';
import { heroForEveryStory } from '../../../test/support/hero-media.js';

// A digest links its images where the site's pages do (on the CDN when MEDIA_PUBLIC_BASE_URL is
// set), always absolute, since a mail client has no site to resolve /media/… against.

const CDN = 'https://cdn.example.test/media';
const PERIOD = { since: '2026-11-20T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' };

describe.each(DIALECTS)('digest image URLs on %s', (dialect) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.destroy();
  });

  /** The digest's image sources, composed the way the scheduler and the admin preview do. */
  async function digestImages(env: Record<string, string>, withJpeg = false): Promise<string[]> {
    const t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] }, undefined, {
      env,
    });
    apps.push(t);
    await heroForEveryStory(t.database.db);
    if (withJpeg) {
      // As an upload (or `backfillJpegRenditions`) records them: a JPEG beside each WebP.
      for (const row of await t.database.db.selectFrom('media').select(['id', 'renditions']).execute()) {
        const renditions = (JSON.parse(row.renditions) as { file: string }[]).map((r) => ({
          ...r,
          jpeg: r.file.replace(/\.webp$/, '.jpg'),
        }));
        await t.database.db
          .updateTable('media')
          .set({ renditions: JSON.stringify(renditions) })
          .where('id', '=', row.id)
          .execute();
      }
    }
    const digest = await t.newsletter.sending.compose({
      locale: 'en',
      frequency: 'daily',
      topics: [],
      ...PERIOD,
    });
    const { document } = parseHTML(digest?.html ?? '');
    return [...document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
  }

  it('links the hero on the CDN when MEDIA_PUBLIC_BASE_URL is set', async () => {
    // The rendition at twice the 552 px column, as without a CDN.
    expect(await digestImages({ MEDIA_PUBLIC_BASE_URL: CDN })).toEqual([`${CDN}/hero-one-1200.webp`]);
  });

  it('links the JPEG rendition where the image has one, for clients that show no WebP', async () => {
    expect(await digestImages({ MEDIA_PUBLIC_BASE_URL: CDN }, true)).toEqual([`${CDN}/hero-one-1200.jpg`]);
  });

  it('links the hero on the site’s /media route without it', async () => {
    expect(await digestImages({})).toEqual([`${TEST_SITE_URL}/media/hero-one-1200.webp`]);
  });
});
