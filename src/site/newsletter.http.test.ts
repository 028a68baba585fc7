import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';
import { vnuProblems } from '../../test/support/vnu.js';

// The newsletter's public pages end to end: the app in process on a real database, mail through a
// real SMTP server on 127.0.0.1, parsed by mailparser.

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Paths of every link to this site in a mail, from both parts. */
function linksIn(mail: ReceivedMail): { html: string[]; text: string[] } {
  const html = [...String(mail.parsed.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
  const text = [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  return { html, text };
}

function header(mail: ReceivedMail, name: string): string {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
  return line.slice(line.indexOf(':') + 1).trim();
}

function pathOf(url: string, segment: string): string {
  const found = url.match(new RegExp(`/\\w+/newsletter/${segment}/[\\w.-]+`))?.[0];
  if (!found) throw new Error(`no ${segment} link in ${url}`);
  return found;
}

describe.each(DIALECTS)('newsletter pages on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  const pages: Record<string, string> = {};
  let ipCounter = 0;

  /** A POST from this site's own form, from a fresh client address unless told otherwise. */
  function post(path: string, fields: Record<string, string | string[]>, ip = `198.51.100.${++ipCounter}`) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    return t.get(path, {
      method: 'POST',
      headers: { ...FORM, origin: TEST_SITE_URL, 'x-forwarded-for': ip },
      body: body.toString(),
    });
  }

  async function keep(name: string, response: Response): Promise<string> {
    const html = await response.text();
    pages[`${dialect}-${name}`] = html;
    return html;
  }

  /** Waits for the mail `count` to arrive and makes sure no other follows it. */
  async function exactlyMail(count: number): Promise<ReceivedMail> {
    const mails = await sink.waitFor(count);
    await t.mailIdle();
    expect(sink.received).toHaveLength(count);
    return mails[count - 1] as ReceivedMail;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { seed: 'stories', stories: [] }, undefined, {
      env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: '1', TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => {
    await t?.destroy();
    await sink?.close();
  });

  it('shows the full form in both languages, with a honeypot hidden from people and assistive tech', async () => {
    for (const locale of ['en', 'zh']) {
      const response = await t.get(`/${locale}/newsletter`);
      expect(response.status).toBe(200);
      const html = await keep(`signup-${locale}`, response);
      expect(html).toContain(`action="/${locale}/newsletter"`);
      expect(html).toMatch(/<div class="nl-trap" aria-hidden="true">/);
      expect(html).toMatch(/name="website" tabindex="-1"/);
      expect(html).toContain('name="section" value="ai-models"');
      expect(html).toContain('name="entity" value="nvidia"');
      expect(html).toContain('name="frequency" value="daily"');
    }
    expect(await (await t.get('/zh/newsletter')).text()).toContain('发送频率');
  });

  it('subscribes: one confirmation mail in the reader’s language, both parts, correct headers and links', async () => {
    const response = await post('/zh/newsletter', {
      email: 'Reader@Example.org',
      locale: 'zh',
      frequency: 'daily',
      section: 'chips',
      entity: 'nvidia',
    });
    expect(response.status).toBe(200);
    await keep('check-inbox-zh', response);
    const mail = await exactlyMail(1);
    expect(mail.recipients).toEqual(['reader@example.org']);
    expect(mail.parsed.subject).toContain('请确认订阅');
    expect(mail.parsed.text).toContain('确认订阅');
    expect(String(mail.parsed.html)).toContain('<html lang="zh-Hans">');
    expect(header(mail, 'Content-Language')).toBe('zh-Hans');
    expect(header(mail, 'Message-ID')).toMatch(/^<confirm\.[0-9a-f]{24}@news\.example\.test>$/);
    expect(header(mail, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/news\.example\.test\/zh\/newsletter\/unsubscribe\/[\w.-]+>$/,
    );
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.parsed.from?.value[0]?.address).toBe('newsletter@news.example.test');

    const links = linksIn(mail);
    expect(links.html).toHaveLength(3);
    expect(new Set(links.text)).toEqual(new Set(links.html));
    for (const link of links.html) {
      expect(link.startsWith(`${TEST_SITE_URL}/zh/newsletter/`)).toBe(true);
      const page = await t.get(link.slice(TEST_SITE_URL.length));
      expect(page.status, link).toBe(200);
      await keep(`link-${link.split('/')[5]}`, page);
    }
    // Following the links above (as a mail scanner would) confirmed and unsubscribed nothing.
    const confirmLink = pathOf(links.html[0] ?? '', 'confirm');
    const confirmed = await post(confirmLink, {});
    expect(confirmed.status).toBe(200);
    expect(await keep('confirmed-zh', confirmed)).toContain('订阅成功');

    const replay = await post(confirmLink, {});
    expect(replay.status).toBe(410);
    expect(await keep('bad-link-zh', replay)).toContain('此链接无法使用');
    const forged = await t.get(`${confirmLink.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(404);
  });

  it('answers a known and an unknown address identically, and sends nothing to the known one', async () => {
    const known = await post('/en/newsletter', { email: 'reader@example.org' });
    const unknown = await post('/en/newsletter', { email: 'stranger@example.org' });
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
    expect([...known.headers.entries()]).toEqual([...unknown.headers.entries()]);
    const mail = await exactlyMail(2);
    expect(mail.recipients).toEqual(['stranger@example.org']);
    expect(mail.parsed.subject).toBe('Confirm your subscription to Test Site');
    expect(header(mail, 'Content-Language')).toBe('en');
  });

  it('refuses a filled honeypot silently, and malformed or header-injecting addresses', async () => {
    const bot = await post('/en/newsletter', { email: 'bot@example.org', website: 'http://spam.example' });
    expect(bot.status).toBe(200);
    for (const email of [
      'a@example.org\r\nBcc: victim@example.org',
      'Name <a@example.org>',
      'not-an-address',
    ]) {
      const response = await post('/en/newsletter', { email });
      expect(response.status).toBe(422);
      const html = await keep('invalid-en', response);
      expect(html).toContain('role="alert"');
      // The address comes back escaped in the field, without its line breaks.
      expect(html).not.toMatch(/value="[^"]*[\r\n]/);
    }
    const badChoice = await post('/en/newsletter', { email: 'x@example.org', section: 'no-such-section' });
    expect(badChoice.status).toBe(422);
    await t.mailIdle();
    expect(sink.received).toHaveLength(2);
  });

  it('refuses cross-site posts of the signup form', async () => {
    const response = await t.get('/en/newsletter', {
      method: 'POST',
      headers: { ...FORM, origin: 'https://evil.example' },
      body: 'email=victim%40example.org',
    });
    expect(response.status).toBe(403);
  });

  it('limits signups per IP address and per email address', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await post('/en/newsletter', { email: `bulk${i}@example.org` }, '203.0.113.9')).status).toBe(
        200,
      );
    }
    const limited = await post('/en/newsletter', { email: 'bulk10@example.org' }, '203.0.113.9');
    expect(limited.status).toBe(429);
    await keep('rate-limited-en', limited);
    for (let i = 0; i < 3; i++) await post('/en/newsletter', { email: 'popular@example.org' });
    expect((await post('/en/newsletter', { email: 'popular@example.org' })).status).toBe(429);
    await sink.waitFor(2 + 10 + 3);
  });

  it('changes preferences, exports and deletes data through the signed link', async () => {
    const mail = sink.received.find((m) => m.recipients[0] === 'stranger@example.org') as ReceivedMail;
    await post(pathOf(linksIn(mail).html[0] ?? '', 'confirm'), {});
    const preferences = pathOf(linksIn(mail).html[1] ?? '', 'preferences');
    const page = await t.get(preferences);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('strict-origin');
    expect(await keep('preferences-en', page)).toContain('stranger@example.org');

    const saved = await post(preferences, {
      locale: 'zh',
      frequency: 'daily',
      section: ['ai-models', 'chips'],
    });
    expect(saved.status).toBe(200);
    const html = await keep('preferences-saved-en', saved);
    expect(html).toContain('Your preferences are saved.');
    expect(html).toMatch(/value="zh" selected/);
    expect(html).toMatch(/value="daily" checked/);

    const exported = await post(`${preferences}/export`, {});
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const data = (await exported.json()) as {
      subscriber: { email: string; frequency: string; state: string };
      topics: unknown[];
    };
    expect(data.subscriber).toMatchObject({
      email: 'stranger@example.org',
      frequency: 'daily',
      state: 'active',
    });
    expect(data.topics).toEqual([
      { kind: 'section', key: 'ai-models' },
      { kind: 'section', key: 'chips' },
    ]);

    const deleted = await post(`${preferences}/delete`, {});
    expect(deleted.status).toBe(200);
    await keep('deleted-en', deleted);
    expect((await t.get(preferences)).status).toBe(404);
  });

  it('unsubscribes with one click: a cookieless POST works, a GET only shows a button', async () => {
    const mail = sink.received[0] as ReceivedMail;
    const url = header(mail, 'List-Unsubscribe').slice(1, -1);
    const path = url.slice(TEST_SITE_URL.length);
    const shown = await t.get(path);
    expect(shown.status).toBe(200);
    expect(await keep('unsubscribe-zh', shown)).toContain(`action="${path}"`);
    const preferences = pathOf(linksIn(mail).html[1] ?? '', 'preferences');
    expect(await (await t.get(preferences)).text()).toContain('已订阅');

    // What a mail provider sends (RFC 8058 §3.1): no cookie, no Origin, no CSRF token.
    const response = await t.get(path, { method: 'POST', headers: FORM, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    expect(await keep('unsubscribed-zh', response)).toContain('已退订');
    expect(await (await t.get(preferences)).text()).toContain('已退订');
  });

  it('renders every newsletter page as valid HTML', () => {
    expect(Object.keys(pages).length).toBeGreaterThan(10);
    expect(vnuProblems(pages)).toEqual([]);
  }, 60_000);
});
