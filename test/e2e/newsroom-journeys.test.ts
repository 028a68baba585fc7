import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStory } from '../../src/stories/index.js';
import { deskEnv, type FeedServer, startFeedServer } from '../support/desk-test-feeds.js';
import { type DemoSite, follow, launchBrowser, People, seriousViolations, startDemoSite } from './support.js';

// Two more journeys through the admin in Chromium, each clicked through as a person would:
// a translator finds a story missing its English version, writes it and saves it, and an editor
// publishes it, after which the English page is on the site; and an editor follows a source served
// by a local feed server, finds its items clustered on the desk, opens a cluster and starts a story
// from it, landing in the editor with a draft that holds the cluster's sources. The editor's own
// write → preview → publish journey is test/e2e/newsroom.test.ts.

/** The demo's story written in Chinese only. */
const ZH_ONLY = { section: 'industry', slug: 'edge-ai-phones' };
const EN_TITLE =
  'Large models move onto phones: Alibaba Cloud releases on-device Qwen models that work offline';
const NVIDIA = 'Nvidia unveils Rubin inference chip that halves power use';

let feeds: FeedServer;
let site: DemoSite;
let browser: Browser;
let people: People;

beforeAll(async () => {
  feeds = await startFeedServer();
  browser = await launchBrowser();
  site = await startDemoSite({ env: deskEnv(feeds) });
  people = new People(browser, site);
  // Seeding the demo and starting Chromium take well over a minute on a loaded machine.
}, 180_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await site?.close();
  await feeds?.close();
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe.sequential('a translator’s journey, finished by an editor', { timeout: 90_000 }, () => {
  let translator: Page;
  let editorPath = '';

  it('finds the story missing its English version through the list’s filters', async () => {
    translator = await people.signedIn({
      email: 'journey-translator@example.test',
      role: 'translator',
      locales: ['en'],
    });
    // Signing in lands on the newsroom's home page; the story list is one click away.
    expect(
      await follow(translator, () => translator.getByRole('link', { name: 'Stories', exact: true }).click()),
    ).toBe(200);
    await translator.getByLabel('Language', { exact: true }).selectOption('en');
    await translator.getByLabel('Translation', { exact: true }).selectOption('missing');
    expect(await follow(translator, () => button(translator, 'Filter').click())).toBe(200);
    const row = translator
      .locator('tbody tr')
      .filter({ has: translator.locator(`a[href$="/zh"]`, { hasText: '大模型装进手机' }) });
    expect(await row.count()).toBe(1);
    expect(await follow(translator, () => row.getByRole('link', { name: /^English · / }).click())).toBe(200);
    editorPath = new URL(translator.url()).pathname;
    expect(editorPath).toMatch(/^\/admin\/stories\/\d+\/en$/);
    expect(await seriousViolations(translator)).toEqual([]);
  });

  it('writes the translation and saves it; publishing is not theirs to do', async () => {
    await translator.getByLabel('Title', { exact: true }).fill(EN_TITLE);
    await translator.getByLabel('Address (slug)').fill(ZH_ONLY.slug);
    await translator
      .getByLabel('Summary')
      .fill(
        'Alibaba Cloud released Qwen models sized for phones; the quantised 1.5B version fits in about 1 GB.',
      );
    await translator
      .getByLabel('Body (Markdown)')
      .fill(
        [
          'Alibaba Cloud released a set of small Qwen models tuned for phones and other devices on 26 November.',
          '',
          '## Three sizes',
          '',
          '| Version | Parameters | Size after quantisation |',
          '| --- | --- | --- |',
          '| 0.5B | about 500 million | about 300 MB |',
          '| 1.5B | about 1.5 billion | about 1 GB |',
          '',
          'Several phone makers are testing the models inside their system assistants.',
        ].join('\n'),
      );
    await translator
      .getByLabel(/^Hero image description/)
      .fill(
        'Abstract illustration: a square chip package on a navy gradient, four of its sixteen cells glowing coral.',
      );
    // The scaffold brought the source's FAQ to translate; this translation leaves it out.
    const removeFaq = translator.locator('[data-faq-list] [data-faq-action="remove"]');
    while ((await removeFaq.count()) > 0) await removeFaq.first().click();
    expect(await button(translator, 'Publish').count()).toBe(0);
    expect(await follow(translator, () => button(translator, 'Save').click())).toBe(200);
    expect(translator.url()).toContain('notice=saved');
    const story = await findStory(site.testApp.database.db, Number(editorPath.split('/')[3]));
    expect(story?.variants.find((v) => v.locale === 'en')).toMatchObject({
      title: EN_TITLE,
      status: 'draft',
    });
    expect((await translator.request.get(`${site.url}/en/${ZH_ONLY.section}/${ZH_ONLY.slug}`)).status()).toBe(
      200,
    );
  });

  it('is published by an editor, and the English page is on the site', async () => {
    const editor = await people.signedIn({ email: 'journey-publisher@example.test', role: 'editor' });
    await editor.goto(`${site.url}${editorPath}`, { waitUntil: 'load' });
    expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe(EN_TITLE);
    expect(await follow(editor, () => button(editor, 'Publish').click())).toBe(200);
    expect(editor.url()).toContain('notice=published');

    expect(await follow(editor, () => editor.getByRole('link', { name: 'View on the site' }).click())).toBe(
      200,
    );
    expect(new URL(editor.url()).pathname).toBe(`/en/${ZH_ONLY.section}/${ZH_ONLY.slug}`);
    await expect.poll(() => editor.locator('h1').first().textContent()).toBe(EN_TITLE);
    expect(await editor.locator('html').getAttribute('lang')).toBe('en');
    expect(await editor.locator('main table td').allTextContents()).toContain('about 1 GB');
    expect(await seriousViolations(editor)).toEqual([]);
  });
});

describe.sequential('the desk: from a followed source to a draft', { timeout: 90_000 }, () => {
  let editor: Page;

  it('follows two sources served by a local feed server', async () => {
    editor = await people.signedIn({ email: 'journey-desk@example.test', role: 'editor' });
    await editor.goto(`${site.url}/admin/sources`, { waitUntil: 'load' });
    for (const url of [feeds.urls.wire, feeds.urls.chips]) {
      await editor.getByLabel('Feed or site address').fill(url);
      expect(await follow(editor, () => button(editor, 'Follow').click())).toBe(200);
      await expect.poll(() => editor.locator('main').textContent()).toContain(url);
    }
    expect(await seriousViolations(editor)).toEqual([]);
  });

  it('sees the two reports of one Nvidia story as one cluster in the inbox and opens it', async () => {
    await editor.getByRole('link', { name: 'Desk', exact: true }).first().click();
    await editor.waitForURL(/\/admin\/desk(\?|$)/);
    const cluster = editor.getByRole('link', { name: NVIDIA, exact: true }).first();
    expect(await cluster.count()).toBe(1);
    expect(await seriousViolations(editor)).toEqual([]);
    expect(await follow(editor, () => cluster.click())).toBe(200);
    expect(new URL(editor.url()).pathname).toMatch(/^\/admin\/desk\/\d+$/);
    await expect.poll(() => editor.locator('main').textContent()).toContain('Chip Weekly');
    expect(await editor.locator('main').textContent()).toContain('Daily Wire Tech');
    expect(await seriousViolations(editor)).toEqual([]);
  });

  it('starts a story and lands in the editor with a draft that holds the sources', async () => {
    expect(
      await follow(editor, () => editor.getByRole('link', { name: 'Start a story' }).first().click()),
    ).toBe(200);
    expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe(NVIDIA);
    await editor.getByLabel('Section').selectOption('chips');
    expect(await seriousViolations(editor)).toEqual([]);
    expect(await follow(editor, () => button(editor, 'Create the draft').click())).toBe(200);
    const match = /\/admin\/stories\/(\d+)\/en\?notice=created$/.exec(editor.url());
    expect(match, editor.url()).not.toBeNull();
    expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe(NVIDIA);

    const story = await findStory(site.testApp.database.db, Number(match?.[1]));
    expect(story?.variants).toEqual([expect.objectContaining({ locale: 'en', status: 'draft' })]);
    const publishers = story?.sources.map((s) => s.publisher) ?? [];
    expect(publishers).toEqual(expect.arrayContaining(['Daily Wire Tech', 'Chip Weekly']));
    // The editor shows the sources beside the text.
    for (const publisher of publishers) {
      expect(await editor.locator('main').textContent()).toContain(publisher);
    }
    expect(await seriousViolations(editor)).toEqual([]);
  });

  it('reached nothing outside the site', async () => {
    await people.close();
    expect(people.foreign).toEqual([]);
  });
});
