import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, findUserByEmail } from '../../src/accounts/index.js';
import { importStories, submitForReview } from '../../src/editorial/index.js';
import { buildStory } from '../support/factories.js';
import {
  type DemoSite,
  follow,
  launchBrowser,
  People,
  seriousViolations,
  signInAs,
  startDemoSite,
} from './support.js';

// The newsroom's home page and entity proposals, clicked through in Chromium as people would:
// an editor opens the home page (in English and in Chinese) and follows a panel to the work; an
// author types a company the newsroom does not know while writing, saves, and sees it pending; an
// editor approves it from the review list and publishes the story; readers then see the new tag.

const DRAFT_SLUG = 'lumen-draft';
const DRAFT_TITLE = `Nvidia announces the ${DRAFT_SLUG} plan`;
const NEW_COMPANY = 'Lumen Robotics';

let site: DemoSite;
let browser: Browser;
let draftId = 0;
let people: People;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  people = new People(browser, site);
  const { storyIds } = await importStories(
    site.testApp.database.db,
    [buildStory(DRAFT_SLUG, { locales: ['en'], variant: { status: 'draft', publishedAt: null } })],
    { now: new Date() },
  );
  draftId = storyIds[0] as number;
  // The home page lists drafts waiting for review; a colleague sends this one (review-journey
  // clicks that step through; here it is only the starting point).
  const author = await addUser(
    site.testApp.database.db,
    { email: 'home-draft-writer@example.test', role: 'editor' },
    null,
    new Date(),
  );
  await submitForReview(
    site.testApp.database.db,
    { id: author.id, email: author.email, role: author.role, locales: author.locales },
    { storyId: draftId, locale: 'en' },
    { now: new Date() },
  );
}, 180_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await site?.close();
  expect(people.foreign).toEqual([]);
});

const panel = (page: Page, id: string) => page.locator(`[data-home-panel="${id}"]`);

describe.sequential('the newsroom’s home page and a proposed entity', { timeout: 90_000 }, () => {
  it('greets an editor with what needs attention, and a panel leads to the work (en)', async () => {
    const editor = await people.signedIn({
      email: 'home-editor-en@example.test',
      role: 'editor',
      uiLocale: 'en',
    });
    expect(new URL(editor.url()).pathname).toBe('/admin');
    expect(await editor.getByRole('heading', { level: 1 }).textContent()).toBe('Newsroom');
    for (const id of ['drafts', 'stale', 'calendar', 'rising', 'newsletter', 'shared', 'proposals']) {
      expect(await panel(editor, id).count(), id).toBe(1);
    }
    expect(await editor.getByRole('table', { name: /Scheduled stories/ }).count()).toBe(1);
    expect(await seriousViolations(editor)).toEqual([]);

    const draftLink = panel(editor, 'drafts').getByRole('link', { name: DRAFT_TITLE });
    expect(await follow(editor, () => draftLink.click())).toBe(200);
    expect(new URL(editor.url()).pathname).toBe(`/admin/stories/${draftId}/en`);

    await editor.goto(`${site.url}/admin`, { waitUntil: 'load' });
    expect(
      await follow(editor, () => editor.getByRole('link', { name: 'All stale translations' }).click()),
    ).toBe(200);
    expect(new URL(editor.url()).search).toBe('?translation=stale');
  });

  it('reads the same in Chinese, axe-clean', async () => {
    const editor = await people.signedIn({
      email: 'home-editor-zh@example.test',
      role: 'editor',
      uiLocale: 'zh',
    });
    expect(await editor.getByRole('heading', { level: 1 }).textContent()).toBe('编辑部');
    expect(await panel(editor, 'drafts').getByRole('heading', { name: '待审草稿' }).count()).toBe(1);
    expect(await seriousViolations(editor)).toEqual([]);
    expect(await follow(editor, () => editor.getByRole('link', { name: '全部草稿' }).click())).toBe(200);
    expect(new URL(editor.url()).search).toBe('?status=draft');
  });

  it('lets an author tag a company nobody added yet; the save succeeds and shows it pending', async () => {
    const author = await people.page();
    const email = 'home-author@example.test';
    await signInAs(site, author, { email, role: 'author', uiLocale: 'en' });
    const user = await findUserByEmail(site.testApp.database.db, email);
    await site.testApp.database.db
      .updateTable('stories')
      .set({ author_id: user?.id ?? null })
      .where('id', '=', draftId)
      .execute();
    await author.goto(`${site.url}/admin/stories/${draftId}/en`, { waitUntil: 'load' });
    await author.getByLabel('Add an entity').fill(NEW_COMPANY);
    expect(
      await follow(author, () => author.getByRole('button', { name: 'Save', exact: true }).click()),
    ).toBe(200);
    expect(author.url()).toContain('notice=saved');
    const tag = author.locator('[data-entity-list] li', { hasText: NEW_COMPANY });
    expect(await tag.count()).toBe(1);
    expect(await tag.textContent()).toContain('pending review');
    expect(await tag.getByRole('checkbox').isChecked()).toBe(true);
    expect(await seriousViolations(author)).toEqual([]);
  });

  it('is approved by an editor from the home page, and readers see it once the story is out (zh)', async () => {
    const editor = await people.signedIn({
      email: 'home-reviewer@example.test',
      role: 'editor',
      uiLocale: 'zh',
    });
    expect(await panel(editor, 'proposals').textContent()).toContain(NEW_COMPANY);
    expect(await follow(editor, () => editor.getByRole('link', { name: '审阅提议的实体' }).click())).toBe(
      200,
    );
    expect(await seriousViolations(editor)).toEqual([]);
    const card = editor.locator('[data-proposal="lumen-robotics"]');
    await card.getByLabel('类型').selectOption('company');
    expect(await follow(editor, () => card.getByRole('button', { name: '批准' }).click())).toBe(200);
    expect(await editor.locator('[data-proposal="lumen-robotics"]').count()).toBe(0);

    await editor.goto(`${site.url}/admin/stories/${draftId}/en`, { waitUntil: 'load' });
    const tag = editor.locator('[data-entity-list] li', { hasText: NEW_COMPANY });
    expect(await tag.textContent()).not.toContain('待审核');
    expect(
      await follow(editor, () => editor.getByRole('button', { name: '发布', exact: true }).click()),
    ).toBe(200);
    expect(editor.url()).toContain('notice=published');

    const reader = await people.page();
    expect(
      (await reader.goto(`${site.url}/en/ai-models/${DRAFT_SLUG}`, { waitUntil: 'load' }))?.status(),
    ).toBe(200);
    const link = reader.getByRole('link', { name: NEW_COMPANY });
    expect(await link.count()).toBeGreaterThan(0);
    expect(await follow(reader, () => link.first().click())).toBe(200);
    expect(new URL(reader.url()).pathname).toBe('/en/topics/lumen-robotics');
  });
});
