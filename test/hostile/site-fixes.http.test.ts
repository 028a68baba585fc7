import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, addUser } from '../../src/accounts/index.js';
import { importStories, publish } from '../../src/editorial/index.js';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';
import { buildStory, buildVariant } from '../support/factories.js';
import { robotParserVerdicts } from '../support/seo-checks.js';
import { readSitemap, sitemapSchemaProblems } from '../support/syndication-checks.js';

// Issue 11, "Read correctly by others": what feed readers, crawlers and Google News read from the
// public site over HTTP, each report reproduced as it was made.

const NOW = new Date('2026-11-28T09:00:00Z');
const DAY_MS = 86_400_000;
const MARKUP_SUMMARY = 'Use <script> tags & <b>bold</b> "quotes" wisely';
const ENGLISH_PARAGRAPH =
  'The company said the new chips would ship to cloud providers before the end of the year.';
const ENGLISH_QUESTION = 'When will the new chips reach the cloud providers?';
const ENGLISH_ANSWER =
  'It means that developers will be able to download and run many more models themselves.';

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === 'item' });

/** What a feed reader shows for an HTML field: the text of the parsed fragment, and its elements. */
function asReaderShowsIt(html: string): { text: string; elements: number } {
  const { document } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
  const div = document.querySelector('div');
  return { text: div?.textContent ?? '', elements: div?.querySelectorAll('*').length ?? -1 };
}

describe.each(DIALECTS)('issue 11, read correctly by others, on %s', (dialect) => {
  let t: TestApp;
  const clock = { now: NOW };

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('markup-summary', {
            locales: ['en', 'zh'],
            variant: { publishedAt: '2026-11-27T10:00:00.000Z' },
          }),
          buildStory('older', { variant: { publishedAt: '2026-11-20T08:00:00.000Z' } }),
        ],
      },
      () => clock.now,
    );
    // Factories give each locale its own summary; the English one talks about markup.
    const db = t.database.db;
    const id = (await findStoryIdBySlug(db, 'en', 'markup-summary')) as number;
    await db
      .updateTable('story_variants')
      .set({ summary: MARKUP_SUMMARY })
      .where('story_id', '=', id)
      .where('locale', '=', 'en')
      .execute();
  });
  afterAll(async () => {
    await t.destroy();
  });

  describe('RSS <description> carries the summary as text', () => {
    it('shows `<script>` and `<b>` in a summary as those characters in a feed reader', async () => {
      const response = await t.get('/en/feed.xml');
      expect(response.status).toBe(200);
      const channel = xml.parse(await response.text()).rss.channel;
      const item = channel.item.find((i: { link: string }) => i.link.endsWith('/markup-summary'));
      // fast-xml-parser has undone the XML escaping; what is left is the HTML a reader renders.
      const description = String(item.description);
      expect(asReaderShowsIt(description)).toEqual({ text: MARKUP_SUMMARY, elements: 0 });
    });

    it('gives the same text in Atom (type="text") and JSON Feed (summary is plain text)', async () => {
      const atom = await (await t.get('/en/atom.xml')).text();
      expect(atom).toContain(`<summary type="text">Use &lt;script&gt; tags &amp; &lt;b&gt;bold&lt;/b&gt;`);
      const json = (await (await t.get('/en/feed.json')).json()) as { items: { summary: string }[] };
      expect(json.items.map((i) => i.summary)).toContain(MARKUP_SUMMARY);
    });
  });

  describe('the Google News sitemap', () => {
    it('names the publication by the site name of each entry’s own locale', async () => {
      clock.now = NOW;
      const response = await t.get('/sitemaps/news.xml');
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(sitemapSchemaProblems(body)).toEqual([]);
      const sitemap = readSitemap(body);
      const names =
        sitemap.kind === 'urlset' ? sitemap.urls.map((u) => [u.news?.language, u.news?.name]) : [];
      expect(names.sort()).toEqual([
        ['en', 'Test Site'],
        ['zh-cn', '测试站'],
      ]);
      const index = await (await t.get('/sitemap.xml')).text();
      expect(sitemapSchemaProblems(index)).toEqual([]);
      expect(index).toContain(`${TEST_SITE_URL}/sitemaps/news.xml`);
    });

    it('is left out of the index and answers 404 while no story is recent, never an empty urlset', async () => {
      clock.now = new Date(NOW.getTime() + 3 * DAY_MS);
      try {
        const news = await t.get('/sitemaps/news.xml');
        expect(news.status).toBe(404);
        expect(await news.text()).not.toContain('<urlset');
        const index = await t.get('/sitemap.xml');
        expect(index.status).toBe(200);
        const body = await index.text();
        expect(sitemapSchemaProblems(body)).toEqual([]);
        expect(body).not.toContain('news.xml');
        for (const locale of ['zh', 'en']) {
          expect(sitemapSchemaProblems(await (await t.get(`/sitemaps/${locale}.xml`)).text())).toEqual([]);
        }
      } finally {
        clock.now = NOW;
      }
    });
  });

  describe('robots.txt for first-match parsers', () => {
    it('keeps Python’s robotparser out of /admin/ and /api/, and lets it read stories', async () => {
      const response = await t.get('/robots.txt');
      expect(response.status).toBe(200);
      const paths = [
        '/admin/',
        '/admin/stories',
        '/api/v1/stories',
        '/share/1',
        '/en/ai-models/markup-summary',
        '/zh/',
      ];
      expect(
        robotParserVerdicts(
          await response.text(),
          paths.map((p) => `${TEST_SITE_URL}${p}`),
        ),
      ).toEqual([false, false, false, false, true, true]);
    });
  });

  describe('blocks left in another language after a QA override', () => {
    it('carry their own lang on the published story page', async () => {
      const db = t.database.db;
      const user = await addUser(
        db,
        { email: 'editor@example.test', role: 'editor', locales: [] },
        null,
        NOW,
      );
      const editor: Actor = { id: user.id, email: user.email, role: user.role, locales: user.locales };
      const zh = buildVariant('zh', 'quoted-interview', { status: 'draft', publishedAt: null });
      await importStories(
        db,
        [
          {
            ...buildStory('quoted-interview', { locales: ['zh'] }),
            variants: [
              {
                ...zh,
                body: `${zh.body}\n${ENGLISH_PARAGRAPH}\n`,
                faq: [
                  { question: '这对开放模型意味着什么？', answer: ENGLISH_ANSWER },
                  { question: ENGLISH_QUESTION, answer: '计划将于明年第一季度开始实施。' },
                ],
              },
            ],
          },
        ],
        { now: NOW },
      );
      const storyId = (await findStoryIdBySlug(db, 'zh', 'quoted-interview')) as number;
      const outcome = await publish(
        db,
        editor,
        { storyId, locale: 'zh', qaOverride: { reason: 'A quoted English statement' } },
        { now: NOW },
      );
      if (outcome.change) await t.site.contentChanged(outcome.change);

      const page = await t.get('/zh/ai-models/quoted-interview');
      expect(page.status).toBe(200);
      const { document } = parseHTML(await page.text());
      const marked = [...document.querySelectorAll('main [lang="en"]')].map((el) => [
        el.tagName.toLowerCase(),
        el.textContent?.trim(),
      ]);
      expect(marked).toContainEqual(['p', ENGLISH_PARAGRAPH]);
      expect(marked).toContainEqual(['p', ENGLISH_ANSWER]);
      expect(marked).toContainEqual(['h3', ENGLISH_QUESTION]);
      expect(marked).toHaveLength(3);
      // The Chinese blocks stay in the page's language.
      const chinese = [...document.querySelectorAll('main p')].find((p) =>
        p.textContent?.includes('英伟达今天宣布'),
      );
      expect(chinese?.closest('[lang="en"]')).toBeNull();
    });
  });
});
