import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SITE_URL } from '../../../test/support/app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildStory, seedTaxonomy, testSite } from '../../../test/support/factories.js';
import { importStories } from '../../editorial/index.js';
import { htmlLangTag } from '../../publishing/index.js';
import type { StoryInput } from '../../stories/index.js';
import { composeDigest, type DigestDeps, type DigestRequest, MAX_DIGEST_STORIES } from './index.js';

// Which stories a digest carries: the period's bounds, the topics, only what readers can see, and
// the variant a subscriber of a locale gets. One day, 2026-11-27 (UTC), is the period throughout.

const DAY = { since: '2026-11-27T00:00:00.000Z', until: '2026-11-28T00:00:00.000Z' };

function publishedAt(story: StoryInput, at: string): StoryInput {
  return { ...story, variants: story.variants.map((v) => ({ ...v, publishedAt: at })) };
}

const stories: StoryInput[] = [
  publishedAt(buildStory('just-before'), '2026-11-26T23:59:59.999Z'),
  publishedAt(buildStory('at-start'), DAY.since),
  publishedAt(
    buildStory('midday-chips', { section: 'chips', entities: ['h200'] }),
    '2026-11-27T12:00:00.000Z',
  ),
  publishedAt(buildStory('english-only', { locales: ['en'], entities: [] }), '2026-11-27T06:00:00.000Z'),
  publishedAt(buildStory('at-end'), DAY.until),
  buildStory('still-draft', { variant: { status: 'draft', publishedAt: null } }),
  publishedAt(buildStory('taken-down', { variant: { status: 'unpublished' } }), '2026-11-27T09:00:00.000Z'),
  // Its English original came out the week before; the Chinese translation within the period
  // does not make it new.
  {
    ...buildStory('translated-later', { locales: ['en', 'zh'] }),
    variants: buildStory('translated-later', { locales: ['en', 'zh'] }).variants.map((v) => ({
      ...v,
      publishedAt: v.locale === 'en' ? '2026-11-20T08:00:00.000Z' : '2026-11-27T08:00:00.000Z',
    })),
  },
];

function deps(database: TestDatabase): DigestDeps {
  return {
    db: database.db,
    siteUrl: TEST_SITE_URL,
    siteName: (locale) => testSite.name[locale] ?? '',
    languageTag: htmlLangTag,
  };
}

function request(overrides: Partial<DigestRequest> = {}): DigestRequest {
  return { locale: 'zh', frequency: 'daily', topics: [], ...DAY, ...overrides };
}

describe.each(DIALECTS)('digest selection on %s', (dialect) => {
  let database: TestDatabase;
  const ids = new Map<string, number>();
  const slugsOf = (storyIds: number[] | undefined) =>
    (storyIds ?? []).map((id) => [...ids].find(([, value]) => value === id)?.[0]);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const { storyIds } = await importStories(database.db, stories, { now: new Date('2026-11-29T00:00:00Z') });
    storyIds.forEach((id, index) => {
      ids.set(stories[index]?.variants[0]?.slug ?? '', id);
    });
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it('takes stories first published at or after `since` and before `until`, newest first', async () => {
    const digest = await composeDigest(deps(database), request());
    expect(slugsOf(digest?.storyIds)).toEqual(['midday-chips', 'english-only', 'at-start']);
  });

  it('reads bounds written without milliseconds the same way', async () => {
    const digest = await composeDigest(
      deps(database),
      request({ since: '2026-11-27T00:00:00Z', until: '2026-11-28T00:00:00Z' }),
    );
    expect(slugsOf(digest?.storyIds)).toEqual(['midday-chips', 'english-only', 'at-start']);
  });

  it('refuses a bound that is not an instant', async () => {
    await expect(composeDigest(deps(database), request({ since: 'yesterday' }))).rejects.toThrow(RangeError);
  });

  it.each([
    ['a section', [{ kind: 'section', key: 'chips' }], ['midday-chips']],
    ['another section', [{ kind: 'section', key: 'ai-models' }], ['english-only', 'at-start']],
    ['an entity', [{ kind: 'entity', key: 'h200' }], ['midday-chips']],
    ['another entity', [{ kind: 'entity', key: 'nvidia' }], ['at-start']],
    [
      'a section or an entity',
      [
        { kind: 'section', key: 'chips' },
        { kind: 'entity', key: 'nvidia' },
      ],
      ['midday-chips', 'at-start'],
    ],
  ] as const)('keeps only stories matching %s', async (_, topics, expected) => {
    const digest = await composeDigest(deps(database), request({ topics: [...topics] }));
    expect(slugsOf(digest?.storyIds)).toEqual(expected);
  });

  it('is null when no story falls in the period or matches the topics', async () => {
    expect(
      await composeDigest(
        deps(database),
        request({ since: '2026-11-29T00:00:00.000Z', until: '2026-11-30T00:00:00.000Z' }),
      ),
    ).toBeNull();
    expect(
      await composeDigest(deps(database), request({ topics: [{ kind: 'section', key: 'no-such-section' }] })),
    ).toBeNull();
  });

  it('shows a story a Chinese subscriber has no variant of in English, marked as such', async () => {
    const digest = await composeDigest(deps(database), request({ locale: 'zh' }));
    const { document } = parseHTML(digest?.html ?? '');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hans');
    const title = [...document.querySelectorAll('h2 a')].find((a) => a.textContent?.includes('english-only'));
    expect(title?.closest('[lang]')?.getAttribute('lang')).toBe('en');
    // Under the reader's own locale, as the site links it: the page shows the fallback with a notice.
    expect(title?.getAttribute('href')).toBe(`${TEST_SITE_URL}/zh/ai-models/english-only`);
    const note = title?.parentElement?.querySelector('.note');
    expect(note?.textContent).toBe('（英语）');
    expect(note?.getAttribute('lang')).toBe('zh-Hans');
    expect(digest?.text).toContain('Nvidia announces the english-only plan （英语）');
    // Stories the subscriber has in their language carry no marker of their own.
    const own = [...document.querySelectorAll('h2 a')].find((a) => a.textContent?.includes('at-start'));
    expect(own?.closest('[lang]')?.getAttribute('lang')).toBe('zh-Hans');
    expect(own?.getAttribute('href')).toBe(`${TEST_SITE_URL}/zh/ai-models/at-start`);
  });

  it('writes to a subscriber of a locale the site no longer has in its default locale', async () => {
    const digest = await composeDigest(deps(database), request({ locale: 'fr' }));
    expect(digest?.subject).toBe('测试站每日简报：2026年11月27日');
    const { document } = parseHTML(digest?.html ?? '');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hans');
    const hrefs = [...document.querySelectorAll('h2 a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      `${TEST_SITE_URL}/zh/chips/midday-chips`,
      `${TEST_SITE_URL}/zh/ai-models/english-only`,
      `${TEST_SITE_URL}/zh/ai-models/at-start`,
    ]);
  });

  it('gives the same email for the same request and data', async () => {
    const first = await composeDigest(deps(database), request({ locale: 'en', frequency: 'weekly' }));
    const second = await composeDigest(deps(database), request({ locale: 'en', frequency: 'weekly' }));
    expect(second).toEqual(first);
  });
});

describe.each(DIALECTS)('a busy period on %s', (dialect) => {
  let database: TestDatabase;
  const count = MAX_DIGEST_STORIES + 3;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    const many = Array.from({ length: count }, (_, i) =>
      publishedAt(
        buildStory(`busy-${String(i).padStart(2, '0')}`, { locales: ['en'] }),
        new Date(Date.parse(DAY.since) + i * 60_000).toISOString(),
      ),
    );
    await importStories(database.db, many, { now: new Date('2026-11-29T00:00:00Z') });
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it(`lists the newest ${MAX_DIGEST_STORIES} and links to the front page for the rest`, async () => {
    const digest = await composeDigest(deps(database), request({ locale: 'en' }));
    expect(digest?.storyIds).toHaveLength(MAX_DIGEST_STORIES);
    const { document } = parseHTML(digest?.html ?? '');
    const titles = [...document.querySelectorAll('h2 a')].map((a) => a.textContent);
    expect(titles[0]).toBe('Nvidia announces the busy-22 plan');
    expect(titles.at(-1)).toBe('Nvidia announces the busy-03 plan');
    const more = document.querySelector('.more a');
    expect(more?.textContent).toBe('And 3 more stories on Test Site');
    expect(more?.getAttribute('href')).toBe(`${TEST_SITE_URL}/en/`);
    expect(digest?.text).toContain(`And 3 more stories on Test Site:\n${TEST_SITE_URL}/en/\n`);
    expect(digest?.text).toContain('23 new stories');
  });
});
