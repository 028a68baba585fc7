import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, follow, launchBrowser, People, seriousViolations, startDemoSite } from './support.js';

// An owner sets the newsroom's time zone; an editor schedules a story at 09:00 on those clocks and
// sees 09:00 (with the zone's offset) in the story list.

let browser: Browser;
let site: DemoSite;
let people: People;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDemoSite();
  people = new People(browser, site);
}, 180_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await site?.close();
});

describe.sequential('schedule times in the newsroom’s time zone', { timeout: 120_000 }, () => {
  it('an owner sets Europe/Berlin; an editor schedules at 09:00 and the list says 09:00 UTC+2', async () => {
    const owner = await people.signedIn({ email: 'smalls-tz-owner@example.test', role: 'owner' });
    await owner.goto(`${site.url}/admin/settings`, { waitUntil: 'load' });
    await owner.getByLabel('Newsroom time zone').selectOption('Europe/Berlin');
    await follow(owner, () => owner.getByRole('button', { name: 'Save the settings' }).click());
    expect(owner.url()).toContain('notice=saved');
    expect(await seriousViolations(owner)).toEqual([]);

    const editor = await people.signedIn({
      email: 'smalls-tz-editor@example.test',
      role: 'editor',
      uiLocale: 'zh',
    });
    await editor.goto(`${site.url}/admin/stories/new`, { waitUntil: 'load' });
    await editor.locator('select[name="section"]').selectOption('ai-models');
    await editor.locator('input[name="title"]').fill('时区测试：编辑部按柏林时间定时发布');
    await editor
      .locator('textarea[name="summary"], input[name="summary"]')
      .first()
      .fill('这是一篇测试定时发布的稿件摘要。');
    await editor
      .locator('textarea[name="body"]:not(#story_note_body)')
      .fill('这是一篇用于测试编辑部时区设置的中文稿件。编辑在柏林时间上午九点定时发布，列表里也应显示九点。');
    await follow(editor, () =>
      editor.locator('form[action="/admin/stories/new"] button[type="submit"]').click(),
    );
    const draft = await site.testApp.database.db
      .selectFrom('story_variants')
      .select(['story_id', 'locale'])
      .where('title', '=', '时区测试：编辑部按柏林时间定时发布')
      .executeTakeFirstOrThrow();
    await editor.goto(`${site.url}/admin/stories/${draft.story_id}/${draft.locale}`, { waitUntil: 'load' });
    await editor.locator('input[name="publishAt"]').fill('2027-07-01T09:00');
    await follow(editor, () => editor.locator('button[name="intent"][value="schedule"]').click());
    const stored = await site.testApp.database.db
      .selectFrom('story_variants')
      .select(['status', 'publish_at'])
      .where('story_id', '=', draft.story_id)
      .where('locale', '=', draft.locale)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'scheduled', publish_at: '2027-07-01T07:00:00.000Z' });

    await editor.goto(`${site.url}/admin/stories?status=scheduled`, { waitUntil: 'load' });
    const time = editor.locator('time[datetime="2027-07-01T07:00:00.000Z"]');
    await expect.poll(() => time.first().textContent()).toBe('2027-07-01 09:00 UTC+2');
    expect(await seriousViolations(editor)).toEqual([]);
  });
});
