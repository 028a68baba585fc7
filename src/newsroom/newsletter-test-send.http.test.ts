import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase, DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';
import { createTestSendLimiter, sendErrorLine } from '../newsletter/index.js';

// The digest preview for a chosen list and period, and the test send of it through a real SMTP
// server: one address, a translated [Test] marker, its own Message-ID, links to the signup page,
// no delivery recorded; malformed and header-injecting addresses refused with nothing sent.

const RECENT_CHIPS = 'Nvidia announces the recent-chips plan';
const RECENT_MODELS = 'Nvidia announces the recent-models plan';
const OLDER = 'Nvidia announces the older-story plan';

describe.each(DIALECTS)('the newsletter preview and test send on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let editor: AdminClient;
  let editorEmail: string;

  const deliveries = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('newsletter_deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const quietly = () => t.mailIdle();
  const testSend = (fields: Record<string, string | string[]>, options: { csrf?: string } = {}) =>
    editor.post(
      '/admin/newsletter/test-send',
      { locale: 'en', frequency: 'daily', days: '', ...fields },
      options,
    );

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The clock stands at 2026-11-28T09:00Z: two stories in the last day, one a week older.
    t = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [
          buildStory('recent-chips', {
            section: 'chips',
            entities: ['h200'],
            variant: { publishedAt: '2026-11-27T20:00:00.000Z' },
          }),
          buildStory('recent-models', { variant: { publishedAt: '2026-11-28T06:00:00.000Z' } }),
          buildStory('older-story', { variant: { publishedAt: '2026-11-20T08:00:00.000Z' } }),
        ],
      },
      undefined,
      { env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1' } },
    );
    const signedIn = await signedInAs(t, 'editor');
    editor = signedIn.browser;
    editorEmail = signedIn.user.email;
  });
  afterAll(async () => {
    await t?.destroy();
    await sink?.close();
  });

  it('previews the digest of the period ending now, for a list’s topics and period', async () => {
    expect((await editor.get('/admin/newsletter/preview?locale=en&frequency=daily')).status).toBe(200);
    let html = editor.lastHtml;
    expect(html).toContain(RECENT_CHIPS);
    expect(html).toContain(RECENT_MODELS);
    expect(html).not.toContain(OLDER);
    expect(html).toContain('2 stories first published from 2026-11-27 09:00 UTC to 2026-11-28 09:00 UTC.');
    expect(html).toContain('src="/admin/newsletter/preview.html?locale=en&amp;frequency=daily"');
    // The signed-in person's address is the default recipient.
    expect(html).toContain(`value="${editorEmail}"`);

    await editor.get(
      '/admin/newsletter/preview?locale=en&frequency=daily&topic=section:chips&topic=entity:bogus',
    );
    html = editor.lastHtml;
    expect(html).toContain(RECENT_CHIPS);
    expect(html).not.toContain(RECENT_MODELS);
    expect(html).toMatch(/value="section:chips" checked/);

    await editor.get('/admin/newsletter/preview?locale=zh&frequency=weekly&days=14');
    html = editor.lastHtml;
    expect(html).toContain('英伟达宣布older-story计划');
    expect(html).toContain('英伟达宣布recent-chips计划');

    const frame = await editor.get(
      '/admin/newsletter/preview.html?locale=en&frequency=daily&topic=section:chips',
    );
    expect(frame.headers.get('content-security-policy')).toContain('sandbox');
    const body = await frame.text();
    expect(body).toContain(RECENT_CHIPS);
    expect(body).not.toContain(RECENT_MODELS);
    expect(body).toContain('https://news.example.test/en/newsletter');
  });

  it('sends a test to one address through SMTP, marked, with its own Message-ID, recording nothing', async () => {
    await editor.get('/admin/newsletter/preview');
    const before = await deliveries();
    const response = await testSend({ to: '  Tester@Example.TEST ' });
    // Post/redirect/get: the page that says "sent" is a GET, so a reload sends nothing.
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe('/admin/newsletter/preview?locale=en&frequency=daily&sent=tester%40example.test');
    expect((await editor.get(location)).status).toBe(200);
    expect(editor.lastHtml).toContain('Test sent to tester@example.test.');
    expect(editor.lastHtml).toContain('value="tester@example.test"');
    // A forged notice shows nothing it cannot vouch for.
    await editor.get('/admin/newsletter/preview?sent=%3Cb%3Enot%20an%20address');
    expect(editor.lastHtml).not.toContain('Test sent to');
    const [mail] = await sink.waitFor(1);
    expect(mail?.recipients).toEqual(['tester@example.test']);
    expect(mail?.parsed.subject).toMatch(/^\[Test\] /);
    expect(mail?.parsed.messageId).toMatch(/^<test\.[0-9a-f]{24}@/);
    expect(mail?.parsed.text).toContain(RECENT_MODELS);
    expect(mail?.parsed.text).toContain('https://news.example.test/en/newsletter');
    expect(String(mail?.parsed.html)).toContain('href="https://news.example.test/en/newsletter"');
    expect(mail?.raw).not.toContain('__VELOCITY_');
    expect(mail?.parsed.headers.get('list-unsubscribe')).toBeUndefined();
    expect(await deliveries()).toBe(before);

    await testSend({ locale: 'zh', to: 'tester@example.test' });
    const [, second] = await sink.waitFor(2);
    expect(second?.parsed.subject).toMatch(/^\[测试\] /);
    expect(second?.parsed.messageId).not.toBe(mail?.parsed.messageId);
  });

  it.each([
    ['a malformed address', 'not an address'],
    ['a header injection', 'a@example.test\r\nBcc: victim@example.test'],
    ['two addresses', 'a@example.test, b@example.test'],
    ['nothing', ''],
  ])('refuses %s with a clear message and sends nothing', async (_, to) => {
    await editor.get('/admin/newsletter/preview');
    const count = sink.received.length;
    const response = await testSend({ to });
    expect(response.status).toBe(422);
    expect(editor.lastHtml).toContain('Enter one email address, such as name@example.com.');
    expect(editor.lastHtml).toContain('aria-invalid="true"');
    await quietly();
    expect(sink.received).toHaveLength(count);
  });

  it('refuses a test without the CSRF token, and one by a role that may not', async () => {
    await editor.get('/admin/newsletter/preview');
    const count = sink.received.length;
    expect((await testSend({ to: 'x@example.test' }, { csrf: '' })).status).toBe(403);
    const { browser: author } = await signedInAs(t, 'author');
    await author.get('/admin/stories');
    const refused = await author.post('/admin/newsletter/test-send', {
      locale: 'en',
      frequency: 'daily',
      to: 'x@example.test',
    });
    expect(refused.status).toBe(403);
    await quietly();
    expect(sink.received).toHaveLength(count);
  });

  it('sends a double submit at most twice, and never more than the limit', async () => {
    const { browser } = await signedInAs(t, 'owner');
    await browser.get('/admin/newsletter/preview');
    const count = sink.received.length;
    const post = () =>
      browser.post('/admin/newsletter/test-send', {
        locale: 'en',
        frequency: 'daily',
        to: 'double@example.test',
      });
    const statuses = (await Promise.all([post(), post()])).map((r) => r.status).sort();
    expect(statuses.every((s) => s === 303 || s === 429)).toBe(true);
    await quietly();
    const sent = sink.received.length - count;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(2);
    const later = [];
    for (let n = 0; n < 6; n++) later.push((await post()).status);
    expect(later).toContain(429);
    expect(browser.lastHtml).toContain('That is enough tests for now.');
    await quietly();
    expect(sink.received.length - count).toBe(5);
  });

  it('flashes the SMTP error in one line when the server is unreachable, and refuses an empty digest', async () => {
    const refusing = await createTestApp(
      dialect,
      {
        seed: 'stories',
        stories: [buildStory('refused', { variant: { publishedAt: '2026-11-28T06:00:00.000Z' } })],
      },
      undefined,
      // Nothing listens on port 9 of the loopback: the connection is refused at once.
      { env: { SMTP_URL: 'smtp://127.0.0.1:9', SMTP_POOL_SIZE: '1' } },
    );
    try {
      const { browser } = await signedInAs(refusing, 'editor');
      await browser.get('/admin/newsletter/preview');
      const response = await browser.post('/admin/newsletter/test-send', {
        locale: 'en',
        frequency: 'daily',
        to: 'x@example.test',
      });
      expect(response.status).toBe(200);
      expect(browser.lastHtml).toMatch(/role="alert">The test could not be sent: [^<\n]*ECONNREFUSED/);

      // Nothing in the chips section here: the preview says so, offers no test, and sends none.
      await browser.get('/admin/newsletter/preview?locale=en&frequency=daily&topic=section:chips');
      expect(browser.lastHtml).toContain('Nothing was published for this list in the period');
      expect(browser.lastHtml).not.toContain('action="/admin/newsletter/test-send"');
      const empty = await browser.post('/admin/newsletter/test-send', {
        locale: 'en',
        frequency: 'daily',
        topic: 'section:chips',
        to: 'x@example.test',
      });
      expect(empty.status).toBe(422);
      expect(browser.lastHtml).toContain('Nothing was published for this list in the period');
    } finally {
      await refusing.destroy();
    }
  });
});

describe('the test send helpers', () => {
  it.each(DIALECTS)('lets one test through at a time and a few per window, on %s', async (dialect) => {
    const database = await createTestDatabase(dialect);
    try {
      const limiter = createTestSendLimiter(database.db, { max: 2, windowMs: 1000 });
      expect(await limiter.take(1, 0)).toBe('granted');
      expect(await limiter.take(1, 1)).toBe('busy');
      expect(await limiter.take(2, 1)).toBe('granted');
      await limiter.release(1);
      expect(await limiter.take(1, 2)).toBe('granted');
      await limiter.release(1);
      expect(await limiter.take(1, 3)).toBe('limited');
      expect(await limiter.take(1, 1001)).toBe('granted');
    } finally {
      await database.destroy();
    }
  });

  it.each([
    [{ response: '550 5.7.1\r\nRelaying denied', message: 'x' }, '550 5.7.1 Relaying denied'],
    [new Error('connect ECONNREFUSED 127.0.0.1:9'), 'connect ECONNREFUSED 127.0.0.1:9'],
    ['plain', 'plain'],
    [{ message: 'x'.repeat(400) }, `${'x'.repeat(299)}…`],
  ])('puts a mailer failure in one line: %#', (error, line) => {
    expect(sendErrorLine(error)).toBe(line);
  });
});
