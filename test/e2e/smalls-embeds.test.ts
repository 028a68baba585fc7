import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoSite,
  launchBrowser,
  PAGES,
  People,
  seriousViolations,
  signInAs,
  startDemoSite,
} from './support.js';

// A reader clicks an embed card and the player appears; nothing reaches the internet: the
// player's origin is answered by the test itself, and only after the click.

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

async function person(): Promise<{ page: Page; foreign: string[]; players: string[] }> {
  const own = await people.context();
  const players: string[] = [];
  // Registered after the same-origin guard, so it answers first for the player's origin.
  await own.context.route('https://www.youtube-nocookie.com/**', (route) => {
    players.push(route.request().url());
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>player</title><p>local player</p>',
    });
  });
  return { page: await own.context.newPage(), foreign: own.foreign, players };
}

const VIDEO = 'https://youtu.be/dQw4w9WgXcQ';

describe.sequential('an embed in a story', { timeout: 120_000 }, () => {
  for (const [locale, load] of [
    ['zh', '加载视频'],
    ['en', 'Load video'],
  ] as const) {
    it(`in ${locale}: an editor puts a video link on its own line; a reader loads it by clicking`, async () => {
      const editor = await person();
      await signInAs(site, editor.page, { email: `smalls-embed-${locale}@example.test`, role: 'editor' });
      const storyPath = PAGES.story(locale);
      const { storyId } = (await site.testApp.database.db
        .selectFrom('story_variants')
        .select('story_id as storyId')
        .where('locale', '=', locale)
        .where('slug', '=', storyPath.split('/').at(-1) ?? '')
        .executeTakeFirstOrThrow()) as { storyId: number };
      await editor.page.goto(`${site.url}/admin/stories/${storyId}/${locale}`, { waitUntil: 'load' });
      const body = editor.page.locator('textarea[name="body"]:not(#story_note_body)');
      await body.fill(`${await body.inputValue()}\n\n${VIDEO}\n`);
      await Promise.all([
        editor.page.waitForNavigation({ waitUntil: 'load' }),
        editor.page.locator('button[name="intent"][value="save"]').click(),
      ]);

      const reader = await person();
      await reader.page.goto(site.url + storyPath, { waitUntil: 'load' });
      const card = reader.page.locator('figure.embed-youtube');
      await expect.poll(() => card.count()).toBe(1);
      expect(await card.locator('a.embed-link').getAttribute('href')).toBe(
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      );
      expect(reader.players).toEqual([]);
      expect(await seriousViolations(reader.page)).toEqual([]);

      await reader.page.getByRole('button', { name: load, exact: true }).click();
      const frame = card.locator('iframe.embed-frame');
      await expect
        .poll(() => frame.getAttribute('src'))
        .toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
      await expect.poll(() => reader.players.length).toBeGreaterThan(0);
      const player = reader.page.frameLocator('iframe.embed-frame');
      await expect.poll(() => player.locator('p').textContent()).toBe('local player');
      expect(await seriousViolations(reader.page)).toEqual([]);
      // Nothing else left the machine: the guard refused every other foreign request.
      expect(reader.foreign.filter((url) => !url.startsWith('https://www.youtube-nocookie.com/'))).toEqual(
        [],
      );
    });
  }
});
