import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { addUser, issueOwnerSetupToken, issueSetupToken } from './index.js';

const PASSWORD = 'correct horse battery';
const SESSION = '__Host-velocity_session';

describe.each(DIALECTS)('accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
  });
  afterAll(() => t.destroy());

  it('creates the first owner through the one-time setup link, once', async () => {
    const token = await issueOwnerSetupToken(t.database.db, new Date());
    expect(token).toBeDefined();
    const browser = new AdminClient(t);
    expect((await browser.get(`/admin/setup/${token}`)).status).toBe(200);
    const short = await browser.post(`/admin/setup/${token}`, {
      email: 'o@x.test',
      password: 'short',
      confirm: 'short',
    });
    expect(short.status).toBe(422);
    const done = await browser.post(`/admin/setup/${token}`, {
      email: 'Owner@Example.test',
      displayName: 'Olga',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(done.status).toBe(303);
    // The test site's public URL is https://, so the cookie is Secure and host-only (`__Host-`).
    const cookie = done.headers.getSetCookie().find((line) => line.startsWith(`${SESSION}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect((await browser.get(`/admin/setup/${token}`)).status).toBe(410);
    expect(await issueOwnerSetupToken(t.database.db, new Date())).toBeUndefined();
  });

  it('sends a visitor without a session to the sign-in page, remembering where they were going', async () => {
    const response = await new AdminClient(t).get('/admin/stories?status=draft');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Fstories%3Fstatus%3Ddraft');
  });

  it('signs in, rotates the session id, and refuses a wrong password with a clear message', async () => {
    const browser = new AdminClient(t);
    await browser.get('/admin/sign-in');
    const wrong = await browser.post('/admin/sign-in', {
      email: 'owner@example.test',
      password: 'nope nope nope',
    });
    expect(wrong.status).toBe(401);
    expect(browser.lastHtml).toContain('do not match');
    browser.cookies.set(SESSION, 'A'.repeat(43));
    await browser.signIn('owner@example.test', PASSWORD);
    const first = browser.cookies.get(SESSION);
    expect(first).not.toBe('A'.repeat(43));
    // Signing in again with a live session replaces it: the old id stops working at once.
    expect(
      (await browser.post('/admin/sign-in', { email: 'owner@example.test', password: PASSWORD })).status,
    ).toBe(303);
    const second = browser.cookies.get(SESSION);
    expect(second).not.toBe(first);
    const stale = new AdminClient(t);
    stale.cookies.set(SESSION, first ?? '');
    expect((await stale.get('/admin/stories')).status).toBe(303);
  });

  it('never goes to another site after signing in', async () => {
    const browser = new AdminClient(t);
    await browser.get('/admin/sign-in');
    const response = await browser.post('/admin/sign-in', {
      email: 'owner@example.test',
      password: PASSWORD,
      next: '//evil.example/admin',
    });
    expect(response.headers.get('location')).toBe('/admin');
  });

  it('slows sign-ins to an account from one address after five failures, also for the right password', async () => {
    await addUser(t.database.db, { email: 'target@example.test', role: 'editor' }, PASSWORD, new Date());
    const browser = new AdminClient(t);
    await browser.get('/admin/sign-in');
    for (let i = 0; i < 5; i++) {
      expect(
        (await browser.post('/admin/sign-in', { email: 'target@example.test', password: `guess ${i}` }))
          .status,
      ).toBe(401);
    }
    // From the same address the right password waits too (it cannot be told from a good guess);
    // test/hostile/accounts.http.test.ts shows the owner elsewhere is not held up.
    const paused = await browser.post('/admin/sign-in', { email: 'target@example.test', password: PASSWORD });
    expect(paused.status).toBe(429);
    expect(paused.headers.get('retry-after')).toBe('30');
    expect(browser.lastHtml).toContain('Try again in 30 seconds.');
  });

  it('refuses a state-changing request without the CSRF token, or from another origin', async () => {
    const browser = new AdminClient(t);
    await browser.signIn('owner@example.test', PASSWORD);
    expect((await browser.post('/admin/sign-out', {}, { csrf: '' })).status).toBe(403);
    expect((await browser.post('/admin/sign-out', {}, { csrf: 'forged-token' })).status).toBe(403);
    const crossSite = await browser.request('/admin/sign-out', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: browser.csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await browser.get('/admin/stories')).status).not.toBe(303);
    expect((await browser.post('/admin/sign-out', {})).status).toBe(303);
    expect((await browser.get('/admin/stories')).status).toBe(303);
  });

  it('refuses the sign-in form without its token', async () => {
    const browser = new AdminClient(t);
    const response = await browser.post(
      '/admin/sign-in',
      { email: 'owner@example.test', password: PASSWORD },
      { csrf: '' },
    );
    expect(response.status).toBe(403);
  });

  it('logs out everywhere, and a password link ends every session too', async () => {
    const laptop = new AdminClient(t);
    const phone = new AdminClient(t);
    await laptop.signIn('owner@example.test', PASSWORD);
    await phone.signIn('owner@example.test', PASSWORD);
    expect((await laptop.post('/admin/sign-out-everywhere', {})).status).toBe(303);
    expect((await phone.get('/admin/stories')).status).toBe(303);

    await phone.signIn('owner@example.test', PASSWORD);
    const owner = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'owner@example.test')
        .executeTakeFirstOrThrow()
    ).id;
    const reset = await issueSetupToken(t.database.db, owner, new Date());
    const browser = new AdminClient(t);
    await browser.get(`/admin/setup/${reset}`);
    const NEW = 'a brand new passphrase';
    expect((await browser.post(`/admin/setup/${reset}`, { password: NEW, confirm: NEW })).status).toBe(303);
    expect((await phone.get('/admin/stories')).status).toBe(303);
    await expect(phone.signIn('owner@example.test', PASSWORD)).rejects.toThrow('401');
    await phone.signIn('owner@example.test', NEW);
  });
});
