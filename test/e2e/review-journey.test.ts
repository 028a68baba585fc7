import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/accounts/index.js';
import { createStory } from '../../src/editorial/index.js';
import { findStory } from '../../src/stories/index.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { type DemoSite, follow, launchBrowser, People, seriousViolations, startDemoSite } from './support.js';

// The review journey in Chromium, clicked as people would: an author (admin in Chinese) submits
// a draft; an editor (admin in English) finds it in "Needs review" and sends it back with a note;
// the author reads the note in the editor, fixes the text and resubmits; the editor approves and
// publishes. Every page on the way is axe-clean, and each step's mail reaches a real SMTP server.

const TITLE = 'Review journey: a draft that needs a second look';
const NOTE = 'Please name the source of the benchmark in the second paragraph.';
const AUTHOR = { email: 'review-author@example.test', role: 'author' as const, uiLocale: 'zh' as const };
const EDITOR = { email: 'review-editor@example.test', role: 'editor' as const, uiLocale: 'en' as const };

let sink: SmtpSink;
let site: DemoSite;
let browser: Browser;
let storyId: number;
let people: People;

beforeAll(async () => {
  sink = await startSmtpSink();
  browser = await launchBrowser();
  site = await startDemoSite({ env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1' }, ownSiteUrl: true });
  people = new People(browser, site);
}, 180_000);

afterAll(async () => {
  await people?.close();
  await browser?.close();
  await site?.close();
  await sink?.close();
});

const editorPath = () => `/admin/stories/${storyId}/en`;

describe.sequential('review: submit, send back with a note, resubmit, approve and publish', {
  timeout: 90_000,
}, () => {
  let author: Page;
  let editor: Page;

  it('is submitted by its author from the editor (admin in Chinese)', async () => {
    author = await people.signedIn(AUTHOR);
    const user = await findUserByEmail(site.testApp.database.db, AUTHOR.email);
    if (!user) throw new Error('the author was not added');
    ({ storyId } = await createStory(
      site.testApp.database.db,
      { id: user.id, email: user.email, role: 'author', locales: [] },
      {
        section: 'ai-models',
        sourceLocale: 'en',
        entities: [],
        variant: {
          title: TITLE,
          summary: 'A draft written to walk through the review of the newsroom, from submit to publish.',
          body: '## Benchmark\n\nThe new model scores higher on the benchmark than its predecessor did last year.\n',
        },
      },
      { now: new Date() },
    ));
    await author.goto(`${site.url}${editorPath()}`, { waitUntil: 'load' });
    expect(await seriousViolations(author)).toEqual([]);
    expect(await follow(author, () => author.getByRole('button', { name: '提交审阅' }).click())).toBe(200);
    expect(author.url()).toContain('notice=reviewSubmitted');
    await expect.poll(() => author.locator('.review-banner-waiting').textContent()).toContain('提交审阅');
  });

  it('reaches the editor in the queue, who sends it back with a note (admin in English)', async () => {
    editor = await people.signedIn(EDITOR);
    const nav = editor.getByRole('link', { name: /Needs review/ });
    expect(await nav.textContent()).toContain('1');
    expect(await follow(editor, () => nav.click())).toBe(200);
    expect(await editor.locator('h1').textContent()).toBe('Needs review');
    expect(await editor.locator('table.review-queue td').allTextContents()).toContain(AUTHOR.email);
    expect(await seriousViolations(editor)).toEqual([]);
    expect(await follow(editor, () => editor.getByRole('link', { name: TITLE }).click())).toBe(200);
    await editor.getByLabel('Note to the author (what to change)').fill(NOTE);
    expect(
      await follow(editor, () => editor.getByRole('button', { name: 'Send back with note' }).click()),
    ).toBe(200);
    expect(new URL(editor.url()).pathname).toBe('/admin/review');
    expect(await editor.locator('main').textContent()).toContain('Nothing is waiting for review.');
    await expect.poll(() => sink.received.some((m) => m.recipients.includes(AUTHOR.email))).toBe(true);
  });

  it('shows the author the note in the editor; the author fixes the text and resubmits', async () => {
    await author.goto(`${site.url}${editorPath()}`, { waitUntil: 'load' });
    const banner = author.locator('.review-banner');
    expect(await banner.locator('h2').textContent()).toBe('编辑退回了这篇草稿');
    expect(await banner.locator('blockquote').textContent()).toBe(NOTE);
    expect(await banner.textContent()).toContain(EDITOR.email);
    expect(await seriousViolations(author)).toEqual([]);
    await author
      .getByLabel('正文（Markdown）')
      .fill(
        '## Benchmark\n\nThe new model scores higher on the benchmark than its predecessor did last year, according to the lab that published it.\n',
      );
    expect(
      await follow(author, () => author.getByRole('button', { name: '保存', exact: true }).click()),
    ).toBe(200);
    expect(await follow(author, () => author.getByRole('button', { name: '重新提交审阅' }).click())).toBe(
      200,
    );
    expect(author.url()).toContain('notice=reviewSubmitted');
  });

  it('is approved and published by the editor', async () => {
    await editor.goto(`${site.url}/admin/review`, { waitUntil: 'load' });
    expect(await follow(editor, () => editor.getByRole('link', { name: TITLE }).click())).toBe(200);
    expect(await follow(editor, () => editor.getByRole('button', { name: 'Approve' }).click())).toBe(200);
    expect(editor.url()).toContain('notice=reviewApproved');
    expect(await seriousViolations(editor)).toEqual([]);
    expect(
      await follow(editor, () => editor.getByRole('button', { name: 'Publish', exact: true }).click()),
    ).toBe(200);
    expect(editor.url()).toContain('notice=published');
    const story = await findStory(site.testApp.database.db, storyId);
    expect(story?.variants[0]?.status).toBe('published');
    await author.goto(`${site.url}/admin/notices`, { waitUntil: 'load' });
    expect(await author.locator('main').textContent()).toContain('批准了');
    expect(await seriousViolations(author)).toEqual([]);
  });
});
