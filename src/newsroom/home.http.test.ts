import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { seedDeskFromFiles } from '../../test/support/desk-test-feeds.js';
import { buildStory, buildVariant } from '../../test/support/factories.js';
import { addActiveSubscribers } from '../../test/support/newsletter.js';
import { signedInAs } from '../../test/support/people.js';
import { QueryCounter } from '../../test/support/query-counter.js';
import type { Actor, User } from '../accounts/index.js';
import { importStories, submitForReview } from '../editorial/index.js';
import type { StoryInput } from '../stories/index.js';

// The newsroom's home page: each panel shows what needs attention and links onward, and the page
// costs the same number of queries however many stories the archive holds.

const NOW = new Date('2026-11-28T09:00:00Z');

const draft = (slug: string): StoryInput =>
  buildStory(slug, { locales: ['zh'], variant: { status: 'draft', publishedAt: null } });
const scheduled = (slug: string, publishAt: string): StoryInput =>
  buildStory(slug, { locales: ['en'], variant: { status: 'scheduled', publishedAt: null, publishAt } });
const shared = (slug: string, shareCount: number): StoryInput => ({ ...buildStory(slug), shareCount });
const stale = (slug: string): StoryInput => ({
  ...buildStory(slug),
  variants: [
    buildVariant('zh', slug, { revision: 3 }),
    buildVariant('en', slug, { translatedFromRevision: 1, title: `Stale ${slug} translation` }),
  ],
});

describe.each(DIALECTS)('the newsroom’s home page on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let translator: AdminClient;
  const counter = new QueryCounter();
  let submitter: Actor;
  /** Only drafts submitted for review wait for an editor; a draft still being written does not. */
  const submitDrafts = async (slugs: string[]) => {
    const rows = await t.database.db
      .selectFrom('story_variants')
      .select(['story_id', 'locale'])
      .where('slug', 'in', slugs)
      .execute();
    for (const row of rows)
      await submitForReview(
        t.database.db,
        submitter,
        { storyId: row.story_id, locale: row.locale },
        { now: NOW },
      );
  };

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          draft('waiting-draft'),
          scheduled('monday-launch', '2026-11-30T10:00:00.000Z'),
          scheduled('far-future', '2027-03-01T10:00:00.000Z'),
          shared('much-shared', 42),
          shared('little-shared', 3),
          stale('changed-source'),
        ],
      },
      () => NOW,
      { instrument: (db) => db.withPlugin(counter) },
    );
    await addActiveSubscribers(t.database.db, 3, { locale: 'en', frequency: 'daily' });
    await addActiveSubscribers(t.database.db, 2, { locale: 'zh', frequency: 'weekly', prefix: 'zh' });
    await seedDeskFromFiles(t.newsroom.deps.desk);
    let editorUser: User;
    ({ browser: editor, user: editorUser } = await signedInAs(t, 'editor'));
    ({ browser: translator } = await signedInAs(t, 'translator'));
    submitter = {
      id: editorUser.id,
      email: editorUser.email,
      role: editorUser.role,
      locales: editorUser.locales,
    };
    await submitDrafts(['waiting-draft']);
  });
  afterAll(() => t.destroy());

  const panel = (html: string, id: string): string => {
    const start = html.indexOf(`data-home-panel="${id}"`);
    if (start < 0) return '';
    const end = html.indexOf('</section>', start);
    return html.slice(start, end);
  };

  it('is what /admin shows, with every panel and its way onward', async () => {
    expect((await editor.get('/admin')).status).toBe(200);
    const html = editor.lastHtml;
    expect(html).toContain('<h1>Newsroom</h1>');
    expect(html).toContain('aria-current="page"');

    const drafts = panel(html, 'drafts');
    expect(drafts).toContain('英伟达宣布waiting-draft计划');
    expect(drafts).toMatch(/href="\/admin\/stories\/\d+\/zh"/);
    expect(drafts).toContain('href="/admin/stories?status=draft"');
    expect(drafts).not.toContain('much-shared');

    const staleTranslations = panel(html, 'stale');
    expect(staleTranslations).toContain('Stale changed-source translation');
    expect(staleTranslations).toMatch(/href="\/admin\/stories\/\d+\/en"/);
    expect(staleTranslations).not.toContain('much-shared');

    const calendar = panel(html, 'calendar');
    expect(calendar).toContain('<th scope="col">Mon</th>');
    // Monday 30 November, in the week after the one holding the 28th.
    expect(calendar).toMatch(/datetime="2026-11-30"[\s\S]*Nvidia announces the monday-launch plan/);
    expect(calendar).toContain('aria-current="date"');
    expect(calendar).not.toContain('far-future');

    const rising = panel(html, 'rising');
    expect(rising).toMatch(/href="\/admin\/desk\/\d+"/);
    expect(rising).toContain('in 6 h');

    const newsletter = panel(html, 'newsletter');
    expect(newsletter).toMatch(/English · daily[\s\S]*<td class="home-number">3<\/td>/);
    expect(newsletter).toMatch(/Chinese · weekly[\s\S]*<td class="home-number">2<\/td>/);

    const sharedPanel = panel(html, 'shared');
    expect(sharedPanel.indexOf('much-shared')).toBeGreaterThan(-1);
    expect(sharedPanel.indexOf('much-shared')).toBeLessThan(sharedPanel.indexOf('little-shared'));
    expect(sharedPanel).toContain('42 shares');
  });

  it('shows a translator the panels of their work only, in their language', async () => {
    expect((await translator.get('/admin')).status).toBe(200);
    const html = translator.lastHtml;
    expect(panel(html, 'drafts')).not.toBe('');
    for (const hidden of ['rising', 'newsletter', 'proposals']) expect(panel(html, hidden)).toBe('');
  });

  it('sends nobody signed out to the home page', async () => {
    const response = await t.get('/admin', { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/admin/sign-in');
  });

  it('costs the same number of queries with ten times the archive', async () => {
    counter.reset();
    expect((await editor.get('/admin')).status).toBe(200);
    const before = counter.queries.length;
    const more: StoryInput[] = [];
    for (let n = 0; n < 12; n++) {
      more.push(draft(`more-draft-${n}`), shared(`more-shared-${n}`, n + 1), stale(`more-stale-${n}`));
      more.push(scheduled(`more-scheduled-${n}`, `2026-12-0${(n % 9) + 1}T08:00:00.000Z`));
    }
    await importStories(t.database.db, more, { now: NOW });
    await submitDrafts(Array.from({ length: 12 }, (_, n) => `more-draft-${n}`));
    counter.reset();
    expect((await editor.get('/admin')).status).toBe(200);
    expect(counter.queries.length).toBe(before);
    // Every panel's list is cut at its limit.
    expect(panel(editor.lastHtml, 'drafts').match(/<li>/g)?.length).toBe(8);
    expect(panel(editor.lastHtml, 'shared').match(/<li>/g)?.length).toBe(8);
  });
});
