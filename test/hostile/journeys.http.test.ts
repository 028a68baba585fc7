import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

// Issue 11, "Reader and editor journeys in a real browser": the newsletter's own forms sent as
// Chromium sends them (`Origin: null` under a strict referrer policy) must work where the signed
// link is the authority, and a refused form must say "refused" under its real status, not 404.
// The browser itself clicks through in test/e2e/newsletter-journey.test.ts.

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function linkIn(mail: ReceivedMail, segment: string): string {
  const found = String(mail.parsed.html).match(new RegExp(`/\\w+/newsletter/${segment}/[\\w.-]+`))?.[0];
  if (!found) throw new Error(`no ${segment} link in the mail`);
  return found;
}

describe.each(DIALECTS)('newsletter forms and Origin on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let ip = 0;

  const post = (path: string, headers: Record<string, string>, body = '') =>
    t.get(path, {
      method: 'POST',
      headers: { ...FORM, 'x-forwarded-for': `198.51.100.${++ip}`, ...headers },
      body,
    });
  const state = async (email: string) =>
    (
      await t.database.db
        .selectFrom('subscribers')
        .select('state')
        .where('email', '=', email)
        .executeTakeFirst()
    )?.state;

  /** Signs `email` up from the site's own page and returns the confirmation mail. */
  async function signUp(email: string): Promise<ReceivedMail> {
    const count = sink.received.length;
    const response = await post(
      '/en/newsletter',
      { origin: TEST_SITE_URL },
      `email=${encodeURIComponent(email)}`,
    );
    expect(response.status).toBe(200);
    return (await sink.waitFor(count + 1))[count] as ReceivedMail;
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

  describe('pages behind a signed link keep the token out of Referer without breaking their forms', () => {
    it('sends strict-origin, never no-referrer, on the confirm and preferences pages', async () => {
      const mail = await signUp('policy@example.org');
      for (const path of [linkIn(mail, 'confirm'), linkIn(mail, 'preferences'), '/en/newsletter']) {
        const page = await t.get(path);
        expect(page.status, path).toBe(200);
        expect(page.headers.get('referrer-policy'), path).toBe('strict-origin');
      }
    });

    it('confirms and saves preferences when the browser sends Origin: null', async () => {
      const mail = await signUp('null-origin@example.org');
      const confirmed = await post(linkIn(mail, 'confirm'), {
        origin: 'null',
        'sec-fetch-site': 'same-origin',
      });
      expect(confirmed.status).toBe(200);
      expect(await state('null-origin@example.org')).toBe('active');
      // No Sec-Fetch-Site at all (an older browser): the token is still the proof.
      const saved = await post(linkIn(mail, 'preferences'), { origin: 'null' }, 'locale=zh&frequency=daily');
      expect(saved.status).toBe(200);
      expect(await saved.text()).toContain('Your preferences are saved.');
      const row = await t.database.db
        .selectFrom('subscribers')
        .select(['locale', 'frequency'])
        .where('email', '=', 'null-origin@example.org')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ locale: 'zh', frequency: 'daily' });
    });

    it('still refuses a foreign Origin, or a cross-site fetch, on a signed link, and keeps nothing', async () => {
      const mail = await signUp('foreign@example.org');
      const confirm = linkIn(mail, 'confirm');
      const attempts: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of attempts) {
        expect((await post(confirm, headers)).status, JSON.stringify(headers)).toBe(403);
      }
      expect(await state('foreign@example.org')).toBe('pending');
    });
  });

  describe('the signup form has no token: Origin null passes only with the browser’s word', () => {
    it('takes null with Sec-Fetch-Site: same-origin, refuses it otherwise, and keeps nothing', async () => {
      const count = sink.received.length;
      const refused = await post('/en/newsletter', { origin: 'null' }, 'email=nobody%40example.org');
      expect(refused.status).toBe(403);
      expect(await state('nobody@example.org')).toBeUndefined();
      const taken = await post(
        '/en/newsletter',
        { origin: 'null', 'sec-fetch-site': 'same-origin' },
        'email=somebody%40example.org',
      );
      expect(taken.status).toBe(200);
      await sink.waitFor(count + 1);
      expect(sink.received.map((m) => m.recipients[0])).not.toContain('nobody@example.org');
    });
  });

  describe('a refused form says so under its own status, in both languages', () => {
    it.each([
      ['en', 'Error 403', 'This request was refused'],
      ['zh', '错误403', '请求被拒绝'],
    ])('%s', async (locale, code, heading) => {
      const response = await post(
        `/${locale}/newsletter`,
        { origin: 'https://evil.example' },
        'email=x%40example.org',
      );
      expect(response.status).toBe(403);
      const html = await response.text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(code);
      expect(html).toContain(`<title>${heading} · `);
      expect(html).not.toContain('404');
    });
  });
});
