import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { buildStory, testSite } from '../../../test/support/factories.js';
import { addActiveSubscribers } from '../../../test/support/newsletter.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../../test/support/smtp-sink.js';
import { saveSiteSettings } from '../../stories/index.js';
import { planDueRuns } from './schedule.js';
import { sendPending } from './sender.js';

// A digest as a subscriber receives it, from the whole platform: composed from the site's stories,
// sent through a real SMTP server, parsed by mailparser, and every link in it followed on the site.

const NOW = new Date('2026-11-28T09:00:00Z');

function links(mail: ReceivedMail): string[] {
  const html = [...String(mail.parsed.html).matchAll(/href="([^"]+)"/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );
  const text = [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  return [...new Set([...html, ...text])];
}

describe.each(DIALECTS)('a delivered digest on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('both-languages', { variant: { publishedAt: '2026-11-27T10:00:00.000Z' } }),
          buildStory('english-only', {
            locales: ['en'],
            variant: { publishedAt: '2026-11-27T11:00:00.000Z' },
          }),
        ],
      },
      () => NOW,
      { env: { SMTP_URL: sink.url, NEWSLETTER_DOMAIN_PER_MINUTE: '0' } },
    );
    // A site name that tries to add a header to every message it appears in.
    await saveSiteSettings(t.database.db, {
      ...testSite,
      name: { zh: '测试站\r\nBcc: victim@example.net', en: 'Test "Site"\nX-Injected: yes' },
    });
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    await addActiveSubscribers(t.database.db, 1, { locale: 'zh', prefix: 'zh' });
    await addActiveSubscribers(t.database.db, 1, { locale: 'en', prefix: 'en' });
    const deps = t.newsletter.sending;
    await planDueRuns(deps);
    await sendPending(deps, { untilIdle: true });
    await sink.waitFor(2);
  });
  afterAll(async () => {
    // The platform's pooled SMTP connections first: the server waits for open ones before closing.
    await t.destroy();
    await sink.close();
  });

  it('arrives once per subscriber, in their language, with both parts and the list headers', () => {
    expect(sink.received.map((m) => m.recipients)).toEqual(
      expect.arrayContaining([['zh-0@example.org'], ['en-0@example.org']]),
    );
    expect(sink.received).toHaveLength(2);
    for (const mail of sink.received) {
      const zh = mail.recipients[0]?.startsWith('zh-') === true;
      expect(mail.parsed.headers.get('content-language')).toBe(zh ? 'zh-Hans' : 'en');
      expect(mail.raw).toMatch(
        /^List-Unsubscribe: <https:\/\/news\.example\.test\/\w+\/newsletter\/unsubscribe\/[\w.-]+>\r?$/m,
      );
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(mail.raw).toMatch(/^List-Id: <daily\.(zh|en)\.newsletter\.news\.example\.test>\r?$/im);
      expect(mail.parsed.messageId).toMatch(/^<\d+\.\d+\.[\w-]+@news\.example\.test>$/);
      expect(mail.parsed.html).toContain(`lang="${zh ? 'zh-Hans' : 'en'}"`);
      expect(mail.parsed.text?.length).toBeGreaterThan(100);
      // Both stories: the English-only one reaches the Chinese reader through the fallback.
      expect(mail.parsed.text).toContain('Nvidia announces the english-only plan');
      expect(mail.parsed.text).toContain(
        zh ? '英伟达宣布both-languages计划' : 'Nvidia announces the both-languages plan',
      );
      expect(mail.parsed.subject).toMatch(zh ? /测试站/ : /Test/);
    }
  });

  it('lets no header in through the site name', () => {
    for (const mail of sink.received) {
      expect(mail.recipients).toHaveLength(1);
      expect(mail.parsed.headers.has('bcc')).toBe(false);
      expect(mail.parsed.headers.has('x-injected')).toBe(false);
      const headerBlock = mail.raw.split(/\r?\n\r?\n/)[0] ?? '';
      expect(headerBlock).not.toMatch(/^(Bcc|X-Injected):/im);
      expect(mail.parsed.from?.value.map((a) => a.address)).toEqual(['newsletter@news.example.test']);
      expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value.length : 0).toBe(1);
    }
  });

  it('links only to pages of the site that answer, including the subscriber’s own signed pages', async () => {
    for (const mail of sink.received) {
      const found = links(mail);
      expect(found.some((url) => url.includes('/newsletter/preferences/'))).toBe(true);
      expect(found.some((url) => url.includes('/newsletter/unsubscribe/'))).toBe(true);
      for (const url of found) {
        expect(url.startsWith(`${TEST_SITE_URL}/`), url).toBe(true);
        const response = await t.get(url.slice(TEST_SITE_URL.length));
        expect(response.status, url).toBe(200);
      }
    }
  });

  it('honours the one-click unsubscribe of the mail at once, with no session', async () => {
    const mail = sink.received.find((m) => m.recipients[0] === 'en-0@example.org');
    const target = /^List-Unsubscribe: <([^>]+)>/m.exec(mail?.raw ?? '')?.[1] ?? '';
    const response = await t.get(target.slice(TEST_SITE_URL.length), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBeLessThan(300);
    const subscriber = await t.database.db
      .selectFrom('subscribers')
      .select('state')
      .where('email', '=', 'en-0@example.org')
      .executeTakeFirstOrThrow();
    expect(subscriber.state).toBe('unsubscribed');
  });
});
